import GRDB
import VigilStore

/// What a query compiles to: its names resolved to nodes, and the SQL statements that answer it.
///
/// Kept as plain data so that `explain` can show it, tests can prepare every statement against a
/// real database, and the performance work can read and tune it.
public struct Plan: Hashable, Sendable {
    /// One SQL statement with its bound arguments. User text never appears in `sql`.
    public struct Statement: Hashable, Sendable {
        public enum Role: Hashable, Sendable {
            /// The rows of the result (visible columns, plus `_nodes` and `_edges`).
            case rows
            /// Edge ids for the result's drawing, one per row.
            case edges
            /// One row, one column: the shortest distance or NULL. Runs before `paths`.
            case distance
            /// The shortest paths when the distance is `length`; only the matching one runs.
            case paths(length: Int)
        }

        public var role: Role
        /// What the statement computes, for `explain`.
        public var purpose: String
        public var sql: String
        public var arguments: [DatabaseValue]

        public var statementArguments: StatementArguments { StatementArguments(arguments) }
    }

    /// A name of the query and the node it resolved to.
    public struct Binding: Hashable, Sendable {
        public var name: String
        public var node: Node
    }

    /// Work run from Swift over prepared index probes instead of one SQL statement, for the
    /// forms where that is several times faster (walks, counts of shared neighbours): see
    /// `GraphWalk` and `Sources/vigil-bench/FINDINGS.md`.
    public struct Procedure: Hashable, Sendable {
        public enum Goal: Hashable, Sendable {
            /// The number of distinct nodes within `hops`, the start not counted.
            case count(hops: Int)
            /// The undirected distance to the node `to`, or none beyond `maxDepth`.
            case distance(to: Int64, maxDepth: Int)
            /// The drug's reactions that another drug targeting the family (or target) `via` also causes.
            case reactionsShared(via: Int64)
            /// Drugs ranked by the number of targets (reactions) they share with the drug.
            case drugsSharing(Form.Shared)
        }

        /// The node the work starts from (the drug, for the shared forms).
        public var start: Int64
        public var goal: Goal
        public var limit: Int?
        /// What it computes, for `explain`.
        public var purpose: String
        /// The statements it runs once per node, by name; in each, `?1` is the node.
        public var probes: [String: Statement]
        /// Whether negated edges are followed too (`including negated`).
        public var includingNegated = false
        /// Whether the graph held in memory (`Adjacency`) may stand in for the probes: true when
        /// the edges they follow are told apart by predicate, direction and assertion alone.
        public var inMemory = false
    }

    public var query: Query
    public var bindings: [Binding]
    public var statements: [Statement]
    /// Set for the forms run from Swift; `statements` is then empty.
    public var procedure: Procedure?
    /// Whether the result is to carry the node and edge ids a drawing needs (`_nodes`/`_edges`
    /// columns, `.edges` statements).
    public var drawing: Bool
}
/// Collects bound arguments while SQL text is built, numbering them `?1`, `?2`…
struct Arguments {
    private(set) var values: [DatabaseValue] = []

    /// The placeholder for `value`; the same value bound twice gets one placeholder.
    mutating func bind(_ value: some DatabaseValueConvertible) -> String {
        let v = value.databaseValue
        if let i = values.firstIndex(of: v) { return "?\(i + 1)" }
        values.append(v)
        return "?\(values.count)"
    }
}
