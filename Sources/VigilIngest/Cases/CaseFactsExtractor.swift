import VigilCore

/// The facts of the patient a report describes: age, sex, indication, drugs and doses, and for
/// each reaction its onset, dechallenge, rechallenge and outcome.
struct CaseFactsExtractor {
    let doc: AnalysedDocument
    let lexicon: Lexicon
    let suspect: String
    /// Drugs the title names with the suspect as its partners ("an interaction between warfarin and
    /// fluconazole", "taking simvastatin and clarithromycin"): suspects too.
    let coSuspects: [String]
    /// Scope of each sentence, as the triples were given.
    let scopes: [Scope]
    /// Each sentence's causal links (`CausalRelations.pairs`), as the triples were found.
    let links: [[CausalRelations.Pair]]
    /// The lower-cased words of every sentence, built once: each sentence's were rebuilt by every
    /// fact that reads it.
    private let sentenceWords: [[String]]
    /// The names `isSuspect` accepts: the suspect, the parts of a suspect combination, the co-suspects.
    private let suspectNames: Set<String>

    /// The patient of a case series to read (`Sentence.patient`), nil for a report of one patient.
    let patient: Int?

    init(doc: AnalysedDocument, lexicon: Lexicon, suspect: String, coSuspects: [String] = [], scopes: [Scope],
         links: [[CausalRelations.Pair]], patient: Int? = nil) {
        self.coSuspects = coSuspects
        self.doc = doc
        self.patient = patient
        self.lexicon = lexicon
        self.suspect = suspect
        self.scopes = scopes
        self.links = links
        sentenceWords = doc.sentences.map { doc.words($0) }
        suspectNames = Set([suspect] + suspect.split(separator: "/").map(String.init) + coSuspects)
    }

    static let experienceBefore: WordSet = ["developed", "develop", "developing", "presented",
                                                "experienced", "diagnosed", "diagnosis", "impression", "consistent",
                                                "suffered", "exhibited", "manifested", "confirmed", "admitted"]
    /// Who reports a reaction when "reported" is the patient's word ("she reported fatigue").
    static let reporters: WordSet = ["she", "he", "patient", "they"]
    static let experienceAfter: WordSet = ["occurred", "appeared", "reappeared", "recurred", "developed",
                                               "observed", "noted", "emerged", "worsened", "started", "diagnosed"]
    static let startCues: WordSet = ["begun", "began", "begin", "started", "starting", "start", "initiated",
                                         "initiation", "prescribed", "administered", "given", "received", "commenced",
                                         "introduced", "treated", "receiving", "taking", "took"]
    static let stopCues: WordSet = ["stopped", "discontinued", "withdrawn", "suspended", "ceased", "cessation",
                                        "discontinuation", "interrupted", "withdrawal", "stop", "discontinue", "halted",
                                        "reduced", "reduction", "withheld", "stopping", "discontinuing", "withdrew"]
    static let betterCues: WordSet = ["resolved", "resolution", "improved", "subsided", "disappeared", "recovered",
                                          "recovery", "remitted", "regressed", "normalized", "cleared", "healed",
                                          "faded", "improvement", "abated", "decreased", "relieved", "better"]
    static let restartCues: WordSet = ["restarted", "reintroduced", "readministration", "readministered",
                                           "rechallenge", "rechallenged", "resumed", "reinstituted", "reexposure",
                                           "reinitiated"]
    /// Phrases of the sentence's words joined by single spaces, padded with one space each side.
    static let restartPhrases: PhraseList = [" re - challenge", " re - administration", " re - administered",
                                             " re - introduced", " re - introduction", " re - started", " re - initiated",
                                             " re - exposed", " re - exposure", " re - instituted",
                                             " started again", " given again", " administered again"]
    static let notRecurPhrases: PhraseList = [" did not recur", " not recur", " no recurrence", " without recurrence",
                                              " have not recurred", " not reappear"]
    static let persistPhrases: PhraseList = [" persisted", " did not improve", " no improvement"]
    static let fatalPhrases: PhraseList = [" died ", " death of the patient", " fatal outcome"]
    static let recurCues: WordSet = ["recurred", "reappeared", "recurrence", "relapse", "relapsed", "recur",
                                         "reappearance", "experienced", "developed", "returned"]
    /// Words that name the patient in a sentence ("in a 68-year-old man", "our patient").
    static let patientWords: WordSet = ["patient", "man", "woman", "boy", "girl", "infant", "child", "neonate",
                                        "gentleman", "lady"]
    static let maleWords: WordSet = ["man", "male", "boy", "gentleman", "he", "his", "him", "father", "husband"]
    static let femaleWords: WordSet = ["woman", "female", "girl", "lady", "she", "her", "mother", "wife"]
    static let workUpWords: WordSet = ["excluded", "ruled", "negative", "serology", "serologies", "history",
                                           "differential", "unremarkable"]
    /// Words that stand for the suspect drug's course in a case narrative ("the infusion was stopped").
    static let courseWords: WordSet = ["treatment", "therapy", "infusion", "infusions"]
    static let stayWords: WordSet = ["admission", "hospitalization", "hospitalisation", "hospital", "stay", "illness", "life"]
    /// "discharged on day 21": the day of the stay, not of the course.
    static let stayEvents: WordSet = ["discharged", "died", "extubated", "transferred", "admitted"]
    static let firstDoseWords: WordSet = ["dose", "infusion", "injection", "cycle", "course", "administration", "tablet"]
    /// Words a cue does not reach across: what follows "after" came before the reaction ("admitted
    /// with vomiting after 3 days of gastroenteritis"; but "admitted because of fever" is the reaction).
    static let cueStops: WordSet = ["revealed", "history", "treated", "for", "which", "that", "characterized",
                                        "differential", "than", "unlike", "previous", "after", "following"]
    static let auxiliaries: WordSet = ["was", "were", "had", "has", "have", "then", "subsequently", "also", "again",
                                           "been"]
    /// Words that tell of something the patient began to have, named or not ("she became lethargic",
    /// "he noticed a burning plaque"): the sentence can date the reaction.
    static let symptomWords: WordSet = ["symptoms", "symptom", "developed", "occurred", "observed", "appeared", "complained",
                                        "became", "noticed"]
    static let hypotheticalWords: WordSet = ["whether", "if", "might", "would", "should", "guidance"]
    static let recoveredWords: WordSet = ["resolved", "recovered", "disappeared", "subsided", "resolution", "cleared", "healed",
                                          "faded", "normalized", "normalised"]
    static let improvingWords: WordSet = ["improved", "improving", "improvement"]
    /// "an octogenarian": the decade a noun of age names.
    static let decadeNouns: [String: Double] = ["quinquagenarian": 50, "sexagenarian": 60, "septuagenarian": 70,
                                                "octogenarian": 80, "nonagenarian": 90]
    static let cancerWords = ["carcinoma", "cancer", "tumor", "tumour", "leukemia", "leukaemia", "lymphoma",
                              "melanoma", "sarcoma", "myeloma", "neoplasm", "blastoma", "metastases"]

