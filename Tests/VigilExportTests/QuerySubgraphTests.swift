import Foundation
import Testing
import VigilCore
import VigilExport
import VigilQuery
import VigilStore

@Suite struct QuerySubgraphTests {
    @Test func aQueryResultIsDrawnWithTheFactsBehindIt() throws {
        let store = try SeedGraph.store()
        let g = try QuerySubgraph.fetch("reactions of imatinib", from: store)
        let names = Set(g.nodes.map(\.name))
        #expect(names.contains("imatinib"))
        #expect(names.contains(SeedGraph.agep))
        #expect(g.edges.contains { g.node($0.src)?.name == "imatinib" && $0.predicate == .causes })
        Fixtures.checkedByGraphviz(DOTWriter.render(g))
    }

    @Test func aPathIsDrawnAlongItsEdges() throws {
        let store = try SeedGraph.store()
        let g = try QuerySubgraph.fetch("path from imatinib to coronary vasospasm", from: store)
        #expect(Set(g.nodes.map(\.name)).isSuperset(of: ["imatinib", "sorafenib", SeedGraph.vasospasm]))
        #expect(!g.edges.isEmpty)
        Fixtures.checkedByGraphviz(DOTWriter.render(g))
    }

    @Test func sharedReactionsDrawOnlyTheDrugsThatShare() throws {
        let store = try SeedGraph.store()
        // nilotinib targets PDGFRB too, but causes nothing imatinib causes: not in the picture.
        _ = try store.write(triples: [
            Triple(subject: SeedGraph.drug("nilotinib"), predicate: .targets, object: .entity(SeedGraph.target("PDGFRB")),
                   scope: .reference),
            Triple(subject: SeedGraph.drug("nilotinib"), predicate: .causes, object: .entity(SeedGraph.reaction("rash")),
                   scope: .reference),
        ], extractor: "seed-vocab/1")
        let g = try QuerySubgraph.fetch("reactions shared with imatinib via PDGFR", from: store)
        let names = Set(g.nodes.map(\.name))
        #expect(names.isSuperset(of: ["imatinib", "sorafenib", SeedGraph.agep, "PDGFR", "PDGFRB"]))
        #expect(!names.contains("nilotinib"))
        #expect(!names.contains("rash"))
        // The sharing drug's `targets` edge into the family is drawn, and imatinib's.
        #expect(g.edges.contains { g.node($0.src)?.name == "sorafenib" && $0.predicate == .targets })
        #expect(g.edges.contains { g.node($0.src)?.name == "imatinib" && $0.predicate == .targets })
        Fixtures.checkedByGraphviz(DOTWriter.render(g))
    }

    @Test func aTableResultIsDrawnByRunningItsQueryAgain() throws {
        let store = try SeedGraph.store()
        // A table run (the REPL's last result) carries no ids; `.dot` draws it all the same.
        guard case .result(let table) = try QueryEngine(store: store).run("reactions shared with imatinib via PDGFR") else {
            Issue.record("not a result"); return
        }
        #expect(!table.drawn)
        #expect(table.nodeIDs.isEmpty && table.edgeIDs.isEmpty)
        let g = try QuerySubgraph.subgraph(of: table, in: store)
        #expect(g == (try QuerySubgraph.fetch("reactions shared with imatinib via PDGFR", from: store)))
        #expect(Set(g.nodes.map(\.name)).isSuperset(of: ["imatinib", "sorafenib", SeedGraph.agep]))
        let dot = DOTWriter.render(g)
        #expect(dot.contains("\"sorafenib\""))
        Fixtures.checkedByGraphviz(dot)
    }

    @Test func aBadQueryThrowsTheQueryLanguagesDiagnostics() throws {
        let store = try SeedGraph.store()
        #expect(throws: QueryError.self) { try QuerySubgraph.fetch("drugs that treats AGEP", from: store) }
    }

    @Test func anExplainedQueryHasNoGraph() throws {
        #expect(throws: ExportError.explainHasNoGraph) {
            try QuerySubgraph.fetch("explain reactions of imatinib", from: try SeedGraph.store())
        }
    }
}

@Suite struct DrawingLimitTests {
    @Test func aResultOverTheLimitIsRefusedWithItsSize() throws {
        let store = try SeedGraph.store()
        let whole = try QuerySubgraph.fetch("neighbors of imatinib depth 2", from: store)
        #expect(whole.nodes.count > 2)
        #expect(throws: ExportError.self) {
            try QuerySubgraph.fetch("neighbors of imatinib depth 2", from: store, limit: DrawingLimit(maxNodes: 2))
        }
        do {
            _ = try QuerySubgraph.fetch("neighbors of imatinib depth 2", from: store, limit: DrawingLimit(maxNodes: 2))
        } catch ExportError.tooLargeToDraw(let nodes, let limit) {
            #expect(limit == 2)
            // The start and its neighbours: the drawing's nodes, counted before any edge is read.
            #expect(nodes == whole.nodes.count)
        }
        // At the limit: drawn as before.
        let same = try QuerySubgraph.fetch("neighbors of imatinib depth 2", from: store,
                                           limit: DrawingLimit(maxNodes: whole.nodes.count))
        #expect(same == whole)
    }
}
