/// Which drug–reaction pairs of a sentence the wording presents as cause and effect
/// ("X-induced Y", "Y after starting X", "X … resulted in Y"), and which it presents as a disease
/// the drug treats ("X for Y", "Y treated with X").
enum CausalRelations {
    /// "sorafenib-induced", "heparin-associated".
    static let compoundCues: WordSet = ["induced", "associated", "related", "triggered", "mediated", "provoked",
                                            "caused", "attributed", "evoked", "elicited", "exacerbated", "dependent",
                                            "aggravated", "precipitated", "inducible"]
    /// Between a drug and a later reaction.
    static let forwardCues: WordSet = [
        "induced", "induces", "induce", "inducing", "caused", "causes", "cause", "causing", "produced", "produces",
        "produce", "producing", "provoked", "provokes", "provoke", "triggered", "triggers", "trigger", "precipitated",
        "precipitates", "precipitate", "resulted", "results", "resulting", "result", "led", "leads", "leading",
        "associated", "association", "developed", "develops", "developing", "develop", "complicated", "toxicity",
        "toxicities", "adverse", "side", "experienced", "exacerbated", "exacerbation", "worsened", "worsening",
        "aggravated", "unmasked", "occurred", "occurrence", "appeared", "complication", "complications",
        "reported", "related", "manifested", "presented", "suffered", "sequela", "sequelae", "attributed",
        "responsible", "implicated", "culprit", "evoked", "elicited", "effects", "effect", "events",
    ]
    /// Between a reaction and a later drug.
    static let backwardCues: WordSet = [
        "induced", "caused", "associated", "due", "secondary", "related", "attributed", "attributable", "following",
        "after", "during", "on", "from", "by", "receiving", "taking", "therapy", "use", "administration",
        "exposure", "ingestion", "intake", "triggered", "provoked", "precipitated", "complication", "while",
        "received", "given", "started", "starting", "initiation", "introduction", "to", "with", "took", "treated",
        "overdose", "injection", "infusion", "course", "dose", "doses", "challenge", "rechallenge", "re",
        "administered", "exposed", "took", "ingested", "under", "consecutive", "recipients", "users",
    ]
    /// Words that present the disease as what the drug treats.
    static let indicationCues: WordSet = [
        "for", "treat", "treating", "treatment", "treatments", "management", "manage", "managed", "prevent",
        "prevention", "preventing", "prophylaxis", "prophylactic", "control", "controlled", "relieve", "relief",
        "improve", "improved", "improvement", "improves", "resolution", "response", "responded", "responds",
        "effective", "efficacy", "benefit", "beneficial", "indicated", "approved", "reversed", "reverse", "cured",
        "cure", "remission", "palliative", "against", "successfully", "successful", "useful", "option",
        "alternative", "reduce", "reduced", "reduces", "attenuate", "attenuated", "protect", "protective",
        "candidate", "therapeutic", "antagonize", "antagonized", "counteract", "recommended", "despite",
    ]
    /// Words that stand between items of one list ("rash, fever, and eosinophilia").
    static let listWords: WordSet = [",", "and", "or", "/", "as", "well", "such", "including", "(", ")", "both",
                                         "either", "also", "other", "even", "particularly", "especially", "mainly"]
    static let patientWords: WordSet = ["patient", "patients", "man", "woman", "men", "women", "boy", "girl", "child",
                                            "children", "infant", "infants", "subjects", "cases", "case", "adults",
                                            "adolescents", "individuals", "people", "persons", "female", "male"]

    /// What a reaction did next, which no drug after it caused.
    static let courseVerbs: WordSet = ["persisted", "resolved", "improved", "subsided", "disappeared", "responded",
                                       "regressed", "remitted", "cleared", "abated"]

    struct Pair { var drug: Int; var reaction: Int; var strength: Int }

    static let keptPunct: WordSet = [",", ";", "(", ")", ":"]
    static let listPunct: WordSet = [",", "(", ")"]

