import VigilCore

/// Reactions that reports write as a change in a measurement rather than by a name: "elevated
/// serum creatinine", "increase of INR", "QTc prolongation", "platelet count had decreased",
/// "increased theophylline levels". The whole phrase is the reaction, as ADE annotators mark it.
enum ReactionPhrases {
    /// Words before the measurement: "elevated liver enzymes", "low platelet count".
    static let risingWords: WordSet = ["increased", "elevated", "raised", "high", "higher", "rising", "increasing",
                                           "prolonged", "excessive", "supratherapeutic"]
    static let changedWords: WordSet = ["abnormal", "deranged", "altered", "fluctuating"]
    static let fallingWords: WordSet = ["decreased", "low", "lower", "reduced", "diminished", "depressed",
                                            "falling", "decreasing", "impaired", "subtherapeutic", "blurred", "poor"]
    /// Nouns of change: "increase of INR", "QT prolongation", "weight gain".
    static let risingNouns: WordSet = ["increase", "increases", "elevation", "elevations", "rise", "prolongation",
                                           "gain"]
    static let changeNouns: WordSet = ["abnormality", "abnormalities", "derangement", "disturbance", "disturbances",
                                           "alteration", "alterations", "fluctuation", "fluctuations", "changes"]
    static let fallingNouns: WordSet = ["decrease", "decreases", "reduction", "drop", "fall", "decline", "loss",
                                            "impairment", "deterioration"]
    /// Verbs after the measurement: "serum lithium level had increased".
    static let risingVerbs: WordSet = ["increased", "rose", "risen", "elevated", "increase", "rise", "doubled"]
    static let fallingVerbs: WordSet = ["decreased", "fell", "dropped", "declined", "decrease", "fall", "drop",
                                            "deteriorated"]
    static let auxiliaries: WordSet = ["had", "has", "have", "was", "were", "been", "became", "started", "began", "to"]
    static let specimens: WordSet = ["serum", "plasma", "blood", "urinary", "urine", "whole", "trough", "peak", "the"]
    static let measureWords: WordSet = ["level", "levels", "concentration", "concentrations", "count", "counts",
                                            "activity", "activities", "value", "values", "titer", "titers", "titre",
                                            "titres", "ratio", "time", "interval"]

    /// Measurements whose change is a reaction, in the tokenizer's normal form (lower case, hyphens
    /// as spaces). Laboratory values, vital signs and functions that drugs are known to change.
    static let measurements: WordSet = [
        // coagulation
        "inr", "international normalized ratio", "international normalised ratio", "prothrombin time",
        "aptt", "ptt", "partial thromboplastin time", "activated partial thromboplastin time", "bleeding time",
        "fibrinogen", "anti xa",
        // liver
        "bilirubin", "alt", "ast", "sgot", "sgpt", "alanine aminotransferase", "aspartate aminotransferase",
        "alanine transaminase", "aspartate transaminase", "transaminase", "transaminases", "aminotransferase",
        "aminotransferases", "ggt", "gamma gt", "gamma glutamyl transferase", "gamma glutamyltransferase",
        "gamma glutamyl transpeptidase", "alkaline phosphatase", "alp", "liver enzyme", "liver enzymes",
        "hepatic enzyme", "hepatic enzymes", "liver function test", "liver function tests", "lfts", "lft",
        "liver function", "hepatic function", "ammonia", "albumin",
        // kidney
        "creatinine", "bun", "urea", "blood urea nitrogen", "renal function", "kidney function", "creatinine clearance",
        "glomerular filtration rate", "gfr", "egfr", "urine output",
        // muscle, pancreas, heart
        "creatine kinase", "ck", "cpk", "creatine phosphokinase", "amylase", "lipase", "ldh", "lactate dehydrogenase",
        "lactate", "troponin", "myoglobin", "aldolase",
        // electrolytes and metabolism
        "potassium", "sodium", "calcium", "magnesium", "phosphate", "phosphorus", "chloride", "bicarbonate",
        "glucose", "blood glucose", "blood sugar", "glycemia", "hba1c", "cholesterol", "ldl cholesterol",
        "triglyceride", "triglycerides", "uric acid", "osmolality", "anion gap", "lactic acid", "ketones",
        // hormones
        "tsh", "thyroid stimulating hormone", "thyrotropin", "t4", "free t4", "t3", "prolactin", "cortisol",
        "testosterone", "insulin", "estradiol", "parathyroid hormone", "pth",
        // blood counts
        "platelet", "platelets", "platelet count", "thrombocyte", "thrombocytes", "thrombocyte count",
        "white blood cell", "white blood cells", "white cell", "white cells", "wbc", "leukocyte", "leukocytes",
        "leucocyte", "leucocytes", "neutrophil", "neutrophils", "granulocyte", "granulocytes", "lymphocyte",
        "lymphocytes", "cd4", "eosinophil", "eosinophils", "hemoglobin", "haemoglobin", "hb", "hematocrit",
        "haematocrit", "red blood cell", "red cell", "reticulocyte", "reticulocytes", "mcv", "esr",
        "erythrocyte sedimentation rate", "crp", "c reactive protein",
        // vital signs and functions
        "blood pressure", "systolic blood pressure", "diastolic blood pressure", "arterial pressure",
        "heart rate", "pulse rate", "pulse", "respiratory rate", "body temperature", "temperature",
        "oxygen saturation", "intraocular pressure", "intracranial pressure", "qt", "qtc", "qt interval",
        "qtc interval", "pr interval", "qrs", "qrs duration", "ejection fraction", "left ventricular ejection fraction",
        "lvef", "cardiac output", "body weight", "weight", "visual acuity", "vision", "hearing", "libido", "appetite",
        "consciousness", "memory", "bone density", "bone mineral density", "sperm count", "seizure threshold",
        "immunoglobulin", "immunoglobulins", "igg", "complement",
    ]
    /// Measurements that "high" or "low" describe without a change ("low weight", "high memory load"):
    /// only "decreased vision", "weight gain" and the like make them reactions.
    static let needsNoun: WordSet = ["consciousness", "memory", "hearing", "vision", "appetite", "libido",
                                         "weight", "body weight", "pulse", "temperature", "complement"]
    static let longestMeasurement = 5
    static let measurementFirstWords = WordSet(measurements.set.map { String($0.prefix { $0 != " " }) })
    /// Every word a phrase can begin with (besides a drug's name).
    static let phraseStarts = WordSet(risingWords.set.union(fallingWords.set).union(changedWords.set)
        .union(risingNouns.set).union(fallingNouns.set).union(changeNouns.set).union(measurementFirstWords.set)
        .union(specimens.set))