    /// Whether a drug's name is the suspect's, or one of the parts of a suspect combination
    /// ("trimethoprim" of "sulfamethoxazole/trimethoprim", which the title's mentions split).
    func isSuspect(_ name: String) -> Bool { suspectNames.contains(name) }

    /// Where the text says a finding of the case: the sentence, and the mention when one names it.
    struct Source {
        var sentence: Int
        var mention: Int?
    }

    /// The case's facts, where each reaction was read, and what the patient was said not to have.
    struct Findings {
        var facts: CaseFacts
        /// The sentence (and mention) each of `facts.reactions` was read from, by name.
        var sources: [String: Source]
        /// Reactions a patient sentence says the patient did not have ("There were no mucosal
        /// lesions", "TEN was not observed in this patient"), first sentence for each name.
        var absent: [(name: String, source: Source)]
    }

    func findings() -> Findings {
        var facts = CaseFacts()
        // One patient of a series: the sentences under their heading, and the title.
        let caseSentences = doc.sentences.indices.filter {
            isPatientSentence($0) && (patient == nil || doc.sentences[$0].patient == patient || doc.sentences[$0].section == "title")
        }
        (facts.age, facts.ageRange, facts.sex) = age(caseSentences)
        if facts.sex == nil { facts.sex = pronounSex(caseSentences) }
        facts.indication = indication(caseSentences)
        facts.drugs = drugs(caseSentences)
        let (reactions, sources, absent) = reactions(caseSentences, indication: facts.indication)
        facts.reactions = reactions
        return Findings(facts: facts, sources: sources, absent: absent)
    }

    private func words(_ i: Int) -> [String] { sentenceWords[i] }

    static func isNumber(_ w: String) -> Bool { w.first?.isNumber == true }

    /// "39.2": a point between two numbers.
    static func isDecimalPoint(_ w: [String], _ k: Int) -> Bool {
        k > 0 && k + 1 < w.count && isNumber(w[k - 1]) && isNumber(w[k + 1])
    }

    /// Whether sentence `i` has a word of the set (`words(i).contains { set.contains($0) }`, on
    /// the tokens' hashes).
    private func says(_ i: Int, _ set: WordSet) -> Bool {
        doc.sentences[i].tokens.contains { set.contains(doc.tokens[$0]) }
    }

    /// "Viral hepatitis serologies were negative", "no family history of angioedema": a work-up
    /// or history near the mention (the clause around it), not a finding the patient lacked.
    private func isWorkUp(_ mention: Range<Int>, _ s: Sentence) -> Bool {
        var k = mention.lowerBound - 1
        while k >= s.tokens.lowerBound, k >= mention.lowerBound - 6, doc.tokens[k].norm != ";" {
            if Self.workUpWords.contains(doc.tokens[k]) { return true }
            k -= 1
        }
        k = mention.upperBound
        while k < s.tokens.upperBound, k < mention.upperBound + 5, doc.tokens[k].norm != ";" {
            if Self.workUpWords.contains(doc.tokens[k]) { return true }
            k += 1
        }
        return false
    }

    /// Sentences about the patient: the case section, and elsewhere those the scope says are the case's.
    func isPatientSentence(_ i: Int) -> Bool {
        let s = doc.sentences[i]
        if s.blockKind == .table { return false }
        if s.section == "case" { return true }
        return scopes[i] == .case && s.section != "front"
    }

    // MARK: Age and sex