    /// Pairs of mentions (indices into `mentions`) that the sentence links as cause and effect.
    static func pairs(_ sentence: Sentence, _ mentionIdx: [Int], _ mentions: [EntityMention], _ tokens: [Token]) -> [Pair] {
        let drugs = mentionIdx.filter { mentions[$0].kind == .drug }
        let reactions = mentionIdx.filter { mentions[$0].kind == .reaction }
        guard !drugs.isEmpty, !reactions.isEmpty else { return [] }
        var out: [Pair] = []
        for r in reactions {
            let rm = mentions[r]
            if let d = rm.embeddedDrug {
                out.append(Pair(drug: d, reaction: r, strength: 3))
                continue
            }
            for d in drugs {
                let dm = mentions[d]
                if dm.tokens.overlaps(rm.tokens) { continue }
                if let s = strength(dm, rm, sentence, mentionIdx, mentions, tokens), s > 0 {
                    out.append(Pair(drug: d, reaction: r, strength: s))
                }
            }
        }
        return out
    }

    /// Strength of the link, reading a coordinated list of drugs ("docetaxel, doxorubicin, and
    /// paclitaxel are associated with RRD") or reactions as if each item stood where the list ends.
    private static func strength(_ d: EntityMention, _ r: EntityMention, _ sentence: Sentence, _ mentionIdx: [Int],
                                 _ mentions: [EntityMention], _ tokens: [Token]) -> Int? {
        if let s = linkStrength(d, r, sentence, mentionIdx, mentions, tokens) { return s }
        let forward = d.tokens.upperBound <= r.tokens.lowerBound
        let listed = forward ? d : r
        let kind = listed.kind
        // The last item of the list `listed` belongs to, in reading order towards the other mention.
        var last = listed
        for i in mentionIdx {
            let m = mentions[i]
            guard m.kind == kind, m.tokens.lowerBound >= last.tokens.upperBound else { continue }
            if forward && m.tokens.lowerBound >= r.tokens.lowerBound { break }
            if !forward && m.tokens.lowerBound >= d.tokens.lowerBound { break }
            // Citation marks ("docetaxel [9], paclitaxel") do not interrupt a list.
            guard (last.tokens.upperBound..<m.tokens.lowerBound).allSatisfy({
                listWords.contains(tokens, $0) || MentionFinder.modifiers.contains(tokens, $0) || isCitationMark(tokens[$0].norm)
            }) else { break }
            last = m
        }
        if last.tokens != listed.tokens {
            return forward ? linkStrength(last, r, sentence, mentionIdx, mentions, tokens)
                           : linkStrength(d, last, sentence, mentionIdx, mentions, tokens)
        }
        // A list of drugs after the reaction ("DRESS has been associated with carbamazepine,
        // allopurinol and phenytoin"): each item as if it stood where the list begins.
        guard !forward else { return nil }
        var first = d
        for i in mentionIdx.reversed() {
            let m = mentions[i]
            guard m.kind == .drug, m.tokens.upperBound <= first.tokens.lowerBound else { continue }
            if m.tokens.lowerBound < r.tokens.upperBound { break }
            guard (m.tokens.upperBound..<first.tokens.lowerBound).allSatisfy({
                listWords.contains(tokens, $0) || isCitationMark(tokens[$0].norm)
            }) else { break }
            first = m
        }
        guard first.tokens != d.tokens else { return nil }
        return linkStrength(first, r, sentence, mentionIdx, mentions, tokens)
    }

    /// A bracket or a number, which a list may hold between its items ("docetaxel [9], paclitaxel").
    private static func isCitationMark(_ w: String) -> Bool { w == "[" || w == "]" || Double(w) != nil }