    /// Adds measurement-change reactions over tokens that no reaction covers (a drug may be the
    /// measured thing: "lithium levels"); a reaction mention that lies inside the phrase is replaced.
    static func add(_ mentions: inout [EntityMention], _ tokens: [Token], limit: Int) {
        let n = tokens.count
        var reactionAt = [Int](filled: -1, count: n)
        var drugAt = [Int](filled: -1, count: n)
        var otherAt = [Bool](filled: false, count: n)
        for (i, m) in mentions.enumerated() {
            for k in m.tokens where k < n {
                switch m.kind {
                case .reaction: reactionAt[k] = i
                case .drug: drugAt[k] = i
                default: otherAt[k] = true
                }
            }
        }
        var found: [(range: Range<Int>, name: String, drug: Int?)] = []
        var k = 0
        while k < n, tokens[k].start < limit {
            guard tokens[k].kind == .word, phraseStarts.contains(tokens, k) || drugAt[k] >= 0 else { k += 1; continue }
            if let p = phrase(at: k, tokens, drugAt: drugAt, mentions: mentions) {
                found.append(p)
                k = p.range.upperBound
            } else {
                k += 1
            }
        }
        guard !found.isEmpty else { return }
        var remove = Set<Int>()
        var extra: [EntityMention] = []
        for p in found {
            // Never over a target, and never over a reaction that reaches outside the phrase.
            if p.range.contains(where: { otherAt[$0] }) { continue }
            let inside = Set(p.range.map { reactionAt[$0] }.filter { $0 >= 0 })
            if inside.contains(where: { !p.range.contains(mentions[$0].tokens.lowerBound) ||
                                        !p.range.contains(mentions[$0].tokens.upperBound - 1) }) { continue }
            // A lexicon name the phrase only repeats stays as it is ("elevated blood pressure").
            if inside.count == 1, let i = inside.first, mentions[i].tokens == p.range { continue }
            remove.formUnion(inside)
            // "severe drop in blood pressure": severity words stay with the reaction, as for names.
            var s = p.range.lowerBound
            while s > 0, tokens[s - 1].kind == .word, MentionFinder.modifiers.contains(tokens, s - 1),
                  reactionAt[s - 1] < 0, drugAt[s - 1] < 0, !otherAt[s - 1] { s -= 1 }
            var m = EntityMention(kind: .reaction, name: p.name, concept: -1, tokens: p.range,
                                  start: tokens[s].start, end: tokens[p.range.upperBound - 1].end)
            m.embeddedDrug = p.drug
            extra.append(m)
        }
        guard !extra.isEmpty else { return }
        mentions.replace(remove, with: extra)
    }

