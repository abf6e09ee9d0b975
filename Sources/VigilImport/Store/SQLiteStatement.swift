import GRDB
import GRDBSQLite

/// A prepared statement stepped through the C API: binding integers and text directly is what
/// makes a million-row insert take a second rather than ten.
///
/// Only the importer uses it, inside one transaction on its own connection; errors carry the
/// SQL text but never the bound values.
final class RawStatement {
    private let statement: Statement
    private let db: Database
    private var handle: OpaquePointer { statement.sqliteStatement }

    init(_ db: Database, _ sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
    }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }

    func bind(_ index: Int32, _ value: String) {
        var v = value
        v.withUTF8 { p in
            // SQLITE_TRANSIENT: SQLite copies the bytes, so the Swift string may go away.
            _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(p.baseAddress!).assumingMemoryBound(to: CChar.self),
                                  Int32(p.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
    }

    /// Binds text from a buffer that may go away after the call (SQLITE_TRANSIENT: SQLite copies it).
    func bindText(_ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
        _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                              Int32(bytes.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
    }

    /// Binds bytes that outlive the statement's next step (SQLITE_STATIC: no copy).
    func bindStatic(_ index: Int32, _ bytes: UnsafeBufferPointer<CChar>) {
        sqlite3_bind_text(handle, index, bytes.baseAddress, Int32(bytes.count), nil)
    }

    /// Runs the statement to completion; returns whether it produced a row (for lookups).
    @discardableResult
    func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
        sqlite3_reset(handle)
        throw ImportError.store(message: "SQLite error \(rc): \(message) - while executing `\(statement.sql)`")
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    /// A text column's bytes, valid until the next step or reset.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let p = sqlite3_column_text(handle, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, column)))
    }

    func reset() {
        sqlite3_reset(handle)
    }
}
