import VigilCore

/// Whether a sentence states, denies or only entertains what it says about a mention
/// (NegEx-style triggers with a scope that ends at the clause).
enum AssertionDetector {
    static let negationTriggers: WordSet = ["no", "not", "without", "denied", "denies", "deny", "absence", "absent",
                                                "lack", "never", "neither", "nor", "none", "free", "negative", "excluded"]
    static let clauseBreaks: WordSet = [";", ".", "but", "however", "although", "though", "which", "except",
                                            "whereas", "while", "who", "whom", "after", "until", "because", "despite"]
    static let hypotheticalCues: WordSet = ["may", "might", "could", "would", "if", "whether", "should"]
    static let uncertainCues: WordSet = ["possible", "possibly", "suspected", "suspect", "probable", "probably",
                                             "likely", "unlikely", "suggest", "suggests", "suggested", "suggesting",
                                             "presumably", "presumed", "putative", "questionable", "doubtful"]

    /// The assertion for a reaction (or target) mention at `tokens` within a sentence.
    static func assertion(of mention: Range<Int>, in sentence: Range<Int>, _ tokens: [Token]) -> Assertion {
        if isNegated(mention, sentence, tokens) { return .negated }
        // Hedges anywhere before the mention in the same clause, or right after it.
        var k = mention.lowerBound - 1
        var steps = 0
        while k >= sentence.lowerBound, steps < 14 {
            if tokens[k].norm == ";" { break }
            if hypotheticalCues.contains(tokens[k]) { return .hypothetical }
            if uncertainCues.contains(tokens[k]) { return .uncertain }
            k -= 1
            steps += 1
        }
        var f = mention.upperBound
        steps = 0
        while f < sentence.upperBound, steps < 4 {
            if hypotheticalCues.contains(tokens[f]) { return .hypothetical }
            if uncertainCues.contains(tokens[f]) { return .uncertain }
            f += 1
            steps += 1
        }
        return .affirmed
    }

    static func isNegated(_ mention: Range<Int>, _ sentence: Range<Int>, _ tokens: [Token]) -> Bool {
        // Trigger before the mention, within the clause.
        var k = mention.lowerBound - 1
        var words = 0
        while k >= sentence.lowerBound, words < 10 {
            if clauseBreaks.contains(tokens[k]) { break }
            if tokens[k].kind != .punct { words += 1 }
            if negationTriggers.contains(tokens[k]) {
                // "not only", "no longer", "no change in", "not markedly" are not denials of the mention.
                let next = k + 1 < tokens.count ? tokens[k + 1].norm : ""
                if tokens[k].norm == "not" && (next == "only" || next == "markedly" || next == "significantly") { k -= 1; continue }
                if tokens[k].norm == "no" && (next == "longer" || next == "change" || next == "choice" || next == "further" || next == "obvious") { k -= 1; continue }
                if tokens[k].norm == "negative" && !(next == "for") { k -= 1; continue }
                if tokens[k].norm == "free" && !(next == "of") { k -= 1; continue }
                if tokens[k].norm == "lack" || tokens[k].norm == "absence" { return next == "of" }
                return true
            }
            k -= 1
        }
        // Trigger after the mention: "… was ruled out", "… were negative", "did not recur".
        var f = mention.upperBound
        var seen: [String] = []
        seen.reserveCapacity(5)
        while f < sentence.upperBound, seen.count < 5 {
            if clauseBreaks.contains(tokens[f]) || tokens[f].norm == "," { break }
            if tokens[f].kind != .punct { seen.append(tokens[f].norm) }
            f += 1
        }
        // A tail that has none of their first words can match none of them: no string built.
        guard seen.contains(where: { negatingTailStarts.contains($0) }) else { return false }
        let tail = seen.joined(separator: " ")
        for (p, sp) in negatingTails where tail.hasPrefix(p) || tail.has(sp) {
            return true
        }
        return false
    }

    /// Wording after a mention that denies it, with the space-led form searched inside the tail.
    static let negatingTails: [(String, String)] = [
        "ruled out", "was excluded", "were excluded", "was negative", "were negative", "was absent",
        "were absent", "did not recur", "did not occur", "was not observed", "were not observed",
        "did not develop", "was not seen", "were not seen", "was not found",
    ].map { ($0, " " + $0) }
    /// The first words of `negatingTails`: each is matched only where a word starts.
    static let negatingTailStarts = WordSet(negatingTails.map { String($0.0.prefix { $0 != " " }) })
}
