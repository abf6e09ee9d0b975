import Foundation
import VigilCore

/// Reads a case report or a sentence and says what it states: triples with evidence, and the
/// facts of each case it describes.
public struct Extractor: Sendable {
    /// Version recorded with every evidence row this extractor writes.
    public static let version = "vigil-extract/2"

    public let lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Extracts one document. Never throws: text it cannot use yields fewer triples, not an error.
    /// `hashing`: whether to compute the content hash (what `ingest` recognises a stored document
    /// by); without it `contentHash` is empty.
    public func extract(_ doc: SourceDocument, hashing: Bool = true) -> ExtractedDocument {
        var out = ExtractedDocument(source: doc.source, line: doc.line, title: doc.title, pmid: doc.pmid, doi: doc.doi,
                                    journal: doc.journal, year: doc.year, contentHash: hashing ? ContentHash.of(doc.text) : "")
        let a = AnalysedDocument(text: doc.text, lexicon: lexicon, titled: doc.title != nil && doc.line == nil)
        guard !a.sentences.isEmpty else { return out }
        // A whole report, a PubMed/MEDLINE article (title + abstract) or a short text file: a
        // case-report abstract describes a patient in two or three sentences. A lone line (`--lines`)
        // is one only when it holds a report's worth of sentences.
        let isReport = a.sentences.count >= 4 || (doc.line == nil && a.sentences.count >= 2)
        let mainDrug = isReport ? Self.mainDrug(a, lexicon) : nil
        var triples: [Triple] = []
        var scopes: [Scope] = []
        // Each sentence's causal links by the rules, as found for the triples (reports only):
        // the case facts read them again.
        var links: [[CausalRelations.Pair]] = []
        var recentDrug: (name: String, sentence: Int)?
        // Triples whose wording is explicit ("X-induced Y"): they stand even against the case's indication.
        var explicit = Set<Int>()
        for (i, s) in a.sentences.enumerated() {
            let idx = a.mentionsBySentence[i]
            // Sentences that name nothing cost nothing more (most of an ADE corpus, most of a report).
            if idx.isEmpty && !isReport {
                scopes.append(.literature)
                continue
            }
            // Scope and evidence text only for sentences that state something (most do not).
            var cached: (Scope, Evidence, String)?
            func context() -> (scope: Scope, evidence: Evidence, lower: String) {
                if let c = cached { return c }
                let (clean, lowerClean) = a.cleanTextAndLower(s)
                let lower = " " + lowerClean + " "
                let c = (ScopeClassifier.scope(lower, section: isReport ? s.section : nil),
                         Evidence(text: clean, start: s.start, end: s.end, section: s.section), lower)
                cached = c
                return c
            }
            if isReport { _ = context() }
            var pairs: [CausalRelations.Pair]
            if !isReport, let scorer = lexicon.pairScorer {
                pairs = PairTraining.candidates(s, idx, a.mentions, a.tokens).compactMap { d, r, rule in
                    let score = scorer.score(drug: a.mentions[d], reaction: a.mentions[r], sentence: s, mentionIdx: idx,
                                             mentions: a.mentions, tokens: a.tokens, rule: rule)
                    return score > scorer.threshold ? CausalRelations.Pair(drug: d, reaction: r, strength: rule) : nil
                }
            } else {
                pairs = CausalRelations.pairs(s, idx, a.mentions, a.tokens)
            }
            // "serum creatinine rose from 0.4 to 1.1 mg/dL": a substance the body makes, measured, is
            // no drug the patient took (the vocabulary lists creatinine as one).
            pairs.removeAll { p in
                let d = a.mentions[p.drug]
                return Self.endogenous.contains(d.name) && CaseFactsExtractor.isMeasured(d.tokens, s, a.tokens)
            }
            if isReport { links.append(pairs) }
            for p in pairs {
                var (scope, evidence, _) = context()
                let d = a.mentions[p.drug], r = a.mentions[p.reaction]
                // "Sorafenib may cause HFSR, but our patient did not develop it": the patient is
                // in the clause after the pair's, which is the drug's profile.
                if isReport, scope == .case,
                   let clause = Self.clauseBefore(contrastAfter: max(d.tokens.upperBound, r.tokens.upperBound), s, a) {
                    scope = ScopeClassifier.scope(clause, section: s.section)
                }
                let assertion = AssertionDetector.assertion(of: r.tokens, in: s.tokens, a.tokens)
                if p.strength >= 3 { explicit.insert(triples.count) }
                triples.append(Triple(subject: mention(d, a), predicate: .causes, object: .entity(mention(r, a)),
                                      assertion: assertion, scope: scope, evidence: evidence))
            }
            // "Facial erythema … and alopecia are also frequently reported": the drug is the one
            // the paragraph is about.
            if pairs.isEmpty, isReport, let main = mainDrug, let recent = recentDrug, recent.name == main,
               i - recent.sentence <= 4, !idx.contains(where: { a.mentions[$0].kind == .drug }),
               Self.profileCue(context().lower) {
                let (scope, evidence, _) = context()
                for ri in idx where a.mentions[ri].kind == .reaction {
                    let r = a.mentions[ri]
                    let assertion = AssertionDetector.assertion(of: r.tokens, in: s.tokens, a.tokens)
                    // Background statements, unless the sentence is about the patient: what they did
                    // not have ("He did not develop hepatotoxicity"), or, in the case section, what
                    // they had ("she reported fatigue and weight gain").
                    let caseSentence = scope == .case && (assertion == .negated || s.section == "case")
                    triples.append(Triple(subject: Mention(kind: .drug, name: main), predicate: .causes,
                                          object: .entity(mention(r, a)), assertion: assertion,
                                          scope: caseSentence ? .case : .literature, evidence: evidence))
                }
            }
            for link in TargetRelations.links(s, idx, a.mentions, a.tokens, lexicon) {
                let subject: Mention
                if let d = link.drug { subject = mention(a.mentions[d], a) }
                else if let main = mainDrug ?? recentDrug?.name { subject = Mention(kind: .drug, name: main) }
                else { continue }
                let t = a.mentions[link.target]
                var object = mention(t, a)
                if let member = link.member { object.kind = .target; object.name = member }
                let assertion: Assertion = AssertionDetector.isNegated(t.tokens, s.tokens, a.tokens) ? .negated
                    : link.hedged ? .hypothetical : .affirmed
                triples.append(Triple(subject: subject, predicate: .targets, object: .entity(object),
                                      assertion: assertion, scope: .literature, evidence: context().evidence))
            }
            if let d = idx.last(where: { a.mentions[$0].kind == .drug }) { recentDrug = (a.mentions[d].name, i) }
            scopes.append(cached?.0 ?? .literature)
        }
        if isReport, let main = mainDrug, Self.describesPatient(a, scopes) {
            // A case series ("Case 1", "Case 2" headings): one case per patient.
            let numbered = Set(a.sentences.map(\.patient)).subtracting([0]).sorted()
            let patients: [Int?] = numbered.count >= 2 ? numbered : [nil]
            var indications = Set<String>()
            let partners = Self.titlePartners(of: main, a)
            for patient in patients {
                let found = CaseFactsExtractor(doc: a, lexicon: lexicon, suspect: main, coSuspects: partners, scopes: scopes,
                                               links: links, patient: patient).findings()
                triples += caseTriples(found, main, a, triples)
                out.cases.append(found.facts)
                if let indication = found.facts.indication { indications.insert(indication) }
            }
            // The disease the patient was treated for is not what the treatment did to them
            // ("A woman with metastatic melanoma received nivolumab"), unless the text says so
            // outright ("nivolumab-induced melanoma").
            if !indications.isEmpty {
                triples = triples.enumerated().filter { k, t in
                    !(t.predicate == .causes && t.scope == .case && t.object.mention.map { indications.contains($0.name) } == true
                      && !explicit.contains(k))
                }.map(\.element)
            }
        }
        out.triples = Self.deduplicated(triples)
        return out
    }

