import VigilCore
import VigilStore

/// A small graph shaped like the seeded sample: reference targets and families, literature
/// findings, and three case reports stored the way `vigil ingest` stores them.
enum SeedGraph {
    /// In memory, or in the file at `path`.
    static func make(path: String? = nil) throws -> GraphStore {
        let store = try path.map { try GraphStore(path: $0) } ?? GraphStore()
        func drug(_ n: String) -> Mention { Mention(kind: .drug, name: n) }
        func target(_ n: String) -> Mention { Mention(kind: .target, name: n) }
        func family(_ n: String) -> Mention { Mention(kind: .targetFamily, name: n) }
        func reaction(_ n: String) -> Mention { Mention(kind: .reaction, name: n) }

        var reference: [Triple] = []
        for (f, members) in [("PDGFR", ["PDGFRA", "PDGFRB"]), ("VEGFR", ["FLT1", "KDR", "FLT4"]), ("RAF", ["RAF1", "BRAF", "ARAF"])] {
            for m in members {
                reference.append(Triple(subject: target(m), predicate: .memberOf, object: .entity(family(f)), scope: .reference))
            }
        }
        let targets = [
            "sorafenib": ["BRAF", "FLT1", "FLT3", "FLT4", "KDR", "KIT", "PDGFRB", "RAF1", "RET"],
            "imatinib": ["ABL1", "KIT", "PDGFRA", "PDGFRB"],
            "sunitinib": ["FLT1", "KDR", "KIT", "PDGFRA", "PDGFRB"],
            "haloperidol": ["DRD2"],
        ]
        for (d, ts) in targets.sorted(by: { $0.key < $1.key }) {
            for t in ts { reference.append(Triple(subject: drug(d), predicate: .targets, object: .entity(target(t)), scope: .reference)) }
        }
        for (narrow, broad) in [("acute generalized exanthematous pustulosis", "severe cutaneous adverse reaction"),
                                ("drug reaction with eosinophilia and systemic symptoms", "severe cutaneous adverse reaction")] {
            reference.append(Triple(subject: reaction(narrow), predicate: .broader, object: .entity(reaction(broad)), scope: .reference))
        }
        try store.write(triples: reference, extractor: "seed-vocab/1")
        try store.addAliases([
            NodeAlias(kind: .reaction, name: "acute generalized exanthematous pustulosis", alias: "AGEP", source: "vocab"),
            NodeAlias(kind: .reaction, name: "acute generalized exanthematous pustulosis",
                      alias: "acute generalised exanthematous pustulosis", source: "vocab"),
            NodeAlias(kind: .reaction, name: "drug reaction with eosinophilia and systemic symptoms", alias: "DRESS", source: "vocab"),
            NodeAlias(kind: .drug, name: "sorafenib", alias: "Nexavar", source: "vocab"),
            NodeAlias(kind: .targetFamily, name: "PDGFR", alias: "PDGF receptor", source: "vocab"),
        ])

        // A review: literature scope, sentences with offsets, one negated finding.
        let review = "Imatinib has been associated with AGEP. Imatinib can cause DRESS. Sorafenib and sunitinib cause hand-foot skin reaction. Sorafenib may cause coronary vasospasm. Sorafenib did not cause hepatitis. Haloperidol causes tardive dyskinesia and coronary vasospasm."
        func sentence(_ s: String) -> Evidence {
            let r = review.range(of: s)!
            let start = review.unicodeScalars.distance(from: review.unicodeScalars.startIndex, to: r.lowerBound)
            return Evidence(text: s, start: start, end: start + s.unicodeScalars.count, section: "abstract")
        }
        func causes(_ d: String, _ r: String, _ s: String, _ assertion: Assertion = .affirmed, scope: Scope = .literature) -> Triple {
            Triple(subject: drug(d), predicate: .causes, object: .entity(reaction(r)), assertion: assertion, scope: scope,
                   evidence: sentence(s))
        }
        try store.ingest(ExtractedDocument(
            source: "review", pmid: "900", contentHash: "review", triples: [
                causes("imatinib", "acute generalized exanthematous pustulosis", "Imatinib has been associated with AGEP."),
                causes("imatinib", "drug reaction with eosinophilia and systemic symptoms", "Imatinib can cause DRESS."),
                causes("sorafenib", "hand-foot skin reaction", "Sorafenib and sunitinib cause hand-foot skin reaction."),
                causes("sunitinib", "hand-foot skin reaction", "Sorafenib and sunitinib cause hand-foot skin reaction."),
                causes("sorafenib", "coronary vasospasm", "Sorafenib may cause coronary vasospasm."),
                causes("sorafenib", "hepatitis", "Sorafenib did not cause hepatitis.", .negated),
                causes("haloperidol", "tardive dyskinesia", "Haloperidol causes tardive dyskinesia and coronary vasospasm."),
                causes("haloperidol", "coronary vasospasm", "Haloperidol causes tardive dyskinesia and coronary vasospasm."),
            ]), extractor: "test/1")

        // Case reports: the case facts, and the finding the report states, with its sentence.
        func report(_ pmid: String, _ text: String, _ facts: CaseFacts, _ drugName: String, _ reactionName: String) throws {
            let start = 0
            let triple = Triple(subject: drug(drugName), predicate: .causes, object: .entity(reaction(reactionName)),
                                scope: .case, evidence: Evidence(text: text, start: start, end: text.unicodeScalars.count, section: "case"))
            try store.ingest(ExtractedDocument(source: "report-\(pmid)", pmid: pmid, contentHash: "hash-\(pmid)",
                                               cases: [facts], triples: [triple]), extractor: "test/1")
        }
        try report("111", "A 62-year-old man developed AGEP 10 days after starting sorafenib.",
                   CaseFacts(age: 62, sex: "male", indication: "hepatocellular carcinoma",
                             drugs: [CaseDrug(name: "sorafenib", role: .suspect, dose: "400 mg twice daily")],
                             reactions: [CaseReaction(name: "acute generalized exanthematous pustulosis", drug: "sorafenib",
                                                      onsetDays: 10, dechallenge: .positive, rechallenge: .notDone, outcome: "recovered")]),
                   "sorafenib", "acute generalized exanthematous pustulosis")
        try report("222", "A 55-year-old woman developed DRESS three weeks after starting sorafenib.",
                   CaseFacts(age: 55, sex: "female",
                             drugs: [CaseDrug(name: "sorafenib", role: .suspect), CaseDrug(name: "omeprazole", role: .concomitant)],
                             reactions: [CaseReaction(name: "drug reaction with eosinophilia and systemic symptoms", drug: "sorafenib",
                                                      onsetDays: 21, dechallenge: .positive, rechallenge: .negative, outcome: "recovered")]),
                   "sorafenib", "drug reaction with eosinophilia and systemic symptoms")
        try report("333", "A 48-year-old woman on imatinib developed AGEP after 7 days.",
                   CaseFacts(age: 48, sex: "female",
                             drugs: [CaseDrug(name: "imatinib", role: .suspect)],
                             reactions: [CaseReaction(name: "acute generalized exanthematous pustulosis", drug: "imatinib",
                                                      onsetDays: 7, dechallenge: .positive, rechallenge: .notDone, outcome: "recovered")]),
                   "imatinib", "acute generalized exanthematous pustulosis")
        return store
    }
}
