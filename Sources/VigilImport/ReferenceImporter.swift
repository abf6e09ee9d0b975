import Foundation
import GRDB
import VigilCore
import VigilStore

/// Imports a reference graph (Hetionet, DrugCentral, KGX) into a Vigil database.
///
/// Transaction policy: the whole import is one transaction. An import that fails, exceeds
/// `--max-errors`, or is killed leaves the database exactly as it was; nothing is resumable
/// because nothing partial is ever committed.
public struct ReferenceImporter: Sendable {
    /// The SQLite file; created with the current schema if missing.
    public let databasePath: String

    public init(databasePath: String) {
        self.databasePath = databasePath
    }

    /// Reads `files` in `format` and stores them, all or nothing.
    public func run(_ format: ImportFormat, files: [String], options: ImportOptions = ImportOptions()) throws -> ImportSummary {
        guard format.fileCount.contains(files.count) else {
            throw ImportError.wrongFileCount(format: format, given: files.count)
        }
        let started = Date()
        trace("start")
        // The store brings the schema up to date; the import then uses a connection of its own,
        // with foreign-key checks off (every id it writes comes from the node table it just read
        // or wrote) and a page cache large enough to hold every page the import writes.
        _ = try GraphStore(path: databasePath)
        var config = Configuration()
        config.foreignKeysEnabled = false
        config.busyMode = .timeout(2)
        let queue: DatabaseQueue
        do { queue = try DatabaseQueue(path: databasePath, configuration: config) } catch {
            throw ImportError.store(message: "\(databasePath): \(error)")
        }
        let inputBytes = files.reduce(Int64(0)) { sum, f in
            sum + ((try? FileManager.default.attributesOfItem(atPath: f)[.size] as? NSNumber)?.int64Value ?? 0)
        }
        do {
            return try queue.writeWithoutTransaction { db in
                // A rollback journal for the import: new pages go straight to the file instead of
                // through the WAL and a checkpoint (the file is written once, not twice), and a
                // killed import leaves a hot journal that the next open rolls back. Another
                // connection holding the file keeps it in WAL mode; the import then runs in WAL.
                let journal = try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
                trace("journal \(journal ?? "unchanged")")
                defer { if journal == "delete" { _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") } }
                // CHECK constraints are not evaluated for the import's rows: it writes only valid
                // constants, and SQLite evaluates `x IN (…)` by building a temporary b-tree per
                // statement execution (10 µs a row when edges were rows).
                try db.execute(sql: """
                    PRAGMA cache_size = -\(GraphLoader.cacheKiB); PRAGMA synchronous = NORMAL; PRAGMA ignore_check_constraints = ON
                    """)
                var summary: ImportSummary!
                try db.inTransaction(.immediate) {
                    var run = ImportRun(loader: try GraphLoader(db: db, format: format),
                                        badLines: BadLineLimit(maxErrors: options.maxErrors),
                                        progress: options.progress, started: started, inputBytes: inputBytes)
                    switch format {
                    case .hetionet: try Hetionet.read(nodes: files[0], edges: files[1], into: &run)
                    case .kgx: try KGX.read(nodes: files[0], edges: files[1], into: &run)
                    case .drugcentral: for f in files { try DrugCentral.read(f, into: &run) }
                    }
                    let progress = options.progress
                    try run.loader.finish(files: files) { done, total, phase in
                        progress?(ImportProgress(phase: phase, rows: done, done: Int64(done), total: Int64(total),
                                                 elapsed: Date().timeIntervalSince(started)))
                    }
                    summary = run.loader.summary
                    summary.badLines = run.badLines.lines
                    return .commit
                }
                trace("committed")
                try db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
                summary.seconds = Date().timeIntervalSince(started)
                return summary
            }
        } catch let e as ImportError {
            throw e
        } catch let e as DatabaseError {
            throw ImportError.store(message: "\(databasePath): SQLite error \(e.extendedResultCode.rawValue): \(e.message ?? "")"
                                    + (e.sql.map { " - while executing `\($0)`" } ?? ""))
        }
    }
}