    /// The case-scope triples of the suspect drug a patient's findings add to `existing`: every
    /// reaction of the case, with the sentence it was read from, and what the patient did not
    /// have ("There were no mucosal lesions") as negated, unless that sentence names another
    /// drug (then it may be that one's).
    private func caseTriples(_ found: CaseFactsExtractor.Findings, _ main: String, _ a: AnalysedDocument,
                             _ existing: [Triple]) -> [Triple] {
        var out: [Triple] = []
        func have(_ name: String, _ affirmedOnly: Bool) -> Bool {
            func same(_ t: Triple) -> Bool {
                t.predicate == .causes && t.scope == .case && (!affirmedOnly || t.assertion == .affirmed) &&
                    t.subject.name == main && t.object.mention?.name == name
            }
            return existing.contains(where: same) || out.contains(where: same)
        }
        func triple(_ name: String, _ source: CaseFactsExtractor.Source?, _ assertion: Assertion) -> Triple {
            var object = Mention(kind: .reaction, name: name)
            var evidence: Evidence?
            if let source {
                let s = a.sentences[source.sentence]
                if let mi = source.mention { object = mention(a.mentions[mi], a) }
                evidence = Evidence(text: a.cleanText(s), start: s.start, end: s.end, section: s.section)
            }
            return Triple(subject: Mention(kind: .drug, name: main), predicate: .causes, object: .entity(object),
                          assertion: assertion, scope: .case, evidence: evidence)
        }
        for r in found.facts.reactions where !have(r.name, true) {
            out.append(triple(r.name, found.sources[r.name], .affirmed))
        }
        for (name, source) in found.absent {
            let names = a.mentionsBySentence[source.sentence].map { a.mentions[$0] }
            if names.contains(where: { $0.kind == .drug && $0.name != main }) || have(name, false) { continue }
            out.append(triple(name, source, .negated))
        }
        return out
    }

