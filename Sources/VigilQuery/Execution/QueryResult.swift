import GRDB

/// One value of a result row.
public enum Cell: Hashable, Sendable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    init(_ v: DatabaseValue) {
        switch v.storage {
        case .null: self = .null
        case .int64(let i): self = .integer(i)
        case .double(let d): self = .real(d)
        case .string(let s): self = .text(s)
        case .blob(let b): self = .text(String(decoding: b, as: UTF8.self))
        }
    }

    /// As shown in a table or CSV: empty for null, whole reals without ".0".
    public var description: String {
        switch self {
        case .null: ""
        case .integer(let i): String(i)
        case .real(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .text(let s): s
        }
    }
}

/// The answer to a query: named columns and rows, and every node and edge it touched so that
/// an exporter can draw it.
public struct QueryResult: Hashable, Sendable {
    public var columns: [String]
    public var rows: [[Cell]]
    /// The nodes the result names or walked through, in first-seen order, without repeats.
    public var nodeIDs: [Int64]
    /// The edges behind the result (the facts counted, the paths walked), in first-seen order;
    /// a negative id is a reference link (m0004_reference_link.sql).
    public var edgeIDs: [Int64]
    /// The query that produced it.
    public var query: Query?
    /// Whether `nodeIDs` and `edgeIDs` were computed (a run with `drawing`); when not, they are
    /// empty and `QueryEngine.drawn` fills them.
    public var drawn: Bool

    public init(columns: [String], rows: [[Cell]], nodeIDs: [Int64] = [], edgeIDs: [Int64] = [], query: Query? = nil,
                drawn: Bool = true) {
        self.drawn = drawn
        self.columns = columns
        self.rows = rows
        self.nodeIDs = nodeIDs
        self.edgeIDs = edgeIDs
        self.query = query
    }

    /// The values of one column, by name.
    public func column(_ name: String) -> [Cell] {
        guard let i = columns.firstIndex(of: name) else { return [] }
        return rows.map { $0[i] }
    }
}

/// What `explain` shows: the names resolved, then each statement's SQL, arguments and SQLite plan.
public struct Explanation: Hashable, Sendable, CustomStringConvertible {
    public struct Step: Hashable, Sendable {
        public var purpose: String
        public var sql: String
        public var arguments: [String]
        /// `EXPLAIN QUERY PLAN`, one line per row, indented under its parent.
        public var queryPlan: [String]
    }

    public var bindings: [String]
    public var steps: [Step]

    public var description: String {
        var out = bindings.map { "-- \($0)" }
        for (n, s) in steps.enumerated() {
            out.append("")
            out.append("-- step \(n + 1): \(s.purpose)")
            out.append(s.sql)
            if !s.arguments.isEmpty { out.append("-- arguments: " + s.arguments.joined(separator: ", ")) }
            out.append("-- query plan:")
            out += s.queryPlan.map { "--   \($0)" }
        }
        return out.joined(separator: "\n")
    }
}

/// A query's outcome: rows, or for `explain …` the plan.
public enum Answer: Hashable, Sendable {
    case result(QueryResult)
    case explanation(Explanation)
}
