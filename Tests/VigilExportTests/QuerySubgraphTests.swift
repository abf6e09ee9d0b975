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