    private func mention(_ m: EntityMention, _ a: AnalysedDocument) -> Mention {
        Mention(kind: m.kind, name: m.name, text: a.string(m.start, m.end), start: m.start, end: m.end)
    }

    /// Wording that speaks of a drug's known adverse effects.
    static func profileCue(_ lower: String) -> Bool { profilePhrases.any(in: BytePairs(lower)) }

    static let profilePhrases: PhraseList = [
        "adverse", "side effect", "side-effect", "toxicit", "reported", "can occur", "may occur", "manifestations",
        "complications", "associated with", "reports of", "cases of",
    ]

    /// The drug a report is about: the one its title names, else the one it names most.
    static func mainDrug(_ a: AnalysedDocument, _ lexicon: Lexicon) -> String? {
        for (i, s) in a.sentences.enumerated() where s.section == "title" {
            guard let d = a.mentionsBySentence[i].first(where: { a.mentions[$0].kind == .drug }) else { continue }
            return combination(a.mentions[d], a, lexicon) ?? a.mentions[d].name
        }
        var counts: [String: Int] = [:]
        var first: [String: Int] = [:]
        for (i, m) in a.mentions.enumerated() where m.kind == .drug {
            counts[m.name, default: 0] += 1
            if first[m.name] == nil { first[m.name] = i }
        }
        return counts.max { x, y in x.value != y.value ? x.value < y.value : first[x.key]! > first[y.key]! }?.key
    }

    /// Drugs the title coordinates with the main one ("… between warfarin and fluconazole",
    /// "taking simvastatin and clarithromycin", "capecitabine plus oxaliplatin"): the report
    /// suspects them together.
    static func titlePartners(of main: String, _ a: AnalysedDocument) -> [String] {
        guard let t = a.sentences.indices.first(where: { a.sentences[$0].section == "title" }) else { return [] }
        let drugs = a.mentionsBySentence[t].filter { a.mentions[$0].kind == .drug }
        var out: [String] = []
        var linked = false  // whether the previous drug is in the main one's coordination
        for (x, y) in zip(drugs, drugs.dropFirst()) {
            let (dx, dy) = (a.mentions[x], a.mentions[y])
            let joined = dx.tokens.upperBound < dy.tokens.lowerBound && (dx.tokens.upperBound..<dy.tokens.lowerBound).allSatisfy {
                ["and", "plus", "with", "/", ",", "&"].contains(a.tokens[$0].norm)
            }
            guard joined else { linked = false; continue }
            if dx.name == main || linked {
                if dy.name != main, !out.contains(dy.name) { out.append(dy.name) }
                linked = true
            } else if dy.name == main {
                if !out.contains(dx.name) { out.append(dx.name) }
                linked = true
            }
        }
        return out
    }

