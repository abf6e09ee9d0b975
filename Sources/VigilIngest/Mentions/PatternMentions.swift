import VigilCore

/// Names no vocabulary lists, recognised by their form: drugs by their international
/// nonproprietary name stems ("-tinib", "-mab", "-floxacin"), disorders by their medical suffixes
/// ("transaminitis", "vasculopathy") and by an organ word before a reaction noun
/// ("pulmonary toxicity", "neuropsychiatric symptoms").
enum PatternMentions {
    static let drugStems = [
        "tinib", "zumab", "ximab", "umab", "mumab", "pril", "sartan", "olol", "azole", "mycin", "cillin", "floxacin",
        "statin", "dipine", "prazole", "tidine", "platin", "rubicin", "taxel", "azepam", "zolam", "barbital", "profen",
        "cycline", "thiazide", "semide", "lukast", "parin", "teplase", "relin", "setron", "triptan", "gliptin",
        "glitazone", "dronate", "vudine", "ciclovir", "navir", "previr", "asvir", "oxetine", "triptyline", "pramine",
        "peridol", "apine", "idone", "sertraline", "fenac", "coxib", "caine", "phylline", "conazole", "fungin",
    ]
    static let disorderSuffixes = [
        "itis", "osis", "emia", "aemia", "penia", "pathy", "algia", "plegia", "rrhea", "rrhoea", "toxicity",
        "cytosis", "trophy", "ectasia", "uria", "dynia", "spasm", "lysis", "megaly", "oedema", "edema",
    ]
    static let notDisorders: WordSet = [
        "diagnosis", "prognosis", "hypothesis", "analysis", "synthesis", "basis", "thesis", "emphasis", "anamnesis",
        "dialysis", "hemodialysis", "haemodialysis", "electrolysis", "hydrolysis", "paralysis", "parenthesis",
        "osmosis", "metamorphosis", "mitosis", "meiosis", "apoptosis", "homeostasis", "anastomosis", "biopsy",
        "urinalysis", "plasmapheresis", "prophylaxis", "catalysis", "lipolysis", "glycolysis", "proteolysis",
        "fibrinolysis", "thrombolysis", "hemolysis", "neurolysis", "necrosis", "ketosis", "acidosis",
    ]
    static let organWords: WordSet = [
        "pulmonary", "renal", "hepatic", "cardiac", "cutaneous", "skin", "ocular", "visual", "neurologic", "neurological",
        "neuropsychiatric", "psychiatric", "gastrointestinal", "hematologic", "hematological", "haematological",
        "cardiovascular", "respiratory", "muscular", "neuromuscular", "cerebral", "nervous", "liver", "kidney", "local",
        "allergic", "extrapyramidal", "metabolic", "electrolyte", "endocrine", "vascular", "thyroid", "marrow",
        "myocardial", "dermatologic", "dermatological", "mucocutaneous", "ophthalmic", "ophthalmologic", "cognitive",
        "behavioral", "behavioural", "neurotoxic", "cholestatic", "hepatocellular", "ototoxic", "teratogenic",
        "neurobehavioral", "neuropsychological", "psychotic", "autonomic", "sensory", "motor", "immune", "hypersensitivity",
        "infusion", "injection", "site", "systemic", "toxic", "adverse", "idiosyncratic", "neurotoxicity",
    ]
    static let reactionHeads: WordSet = [
        "toxicity", "toxicities", "reaction", "reactions", "symptoms", "damage", "dysfunction", "disorder",
        "disorders", "disturbance", "disturbances", "injury", "injuries", "events", "deterioration", "complications",
        "changes", "involvement", "impairment", "abnormalities", "abnormality", "lesions", "effects", "effect",
        "toxicosis", "syndrome", "insufficiency",
    ]

    /// Classes of drugs that reports name as the cause ("a cephalosporin", "corticosteroids").
    static let drugClasses: WordSet = [
        "interferon", "ifn", "corticosteroid", "corticosteroids", "cephalosporin",
        "cephalosporins", "fluoroquinolone", "fluoroquinolones", "quinolone", "quinolones", "penicillins",
        "sulfonamide", "sulfonamides", "aminoglycoside", "aminoglycosides", "macrolide", "macrolides",
        "benzodiazepine", "benzodiazepines", "antidepressant", "antidepressants", "antipsychotic", "antipsychotics",
        "neuroleptic", "neuroleptics", "anticonvulsant", "anticonvulsants", "nsaid", "nsaids", "statins",
        "progestin", "progestins", "estrogen", "estrogens", "oestrogen", "oestrogens", "prostaglandin",
        "prostaglandins", "opioid", "opioids", "bisphosphonate", "bisphosphonates", "glucocorticoid",
        "glucocorticoids", "retinoid", "retinoids", "thiazolidinedione", "thiazolidinediones", "contraceptive",
        "contraceptives",
    ]