    private static func linkStrength(_ d: EntityMention, _ r: EntityMention, _ sentence: Sentence, _ mentionIdx: [Int],
                                 _ mentions: [EntityMention], _ tokens: [Token]) -> Int? {
        let forward = d.tokens.upperBound <= r.tokens.lowerBound
        let gapStart = forward ? d.tokens.upperBound : r.tokens.upperBound
        let gapEnd = forward ? r.tokens.lowerBound : d.tokens.lowerBound
        guard gapEnd - gapStart <= 40 else { return nil }
        var words: [String] = []
        words.reserveCapacity(gapEnd - gapStart)  // one allocation, not one per doubling
        for k in gapStart..<gapEnd where tokens[k].kind != .punct || Self.keptPunct.contains(tokens, k) {
            words.append(tokens[k].norm)
        }
        if words.contains(";") { return nil }
        // Mentions in between: a list of the same kind keeps the link, anything else cuts it.
        // Counted in one pass, without arrays of them (three allocations for every pair).
        func isBetween(_ i: Int) -> Bool { mentions[i].tokens.lowerBound >= gapStart && mentions[i].tokens.upperBound <= gapEnd }
        var otherDrugsBetween = 0, otherReactionsBetween = 0
        var lastReactionBetween = -1
        for i in mentionIdx where isBetween(i) {
            if mentions[i].kind == .drug { otherDrugsBetween += 1 }
            else if mentions[i].kind == .reaction { otherReactionsBetween += 1; lastReactionBetween = i }
        }
        var modifierFree: [String] = []  // words outside mentions
        modifierFree.reserveCapacity(gapEnd - gapStart)
        for k in gapStart..<gapEnd where !mentionIdx.contains(where: { isBetween($0) && mentions[$0].tokens.contains(k) }) {
            if tokens[k].kind != .punct || Self.listPunct.contains(tokens, k) { modifierFree.append(tokens[k].norm) }
        }

        if forward {
            // "sorafenib-induced acute pustulosis", "heparin induced thrombocytopenia"
            if let first = words.first, compoundCues.contains(first),
               modifierFree.count <= 4, otherDrugsBetween == 0,
               otherReactionsBetween == 0 || modifierFree.dropFirst().allSatisfy({ listWords.contains($0) }) {
                return 3
            }
            if let first = words.first, compoundCues.contains(first), otherDrugsBetween == 0,
               modifierFree.dropFirst().allSatisfy({ listWords.contains($0) || MentionFinder.modifiers.contains($0) }) {
                return 3
            }
            // "D1 … D2 caused R": the nearer drug is the cause; a list of drugs is read by `strength`.
            if otherDrugsBetween > 0 && !modifierFree.allSatisfy({ listWords.contains($0) }) { return nil }
            if otherReactionsBetween > 0 {
                // "X developed AGEP, which is a rare skin eruption": only a list carries the link on.
                let tail = (mentions[lastReactionBetween].tokens.upperBound..<gapEnd).map { tokens[$0].norm }
                if !tail.allSatisfy({ listWords.contains($0) || MentionFinder.modifiers.contains($0) || $0 == "-" }) { return nil }
            }
            let posIdx = words.lastIndex { forwardCues.contains($0) }
            let negIdx = words.lastIndex { indicationCues.contains($0) }
            let pre = precedingWords(d.tokens.lowerBound, sentence, tokens, 4)
            if posIdx == nil, pre.first == "of",
               pre.dropFirst().contains(where: { ["effects", "effect", "toxicity", "toxicities", "complications", "complication",
                                                  "events", "reactions", "sequelae"].contains($0) }),
               words.contains(where: { ["include", "includes", "included", "are", "were", "is", "was", "consist"].contains($0) }) {
                return 2
            }
            guard let p = posIdx else {
                // "epoprostenol infusion (pulmonary edema)": an effect named in brackets after the drug.
                if words.count <= 3, words.last == "(" { return 1 }
                return nil
            }
            if let n = negIdx, n > p { return nil }
            // "X, the drug of choice for treatment of FMF, can cause R": an indication word well
            // before the causal cue does not cancel it; among the gap's last three words it does.
            if let n = negIdx, words[n] == "for" || words[n] == "treatment", words[(n + 1)...].count <= 2 {
                return nil
            }
            return 2
        } else {
            // Reaction first: "Y induced by X", "Y after starting X", "Y during X therapy".
            // Only the reaction nearest to the drug carries the link; a list is read by `strength`.
            if otherReactionsBetween > 0 && !modifierFree.allSatisfy({ listWords.contains($0) }) { return nil }
            if otherDrugsBetween > 0 && !modifierFree.allSatisfy({ listWords.contains($0) || backwardCues.contains($0) }) {
                return nil
            }
            if words.contains("despite") { return nil }  // "Y despite taking X": X did not prevent Y
            // "the diarrhea persisted after 5 days of steroids, a single dose of infliximab was
            // given", "the rash resolved with prednisone": the course of Y, and X its treatment.
            if let verb = words.first(where: { !["was", "were", "had", "has", "have", "then", "gradually", "rapidly", "completely", "fully"].contains($0) }),
               courseVerbs.contains(verb), !words.contains(where: { compoundCues.contains($0) }) {
                return nil
            }
            // "patients with Y treated with X", "Y treated with X": the drug treats the disease.
            // Six words: "a man in his 60s with Y had been taking X".
            let before = precedingWords(r.tokens.lowerBound, sentence, tokens, 6)
            let isIndication = (before.first == "with" || before.first == "for" || before.first == "of") &&
                before.dropFirst().contains(where: { (patientWords.contains($0) && $0 != "cases" && $0 != "case")
                    || $0 == "treatment" || $0 == "therapy" }) || isPurposeOfEarlierDrug(r, before, mentionIdx, mentions, tokens)
            let posIdx = words.firstIndex { backwardCues.contains($0) || compoundCues.contains($0) }
            guard let p = posIdx else { return nil }
            let negIdx = words.firstIndex { indicationCues.contains($0) }
            if let n = negIdx, n <= p + 1, !(words[p] == "while" || words[p] == "during" || words[p] == "after" || words[p] == "following") {
                return nil
            }
            if words[p] == "treated" || words[p] == "with" || words[p] == "given" || words[p] == "received" {
                // Ambiguous words: only when the reaction is clearly something that happened.
                if isIndication { return nil }
                let strong = words.contains { ["while", "during", "after", "following", "on", "induced", "caused",
                                               "due", "secondary", "associated"].contains($0) }
                return strong ? 2 : 1
            }
            if isIndication && !words.contains(where: { compoundCues.contains($0) || $0 == "due" || $0 == "secondary" }) {
                return nil
            }
            return words.count <= 12 ? 2 : 1
        }
    }

