import Foundation
import Testing

/// A database `vigil init` seeded once; each test works on its own copy, since every open
/// brings the schema up to date in a write transaction and two at once would find it locked.
enum SeededDatabase {
    struct InitFailed: Error, CustomStringConvertible { var description: String }

    static let original: Result<String, InitFailed> = {
        let db = temporaryDirectory().appendingPathComponent("seeded.db").path
        guard let r = try? VigilBinary.run(["init", "--db", db]) else { return .failure(InitFailed(description: "cannot run vigil")) }
        return r.status == 0 ? .success(db) : .failure(InitFailed(description: "vigil init failed: \(r.stderr)"))
    }()

    static func copy(into dir: URL) throws -> String {
        let source = try original.get()
        let db = dir.appendingPathComponent("seeded.db").path
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: source + suffix) {
            try FileManager.default.copyItem(atPath: source + suffix, toPath: db + suffix)
        }
        return db
    }
}

/// `vigil query` through the built binary, on a database `vigil init` seeded from Seeds/vocab.
@Suite(.serialized)
struct QueryCommandTests {
    let dir: URL
    let db: String

    init() throws {
        dir = temporaryDirectory()
        db = try SeededDatabase.copy(into: dir)
    }

    @Test func tableByDefault() throws {
        let r = try VigilBinary.run(["query", "--db", db, "targets of imatinib"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            target  kind    families  scopes     evidence
            ------  ------  --------  ---------  --------
            ABL1    target            reference         1
            KIT     target            reference         1
            PDGFRA  target  PDGFR     reference         1
            PDGFRB  target  PDGFR     reference         1
            (4 rows)

            """)
    }

    @Test func unquotedWordsAndOtherFormats() throws {
        let csv = try VigilBinary.run(["query", "--db", db, "--format", "csv", "targets", "of", "imatinib", "limit", "2"])
        #expect(csv.stdout == "target,kind,families,scopes,evidence\r\nABL1,target,,reference,1\r\nKIT,target,,reference,1\r\n")
        let jsonl = try VigilBinary.run(["query", "--db", db, "--format", "jsonl", "targets of imatinib limit 1"])
        #expect(jsonl.stdout == "{\"target\": \"ABL1\", \"kind\": \"target\", \"families\": null, \"scopes\": \"reference\", \"evidence\": 1}\n")
        let json = try VigilBinary.run(["query", "--db", db, "--format", "json", "targets of imatinib limit 1"])
        #expect(json.stdout.hasPrefix("[\n  {\"target\": \"ABL1\""))
    }

    @Test func familyMeansMembers() throws {
        let r = try VigilBinary.run(["query", "--db", db, "--format", "csv", "drugs targeting PDGFR"])
        let drugs = r.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" }
        #expect(drugs.contains("imatinib") && drugs.contains("sorafenib") && drugs.contains("sunitinib"))
    }

    @Test func diagnosticOnStderrWithStatus1() throws {
        let r = try VigilBinary.run(["query", "--db", db, "drugs that treats AGEP"])
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == """
            error: unknown relation 'treats'
             --> query:1:12
            1 | drugs that treats AGEP
              |            ^~~~~~
              = help: use causing, targeting or sharing

            """)
    }

    @Test func unknownNameSuggests() throws {
        let r = try VigilBinary.run(["query", "--db", db, "targets of imatinb"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: no drug named 'imatinb'"))
        #expect(r.stderr.contains("= help: did you mean 'imatinib'?"))
    }

    @Test func fileOfQueriesReportsFileAndLine() throws {
        let file = dir.appendingPathComponent("questions.txt")
        try """
            # the kinase inhibitors
            targets of imatinib limit 1

            drugs targeting
            targets of sunitinib limit 1
            """.write(to: file, atomically: true, encoding: .utf8)
        let r = try VigilBinary.run(["query", "--db", db, "-f", file.path, "--format", "csv"])
        #expect(r.status == 1)
        #expect(r.stdout == "target,kind,families,scopes,evidence\r\nABL1,target,,reference,1\r\ntarget,kind,families,scopes,evidence\r\nCSF1R,target,,reference,1\r\n")
        #expect(r.stderr == """
            error: expected a target name after 'targeting'
             --> \(file.path):4:16
            4 | drugs targeting
              |                ^

            """)
    }

    @Test func explainShowsSQLAndQueryPlan() throws {
        let r = try VigilBinary.run(["query", "--db", db, "explain drugs targeting VEGFR"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("WITH RECURSIVE family(id, depth, edge) AS ("))
        #expect(r.stdout.contains("-- query plan:"))
        // The name is resolved first; the SQL sees only its node id.
        #expect(r.stdout.contains("-- 'VEGFR' is node"))
        #expect(!r.stdout.split(separator: "\n").contains { !$0.hasPrefix("--") && $0.contains("VEGFR") })
    }

    @Test func needsAQuery() throws {
        let r = try VigilBinary.run(["query", "--db", db])
        #expect(r.status != 0)
        #expect(r.stderr.contains("give a query, or -f FILE"))
    }
}

/// The sample reports end to end: `vigil init`, `vigil ingest Seeds/reports`, then the README's question.
@Suite(.serialized)
struct QuerySeededSampleTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: VigilBinary.packageRoot.appendingPathComponent("Seeds/reports").path)))
    func reactionsSharedWithImatinibViaPDGFR() throws {
        let dir = temporaryDirectory()
        let db = try SeededDatabase.copy(into: dir)
        let ingest = try VigilBinary.run(["ingest", "--db", db, "--quiet",
                                          VigilBinary.packageRoot.appendingPathComponent("Seeds/reports").path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let r = try VigilBinary.run(["query", "--db", db, "--format", "csv", "reactions shared with imatinib via PDGFR"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\r\n").map(String.init)
        #expect(rows.first == "reaction,drugs,evidence,scopes")
        #expect(rows.contains { $0.hasPrefix("acute generalized exanthematous pustulosis,sorafenib,") })
    }
}
