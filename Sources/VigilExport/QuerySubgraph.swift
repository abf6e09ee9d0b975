import VigilQuery
import VigilStore

/// The subgraph a query's result spans, for `vigil export --query` and the REPL's `.dot FILE`.
public enum QuerySubgraph {
    /// Runs `query` and returns the nodes and edges of its result. A bad query throws the
    /// `QueryError` of the query language, diagnostics and all.
    public static func fetch(_ query: String, from store: GraphStore, limit: DrawingLimit = .none) throws -> Subgraph {
        switch try QueryEngine(store: store).run(query, sourceName: "query", drawing: true) {
        case .result(let result): return try subgraph(of: result, in: store, limit: limit)
        case .explanation: throw ExportError.explainHasNoGraph
        }
    }

    /// The nodes and edges behind a result. A result that names nodes but no edges (a list of
    /// drugs, say) is drawn with the edges among those nodes, so that it is still a graph. A
    /// result run without `drawing` (the REPL's last table) has its query run again with it.
    /// Over `limit` nodes it throws `tooLargeToDraw` before reading any edge.
    public static func subgraph(of result: QueryResult, in store: GraphStore, limit: DrawingLimit = .none) throws -> Subgraph {
        let result = try QueryEngine(store: store).drawn(result)
        try limit.check(nodes: result.nodeIDs.count)  // distinct already (`OrderedIDs`)
        return try store.subgraph(nodeIDs: result.nodeIDs, edgeIDs: result.edgeIDs, connecting: result.edgeIDs.isEmpty)
    }
}
