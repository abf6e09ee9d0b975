import Foundation
import GRDB
import Schema
import VigilCore

/// The graph in one SQLite file (WAL, foreign keys on), or in memory.
///
/// The store owns its connection; every write is one transaction.
public final class GraphStore: Sendable {
    /// The file, or `:memory:`.
    public let path: String
    let writer: DatabaseQueue

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// A database written by a newer Vigil is refused before anything is changed.
    public init(path: String) throws {
        self.path = path
        let dir = (path as NSString).deletingLastPathComponent
        var isDir: ObjCBool = false
        if !dir.isEmpty, !FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) || !isDir.boolValue {
            throw StoreError.missingDirectory(path: path)
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.journalMode = .wal
        // Another vigil (a REPL, an ingest) may hold the write lock for a moment: wait for it.
        config.busyMode = .timeout(10)
        do {
            // Look before touching: a database from a newer Vigil is refused through a read-only
            // connection, so not a byte of it changes.
            if FileManager.default.fileExists(atPath: path) {
                var look = Configuration()
                look.readonly = true
                let reader = try DatabaseQueue(path: path, configuration: look)
                try Self.refuseNewer(reader, path: path)
                try reader.close()
            }
            writer = try DatabaseQueue(path: path, configuration: config)
            try Self.migrate(writer, path: path)
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// A private in-memory graph, for tests and `extract`-style dry runs.
    public init() throws {
        path = ":memory:"
        writer = try DatabaseQueue()
        try Self.migrate(writer, path: path)
    }

    /// The migration names this build knows, in the order they apply.
    public static var knownMigrations: [String] { SchemaSQL.migrations.map(\.name) }

    private static func migrate(_ writer: DatabaseQueue, path: String) throws {
        var migrator = DatabaseMigrator()
        for m in SchemaSQL.migrations {
            migrator.registerMigration(m.name) { db in try db.execute(sql: m.sql) }
        }
        let applied = try refuseNewer(writer, path: path)
        // Opening an up-to-date database writes nothing, so readers never contend for the lock.
        guard !Set(knownMigrations).isSubset(of: applied) else { return }
        try migrator.migrate(writer)
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA user_version = \(knownMigrations.count)")
        }
    }

    /// The migrations the database has applied; throws when one of them is unknown to this build.
    @discardableResult
    private static func refuseNewer(_ db: DatabaseQueue, path: String) throws -> [String] {
        let applied = try db.read { db -> [String] in
            guard try db.tableExists("grdb_migrations") else { return [] }
            return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        let unknown = Set(applied).subtracting(knownMigrations).sorted()
        if !unknown.isEmpty {
            throw StoreError.newerSchema(path: path, unknown: unknown, known: knownMigrations.last ?? "none")
        }
        return applied
    }

    /// The migrations applied to this database, in order.
    public func appliedMigrations() throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
    }

    /// Runs read-only work (SELECT only) in one deferred transaction, for the query planner and
    /// exporters. Not GRDB's `read`: that sets `PRAGMA query_only`, and SQLite expires every
    /// prepared statement of the connection each time it is set, so the statements the query
    /// engine caches would be compiled again on every call (measured: most of the cost of a
    /// one-edge `distance`).
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.inDatabase { db in
                var result: T?
                try db.inTransaction(.deferred) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// Runs work in one transaction: all of it is stored, or none.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.write(body) } catch { throw StoreError.wrap(error, path: path) }
    }
}

extension GraphStore {
    /// Stops the statement running on the connection, from any thread (`sqlite3_interrupt`):
    /// it fails with SQLite error 9, and the store stays usable.
    public func interrupt() { writer.interrupt() }
}
