import Foundation
import GRDB
import VigilStore

/// A fixture of this test target (Tests/VigilImportTests/Fixtures).
func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
}

/// A database file in a fresh temporary directory (not created yet).
func temporaryDatabase() -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-import-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent("graph.db").path
}

/// Every row of the graph's tables as text, for "the database is unchanged" checks.
func dump(_ path: String) throws -> [String] {
    let queue = try DatabaseQueue(path: path)
    return try queue.read { db in
        var out: [String] = []
        for table in ["node", "alias", "edge", "evidence", "document", "import_batch", "reference_predicate", "reference_link"] {
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2") {
                out.append(table + " " + row.description)
            }
        }
        out += try String.fetchAll(db, sql: "SELECT name FROM sqlite_master ORDER BY name")
        return out
    }
}

/// Runs one SQL query on the file and returns its rows as "a|b|c".
func rows(_ path: String, _ sql: String) throws -> [String] {
    let queue = try DatabaseQueue(path: path)
    return try queue.read { db in
        try Row.fetchAll(db, sql: sql).map { row in
            row.databaseValues.map { v -> String in
                switch v.storage {
                case .int64(let i): return String(i)
                case .string(let s): return s
                case .null: return "NULL"
                default: return "\(v)"
                }
            }.joined(separator: "|")
        }
    }
}