    private func age(_ sentences: [Int]) -> (Double?, [Double]?, String?) {
        let ordered = sentences.filter { doc.sentences[$0].section == "case" } + sentences
            + (patient == nil ? Array(doc.sentences.indices) : [])
        for i in ordered {
            let w = words(i)
            for k in w.indices {
                // "62-year-old man", "62 year old", "62-yr-old"
                if let n = Double(w[k]), n < 120, k + 2 < w.count {
                    var j = k + 1
                    if w[j] == "-" { j += 1 }
                    if j < w.count, ["year", "years", "yr", "yrs"].contains(w[j]) {
                        var e = j + 1
                        if e < w.count, w[e] == "-" { e += 1 }
                        if e < w.count, w[e] == "old" {
                            return (n, nil, sexAround(w, e + 1))
                        }
                    }
                    // "a 3-month-old boy", "a 10-day-old neonate": years, to two decimals.
                    if j < w.count, let perYear = ["month": 12.0, "months": 12, "week": 365.0 / 7, "weeks": 365.0 / 7,
                                                   "day": 365, "days": 365][w[j]] {
                        var e = j + 1
                        if e < w.count, w[e] == "-" { e += 1 }
                        if e < w.count, w[e] == "old" {
                            return ((n / perYear * 100).rounded() / 100, nil, sexAround(w, e + 1))
                        }
                    }
                }
                // "in her 50s", "in his fifties"
                if w[k] == "in", k + 2 < w.count, ["her", "his", "their", "the"].contains(w[k + 1]) {
                    var decade: Double?
                    if let n = Double(w[k + 2]), k + 3 < w.count, w[k + 3] == "s", n.truncatingRemainder(dividingBy: 10) == 0 {
                        decade = n
                    } else if let d = ["twenties": 20.0, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                                       "seventies": 70, "eighties": 80, "nineties": 90][w[k + 2]] {
                        decade = d
                    }
                    if let d = decade {
                        let sex = w[k + 1] == "her" ? "female" : w[k + 1] == "his" ? "male" : sexAround(w, max(0, k - 3))
                        return (d + 5, [d, d + 9], sex ?? sexAround(w, max(0, k - 4)))
                    }
                }
                // "an octogenarian woman": the middle of the decade, as "in her 80s"
                if let d = Self.decadeNouns[w[k]] {
                    return (d + 5, [d, d + 9], sexAround(w, k + 1) ?? sexAround(w, max(0, k - 2)))
                }
                // "aged 62", "age of 62"
                if (w[k] == "aged" || (w[k] == "age" && k + 1 < w.count && w[k + 1] == "of")), k + 2 < w.count {
                    let at = w[k] == "aged" ? k + 1 : k + 2
                    if let n = Double(w[at]), n < 120 { return (n, nil, sexAround(w, max(0, k - 4))) }
                }
            }
        }
        return (nil, nil, nil)
    }

    private func sexAround(_ w: [String], _ from: Int) -> String? {
        for k in from..<min(w.count, from + 6) {
            if Self.maleWords.contains(w[k]) { return "male" }
            if Self.femaleWords.contains(w[k]) { return "female" }
        }
        return nil
    }

    private func pronounSex(_ sentences: [Int]) -> String? {
        var m = 0, f = 0
        for i in sentences {
            for w in words(i) {
                if w == "he" || w == "his" || w == "him" { m += 1 }
                if w == "she" || w == "her" { f += 1 }
            }
        }
        if m == f { return nil }
        return m > f ? "male" : "female"
    }

    // MARK: Indication and drugs

