import Foundation
import Testing
import VigilCore
import VigilStore

@Suite struct SubgraphTests {
    @Test func theWholeGraphHasEveryNodeEdgeAndLiteral() throws {
        let store = try SeedGraph.store()
        let g = try store.subgraph()
        let counts = try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM node")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM edge WHERE dst IS NOT NULL")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM edge WHERE dst IS NULL")!)
        }
        #expect(g.nodes.count == counts.0)
        #expect(g.edges.count == counts.1)
        #expect(g.literals.count == counts.2)
    }

    @Test func nodesAreOrderedByKindThenName() throws {
        let g = try SeedGraph.store(reversed: true).subgraph()
        #expect(g.nodes.map { "\($0.kind.rawValue) \($0.name)" } == g.nodes.sorted { ($0.kind, $0.name) < ($1.kind, $1.name) }
            .map { "\($0.kind.rawValue) \($0.name)" })
    }

    @Test func edgesCarryTheirEvidenceCountAndFirstSentence() throws {
        let store = try SeedGraph.store()
        let g = try store.subgraph()
        let sorafenib = try SeedGraph.id(store, "sorafenib", .drug)
        let pdgfr = try SeedGraph.id(store, "PDGFR", .targetFamily)
        let e = try #require(g.edges.first { $0.src == sorafenib && $0.dst == pdgfr && $0.scope == .literature })
        #expect(e.evidenceCount == 5)
        #expect(e.evidence?.text == "and platelet-derived growth factor receptor β")
        let reference = try #require(g.edges.first { $0.predicate == .memberOf })
        #expect(reference.evidenceCount == 1)
        #expect(reference.evidence == nil)   // reference facts have a source, not a sentence
    }

    @Test func theNeighbourhoodHoldsTheNodesWithinDepthAndTheEdgesAmongThem() throws {
        let store = try SeedGraph.store()
        let sorafenib = try SeedGraph.id(store, "sorafenib", .drug)
        let one = try store.subgraph(around: sorafenib, depth: 1)
        let names = Set(one.nodes.map(\.name))
        #expect(names.isSuperset(of: ["sorafenib", "RAF1", "BRAF", "KDR", "PDGFRB", "VEGFR", "PDGFR", "alopecia",
                                      SeedGraph.agep, "PMID:24999999 case 1"]))
        #expect(!names.contains("imatinib"))
        #expect(!names.contains("PDGFRA"))
        // Stevens-Johnson syndrome is only reached through a negated edge, which walks do not take.
        #expect(!names.contains("Stevens-Johnson syndrome"))
        // The case's edge to its document is not among the nodes: the document is two hops away.
        #expect(!one.edges.contains { $0.predicate == .describedIn })
        // Edges between two neighbours are included even when they do not touch sorafenib.
        #expect(one.edges.contains { one.node($0.src)?.name == "KDR" && one.node($0.dst)?.name == "VEGFR" })
        #expect(one.literals.contains { $0.predicate == .hasOnset && $0.literal.value == "28" })

        let two = try store.subgraph(around: sorafenib, depth: 2)
        #expect(Set(two.nodes.map(\.name)).isSuperset(of: ["imatinib", "PDGFRA", "RAF", "PMID:24999999"]))
        #expect(try store.subgraph(around: sorafenib, depth: 0).nodes.map(\.name) == ["sorafenib"])
    }

    @Test func resultsSpanTheirNodesAndTheEndsOfTheirEdges() throws {
        let store = try SeedGraph.store()
        let imatinib = try SeedGraph.id(store, "imatinib", .drug)
        let causes = try store.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM edge WHERE src = ? AND predicate = 'causes'", arguments: [imatinib])
        }
        let g = try store.subgraph(nodeIDs: [], edgeIDs: causes)
        #expect(g.nodes.map(\.name) == ["imatinib", SeedGraph.agep])
        #expect(g.edges.count == 1)

        let sorafenib = try SeedGraph.id(store, "sorafenib", .drug)
        let alone = try store.subgraph(nodeIDs: [sorafenib, imatinib], edgeIDs: [])
        #expect(alone.nodes.count == 2)
        #expect(alone.edges.isEmpty)
        let pdgfr = try SeedGraph.id(store, "PDGFR", .targetFamily)
        let connected = try store.subgraph(nodeIDs: [sorafenib, imatinib, pdgfr], edgeIDs: [], connecting: true)
        #expect(connected.edges.map { connected.node($0.src)!.name + " " + connected.node($0.dst)!.name }
                == ["imatinib PDGFR", "sorafenib PDGFR"])
    }

    @Test func aLiteralEdgeInAResultBringsItsSubject() throws {
        let store = try SeedGraph.store()
        let onset = try store.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM edge WHERE predicate = 'has_onset'")! }
        let g = try store.subgraph(nodeIDs: [], edgeIDs: [onset])
        #expect(g.nodes.map(\.kind) == [.case])
        #expect(g.literals.contains { $0.id == onset })
    }

    @Test func unknownIDsAreIgnored() throws {
        let g = try SeedGraph.store().subgraph(nodeIDs: [999_999], edgeIDs: [888_888])
        #expect(g.isEmpty)
    }
}
