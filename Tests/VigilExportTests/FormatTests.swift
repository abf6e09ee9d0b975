import Foundation
import Testing
import VigilCore
@testable import VigilExport
import VigilStore

@Suite struct JSONLTests {
    @Test func everyFactIsOneLineInTheTripleShape() throws {
        let g = try SeedGraph.store().subgraph()
        let text = try JSONLWriter.render(g)
        let lines = text.split(separator: "\n")
        #expect(lines.count == g.edges.count + g.literals.count)
        let decoder = JSONDecoder()
        let triples = try lines.map { try decoder.decode(Triple.self, from: Data($0.utf8)) }
        let pdgfr = try #require(triples.first { $0.subject.name == "sorafenib" && $0.object.mention?.name == "PDGFR" })
        #expect(pdgfr.predicate == .targets)
        #expect(pdgfr.scope == .literature)
        #expect(pdgfr.evidence?.text == "and platelet-derived growth factor receptor β")
        #expect(triples.contains { $0.assertion == .negated })
        #expect(triples.contains { $0.object == .literal(Literal(value: "28", unit: "days", about: SeedGraph.agep)) })
    }

    @Test func aLineHasTheContractKeysAndTheEvidenceCount() throws {
        let g = try SeedGraph.store().subgraph()
        let line = try #require(try JSONLWriter.render(g).split(separator: "\n").first {
            $0.contains("\"name\":\"imatinib\"") && $0.contains("\"causes\"")
        })
        #expect(line == """
            {"assertion":"affirmed","evidence":{"end":80,"start":0,"text":"However, several cases of AGEP have been reported in patients receiving imatinib"},\
            "evidence_count":1,"object":{"kind":"reaction","name":"acute generalized exanthematous pustulosis"},\
            "predicate":"causes","scope":"literature","subject":{"kind":"drug","name":"imatinib"}}
            """)
    }

    @Test func theOrderDoesNotDependOnTheDatabase() throws {
        #expect(try JSONLWriter.render(try SeedGraph.store().subgraph())
                == JSONLWriter.render(try SeedGraph.store(reversed: true).subgraph()))
    }
}

@Suite struct KGXTests {
    static func rows(_ tsv: String) -> [[String]] {
        tsv.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func nodesHaveBiolinkCategoriesAndLocalCURIEs() throws {
        let rows = Self.rows(KGXWriter.nodesTSV(try SeedGraph.store().subgraph()))
        #expect(rows[0] == KGXWriter.nodeColumns)
        #expect(rows.allSatisfy { $0.count == KGXWriter.nodeColumns.count })
        #expect(rows.contains(["VIGIL:drug/sorafenib", "biolink:Drug", "sorafenib", "drug", "infores:vigil"]))
        #expect(rows.contains(["VIGIL:target/PDGFRB", "biolink:Protein", "PDGFRB", "target", "infores:vigil"]))
        #expect(rows.contains(["VIGIL:target_family/PDGFR", "biolink:GeneFamily", "PDGFR", "target_family", "infores:vigil"]))
        #expect(rows.contains(["VIGIL:reaction/acute%20generalized%20exanthematous%20pustulosis",
                               "biolink:DiseaseOrPhenotypicFeature", SeedGraph.agep, "reaction", "infores:vigil"]))
        #expect(rows.contains { $0[1] == "biolink:Case" })
        #expect(rows.contains { $0[1] == "biolink:Publication" })
    }

    @Test func edgesMapPredicatesAndKeepVigilsOwn() throws {
        let rows = Self.rows(KGXWriter.edgesTSV(try SeedGraph.store().subgraph()))
        #expect(rows[0] == KGXWriter.edgeColumns)
        #expect(rows.allSatisfy { $0.count == KGXWriter.edgeColumns.count })
        let causes = try #require(rows.first { $0[1] == "VIGIL:drug/imatinib" && $0[5] == "causes" })
        #expect(causes[2] == "biolink:has_adverse_event")
        #expect(causes[4] == "False")
        #expect(causes[7] == "literature")
        #expect(causes[0].hasPrefix("VIGIL:edge/") && causes[0].count == "VIGIL:edge/".count + 16)
        #expect(rows.contains { $0[5] == "targets" && $0[2] == "biolink:interacts_with" })
        #expect(rows.contains { $0[5] == "member_of" && $0[2] == "biolink:member_of" && $0[7] == "reference" })
        #expect(rows.contains { $0[5] == "causes" && $0[4] == "True" && $0[6] == "negated" })
        #expect(rows.contains { $0[5] == "suspect_drug" && $0[2] == "biolink:related_to" })
        #expect(Set(rows.dropFirst().map { $0[0] }).count == rows.count - 1)
    }

    @Test func tabsAndLineBreaksInNamesDoNotBreakRows() throws {
        let store = try GraphStore()
        try store.write(triples: [Triple(subject: Mention(kind: .drug, name: "a\tb\nc"), predicate: .causes,
                                         object: .entity(Mention(kind: .reaction, name: "é β")), scope: .case)],
                        extractor: "test")
        let g = try store.subgraph()
        let nodes = Self.rows(KGXWriter.nodesTSV(g))
        #expect(nodes.count == 3)
        #expect(nodes[1] == ["VIGIL:drug/a%09b%0Ac", "biolink:Drug", "a b c", "drug", "infores:vigil"])
        #expect(nodes[2][0] == "VIGIL:reaction/%C3%A9%20%CE%B2")
        #expect(Self.rows(KGXWriter.edgesTSV(g)).count == 2)
    }

    @Test func writingMakesTheDirectoryAndBothFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-kgx-\(UUID().uuidString)/out")
        try Exporter.write(try SeedGraph.store().subgraph(), as: .kgx, to: dir)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("nodes.tsv").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("edges.tsv").path))
    }
}

@Suite struct GraphvizTests {
    @Test(.enabled(if: Fixtures.hasGraphviz, "graphviz 'dot' is not installed"))
    func svgAndPNGComeFromDot() throws {
        let g = try SeedGraph.store().subgraph()
        let svg = String(decoding: try Exporter.data(g, as: .svg), as: UTF8.self)
        #expect(svg.contains("<svg"))
        #expect(svg.contains("sorafenib"))
        let png = try Exporter.data(g, as: .png)
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }

    @Test func withoutDotOnThePathTheMessageNamesTheDebianPackage() {
        #expect(Graphviz.executable(environment: ["PATH": "/nonexistent"]) == nil)
        #expect(ExportError.graphvizMissing(format: "svg").description
                == "--format svg needs graphviz's 'dot' on PATH: install it (Debian/Ubuntu: apt-get install graphviz) or use --format dot")
    }

    @Test func kgxIsNotAStream() throws {
        #expect(throws: ExportError.needsDirectory(format: "kgx")) {
            try Exporter.data(try GraphStore().subgraph(), as: .kgx)
        }
    }
}
