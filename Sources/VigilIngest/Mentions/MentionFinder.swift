import VigilCore

/// Finds the lexicon's names in a document's tokens: the longest name wins, hyphens and spaces
/// are interchangeable, a final plural -s is tolerated, and short or upper-case names must match
/// as written.
enum MentionFinder {
    /// Punctuation a name may span: "hand-foot", "Cushing's".
    static let connectors: WordSet = ["-", "‐", "'", "’"]

    /// Severity and course words that ADE annotators keep with the reaction ("severe urticaria").
    static let modifiers: WordSet = [
        "acute", "severe", "fatal", "toxic", "multiple", "systemic", "symptomatic", "fulminant", "bilateral",
        "diffuse", "generalized", "generalised", "transient", "mild", "progressive", "reversible", "massive",
        "irreversible", "prolonged", "sudden", "refractory", "delayed", "focal", "chronic", "persistent",
        "recurrent", "extensive", "subacute", "hyperacute", "bullous", "nodular", "necrotizing", "necrotising",
        "interstitial", "mediastinal", "cutaneous", "unilateral", "multifocal", "thrombotic", "total", "asymptomatic",
        "atypical", "secondary", "primary", "lingual", "ischaemic", "ischemic", "anoxic", "intraoperative",
        "postoperative", "peripheral", "cerebral", "hemorrhagic", "haemorrhagic", "erosive", "exfoliative",
        "fixed", "localized", "localised", "disseminated", "widespread", "obstructive", "autoimmune", "allergic",
        "cholestatic", "granulomatous", "lichenoid", "pustular", "vesicular", "papular", "macular", "pruritic",
        "painful", "hypertensive", "paradoxical", "paradoxic", "worsening", "aseptic", "eosinophilic", "lymphocytic",
        "neutrophilic", "toxic", "visual", "hepatic", "renal", "pulmonary", "cardiac", "myocardial", "retinal",
        "corneal", "optic", "ocular", "bilateral", "grand", "mal", "tonic", "clonic", "focal",
    ]

    /// Words that make a drug name into a reaction: "lithium toxicity".
    static let toxicityHeads: WordSet = ["toxicity", "intoxication", "overdose", "overdosage", "poisoning"]
    /// Reactions that take the drug's name as their first word: "aminophylline hypersensitivity".
    static let drugNamedHeads: WordSet = ["toxicity", "intoxication", "overdose", "overdosage", "poisoning",
                                              "hypersensitivity", "allergy", "rash", "eruption", "toxicosis"]

    static let notDrugFollowers: WordSet = ["kinase", "kinases", "receptor", "receptors", "phosphatase",
                                                 "hydroxylase", "transporter", "residue", "residues", "metabolism"]
    static let genericWords: WordSet = ["adverse", "side", "effect", "effects", "event", "events", "reaction",
                                            "reactions", "drug", "toxic", "toxicity", "toxicities", "complication",
                                            "complications", "disease", "diseases", "symptom", "symptoms", "disorder",
                                            "syndrome", "lesion", "lesions", "cutaneous", "skin", "abnormalities", "s"]

    /// Amino acids that also name enzymes ("tyrosine kinase"): a static list, not an array built per drug mention.
    static let aminoAcids: WordSet = ["serine", "threonine", "tyrosine", "histidine", "cysteine"]