    /// Splits "heparin-induced thrombocytopenia" (a vocabulary name) into the drug and the reaction.
    static func splitInducedNames(_ mentions: inout [EntityMention], _ tokens: [Token], lexicon: Lexicon) {
        // Most documents hold no reaction name this long: no copy of the mentions for them.
        guard mentions.contains(where: { $0.kind == .reaction && $0.tokens.count >= 3 }) else { return }
        var out: [EntityMention] = []
        out.reserveCapacity(mentions.count + 1)
        for m in mentions {
            guard m.kind == .reaction, m.tokens.count >= 3,
                  let j = m.tokens.dropFirst().first(where: { CausalRelations.compoundCues.contains(tokens, $0) }),
                  j + 1 < m.tokens.upperBound else { out.append(m); continue }
            let words = (m.tokens.lowerBound..<j).filter { tokens[$0].kind != .punct }.map { tokens[$0].norm }
            guard let d = lexicon.drug(named: words) else { out.append(m); continue }
            var dEnd = j
            while dEnd > m.tokens.lowerBound, tokens[dEnd - 1].kind == .punct { dEnd -= 1 }
            out.append(EntityMention(kind: .drug, name: lexicon.concepts.name(Int(d)), concept: d,
                                     tokens: m.tokens.lowerBound..<dEnd, start: tokens[m.tokens.lowerBound].start,
                                     end: tokens[dEnd - 1].end))
            var r = m
            r.tokens = (j + 1)..<m.tokens.upperBound
            r.start = tokens[j + 1].start
            out.append(r)
        }
        mentions = out
    }

    /// "trimethoprim-sulfamethoxazole": a combination whose parts are drugs of their own is two mentions.
    static func splitCombinations(_ mentions: inout [EntityMention], _ tokens: [Token], lexicon: Lexicon) {
        guard mentions.contains(where: { $0.kind == .drug && $0.tokens.count == 3 }) else { return }
        var out: [EntityMention] = []
        out.reserveCapacity(mentions.count + 1)
        for m in mentions {
            guard m.kind == .drug, m.tokens.count == 3, ["-", "/"].contains(tokens[m.tokens.lowerBound + 1].norm),
                  let a = lexicon.drug(named: [tokens[m.tokens.lowerBound].norm]),
                  let b = lexicon.drug(named: [tokens[m.tokens.lowerBound + 2].norm]) else { out.append(m); continue }
            let s = m.tokens.lowerBound
            out.append(EntityMention(kind: .drug, name: lexicon.concepts.name(Int(a)), concept: a, tokens: s..<(s + 1),
                                     start: tokens[s].start, end: tokens[s].end))
            out.append(EntityMention(kind: .drug, name: lexicon.concepts.name(Int(b)), concept: b, tokens: (s + 2)..<(s + 3),
                                     start: tokens[s + 2].start, end: tokens[s + 2].end))
        }
        mentions = out
    }

    /// Suffix lists as byte strings keyed by their last two bytes, so a word is checked against a
    /// handful of suffixes rather than all of them; the two bytes index an array directly (a
    /// dictionary hashed them with `Hasher` for every word).
    struct SuffixSet: Sendable {
        /// For each pair of last bytes, the range of `suffixes` that end with it.
        private var byTail: [UInt32]
        private var suffixes: [[UInt8]] = []
        init(_ list: [String]) {
            var groups: [UInt16: [[UInt8]]] = [:]
            var order: [UInt16] = []
            for s in list {
                let b = Array(s.utf8)
                let tail = UInt16(b[b.count - 2]) << 8 | UInt16(b[b.count - 1])
                if groups[tail] == nil { order.append(tail) }
                groups[tail, default: []].append(b)
            }
            byTail = [UInt32](repeating: 0, count: 1 << 16)
            for tail in order {
                let start = suffixes.count
                suffixes.append(contentsOf: groups[tail]!)
                byTail[Int(tail)] = UInt32(start) << 16 | UInt32(suffixes.count - start)
            }
        }
        func matches(_ w: String) -> Bool {
            var w = w
            return w.withUTF8 { b in
                guard b.count >= 2 else { return false }
                let entry = byTail[Int(UInt16(b[b.count - 2]) << 8 | UInt16(b[b.count - 1]))]
                let start = Int(entry >> 16), n = Int(entry & 0xFFFF)
                return suffixes[start..<(start + n)].contains { suf in
                    suf.count <= b.count && zip(suf, b[(b.count - suf.count)...]).allSatisfy { $0 == $1 }
                }
            }
        }
    }
    static let drugStemSet = SuffixSet(drugStems)
    static let disorderSuffixSet = SuffixSet(disorderSuffixes)

