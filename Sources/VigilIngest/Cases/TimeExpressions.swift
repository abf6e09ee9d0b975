/// Numbers and durations as case reports write them: "14", "fourteen", "two weeks", "a week".
enum TimeExpressions {
    static let numberWords: [String: Double] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "several": 3, "few": 3,
    ]
    /// The tens that take a unit after them: "forty-two", "twenty one".
    static let tens: Set<String> = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    static let ordinals: [String: Double] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10,
    ]
    static let units: [String: Double] = [
        "day": 1, "days": 1, "week": 7, "weeks": 7, "wk": 7, "wks": 7, "month": 30, "months": 30,
        "year": 365, "years": 365, "hour": 1.0 / 24, "hours": 1.0 / 24, "h": 1.0 / 24,
        "minute": 1.0 / 1440, "minutes": 1.0 / 1440, "min": 1.0 / 1440,
    ]

    static func number(_ w: String) -> Double? {
        // Most words are neither: a word that begins with an ASCII letter parses as a Double only
        // when it begins "i", "n" or "s" ("inf", "nan", "snan"), and is a number word only when it
        // begins with the first letter of one; neither test runs a Hasher or the parser.
        if let f = w.utf8.first, (f | 0x20) >= 97, (f | 0x20) <= 122 {
            let l = f | 0x20
            if l == 105 || l == 110 || l == 115, let d = Double(w) { return d }
            guard f >= 97, numberWordStarts & (1 << UInt32(f - 97)) != 0 else { return nil }
            return numberWords[w]
        }
        if let d = Double(w) { return d }
        return numberWords[w]
    }

    /// The first letters of the number words (all lower-case ASCII), bit `c - "a"` for letter `c`.
    private static let numberWordStarts: UInt32 = numberWords.keys.reduce(0) { m, w in
        let f = w.utf8.first!
        precondition(f >= 97 && f <= 122, "number words are lower-case ASCII")
        return m | (1 << UInt32(f - 97))
    }

    /// A duration starting at word index `i` ("two weeks", "14 days", "a week"): days and the index after it.
    static func duration(_ words: [String], at i: Int) -> (Double, Int)? {
        guard i < words.count, var n = number(words[i]) else { return nil }
        var k = i + 1
        // "forty-two days", "twenty one days"
        if tens.contains(words[i]) {
            let j = k < words.count && words[k] == "-" ? k + 1 : k
            if j < words.count, let u = numberWords[words[j]], u >= 1, u <= 9, u == u.rounded() {
                n += u
                k = j + 1
            }
        }
        if k < words.count, words[k] == "-" { k += 1 }
        guard k < words.count, let u = units[words[k]] else { return nil }
        return (n * u, k + 1)
    }

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "april": 4, "apr": 4, "may": 5, "june": 6,
        "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
        "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// A calendar date at word `i` ("3 march 2019", "march 3, 2019", "17 march" in the year last
    /// named): its day number (days since 1970-01-01) and the year read, nil when there is none.
    static func date(_ words: [String], at i: Int, year lastYear: Int?) -> (day: Int, year: Int)? {
        func year(_ k: Int) -> Int? {
            guard k < words.count, words[k].utf8.count == 4, let y = Int(words[k]), y >= 1900, y <= 2100 else { return nil }
            return y
        }
        func dayOfMonth(_ k: Int) -> Int? {
            guard k >= 0, k < words.count, let d = Int(words[k]), d >= 1, d <= 31 else { return nil }
            return d
        }
        var d: Int?, m: Int?, y: Int?
        if let day = dayOfMonth(i), i + 1 < words.count, let month = months[words[i + 1]] {
            // "3 march 2019", "17 march"
            d = day; m = month; y = year(i + 2)
        } else if let month = months[words[i]], words[i] != "may" || dayOfMonth(i + 1) != nil, let day = dayOfMonth(i + 1) {
            // "march 3, 2019", "march 3"
            d = day; m = month
            y = year(i + 2) ?? (i + 3 < words.count && words[i + 2] == "," ? year(i + 3) : nil)
        }
        guard let d, let m, let y = y ?? lastYear else { return nil }
        return (daysFromCivil(y, m, d), y)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}