    /// "trimethoprim-sulfamethoxazole", which the mentions split into its two drugs (as the ADE
    /// corpus marks them): the combination product, when the vocabulary names one.
    static func combination(_ x: EntityMention, _ a: AnalysedDocument, _ lexicon: Lexicon) -> String? {
        let k = x.tokens.upperBound
        guard x.tokens.count == 1, k + 1 < a.tokens.count, ["-", "/"].contains(a.tokens[k].norm),
              !a.tokens[k].spaceBefore, !a.tokens[k + 1].spaceBefore,
              let c = lexicon.drug(named: [a.tokens[x.tokens.lowerBound].norm, a.tokens[k + 1].norm])
        else { return nil }
        return lexicon.concepts.name(Int(c))
    }

    static let ageUnits: Set<String> = ["year", "month", "week", "day"]

    static let contrastWords: Set<String> = ["but", "whereas", "although", "however", "while", "yet"]

    /// Substances the body makes that the vocabulary also lists as drugs: measured in a report, they
    /// are laboratory values.
    static let endogenous: Set<String> = ["creatinine", "creatine", "urea", "uric acid", "bilirubin", "albumin human",
                                          "cholesterol", "lactic acid", "ammonia", "hemoglobin"]

    /// The words of a sentence before a contrast that follows token `at` (", but", "; however"),
    /// as `ScopeClassifier` reads them; nil when no contrast follows.
    static func clauseBefore(contrastAfter at: Int, _ s: Sentence, _ a: AnalysedDocument) -> String? {
        var k = at
        while k + 1 < s.tokens.upperBound {
            if [",", ";"].contains(a.tokens[k].norm), contrastWords.contains(a.tokens[k + 1].norm) {
                return " " + a.string(s.start, a.tokens[k].start).lowercased() + " "
            }
            k += 1
        }
        return nil
    }

    /// Whether the text tells of a patient (an age, "an octogenarian", "our patient", a case section).
    static func describesPatient(_ a: AnalysedDocument, _ scopes: [Scope]) -> Bool {
        if a.sentences.contains(where: { $0.section == "case" }) { return true }
        for s in a.sentences {
            let w = a.words(s)
            for k in w.indices.dropLast(2) where Double(w[k]) != nil && (w[k + 1] == "-" || ageUnits.contains(w[k + 1])) {
                if ageUnits.contains(w[k + 1]) || (k + 2 < w.count && ageUnits.contains(w[k + 2])) { return true }
            }
            // "An octogenarian woman on long-term simvastatin …"
            if w.contains(where: { CaseFactsExtractor.decadeNouns[$0] != nil }) { return true }
            let l = " " + w.joined(separator: " ") + " "
            if l.has(" our patient ") || (l.has(" in her ") || l.has(" in his ")) && l.has(" s ") || l.has(" a case of ") { return true }
        }
        return false
    }

    static func deduplicated(_ triples: [Triple]) -> [Triple] {
        // Nothing to compare (most lone sentences): no keys built.
        guard triples.count > 1 else { return triples }
        var seen: Set<TripleKey> = []
        var out: [Triple] = []
        for t in triples {
            let o = t.object.mention
            // A target named twice in one sentence ("programmed cell death protein 1 (PD-1)") is one
            // fact of that sentence; a reaction keeps each mention, whose span the ADE gold may want.
            let once = t.predicate == .targets
            let key = TripleKey(subject: t.subject.name, subjectStart: once ? -1 : t.subject.start ?? -1,
                                predicate: t.predicate.rawValue, object: o?.name ?? "",
                                objectStart: once ? -1 : o?.start ?? -1, assertion: t.assertion.rawValue,
                                scope: t.scope.rawValue, evidenceStart: t.evidence?.start ?? -1)
            if seen.insert(key).inserted { out.append(t) }
        }
        return out
    }

    /// What makes two triples the same for `deduplicated`: the fields as they are, not joined
    /// into a string (formatting the numbers was most of the cost, 10K instructions a triple).
    private struct TripleKey: Hashable {
        var subject: String
        var subjectStart: Int
        var predicate: String
        var object: String
        var objectStart: Int
        var assertion: String
        var scope: String
        var evidenceStart: Int
    }
}
