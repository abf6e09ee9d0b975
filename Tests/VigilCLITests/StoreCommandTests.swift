import Foundation
import Testing

@Suite struct StoreCommands {
    @Test func initThenStatsOnAFreshDatabase() throws {
        let db = temporaryDirectory().appendingPathComponent("v.db").path
        let i = try VigilBinary.run(["init", "--empty", "--db", db])
        #expect(i.status == 0)
        #expect(i.stdout.contains(": schema m0"))
        let s = try VigilBinary.run(["stats", "--db", db])
        #expect(s.status == 0)
        #expect(s.stdout.contains("documents  0"))
    }

    @Test func initLoadsTheReferenceSeeds() throws {
        let db = temporaryDirectory().appendingPathComponent("v.db").path
        #expect(try VigilBinary.run(["init", "--db", db]).status == 0)
        let s = try VigilBinary.run(["stats", "--json", "--db", db])
        let json = try JSONSerialization.jsonObject(with: Data(s.stdout.utf8)) as! [String: Any]
        let byPredicate = json["edgesByPredicate"] as! [String: Int]
        #expect((byPredicate["member_of"] ?? 0) >= 3)   // PDGFR and VEGFR members at least
        #expect((byPredicate["targets"] ?? 0) > 100)
        // Running init again adds nothing.
        let again = try VigilBinary.run(["init", "--db", db])
        #expect(again.stdout.contains("seeded 0 reference edges"))
    }

    @Test func theDatabaseComesFromTheEnvironmentWhenNoOptionIsGiven() throws {
        let dir = temporaryDirectory()
        let db = dir.appendingPathComponent("env.db").path
        #expect(try VigilBinary.run(["init", "--empty"], environment: ["VIGIL_DB": db]).status == 0)
        #expect(FileManager.default.fileExists(atPath: db))
        #expect(try VigilBinary.run(["init", "--empty"], directory: dir).status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("vigil.db").path))
    }

    @Test func aFileThatIsNotADatabaseIsNamedInOneLine() throws {
        let path = temporaryDirectory().appendingPathComponent("notes.db").path
        try String(repeating: "not sqlite at all\n", count: 20).write(toFile: path, atomically: true, encoding: .utf8)
        let r = try VigilBinary.run(["stats", "--db", path])
        #expect(r.status != 0)
        #expect(r.stderr == "Error: \(path): not a Vigil database (the file is not SQLite)\n")
    }

    @Test func aDatabaseFromANewerVigilIsRefusedUntouched() throws {
        let path = temporaryDirectory().appendingPathComponent("new.db").path
        #expect(try VigilBinary.run(["init", "--empty", "--db", path]).status == 0)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"INSERT INTO grdb_migrations VALUES ('m9000_later')\"); c.commit()", path]
        try sqlite.run()
        sqlite.waitUntilExit()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let r = try VigilBinary.run(["stats", "--db", path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(path): written by a newer Vigil (schema m9000_later)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aReadOnlyLocationIsNamed() throws {
        let dir = temporaryDirectory()
        let path = dir.appendingPathComponent("ro.db").path
        #expect(try VigilBinary.run(["init", "--empty", "--db", path]).status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path) }
        // root ignores permission bits; the check only means something for other users.
        guard getuid() != 0 else { return }
        let r = try VigilBinary.run(["init", "--empty", "--db", path])
        #expect(r.status != 0)
        #expect(r.stderr.contains(path))
    }

    @Test func aMissingDirectoryIsNamed() throws {
        let path = "/nonexistent-\(UUID().uuidString)/v.db"
        let r = try VigilBinary.run(["stats", "--db", path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(path): the directory"))
        #expect(r.stderr.contains("does not exist"))
    }
}
