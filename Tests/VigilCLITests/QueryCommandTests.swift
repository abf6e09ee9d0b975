import Foundation
import Testing

/// A database `vigil init` seeded once; each test works on its own copy, since every open
/// brings the schema up to date in a write transaction and two at once would find it locked.
enum SeededDatabase {
    static let original: String = {
        let db = temporaryDirectory().appendingPathComponent("seeded.db").path
        let r = try? VigilBinary.run(["init", "--db", db])
        precondition(r?.status == 0, "vigil init failed: \(r?.stderr ?? "")")
        return db
    }()

    static func copy(into dir: URL) -> String {
        let db = dir.appendingPathComponent("seeded.db").path
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: original + suffix) {
            try? FileManager.default.copyItem(atPath: original + suffix, toPath: db + suffix)
        }
        return db
    }
}

/// `vigil query` through the built binary, on a database `vigil init` seeded from Seeds/vocab.
@Suite(.serialized)
struct QueryCommandTests {
    let dir: URL
    let db: String

    init() {
        dir = temporaryDirectory()
        db = SeededDatabase.copy(into: dir)
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
