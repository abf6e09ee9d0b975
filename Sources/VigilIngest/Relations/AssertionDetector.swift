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
        if notExcluded(mention, sentence, tokens) { return .uncertain }
        // Hedges anywhere before the mention in the same clause, or right after it.
        var k = mention.lowerBound - 1
        var steps = 0
        while k >= sentence.lowerBound, steps < 14 {
            if tokens[k].norm == ";" { break }
            if hypotheticalCues.contains(tokens, k) { return hedgedCause(k, sentence, tokens) ? .uncertain : .hypothetical }
            if uncertainCues.contains(tokens, k) { return .uncertain }
            k -= 1
            steps += 1
        }
        var f = mention.upperBound
        steps = 0
        while f < sentence.upperBound, steps < 4 {
            if hypotheticalCues.contains(tokens, f) { return hedgedCause(f, sentence, tokens) ? .uncertain : .hypothetical }
            if uncertainCues.contains(tokens, f) { return .uncertain }
            f += 1
            steps += 1
        }
        return .affirmed
    }

    static func isNegated(_ mention: Range<Int>, _ sentence: Range<Int>, _ tokens: [Token]) -> Bool {
        // Trigger before the mention, within the clause.
        var k = mention.lowerBound - 1
        var words = 0
        // A comma and an event verb passed on the way back: they may close the trigger's phrase.
        var comma = false
        var event = false
        while k >= sentence.lowerBound, words < 10 {
            let t = tokens[k]
            if clauseBreaks.contains(t) { break }
            if t.kind != .punct { words += 1 }
            if t.norm == "," { comma = true }
            if eventVerbs.contains(t) { event = true }
            if negationTriggers.contains(t) {
                let next = k + 1 < tokens.count ? tokens[k + 1].norm : ""
                // "not only", "no longer", "no change in", "not markedly" are not denials of the mention;
                // nor are "not uncommonly seen", "no previous reports of" (a claim of novelty).
                if t.norm == "not" && (next == "only" || next == "markedly" || next == "significantly") { k -= 1; continue }
                if (t.norm == "not" || t.norm == "no") && notDenying.contains(tokens, k + 1) { k -= 1; continue }
                // "we could not rule out hepatitis": a doubt, not a denial (`notExcluded`).
                if t.norm == "not" && excludeWords.contains(next) { k -= 1; continue }
                // "Infection was excluded, and X …": the passive's subject came before it.
                if t.norm == "excluded" && k > sentence.lowerBound && ["be", "was", "were", "been", "is"].contains(tokens[k - 1].norm) {
                    k -= 1; continue
                }
                if t.norm == "no" && (next == "longer" || next == "change" || next == "choice" || next == "further" || next == "obvious") { k -= 1; continue }
                if t.norm == "negative" && !(next == "for") { k -= 1; continue }
                if t.norm == "free" && !(next == "of") { k -= 1; continue }
                // "No other cause for the gynecomastia could be found", "without other causes for X":
                // the alternatives are denied, not X.
                if next == "other", (k + 2..<min(k + 5, mention.lowerBound)).contains(where: { causeWords.contains(tokens, $0) }) {
                    k -= 1; continue
                }
                // "In the absence of mucositis, severe toxicity …", "Without X, she …": a phrase
                // that opens the sentence ends at its comma.
                if comma, k == sentence.lowerBound || k - 2 >= sentence.lowerBound && tokens[k - 2].norm == "in" && k - 2 == sentence.lowerBound {
                    return false
                }
                // "with no apparent risk factors for liver injury developed acute hepatitis": the
                // patient's event is outside the denial (but "no patients developed X" is one).
                if event, !(k + 1 < mention.lowerBound && (CausalRelations.patientWords.contains(tokens, k + 1) || next == "of" || next == "one")) {
                    return false
                }
                if t.norm == "lack" || t.norm == "absence" { return next == "of" }
                return true
            }
            k -= 1
        }
        // Trigger after the mention: "… was ruled out", "… were negative", "did not recur".
        var f = mention.upperBound
        var seen: [String] = []
        seen.reserveCapacity(5)
        while f < sentence.upperBound, seen.count < 5 {
            if clauseBreaks.contains(tokens, f) || tokens[f].norm == "," { break }
            if tokens[f].kind != .punct { seen.append(tokens[f].norm) }
            f += 1
        }
        // A tail that has none of their first words can match none of them: no string built.
        guard seen.contains(where: { negatingTailStarts.contains($0) }) else { return false }
        // "… could not be ruled out": a doubt (`notExcluded`), not a denial.
        if seen.contains("be"), seen.contains(where: { $0 == "not" || $0 == "cannot" }) { return false }
        let tail = seen.joined(separator: " ")
        for (p, sp) in negatingTails where tail.hasPrefix(p) || tail.has(sp) {
            return true
        }
        return false
    }

    static let attributionWords: WordSet = ["due", "related", "attributed", "attributable", "secondary", "caused",
                                            "induced", "associated", "responsible", "explained", "linked"]

    /// "The rash could be due to lamotrigine", "may have been caused by": a modal that doubts the
    /// cause of what happened (uncertain), not one that imagines an effect ("may cause", hypothetical).
    static func hedgedCause(_ modal: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Bool {
        var k = modal + 1
        if k + 1 < sentence.upperBound, tokens[k].norm == "have", tokens[k + 1].norm == "been" { k += 2 }
        else if k < sentence.upperBound, tokens[k].norm == "be" { k += 1 }
        else { return false }
        return k < sentence.upperBound && attributionWords.contains(tokens, k)
    }

    /// Words after "not"/"no" that do not deny what follows: frequency and novelty.
    static let notDenying: WordSet = ["previous", "previously", "prior", "published", "frequently", "commonly",
                                      "uncommonly", "infrequently", "usually", "always", "necessarily"]
    static let causeWords: WordSet = ["cause", "causes", "explanation", "explanations", "etiology", "aetiology", "reason",
                                      "reasons"]
    /// Verbs of something happening to the patient, which a denial before them does not reach across.
    static let eventVerbs: WordSet = ["developed", "presented", "experienced"]

    static let excludeWords: WordSet = ["exclude", "excluded", "rule", "ruled"]

    /// "Lamotrigine-induced hepatitis cannot be excluded", "a contribution … could not be ruled
    /// out", "we cannot exclude hepatitis": the text leaves the mention open.
    static func notExcluded(_ mention: Range<Int>, _ sentence: Range<Int>, _ tokens: [Token]) -> Bool {
        // After the mention, within the clause: "not/cannot … be … excluded/ruled".
        var f = mention.upperBound
        var sawNot = false
        while f < sentence.upperBound, f < mention.upperBound + 6 {
            let t = tokens[f]
            if clauseBreaks.contains(t) || t.norm == "," { break }
            if t.norm == "not" || t.norm == "cannot" { sawNot = true }
            if sawNot, excludeWords.contains(t), tokens[f - 1].norm == "be" { return true }
            f += 1
        }
        // Before it: "cannot exclude", "could not rule out".
        var k = mention.lowerBound - 1
        while k > sentence.lowerBound, k >= mention.lowerBound - 8 {
            if clauseBreaks.contains(tokens, k) { break }
            if excludeWords.contains(tokens, k), tokens[k - 1].norm == "not" || tokens[k - 1].norm == "cannot" { return true }
            k -= 1
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