    static func find(_ tokens: [Token], _ text: [Unicode.Scalar], lexicon: Lexicon, limit: Int) -> [EntityMention] {
        var out: [EntityMention] = []
        var i = 0
        let n = tokens.count
        var ends: [(Int, Int, Int32)] = []  // (end token, singular, first candidate term)
        while i < n, tokens[i].start < limit {
            guard tokens[i].kind != .punct else { i += 1; continue }
            ends.removeAll(keepingCapacity: true)
            var key: UInt64 = 0
            var j = i
            while true {
                let full = combine(key, tokens[j].hash)
                let (hits, isPrefix) = lexicon.lookUp(full)
                if hits >= 0 { ends.append((j + 1, 0, hits)) }
                let singular = tokens[j].singularHash
                if singular != 0 {
                    let hits = lexicon.firstTerm(combine(key, singular))
                    if hits >= 0 { ends.append((j + 1, 1, hits)) }
                }
                guard isPrefix else { break }
                key = full
                var k = j + 1
                if k < n, tokens[k].kind == .punct, connectors.contains(tokens, k), !tokens[k].spaceBefore { k += 1 }
                guard k < n, tokens[k].kind != .punct, tokens[k].start < limit else { break }
                j = k
            }
            var matched = false
            for (end, _, hits) in ends.reversed() {
                if let best = choose(hits, tokens, i, end, text, lexicon) {
                    let c = lexicon.concepts
                    out.append(EntityMention(kind: c.kind(Int(best)), name: c.name(Int(best)), concept: best, tokens: i..<end,
                                             start: tokens[i].start, end: tokens[end - 1].end))
                    i = end
                    matched = true
                    break
                }
            }
            if !matched { i += 1 }
        }
        out.removeAll { m in
            let next = m.tokens.upperBound < n ? tokens[m.tokens.upperBound].norm : ""
            switch m.kind {
            // "tyrosine kinases", "serine/threonine": amino acids naming enzymes, not drugs.
            case .drug:
                let next2 = m.tokens.upperBound + 1 < n ? tokens[m.tokens.upperBound + 1].norm : ""
                let next3 = m.tokens.upperBound + 2 < n ? tokens[m.tokens.upperBound + 2].norm : ""
                let aminoAcid = aminoAcids.contains(m.name)
                return notDrugFollowers.contains(next) || (next == "/" && m.name.hasSuffix("ine"))
                    || (aminoAcid && (next2.hasPrefix("kinase") || next3.hasPrefix("kinase")))
            // "adverse effects", "side effects": words that announce reactions, not reactions.
            case .reaction: return m.tokens.allSatisfy { tokens[$0].kind == .punct || genericWords.contains(tokens, $0) }
            default: return false
            }
        }
        addModifiersAndToxicity(&out, tokens, text)
        return out
    }

    /// The concept a matched name stands for, by kind priority, among those whose spelling fits.
    private static func choose(_ first: Int32, _ tokens: [Token], _ s: Int, _ e: Int,
                               _ text: [Unicode.Scalar], _ lexicon: Lexicon) -> Int32? {
        var best: Int32?
        var bestRank = Int.max
        var shape: [UInt8]?
        var t = first
        while t >= 0 {
            let h = lexicon.term(t)
            t = lexicon.nextTerm(t)
            if h.shape >= 0 {
                if shape == nil { shape = Lexicon.shapeBytes(text[tokens[s].start..<tokens[e - 1].end]) }
                guard lexicon.shape(h.shape, matches: shape!) else { continue }
            }
            let rank: Int
            switch lexicon.concepts.kind(Int(h.concept)) {
            case .drug: rank = 0
            case .reaction: rank = 1
            case .targetFamily: rank = 2
            default: rank = 3
            }
            if rank < bestRank { bestRank = rank; best = h.concept }
        }
        return best
    }

    private static func addModifiersAndToxicity(_ out: inout [EntityMention], _ tokens: [Token], _ text: [Unicode.Scalar]) {
        var extra: [EntityMention] = []
        for (idx, m) in out.enumerated() {
            // A reaction that took the drug's name before it ("colchicine intoxication") keeps that start.
            if m.kind == .reaction, out[idx].embeddedDrug == nil {
                // Extend left over modifiers ("acute severe hepatitis"), never over another mention.
                var s = m.tokens.lowerBound
                let floor = idx > 0 ? out[idx - 1].tokens.upperBound : 0
                while s - 1 >= floor, tokens[s - 1].kind == .word, modifiers.contains(tokens, s - 1),
                      !tokens[s].blankLineBefore {
                    s -= 1
                }
                out[idx].start = tokens[s].start
            } else if m.kind == .drug {
                let e = m.tokens.upperBound
                var k = e
                if k < tokens.count, tokens[k].norm == "-", !tokens[k].spaceBefore { k += 1 }
                // The next mention is a one-word reaction such as "hypersensitivity": it takes the drug's name.
                if idx + 1 < out.count, out[idx + 1].kind == .reaction, out[idx + 1].tokens.lowerBound == k,
                   out[idx + 1].tokens.count == 1, drugNamedHeads.contains(tokens, k), out[idx + 1].embeddedDrug == nil {
                    out[idx + 1].start = m.start
                    out[idx + 1].embeddedDrug = idx
                    continue
                }
                if k < tokens.count, toxicityHeads.contains(tokens, k) {
                    let nextIsMention = idx + 1 < out.count && out[idx + 1].tokens.lowerBound <= k
                    if !nextIsMention {
                        extra.append(EntityMention(kind: .reaction, name: "\(m.name) \(tokens[k].norm)", concept: -1,
                                                   tokens: m.tokens.lowerBound..<(k + 1), start: m.start,
                                                   end: tokens[k].end, embeddedDrug: idx))
                    }
                }
            }
        }
        if !extra.isEmpty {
            out.append(contentsOf: extra)
            out.sortInReadingOrder()
        }
    }
}