    /// The measurement that starts at token `k`: its end, its normal name, and the drug it names if any.
    private static func measurement(at k: Int, _ tokens: [Token], drugAt: [Int], mentions: [EntityMention])
        -> (end: Int, name: String, drug: Int?)? {
        let n = tokens.count
        // "serum", "plasma", "the" before the measured thing ("blood" may also begin it: "blood pressure").
        var s = k
        while true {
            if s < n, drugAt[s] < 0, let m = listed(at: s, tokens) { return m }
            guard s < n, s - k < 2, tokens[s].kind == .word, specimens.contains(tokens, s), drugAt[s] < 0 else { break }
            s += 1
        }
        guard s < n, tokens[s].kind != .punct else { return nil }
        // A drug whose level is measured: "lithium levels", "serum digoxin concentration".
        if drugAt[s] >= 0 {
            let d = drugAt[s]
            let e = mentions[d].tokens.upperBound
            guard mentions[d].tokens.lowerBound == s else { return nil }
            if e < n, measureWords.contains(tokens, e), tokens[e].norm != "time", tokens[e].norm != "interval" {
                return (e + 1, "\(mentions[d].name) level", d)
            }
            // "plasma carbamazepine"
            if (k..<s).contains(where: { tokens[$0].norm != "the" }) { return (e, "\(mentions[d].name) level", d) }
            return nil
        }
        return nil
    }

    /// The longest listed measurement at `s`, words joined across hyphens, with its measure word.
    private static func listed(at s: Int, _ tokens: [Token]) -> (end: Int, name: String, drug: Int?)? {
        let n = tokens.count
        // Most words begin no measurement: no strings are built for them.
        guard s < n, measurementFirstWords.contains(tokens, s) else { return nil }
        var best: (Int, String)?
        var words: [String] = []
        words.reserveCapacity(longestMeasurement)
        var j = s
        while j < n, words.count < longestMeasurement, tokens[j].kind != .punct {
            words.append(tokens[j].norm)
            let w = words.joined(separator: " ")
            if measurements.contains(w) { best = (j + 1, w) }
            var next = j + 1
            if next < n, tokens[next].norm == "-", !tokens[next].spaceBefore { next += 1 }
            j = next
        }
        guard let (found, name) = best else { return nil }
        var end = found
        if end < n, measureWords.contains(tokens, end), !name.hasSuffix(tokens[end].norm) {
            end += 1
        }
        return (end, name, nil)
    }

    private static func direction(_ w: String) -> String {
        if risingWords.contains(w) || risingNouns.contains(w) || risingVerbs.contains(w) { return "increased" }
        if changedWords.contains(w) || changeNouns.contains(w) { return "abnormal" }
        return "decreased"
    }

    private static func phrase(at k: Int, _ tokens: [Token], drugAt: [Int], mentions: [EntityMention])
        -> (range: Range<Int>, name: String, drug: Int?)? {
        let n = tokens.count
        let w = tokens[k].norm
        // Sets asked with the token, whose hash is already made, rather than `w`, hashed again for each.
        // "elevated serum creatinine", "low platelet count"
        if risingWords.contains(tokens, k) || fallingWords.contains(tokens, k) || changedWords.contains(tokens, k), drugAt[k] < 0,
           let m = measurement(at: k + 1, tokens, drugAt: drugAt, mentions: mentions),
           !(needsNoun.contains(m.name) && ["high", "higher", "low", "lower", "abnormal", "rising", "falling"].contains(w)) {
            // "high dose" and the like are not measurements; "prolonged" only goes with times.
            if w == "prolonged" && !["inr", "prothrombin time", "pt", "aptt", "ptt", "qt", "qtc", "qt interval",
                                       "qtc interval", "pr interval", "qrs", "qrs duration", "bleeding time",
                                       "partial thromboplastin time", "activated partial thromboplastin time"].contains(m.name) {
                return nil
            }
            if w == "blurred" && m.name != "vision" { return nil }
            if w == "poor" && !["appetite", "memory", "vision"].contains(m.name) { return nil }
            return (k..<m.end, "\(direction(w)) \(m.name)", m.drug)
        }
        // "increase of INR", "loss of vision", "rise in serum potassium"
        if risingNouns.contains(tokens, k) || fallingNouns.contains(tokens, k) || changeNouns.contains(tokens, k), k + 2 < n,
           ["of", "in"].contains(tokens[k + 1].norm),
           let m = measurement(at: k + 2, tokens, drugAt: drugAt, mentions: mentions) {
            return (k..<m.end, "\(direction(w)) \(m.name)", m.drug)
        }
        // "INR elevation", "weight gain", "serum lithium level had increased"
        if w != "the", let m = measurement(at: k, tokens, drugAt: drugAt, mentions: mentions), m.end < n {
            var e = m.end
            let x = tokens[e].norm
            if risingNouns.contains(tokens, e) || fallingNouns.contains(tokens, e) || (changeNouns.contains(tokens, e) && x != "changes") {
                return (k..<(e + 1), "\(direction(x)) \(m.name)", m.drug)
            }
            var aux = 0
            while e < n, aux < 2, auxiliaries.contains(tokens, e) { e += 1; aux += 1 }
            if e < n, risingVerbs.contains(tokens, e) || fallingVerbs.contains(tokens, e),
               // "the potassium increase" is a noun; a bare verb needs a level or an auxiliary
               aux > 0 || m.drug != nil || m.end > k + 1 || tokens[e].norm.hasSuffix("ed") {
                return (k..<(e + 1), "\(direction(tokens[e].norm)) \(m.name)", m.drug)
            }
        }
        return nil
    }
}
