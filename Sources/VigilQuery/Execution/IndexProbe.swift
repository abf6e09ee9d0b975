import GRDB
import GRDBSQLite

/// A prepared statement run once per node, `?1` the node and its other parameters bound once,
/// stepped through SQLite's C API: on these index probes GRDB's cursor and argument handling
/// (a few microseconds per run) would cost more than the probe itself.
struct IndexProbe {
    private let statement: Statement
    private let db: Database

    init(_ planned: Plan.Statement, db: Database) throws {
        self.db = db
        statement = try db.cachedStatement(sql: planned.sql)
        // ?1 is rebound per node; the rest stay bound across resets.
        try statement.setArguments(planned.statementArguments)
    }

    /// Runs for `node` and calls `body` with each row until it returns true; returns whether it did.
    @discardableResult
    func rows(_ node: Int64, _ body: (ProbeRow) throws -> Bool) throws -> Bool {
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        sqlite3_bind_int64(s, 1, node)
        return try step(s, body)
    }

    /// Runs once for many nodes, `?1` bound to their ids as a JSON array (for `json_each`), and
    /// calls `body` with each row: one statement where a probe per node would cost a run each.
    func rows(_ nodes: [Int64], _ body: (ProbeRow) throws -> Void) throws {
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        let json = "[" + nodes.map(String.init).joined(separator: ",") + "]"
        // SQLITE_TRANSIENT: SQLite copies the text before the Swift string goes away.
        sqlite3_bind_text(s, 1, json, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        try step(s) { row in
            try body(row)
            return false
        }
    }

    private func step(_ s: OpaquePointer, _ body: (ProbeRow) throws -> Bool) throws -> Bool {
        var code = sqlite3_step(s)
        while code == SQLITE_ROW {
            if try body(ProbeRow(statement: s)) {
                sqlite3_reset(s)
                return true
            }
            code = sqlite3_step(s)
        }
        sqlite3_reset(s)
        if code != SQLITE_DONE {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
        }
        return false
    }

    /// The first column of each row for `node`, as integers.
    @discardableResult
    func ids(_ node: Int64, _ body: (Int64) throws -> Bool) throws -> Bool {
        try rows(node) { try body($0.integer(0)) }
    }

    /// The first row's first column for `node` as text, or nil when there is no row.
    func text(_ node: Int64) throws -> String? {
        var out: String?
        try rows(node) { row in
            out = row.text(0)
            return true
        }
        return out
    }
}

/// The current row of an `IndexProbe`, valid only inside its callback.
struct ProbeRow {
    fileprivate let statement: OpaquePointer

    func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func text(_ column: Int32) -> String? {
        guard let p = sqlite3_column_text(statement, column) else { return nil }
        return String(cString: p)
    }
}

/// A set of node ids below a bound, one bit each.
struct Bitset {
    private var words: [UInt64]

    init(size: Int) { words = [UInt64](repeating: 0, count: (size + 63) / 64) }

    func contains(_ id: Int64) -> Bool {
        let i = Int(id)
        guard i >= 0, i >> 6 < words.count else { return false }
        return words[i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    /// Adds `id`; true if it was not there. Ids out of range are never members.
    @discardableResult
    mutating func insert(_ id: Int64) -> Bool {
        let i = Int(id)
        guard i >= 0, i >> 6 < words.count else { return false }
        let bit: UInt64 = 1 << UInt64(i & 63)
        if words[i >> 6] & bit != 0 { return false }
        words[i >> 6] |= bit
        return true
    }
}

extension Database {
    /// One more than the largest node id: the size of a bitset or array indexed by node.
    func nodeIDBound() throws -> Int {
        Int(try Int64.fetchOne(cachedStatement(sql: "SELECT max(id) FROM node")) ?? 0) + 1
    }
}