    /// What the patient was treated for: the disease the wording ties to the suspect drug as
    /// its purpose ("isoniazid 300 mg daily for latent tuberculosis", "epilepsy treated with
    /// lamotrigine", "a girl with epilepsy … started on lamotrigine"), else the cancer the report
    /// names most.
    private func indication(_ sentences: [Int]) -> String? {
        var best: (score: Int, name: String)?
        // A disease the text anywhere gives as the suspect drug's effect is not what it treats.
        var effects = Set<String>()
        for p in links.joined() where doc.mentions[p.drug].name == suspect {
            effects.insert(doc.mentions[p.reaction].name)
        }
        for i in sentences {
            let s = doc.sentences[i]
            let ms = doc.mentionsBySentence[i]
            let drugs = ms.filter { doc.mentions[$0].kind == .drug && doc.mentions[$0].name == suspect }
            guard !drugs.isEmpty else { continue }
            let caused = Set(links[i].map(\.reaction))
            for mi in ms where doc.mentions[mi].kind == .reaction {
                let m = doc.mentions[mi]
                let before = CausalRelations.precedingWords(m.tokens.lowerBound, s, doc.tokens, 6)
                // "A 64-year-old man with resistant hypertension had been taking hydralazine …":
                // what the patient had when the drug was taken is what it was taken for, whatever
                // the causal rules read into the sentence.
                // ("with" may stand a word or two before the name: "with resistant hypertension")
                let withAt = before.prefix(3).firstIndex(of: "with")
                let patientWith = withAt.map { w in before[(w + 1)...].contains { CausalRelations.patientWords.contains($0) } } ?? false
                if patientWith, let d = drugs.first(where: { doc.mentions[$0].tokens.lowerBound >= m.tokens.upperBound }) {
                    let gap = (m.tokens.upperBound..<doc.mentions[d].tokens.lowerBound).map { doc.tokens[$0].norm }
                    if gap.count <= 6, gap.contains(where: { Self.startCues.contains($0) }),
                       !gap.contains(where: { ["after", "following", "developed", "induced", "caused", "due"].contains($0) }) {
                        if 2 > (best?.score ?? 0) { best = (2, m.name) }
                        continue
                    }
                }
                if caused.contains(mi) || effects.contains(m.name) { continue }
                // "a risk factor for SJS", "screening for X", "monitored for X": no purpose of the drug.
                if before.contains(where: { ["risk", "factor", "factors", "screening", "screened", "monitored", "monitoring",
                                             "tested", "evaluated", "admitted", "hospitalized", "hospitalised"].contains($0) }) { continue }
                var score = 0
                for di in drugs {
                    let d = doc.mentions[di]
                    if d.tokens.upperBound <= m.tokens.lowerBound {
                        // "D (400 mg daily) for X", "D was prescribed for X"
                        let gap = (d.tokens.upperBound..<m.tokens.lowerBound).map { doc.tokens[$0].norm }
                        // "for" may stand a few words before the disease's name ("for methicillin-resistant
                        // Staphylococcus aureus osteomyelitis"), with no cue between.
                        let forAt = before.firstIndex(of: "for")
                        let purpose = forAt.map { f in !before[..<f].contains { CausalRelations.forwardCues.contains($0) || CausalRelations.backwardCues.contains($0) } } ?? false
                        if purpose || before.first == "of" && before.dropFirst().first == "treatment",
                           gap.count <= 16, !gap.contains(where: { CausalRelations.forwardCues.contains($0) }) {
                            score = max(score, 3)
                        }
                    } else {
                        // "X treated with D", "for X, D was started"
                        let gap = (m.tokens.upperBound..<d.tokens.lowerBound).map { doc.tokens[$0].norm }
                        if gap.count <= 8, gap.contains(where: { ["treated", "treatment", "therapy", "managed"].contains($0) }),
                           !gap.contains(where: { ["after", "following", "due", "induced", "caused", "secondary", "during"].contains($0) }) {
                            score = max(score, 2)
                        }
                    }
                }
                // "A 45-year-old man with X was started on D"
                // ("A man in his 60s with rheumatoid arthritis had been taking methotrexate")
                if score == 0, withAt == 0, patientWith { score = 1 }
                if score > 0, score > (best?.score ?? 0) { best = (score, m.name) }
            }
        }
        if let best { return best.name }
        return mostNamedCancer()
    }