    /// "on simvastatin 40 mg daily for hypercholesterolemia was given clarithromycin": the disease
    /// after "for" is what an earlier drug of the sentence is taken for, not a later drug's effect.
    private static func isPurposeOfEarlierDrug(_ r: EntityMention, _ before: [String], _ mentionIdx: [Int],
                                               _ mentions: [EntityMention], _ tokens: [Token]) -> Bool {
        guard before.first == "for" else { return false }
        for i in mentionIdx where mentions[i].kind == .drug && mentions[i].tokens.upperBound <= r.tokens.lowerBound {
            let gap = mentions[i].tokens.upperBound..<r.tokens.lowerBound
            if gap.count <= 8, !gap.contains(where: { [";", ".", ","].contains(tokens[$0].norm) || forwardCues.contains(tokens, $0) }) {
                return true
            }
        }
        return false
    }

    /// Words `precedingWords` passes over: one look-up by the token's hash instead of five.
    static let skippedBefore = WordSet(MentionFinder.modifiers.set.union(["newly", "diagnosed", "a", "an"]))

    static func precedingWords(_ at: Int, _ sentence: Sentence, _ tokens: [Token], _ n: Int) -> [String] {
        var out: [String] = []
        out.reserveCapacity(n)
        var k = at - 1
        while k >= sentence.tokens.lowerBound, out.count < n {
            if tokens[k].kind != .punct && !skippedBefore.contains(tokens, k) {
                out.append(tokens[k].norm)
            }
            k -= 1
        }
        return out
    }
}
