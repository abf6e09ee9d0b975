import VigilQuery
import VigilStore

/// The subgraph a query's result spans, for `vigil export --query` and the REPL.
public enum QuerySubgraph {
    /// Runs `query` and returns the nodes and edges of its result.
    public static func fetch(_ query: String, from store: GraphStore) throws -> Subgraph {
        // The query language has no public API yet.
        throw ExportError.queryUnavailable
    }
}
