/// Numbers and durations as case reports write them: "14", "fourteen", "two weeks", "a week".
enum TimeExpressions {
    static let numberWords: [String: Double] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "several": 3, "few": 3,
    ]
    static let ordinals: [String: Double] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10,
    ]
    static let units: [String: Double] = [
        "day": 1, "days": 1, "week": 7, "weeks": 7, "wk": 7, "wks": 7, "month": 30, "months": 30,
        "year": 365, "years": 365, "hour": 1.0 / 24, "hours": 1.0 / 24, "h": 1.0 / 24,
    ]

    static func number(_ w: String) -> Double? {
        if let d = Double(w) { return d }
        return numberWords[w]
    }

    /// A duration starting at word index `i` ("two weeks", "14 days", "a week"): days and the index after it.
    static func duration(_ words: [String], at i: Int) -> (Double, Int)? {
        guard i < words.count, let n = number(words[i]) else { return nil }
        var k = i + 1
        if k < words.count, words[k] == "-" { k += 1 }
        guard k < words.count, let u = units[words[k]] else { return nil }
        return (n * u, k + 1)
    }
}