    private func mostNamedCancer() -> String? {
        var counts: [String: Int] = [:]
        var first: [String: Int] = [:]
        for (i, m) in doc.mentions.enumerated() where m.kind == .reaction {
            guard Self.cancerWords.contains(where: { m.name.has($0) }) else { continue }
            counts[m.name, default: 0] += 1
            if first[m.name] == nil { first[m.name] = i }
        }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : first[a.key]! > first[b.key]! }?.key
    }

    private func drugs(_ sentences: [Int]) -> [CaseDrug] {
        var out = [CaseDrug(name: suspect, role: .suspect, dose: dose(of: suspect, sentences))]
            + coSuspects.map { CaseDrug(name: $0, role: .suspect, dose: dose(of: $0, sentences)) }
        var seen = Set([suspect] + coSuspects)
        // The case section's sentences; a report without one (an abstract) tells the case in the
        // sentences scoped to the patient.
        let hasCaseSection = doc.sentences.contains { $0.section == "case" }
        for i in sentences where doc.sentences[i].section == "case" || !hasCaseSection && i < scopes.count && scopes[i] == .case {
            let w = words(i)
            let tokens = doc.sentences[i].tokens
            let took = w.contains { Self.startCues.contains($0) || $0 == "medications" || $0 == "except" || $0 == "added" }
                || w.indices.contains { k in w[k] == "mg" && !Self.isConcentration(tokens.lowerBound + k, doc.sentences[i], doc.tokens) }
            guard took else { continue }
            // "Rifampicin was not given.", "She never received heparin."
            let notTaken = w.indices.contains { k in
                Self.startCues.contains(w[k]) && w[max(0, k - 2)..<k].contains { $0 == "not" || $0 == "never" }
            }
            if notTaken { continue }
            for m in doc.mentionsBySentence[i].map({ doc.mentions[$0] }) where m.kind == .drug && !seen.contains(m.name) {
                if AssertionDetector.isNegated(m.tokens, doc.sentences[i].tokens, doc.tokens) { continue }
                if Self.isMeasured(m.tokens, doc.sentences[i], doc.tokens) { continue }
                seen.insert(m.name)
                out.append(CaseDrug(name: m.name, role: .concomitant, dose: dose(of: m.name, sentences)))
            }
        }
        return out
    }

    /// "400 mg twice daily", "400 mg every 12 hours": the first dose written after the drug, before
    /// any other drug ("lamivudine and sorafenib 400 mg": none for lamivudine).
    private func dose(of drug: String, _ sentences: [Int]) -> String? {
        for i in sentences {
            let s = doc.sentences[i]
            let ms = doc.mentionsBySentence[i].map { doc.mentions[$0] }
            guard let d = ms.first(where: { $0.kind == .drug && $0.name == drug }) else { continue }
            var k = d.tokens.upperBound
            // (Not the drug's own abbreviation: "methotrexate (MTX) 8 mg/week".)
            let nextDrug = ms.first { $0.kind == .drug && $0.name != drug && $0.tokens.lowerBound >= d.tokens.upperBound }?.tokens.lowerBound ?? Int.max
            // The suspect's dose may come a clause later ("sorafenib was started at a dose of 400 mg");
            // another drug's is written beside it.
            let end = min(s.tokens.upperBound, k + (isSuspect(drug) ? 12 : 6), nextDrug)
            while k < end {
                let t = doc.tokens[k]
                // (A full stop may be the document's last token: "… tocilizumab was later introduced for RA.")
                if !isSuspect(drug), [";", ":"].contains(t.norm)
                    || t.norm == "." && !(k + 1 < doc.tokens.count && doc.tokens[k + 1].kind == .number && !doc.tokens[k + 1].spaceBefore) { break }
                if t.kind == .number, k + 1 < s.tokens.upperBound,
                   ["mg", "g", "mcg", "µg", "μg", "ug", "iu", "units", "ml"].contains(doc.tokens[k + 1].norm),
                   !Self.isConcentration(k + 1, s, doc.tokens) {
                    var e = k + 2
                    // mg/m2, mg/kg
                    if e + 1 < s.tokens.upperBound, doc.tokens[e].norm == "/", !doc.tokens[e].spaceBefore { e += 2 }
                    if e < s.tokens.upperBound, doc.tokens[e].kind == .number, !doc.tokens[e].spaceBefore { e += 1 }
                    let freq = frequency(k: e, s)
                    return doc.cleanText(Sentence(tokens: k..<freq, start: doc.tokens[k].start,
                                                  end: doc.tokens[freq - 1].end, section: nil, blockKind: .body))
                }
                k += 1
            }
        }
        return nil
    }

    /// Words between a measured substance and its value ("creatine kinase was 48,600 U/L").
    static let measureWords: WordSet = ["was", "were", "of", "level", "levels", "concentration", "concentrations", "rose",
                                        "fell", "increased", "decreased", "to", "at", "reached", "peaked", "up"]
    static let specimenWords: WordSet = ["serum", "plasma", "blood", "urine", "urinary", "arterial", "venous"]

    /// "lactate 11.2 mmol/L", "serum creatinine", "creatine kinase was 48,600 U/L": a substance the
    /// laboratory measured, which the vocabulary also lists as a drug, not a drug the patient took.
    static func isMeasured(_ mention: Range<Int>, _ s: Sentence, _ tokens: [Token]) -> Bool {
        if mention.lowerBound > s.tokens.lowerBound, specimenWords.contains(tokens, mention.lowerBound - 1) { return true }
        var k = mention.upperBound
        while k < s.tokens.upperBound, k < mention.upperBound + 3, measureWords.contains(tokens, k) { k += 1 }
        guard k < s.tokens.upperBound, tokens[k].kind == .number else { return false }
        while k + 1 < s.tokens.upperBound, tokens[k].kind == .number || [".", ","].contains(tokens[k].norm) && !tokens[k + 1].spaceBefore {
            k += 1
        }
        return isConcentration(k, s, tokens)
    }

    /// "7 mg/dL", "3.5 g/L", "mmol/L": a laboratory concentration, not a dose.
    static func isConcentration(_ unit: Int, _ s: Sentence, _ tokens: [Token]) -> Bool {
        guard unit + 2 < s.tokens.upperBound, tokens[unit + 1].norm == "/" else { return false }
        return ["dl", "l", "ml"].contains(tokens[unit + 2].norm)
    }

    private func frequency(k: Int, _ s: Sentence) -> Int {
        let w = (k..<min(s.tokens.upperBound, k + 5)).map { doc.tokens[$0].norm }
        let phrases: [[String]] = [["twice", "daily"], ["twice", "a", "day"], ["once", "daily"], ["once", "a", "day"],
                                   ["three", "times", "daily"], ["three", "times", "a", "day"], ["daily"], ["per", "day"],
                                   ["a", "day"], ["bid"], ["b", ".", "i", ".", "d"], ["qd"], ["/", "day"], ["/", "d"],
                                   ["weekly"], ["once", "weekly"], ["every", "week"]]
        for p in phrases where w.count >= p.count && Array(w.prefix(p.count)) == p { return k + p.count }
        if w.count >= 3, w[0] == "every", let _ = TimeExpressions.number(w[1]),
           TimeExpressions.units[w[2]] != nil { return k + 3 }
        return k
    }

    // MARK: Reactions

    private struct Found {
        var name: String
        var source: Source
    }

    private func reactions(_ sentences: [Int], indication: String?)
        -> ([CaseReaction], [String: Source], [(name: String, source: Source)]) {
        var found: [Found] = []
        var absent: [(name: String, source: Source)] = []
        func add(_ name: String, _ i: Int, _ mention: Int) {
            if name == indication { return }  // the disease treated is not a reaction to the treatment
            if !found.contains(where: { $0.name == name }) { found.append(Found(name: name, source: Source(sentence: i, mention: mention))) }
        }
        // Where the suspect drug was started in the narrative: reactions the case section names
        // before it are the patient's history.
        let start = sentences.first { i in
            doc.sentences[i].section == "case" &&
                doc.mentionsBySentence[i].contains { doc.mentions[$0].kind == .drug && doc.mentions[$0].name == suspect } &&
                says(i, Self.startCues)
        }
        for i in sentences {
            let s = doc.sentences[i]
            let ms = doc.mentionsBySentence[i]
            if s.section == "case", let st = start, i < st { continue }
            let w = words(i)
            // The last token of the sentence's last cued reaction: a list goes on from it
            // ("developed fever (39.2 °C), a diffuse rash involving more than 50% of the body,
            // facial edema and lymphadenopathy"), however far it runs from the cue.
            var lastCued: Int?
            for mi in ms {
                let m = doc.mentions[mi]
                guard m.kind == .reaction else { continue }
                let assertion = AssertionDetector.assertion(of: m.tokens, in: s.tokens, doc.tokens)
                // Not a work-up that ruled a cause out ("Viral hepatitis serologies were negative",
                // "Infection was excluded") nor a history the patient had not ("no history of psoriasis").
                if assertion == .negated, s.section != "title", m.name != indication,
                   !absent.contains(where: { $0.name == m.name }), !isWorkUp(m.tokens, s) {
                    absent.append((m.name, Source(sentence: i, mention: mi)))
                }
                if assertion != .affirmed { continue }
                if s.section == "title" {
                    // A title names the case's reaction when it links it to the drug ("Y Induced by X").
                    let linked = links[i].contains {
                        $0.reaction == mi && isSuspect(doc.mentions[$0.drug].name)
                    }
                    if linked || !ms.contains(where: { doc.mentions[$0].kind == .drug }) { add(m.name, i, mi) }
                    continue
                }
                let rel = m.tokens.lowerBound - s.tokens.lowerBound
                // A cue before the mention in the same clause, or right after it.
                var cued = false
                var k = rel - 1
                var steps = 0
                while k >= 0, steps < 14 || lastCued != nil {
                    if w[k] == ";" || w[k] == "." && !Self.isDecimalPoint(w, k) || w[k] == "who" && steps > 0 && cued { break }
                    if k == lastCued { cued = true; break }
                    if Self.experienceBefore.contains(w[k]) || w[k] == "reported" && k > 0 && Self.reporters.contains(w[k - 1]) {
                        cued = !(k > 0 && w[k - 1] == "differential")
                        break
                    }
                    // "more than 50%" compares numbers, not the reaction with another.
                    // (A list may run on past a relative clause of its own item: "a rash that rapidly
                    // extended to 60% of her body, facial edema and lymphadenopathy".)
                    if Self.cueStops.contains(w[k]) && !(w[k] == "than" && k + 1 < w.count && Self.isNumber(w[k + 1]))
                        && !(w[k] == "that" && lastCued != nil) { break }
                    k -= 1
                    steps += 1
                }
                // … but not "a man with chronic lymphocytic leukemia developed fever": what the patient
                // is "with" is a condition they had.
                if !cued && !(k >= 0 && w[k] == "for") && !(rel > 0 && w[rel - 1] == "with") {
                    // "RRD occurred", "the HSFR reappeared", "rash was observed" (but not
                    // "receiving isoniazid for tuberculosis developed jaundice")
                    var k = rel + m.tokens.count
                    while k < w.count, Self.auxiliaries.contains(w[k]) { k += 1 }
                    if k < w.count, Self.experienceAfter.contains(w[k]) { cued = true }
                }
                // "We report SJS/TEN overlap induced by allopurinol in a 68-year-old man": a sentence
                // that names the patient and links the reaction to the suspect names it, cue or not.
                if !cued, links[i].contains(where: { $0.reaction == mi && isSuspect(doc.mentions[$0.drug].name) }),
                   says(i, Self.patientWords) {
                    cued = true
                }
                if cued {
                    add(m.name, i, mi)
                    lastCued = m.tokens.upperBound - 1 - s.tokens.lowerBound
                }
            }
        }
        var out: [CaseReaction] = []
        let challenge = challenges(sentences)
        let onsets = onsetsBySentence(sentences, start: start)
        for f in found {
            // A restart told before the case's narrative names the reaction ("Vancomycin was restarted
            // more slowly, and the reaction did not recur. On day 7 … acute kidney injury") is no
            // rechallenge of it.
            var re = Self.rechallenge(challenge.restarts.map(\.outcome))
            if let first = challenge.restarts.first?.sentence, let told = sentences.first(where: { i in
                doc.sentences[i].section != "title" && doc.mentionsBySentence[i].contains { doc.mentions[$0].name == f.name }
            }), told > first {
                re = Self.rechallenge(challenge.restarts.filter { $0.sentence >= told }.map(\.outcome))
            }
            out.append(CaseReaction(name: f.name, drug: suspect, onsetDays: nil, dechallenge: challenge.de,
                                    rechallenge: re, outcome: challenge.outcome))
        }
        // Onsets: to the reactions their sentence names, else to the first reaction. Rounded to
        // millionths of a day (0.09 s): "within 15 minutes" is 0.010417, not 0.010416666666666668.
        for (i, exact) in onsets {
            let days = (exact * 1_000_000).rounded() / 1_000_000
            let named = doc.mentionsBySentence[i].map { doc.mentions[$0].name }
            var assigned = false
            for k in out.indices where named.contains(out[k].name) && out[k].onsetDays == nil {
                out[k].onsetDays = days
                assigned = true
            }
            if !assigned, !out.isEmpty, out[0].onsetDays == nil, named.allSatisfy({ n in !out.contains { $0.name == n } }) {
                // A sentence that names only findings the case does not count ("Two weeks later he
                // developed painful macules that progressed to … conjunctivitis") still dates the
                // reaction when it tells of one beginning.
                if !doc.mentionsBySentence[i].contains(where: { doc.mentions[$0].kind == .reaction }) || says(i, Self.symptomWords) {
                    out[0].onsetDays = days
                }
            }
        }
        var sources: [String: Source] = [:]
        for f in found { sources[f.name] = f.source }
        // What the patient had is not also what they did not have ("no rash on the palms").
        absent.removeAll { a in found.contains { $0.name == a.name } }
        return (out, sources, absent)
    }

    /// Durations from the suspect drug's start, per sentence, in reading order.
    private func onsetsBySentence(_ sentences: [Int], start: Int?) -> [(Int, Double)] {
        var out: [(Int, Double)] = []
        var lastStart: Int? = nil
        var startOffset: Double = 0
        // Dates: "started amiodarone on 3 March 2019. On 17 March 2019 he presented with …"
        var startDay: Int?
        var year: Int?
        var courseSoFar: (sentence: Int, days: Double)?
        for i in sentences {
            let w = words(i)
            var day: Int?
            for k in w.indices {
                if let d = TimeExpressions.date(w, at: k, year: year) { day = d.day; year = d.year; break }
            }
            let namesDrug = doc.mentionsBySentence[i].contains { doc.mentions[$0].kind == .drug && isSuspect(doc.mentions[$0].name) }
            let isStart = (namesDrug || w.contains("treatment") || w.contains("drug")) &&
                (says(i, Self.startCues) || says(i, Self.restartCues)) &&
                !says(i, Self.stopCues)
            var value: Double?
            for k in w.indices {
                // "14 days after starting sorafenib", "At 10 days after starting treatment"
                if let (d, e) = TimeExpressions.duration(w, at: k), e < w.count {
                    // "Within 15 minutes of the first infusion": as "15 minutes after".
                    let within = w[e] == "of" && k >= 1 && w[k - 1] == "within"
                    if w[e] == "after" || w[e] == "following" || w[e] == "from" || within {
                        let tail = w[(e + 1)..<min(w.count, e + 6)]
                        if tail.contains(where: { ["starting", "initiation", "start", "beginning", "commencing",
                                                   "introduction", "administration", "taking", "receiving", "the"].contains($0) })
                            && (namesDrug || tail.contains(where: { Self.courseWords.contains($0) })) {
                            value = d; break
                        }
                        // "Forty-two days after the first dose she developed …": the suspect's first
                        // dose, when the sentence names no other drug.
                        if tail.count >= 2, ["the", "his", "her", "their"].contains(tail[tail.startIndex]),
                           tail[tail.startIndex + 1] == "first", tail.contains(where: { Self.firstDoseWords.contains($0) }),
                           !doc.mentionsBySentence[i].contains(where: { doc.mentions[$0].kind == .drug && !isSuspect(doc.mentions[$0].name) }) {
                            value = d; break
                        }
                        // "10 days after lamotrigine was added", "3 weeks after sorafenib": the drug
                        // itself, unless what follows is its end.
                        let next = doc.sentences[i].tokens.lowerBound + e + 1
                        if doc.mentionsBySentence[i].contains(where: { isSuspect(doc.mentions[$0].name) && doc.mentions[$0].tokens.lowerBound == next }),
                           !tail.contains(where: { Self.stopCues.contains($0) }) {
                            value = d; break
                        }
                    }
                    if w[e] == "later", let ls = lastStart, i - ls <= 2 { value = d; break }
                    // "had been taking hydralazine … for 18 months when he presented with …"
                    if w[e] == "when", k >= 1, w[k - 1] == "for", namesDrug, says(i, Self.startCues) { value = d; break }
                    // "administered sorafenib 5 days before he reported"
                    if w[e] == "before", namesDrug, says(i, Self.startCues) { value = d; break }
                    if k >= 1, w[k - 1] == "after", k == 1 || (k == 2 && w[0] == "only") || w[0] == "after" {
                        if let ls = lastStart, i - ls <= 2 { value = d; break }
                    }
                }
                // "after only three days of sorafenib"
                if w[k] == "after", k + 2 < w.count {
                    var j = k + 1
                    if w[j] == "only" || w[j] == "just" { j += 1 }
                    // What follows "of" is the course: the drug ("of oral isoniazid") or the treatment,
                    // not "after 3 days of gastroenteritis".
                    if let (d, e) = TimeExpressions.duration(w, at: j), e + 1 < w.count, w[e] == "of" {
                        let of = doc.sentences[i].tokens.lowerBound + e + 1
                        let drug = doc.mentionsBySentence[i].contains {
                            isSuspect(doc.mentions[$0].name) && (of...(of + 1)).contains(doc.mentions[$0].tokens.lowerBound)
                        }
                        if drug || ["treatment", "therapy"].contains(w[e + 1]) { value = d; break }
                    }
                }
                // "On day 9 she developed …", "on day 8 of therapy": the day of the course (not "on
                // day 3 of admission").
                if w[k] == "day", k >= 1, w[k - 1] == "on", k + 1 < w.count, let n = Double(w[k + 1]), n >= 0,
                   !(k >= 2 && Self.stayEvents.contains(w[k - 2])) {
                    let of = k + 3 < w.count && w[k + 2] == "of" ? w[k + 3] : nil
                    let course = of.map { Self.courseWords.contains($0) } ?? false
                    if course || of == nil && lastStart != nil || namesDrug && of != nil && !Self.stayWords.contains(of!) {
                        value = n; break
                    }
                }
                // "On the 14th day post-RT" when the drug began the day after RT.
                if w[k] == "day", k >= 2, let n = Double(w[k - 2]), ["th", "st", "nd", "rd"].contains(w[k - 1]),
                   k + 1 < w.count, ["post", "after"].contains(w[k + 1]), lastStart != nil {
                    value = n - startOffset; break
                }
            }
            if value == nil, let day, let from = startDay, day >= from, !isStart { value = Double(day - from) }
            // "had been treated with lisinopril … for 4 years. He presented with …": the course so
            // far, up to the next sentence.
            if value == nil, let c = courseSoFar, i == c.sentence + 1 { value = c.days }
            courseSoFar = nil
            if isStart, value == nil, w.contains("been"), let f = w.lastIndex(of: "for"),
               let (d, e) = TimeExpressions.duration(w, at: f + 1), e >= w.count - 1 {
                courseSoFar = (i, d)
            }
            if isStart && (value == nil || !hasReactionOrSymptom(i)) {
                lastStart = i
                if let day, namesDrug { startDay = day }
                if w.contains("following") || w.contains("after"), w.contains("day") { startOffset = 1 }
            }
            if let v = value, v >= 0, hasReactionOrSymptom(i) { out.append((i, v)) }
        }
        return out
    }

    private func hasReactionOrSymptom(_ i: Int) -> Bool {
        doc.mentionsBySentence[i].contains { doc.mentions[$0].kind == .reaction } ||
            says(i, Self.symptomWords)
    }

    /// Dechallenge and outcome, read from the case's sentences in order, and each sentence that
    /// restarts the drug with what followed it (the rechallenge is theirs together: `rechallenge`).
    private func challenges(_ sentences: [Int])
        -> (de: Dechallenge, outcome: String?, restarts: [(sentence: Int, outcome: Rechallenge)]) {
        var restarts: [(sentence: Int, outcome: Rechallenge)] = []
        var de = Dechallenge.unknown
        var outcome: String?
        var stoppedAt: Int? = nil
        var restartedAt: Int? = nil
        for i in sentences {
            let n = i  // document order, so that a later section does not count as "soon after"
            let w = words(i)
            let namesDrug = doc.mentionsBySentence[i].contains { doc.mentions[$0].kind == .drug && isSuspect(doc.mentions[$0].name) }
                || w.contains { Self.courseWords.contains($0) } || w.contains("drug")
            let hypothetical = says(i, Self.hypotheticalWords)
            if hypothetical { continue }
            let joined = BytePairs(" " + w.joined(separator: " ") + " ")
            let restart = namesDrug && (says(i, Self.restartCues) || Self.restartPhrases.any(in: joined))
            if restart {
                restartedAt = n
                restarts.append((n, .notDone))
            } else if namesDrug && says(i, Self.stopCues) {
                stoppedAt = n
            }
            let better = says(i, Self.betterCues)
            let notRecur = Self.notRecurPhrases.any(in: joined)
            let recur = !notRecur && says(i, Self.recurCues)
            if let r = restartedAt, n - r <= 2 {
                var this = restarts[restarts.count - 1].outcome
                if notRecur && n == r { if this != .positive { this = .negative } } else if recur { this = .positive }
                else if notRecur, this != .positive { this = .negative }
                restarts[restarts.count - 1].outcome = this
            }
            if let s = stoppedAt, n - s <= 4, restartedAt.map({ $0 < s || $0 == n }) ?? true {
                if better, de == .unknown { de = .positive }
                if Self.persistPhrases.any(in: joined) {
                    if de == .unknown { de = .negative }
                }
            }
            if Self.fatalPhrases.any(in: joined) {
                outcome = "fatal"
            } else if outcome == nil || outcome == "recovering", says(i, Self.recoveredWords) {
                // "improved within 48 hours … normalized by day 4": the later word is the outcome.
                outcome = "recovered"
            } else if outcome == nil, says(i, Self.improvingWords) {
                outcome = "recovering"
            }
        }
        return (de, outcome, restarts)
    }

    /// The rechallenge several restarts make together: positive if any recurred, else negative if
    /// any did not, else not done.
    static func rechallenge(_ outcomes: [Rechallenge]) -> Rechallenge {
        outcomes.contains(.positive) ? .positive : outcomes.contains(.negative) ? .negative : .notDone
    }
}