    /// Adds pattern mentions on tokens no lexicon name covers.
    static func add(_ mentions: inout [EntityMention], _ tokens: [Token], limit: Int, lexicon: Lexicon) {
        splitInducedNames(&mentions, tokens, lexicon: lexicon)
        splitCombinations(&mentions, tokens, lexicon: lexicon)
        var covered = [Bool](filled: false, count: tokens.count)
        for m in mentions { for k in m.tokens { covered[k] = true } }
        var extra: [EntityMention] = []
        var k = 0
        while k < tokens.count, tokens[k].start < limit {
            defer { k += 1 }
            guard tokens[k].kind == .word, !covered[k] else { continue }
            // Fields read in place: a copy of the token per word cost more than the tests.
            guard tokens[k].norm.utf8.count >= 3 else { continue }
            if drugClasses.contains(tokens, k) {
                extra.append(EntityMention(kind: .drug, name: tokens[k].norm, concept: -1, tokens: k..<(k + 1), start: tokens[k].start, end: tokens[k].end))
                covered[k] = true
                continue
            }
            guard tokens[k].norm.utf8.count >= 6 else { continue }
            let w = tokens[k].norm
            // "valproate" names valproic acid.
            if w.hasSuffix("ate"), let d = tokens[k].isASCII ? lexicon.drug(namedAcidOf: w) : lexicon.drug(named: [String(w.dropLast(3)) + "ic", "acid"]) {
                extra.append(EntityMention(kind: .drug, name: lexicon.concepts.name(Int(d)), concept: d,
                                           tokens: k..<(k + 1), start: tokens[k].start, end: tokens[k].end))
                covered[k] = true
                continue
            }
            if tokens[k].isAllUpper { continue }
            if drugStemSet.matches(w) && !w.hasSuffix("itis") {
                extra.append(EntityMention(kind: .drug, name: w, concept: -1, tokens: k..<(k + 1), start: tokens[k].start, end: tokens[k].end))
                covered[k] = true
                continue
            }
            if disorderSuffixSet.matches(w) && !notDisorders.contains(tokens, k) {
                var s = k
                while s - 1 >= 0, !covered[s - 1], tokens[s - 1].kind == .word, MentionFinder.modifiers.contains(tokens, s - 1) { s -= 1 }
                extra.append(EntityMention(kind: .reaction, name: w, concept: -1, tokens: k..<(k + 1),
                                           start: tokens[s].start, end: tokens[k].end))
                covered[k] = true
            }
        }
        // "pulmonary toxicity", "central nervous toxicity", "local cutaneous reactions"
        k = 1
        while k < tokens.count, tokens[k].start < limit {
            defer { k += 1 }
            guard !covered[k], tokens[k].kind == .word, reactionHeads.contains(tokens, k) else { continue }
            var s = k
            while s - 1 >= 0, !covered[s - 1], tokens[s - 1].kind == .word, k - s < 3,
                  organWords.contains(tokens, s - 1) || MentionFinder.modifiers.contains(tokens, s - 1) { s -= 1 }
            guard s < k, (s..<k).contains(where: { organWords.contains(tokens, $0) }) else { continue }
            // "adverse effects", "toxic effects" name no reaction of their own.
            if (s..<k).allSatisfy({ ["adverse", "toxic", "systemic", "side"].contains(tokens[$0].norm) }) { continue }
            let name = (s...k).map { tokens[$0].norm }.joined(separator: " ")
            extra.append(EntityMention(kind: .reaction, name: name, concept: -1, tokens: s..<(k + 1),
                                       start: tokens[s].start, end: tokens[k].end))
            for j in s...k { covered[j] = true }
        }
        guard !extra.isEmpty else { return }
        mentions.append(contentsOf: extra)
        mentions.sortInReadingOrder()
    }
}
