import Foundation
import Testing
import VigilCore
@testable import VigilExport
import VigilStore

/// The facts of the five seed reports about sorafenib, written as the extractor and `vigil init`
/// would store them, so the export tests do not depend on the extractor.
enum SeedGraph {
    static func drug(_ n: String) -> Mention { Mention(kind: .drug, name: n) }
    static func target(_ n: String) -> Mention { Mention(kind: .target, name: n) }
    static func family(_ n: String) -> Mention { Mention(kind: .targetFamily, name: n) }
    static func reaction(_ n: String) -> Mention { Mention(kind: .reaction, name: n) }

    static let agep = "acute generalized exanthematous pustulosis"
    static let hfsr = "hand-foot skin reaction"
    static let dress = "drug reaction with eosinophilia and systemic symptoms"
    static let rrd = "radiation recall dermatitis"
    static let vasospasm = "coronary vasospasm"

    /// A fact stated in `times` sentences (distinct offsets make distinct evidence rows).
    static func stated(_ s: Mention, _ p: VigilCore.Predicate, _ o: Mention, scope: Scope, assertion: Assertion = .affirmed,
                       times: Int = 1, sentence: String) -> [Triple] {
        (0..<times).map { i in
            Triple(subject: s, predicate: p, object: .entity(o), assertion: assertion, scope: scope,
                   evidence: Evidence(text: sentence, start: 100 * i, end: 100 * i + sentence.count))
        }
    }

    /// Reference knowledge, as `vigil init` loads it: family members and DrugCentral targets.
    static var reference: [Triple] {
        [("PDGFRA", "PDGFR"), ("PDGFRB", "PDGFR"), ("FLT1", "VEGFR"), ("KDR", "VEGFR"), ("FLT4", "VEGFR"),
         ("RAF1", "RAF"), ("BRAF", "RAF")].map {
            Triple(subject: target($0.0), predicate: .memberOf, object: .entity(family($0.1)), scope: .reference)
        } + ["BRAF", "RAF1", "KDR", "PDGFRB"].map {
            Triple(subject: drug("sorafenib"), predicate: .targets, object: .entity(target($0)), scope: .reference)
        } + [Triple(subject: drug("imatinib"), predicate: .targets, object: .entity(target("PDGFRB")), scope: .reference)]
    }

    /// What the reports state: targets and known reactions (literature), the patients' reactions (case).
    static var reports: [Triple] {
        let s = drug("sorafenib")
        var t: [Triple] = []
        t += stated(s, .targets, target("RAF1"), scope: .literature, times: 3,
                    sentence: "Sorafenib is a multi-targeted kinase inhibitor which interferes the serine/threonine kinases Raf-1 and B-Raf")
        t += stated(s, .targets, target("BRAF"), scope: .literature, times: 3,
                    sentence: "Sorafenib is a multi-targeted kinase inhibitor which interferes the serine/threonine kinases Raf-1 and B-Raf")
        t += stated(s, .targets, family("VEGFR"), scope: .literature, times: 4,
                    sentence: "the receptor tyrosine kinase activity of vascular endothelial growth factor receptors 1, 2, and 3")
        t += stated(s, .targets, family("PDGFR"), scope: .literature, times: 5,
                    sentence: "and platelet-derived growth factor receptor β")
        t += stated(s, .causes, reaction(agep), scope: .case, sentence: "A diagnosis of AGEP was made.")
        t += stated(s, .causes, reaction(hfsr), scope: .case,
                    sentence: "Two weeks later, the patient developed hand-foot skin reaction (HSFR)")
        t += stated(s, .causes, reaction(dress), scope: .case, sentence: "She was diagnosed with DRESS syndrome.")
        t += stated(s, .causes, reaction(rrd), scope: .case, sentence: "It was consistent with RRD.")
        t += stated(s, .causes, reaction(vasospasm), scope: .case,
                    sentence: "Coronary angiography showed vasospasm after sorafenib.")
        t += stated(s, .causes, reaction("alopecia"), scope: .case,
                    sentence: "Alopecia resembling alopecia areata developed after sorafenib.")
        t += stated(s, .causes, reaction("alopecia"), scope: .literature, times: 2,
                    sentence: "Alopecia is a known cutaneous adverse event of sorafenib.")
        t += stated(s, .causes, reaction("Stevens-Johnson syndrome"), scope: .case, assertion: .negated,
                    sentence: "There was no mucosal involvement suggesting Stevens-Johnson syndrome.")
        t += stated(drug("imatinib"), .targets, family("PDGFR"), scope: .literature,
                    sentence: "imatinib, which shares with sorafenib the inhibition pathway of PDGFR")
        t += stated(drug("imatinib"), .causes, reaction(agep), scope: .literature,
                    sentence: "However, several cases of AGEP have been reported in patients receiving imatinib")
        // One patient, as `ingest` stores a case: the case node, its drugs, reaction and literals.
        let patient = CaseFacts(age: 55, sex: "male", indication: "hepatocellular carcinoma",
                                drugs: [CaseDrug(name: "sorafenib", role: .suspect, dose: "400 mg twice daily")],
                                reactions: [CaseReaction(name: agep, drug: "sorafenib", onsetDays: 28,
                                                         dechallenge: .positive, outcome: "recovered")])
        t.append(Triple(subject: Mention(kind: .case, name: "PMID:24999999 case 1"), predicate: .describedIn,
                        object: .entity(Mention(kind: .document, name: "PMID:24999999")), scope: .case))
        t += patient.triples(caseName: "PMID:24999999 case 1", evidence: nil)
        return t
    }

    /// A store holding the seed facts, loaded in the given order.
    static func store(reversed: Bool = false) throws -> GraphStore {
        let store = try GraphStore()
        let batches = [(reference, "seed-vocab/1"), (reports, "vigil-extract/1")]
        for (triples, extractor) in reversed ? batches.reversed() : batches {
            try store.write(triples: reversed ? triples.reversed() : triples, extractor: extractor)
        }
        return store
    }

    static func id(_ store: GraphStore, _ name: String, _ kind: EntityKind? = nil) throws -> Int64 {
        try #require(try store.resolve(name, kind: kind).first).id
    }
}

/// The golden files and the graphviz check every exported DOT text goes through.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Whether graphviz is installed; without it the `dot -Tsvg` checks are skipped (with a note).
    static let hasGraphviz = Graphviz.executable() != nil

    /// Runs `dot -Tsvg` on the text and returns the SVG; fails the test when dot rejects it.
    /// Returns nil, and says so once, when graphviz is not installed.
    @discardableResult
    static func checkedByGraphviz(_ dot: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        guard hasGraphviz else {
            print("note: graphviz 'dot' is not on PATH: skipping the dot -Tsvg check (Debian: apt-get install graphviz)")
            return nil
        }
        do {
            let (svg, diagnostics) = try Graphviz.run(dot, format: "svg")
            #expect(diagnostics == "", "dot warned: \(diagnostics)", sourceLocation: sourceLocation)
            return String(decoding: svg, as: UTF8.self)
        } catch {
            Issue.record("dot -Tsvg rejected the export: \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }
}
