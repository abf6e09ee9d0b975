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

    public var query: Query
    public var bindings: [Binding]
    public var statements: [Statement]
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
