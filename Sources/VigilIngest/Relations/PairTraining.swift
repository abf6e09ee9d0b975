/// Training examples for the pair scorer from sentences with their gold drug–effect pairs
/// (ADE corpus layout: the pair is given by the words as written).
enum PairTraining {
    /// Gold pairs the last `examples` call could not reach, for error analysis.
    nonisolated(unsafe) static var unreachable: [String] = []
    /// Candidates that overlap a gold pair without its exact spans: "D|R ours<TAB>gold", for error analysis.
    nonisolated(unsafe) static var spanMismatches: [String] = []

    struct LabelledSentence {
        var group: String  // PubMed id: the split is by article, never by sentence
        var text: String
        var pairs: [(drug: String, effect: String)]
    }

    struct Example {
        var features: [String]
        var gold: Bool
        var group: String
        /// Global indices of the gold pairs this candidate matches (relaxed: mentions overlap).
        var goldPairs: [Int] = []
        /// The same under strict matching: both spans exactly the gold ones.
        var strictGoldPairs: [Int] = []
        /// "drug | reaction | sentence", for error analysis.
        var note = ""
    }

    /// Every drug–reaction candidate pair the extractor sees, labelled by overlap with a gold pair.
    static func examples(_ sentences: [LabelledSentence], lexicon: Lexicon) -> (examples: [Example], goldPairs: Int, reachable: Int) {
        var missing: [String] = [], mismatched: [String] = []
        defer { unreachable = missing; spanMismatches = mismatched }
        var out: [Example] = []
        var goldPairs = 0, reachable = 0
        for ls in sentences {
            let a = AnalysedDocument(text: ls.text, lexicon: lexicon)
            let spans: [([Range<Int>], [Range<Int>])] = ls.pairs.map { (locate(ls.text, $0.drug), locate(ls.text, $0.effect)) }
            goldPairs += spans.count
            var hit = Set<Int>()
            for (si, s) in a.sentences.enumerated() {
                let idx = a.mentionsBySentence[si]
                for (d, r, rule) in candidates(s, idx, a.mentions, a.tokens) {
                    let dm = a.mentions[d], rm = a.mentions[r]
                    let dr = dm.start..<dm.end, rr = rm.start..<rm.end
                    var gold = false
                    var ids: [Int] = [], strict: [Int] = []
                    for (k, g) in spans.enumerated() where g.0.contains(where: { $0.overlaps(dr) }) && g.1.contains(where: { $0.overlaps(rr) }) {
                        gold = true
                        hit.insert(k)
                        ids.append(goldPairs - spans.count + k)
                        if g.0.contains(dr) && g.1.contains(rr) {
                            strict.append(goldPairs - spans.count + k)
                        } else {
                            if !g.0.contains(dr) { mismatched.append("D \(a.string(dm.start, dm.end))\t\(ls.pairs[k].drug)") }
                            if !g.1.contains(rr) { mismatched.append("R \(a.string(rm.start, rm.end))\t\(ls.pairs[k].effect)") }
                        }
                    }
                    let f = PairScorer.features(drug: dm, reaction: rm, sentence: s, mentionIdx: idx, mentions: a.mentions,
                                                tokens: a.tokens, rule: rule)
                    out.append(Example(features: f, gold: gold, group: ls.group, goldPairs: ids, strictGoldPairs: strict,
                                       note: "\(a.string(dm.start, dm.end)) | \(a.string(rm.start, rm.end)) | \(ls.text)"))
                }
            }
            reachable += hit.count
            for (k, g) in spans.enumerated() where !hit.contains(k) {
                let dFound = a.mentions.contains { m in m.kind == .drug && g.0.contains { $0.overlaps(m.start..<m.end) } }
                let rFound = a.mentions.contains { m in m.kind == .reaction && g.1.contains { $0.overlaps(m.start..<m.end) } }
                missing.append("\(dFound ? "+" : "-")D \(ls.pairs[k].drug)\t\(rFound ? "+" : "-")R \(ls.pairs[k].effect)")
            }
        }
        return (out, goldPairs, reachable)
    }

    /// All drug–reaction pairs of a sentence with their rule strength (0 when no rule links them).
    static func candidates(_ s: Sentence, _ idx: [Int], _ mentions: [EntityMention], _ tokens: [Token]) -> [(Int, Int, Int)] {
        let rules = CausalRelations.pairs(s, idx, mentions, tokens)
        var out: [(Int, Int, Int)] = []
        for r in idx where mentions[r].kind == .reaction {
            for d in idx where mentions[d].kind == .drug {
                if mentions[d].tokens.overlaps(mentions[r].tokens) && mentions[r].embeddedDrug != d { continue }
                let rule = rules.first { $0.drug == d && $0.reaction == r }?.strength ?? 0
                out.append((d, r, rule))
            }
        }
        return out
    }

    /// Code-point ranges of `needle` in `text`: case-sensitive first, then case-insensitive.
    static func locate(_ text: String, _ needle: String) -> [Range<Int>] {
        func find(_ h: [Unicode.Scalar], _ n: [Unicode.Scalar]) -> [Range<Int>] {
            guard !n.isEmpty, n.count <= h.count else { return [] }
            var out: [Range<Int>] = []
            for i in 0...(h.count - n.count) where h[i] == n[0] {
                if Array(h[i..<(i + n.count)]) == n { out.append(i..<(i + n.count)) }
            }
            return out
        }
        let h = Array(text.unicodeScalars), n = Array(needle.unicodeScalars)
        let exact = find(h, n)
        if !exact.isEmpty { return exact }
        return find(Array(text.lowercased().unicodeScalars), Array(needle.lowercased().unicodeScalars))
    }
}
