import VigilCore

/// The reported span of a reaction as ADE annotators mark it: the whole noun phrase of the
/// disorder, adjectives included ("cervical lymphadenopathy", "sclerosing" aside, "paroxysmal
/// supraventricular tachycardia"), but not the words that name its cause ("drug-induced
/// hepatitis" is "hepatitis").
enum ReactionSpans {
    /// Adjective endings of disorder modifiers: anatomical, pathological and course adjectives.
    static let adjectiveEndings = ["al", "ic", "ous", "ary", "ar", "oid", "ive", "ile", "ine"]
    /// Adjectives with those endings that qualify the statement, not the disorder.
    static let notDisorderAdjectives: WordSet = [
        "significant", "potential", "serious", "occasional", "general", "apparent", "spontaneous", "clinical",
        "typical", "several", "initial", "usual", "unusual", "additional", "original", "particular", "similar",
        "possible", "previous", "various", "numerous", "obvious", "continuous", "simultaneous", "dangerous",
        "tremendous", "conservative", "positive", "negative", "relative", "respective", "effective", "alternative",
        "prospective", "retrospective", "consecutive", "excessive", "repetitive", "sensitive", "intensive",
        "regular", "familiar", "necessary", "temporary", "unnecessary", "ordinary", "contrary", "preliminary",
        "voluntary", "routine", "medicine", "examine", "determine", "combine", "define", "baseline", "decline",
        "guideline", "vaccine", "saline", "final", "normal", "real",
        "actual", "individual", "annual", "critical", "classic", "classical", "characteristic", "specific",
        "nonspecific", "therapeutic", "prophylactic", "diagnostic", "medical", "surgical", "physical", "historical", "theoretical", "empiric", "empirical",
        "basic", "public", "economic", "ethic", "logic", "topic", "arsenic", "mechanic", "traumatic",
        "comparative", "consultative", "productive", "primitive", "active", "inactive", "selective", "objective",
        "subjective", "predictive", "elective", "innovative", "informative", "collective", "distinctive",
        "profuse", "this", "his", "has", "was", "is", "as", "its", "us", "thus", "plus", "various", "famous",
        "previous", "concomitant", "postmarketing", "regional",
    ]

    static let likeNouns: WordSet = ["symptoms", "syndrome", "reaction", "reactions", "illness", "eruption",
                                         "eruptions", "disease", "lesions", "lesion", "rash", "picture", "episode", "episodes"]
    /// Class nouns written after a disorder's name: "bleeding symptoms", "Parkinson-like disease".
    static let headNouns: WordSet = ["syndrome", "symptoms", "disease", "disorder", "events", "changes", "lesions",
                                         "effects", "episodes", "complications"]
    static let hyphenPrefixes: WordSet = ["sub", "non", "pre", "post", "peri", "para", "intra", "extra", "anti",
                                              "hyper", "hypo", "semi", "multi", "pseudo", "auto", "poly", "retro"]

    /// Moves reaction starts left over disorder adjectives, and right past "drug-induced".
    static func adjust(_ mentions: inout [EntityMention], _ tokens: [Token]) {
        let n = tokens.count
        var covered = [Bool](filled: false, count: n)
        for m in mentions { for k in m.tokens where k < n { covered[k] = true } }
        for i in mentions.indices where mentions[i].kind == .reaction {
            let m = mentions[i]
            // "psoriasis-like skin reaction", "lupus-like syndrome": the likeness is the reaction.
            var e = m.tokens.upperBound
            if e + 1 < n, tokens[e].norm == "-", tokens[e + 1].norm == "like", !tokens[e].spaceBefore {
                e += 2
                var k = e
                while k < n, k - e < 2, !covered[k], tokens[k].kind == .word, likeNouns.contains(tokens, k)
                        || ["skin", "cutaneous"].contains(tokens[k].norm) { k += 1 }
                if k > e, likeNouns.contains(tokens, k - 1) {
                    mentions[i].end = tokens[k - 1].end
                    for j in e..<k { covered[j] = true }
                }
            }
            // "restless legs symptoms", "catatonia syndrome": a class noun after the disorder is part of
            // the reported span (ADE annotators include it nearly always).
            if e == m.tokens.upperBound, e < n, !covered[e], tokens[e].kind == .word, !tokens[e].blankLineBefore,
               headNouns.contains(tokens, e) {
                mentions[i].end = tokens[e].end
                covered[e] = true
            }
            // "drug-induced hepatitis": the cause word is not part of the effect.
            var s = m.tokens.lowerBound
            if s + 2 < m.tokens.upperBound, tokens[s].norm == "drug" {
                var k = s + 1
                if tokens[k].norm == "-" { k += 1 }
                if k + 1 < m.tokens.upperBound, CausalRelations.compoundCues.contains(tokens, k) {
                    mentions[i].start = tokens[k + 1].start
                    continue
                }
            }
            // Only from where the reported span starts now (modifiers already taken).
            var lo = 0, hi = m.tokens.upperBound
            while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].start < m.start { lo = mid + 1 } else { hi = mid } }
            guard lo < n, tokens[lo].start == m.start else { continue }
            s = lo
            var moved = false
            while s > 0, !covered[s - 1], isDisorderAdjective(tokens[s - 1]), !tokens[s].blankLineBefore {
                s -= 1
                moved = true
            }
            // Hyphenated adjective: "sub-conjunctival" is one word for the annotator.
            while s > 1, tokens[s - 1].norm == "-", !tokens[s - 1].spaceBefore, !tokens[s].spaceBefore,
                  tokens[s - 2].kind == .word, !covered[s - 2],
                  hyphenPrefixes.contains(tokens, s - 2) || isDisorderAdjective(tokens[s - 2]) {
                s -= 2
                moved = true
            }
            // "worsening of chronic aphthous ulcers", "exacerbations of the heart failure": the change in
            // the disorder is what annotators mark.
            var k = s - 1
            if k > 0, tokens[k].norm == "the" { k -= 1 }
            if k > 0, tokens[k].norm == "of", !covered[k - 1], courseNouns.contains(tokens, k - 1) {
                s = k - 1
                moved = true
            }
            if moved { mentions[i].start = tokens[s].start }
        }
    }

    /// Nouns of a disorder's course that head the reported span before "of".
    static let courseNouns: WordSet = ["worsening", "exacerbation", "exacerbations", "aggravation", "progression",
                                           "attacks", "increase"]

    static func isDisorderAdjective(_ t: borrowing Token) -> Bool {
        guard t.kind == .word, t.norm.utf8.count >= 5, !t.isAllUpper else { return false }
        // The sets asked with the token, whose hash is made: the word is not hashed again.
        guard !notDisorderAdjectives.contains(t) else { return false }
        if MentionFinder.modifiers.contains(t) { return true }
        let w = t.norm
        return adjectiveEndings.contains { w.hasSuffix($0) }
    }
}
