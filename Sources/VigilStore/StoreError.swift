import Foundation
import GRDB

/// Why the store could not do what was asked, phrased for the person at the command line.
///
/// Messages name the file and the cause; they never include bound SQL arguments, since report
/// text can identify patients.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case missingDirectory(path: String)
    case notADatabase(path: String)
    case newerSchema(path: String, unknown: [String], known: String)
    case readOnly(path: String)
    case cannotOpen(path: String, cause: String)
    case sqlite(path: String, code: Int32, message: String, sql: String?)
    case unknownNode(name: String)
    /// Stopped by `GraphStore.interrupt()` (Ctrl-C in the REPL); nothing was changed.
    case interrupted(path: String)

    public var description: String {
        switch self {
        case .missingDirectory(let p):
            return "\(p): the directory \((p as NSString).deletingLastPathComponent) does not exist"
        case .notADatabase(let p):
            return "\(p): not a Vigil database (the file is not SQLite)"
        case .newerSchema(let p, let unknown, let known):
            return "\(p): written by a newer Vigil (schema \(unknown.joined(separator: ", "))); this vigil knows up to \(known) and leaves the file untouched"
        case .readOnly(let p):
            return "\(p): the database or its directory is read-only"
        case .cannotOpen(let p, let cause):
            return "\(p): cannot open the database: \(cause)"
        case .sqlite(let p, let code, let message, let sql):
            return "\(p): SQLite error \(code): \(message)" + (sql.map { " - while executing `\($0)`" } ?? "")
        case .unknownNode(let name):
            return "no node named '\(name)'"
        case .interrupted(let p):
            return "\(p): interrupted"
        }
    }

    /// Maps a GRDB error to one that names the file. Bound arguments are never shown.
    static func wrap(_ error: any Error, path: String) -> any Error {
        guard let e = error as? DatabaseError else { return error }
        switch e.resultCode {
        case .SQLITE_NOTADB: return StoreError.notADatabase(path: path)
        case .SQLITE_READONLY: return StoreError.readOnly(path: path)
        case .SQLITE_INTERRUPT: return StoreError.interrupted(path: path)
        case .SQLITE_CANTOPEN: return StoreError.cannotOpen(path: path, cause: e.message ?? "unable to open")
        default: return StoreError.sqlite(path: path, code: e.extendedResultCode.rawValue, message: e.message ?? "", sql: e.sql)
        }
    }
}
