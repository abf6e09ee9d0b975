import Foundation
import Testing

/// `vigil import` through the binary: output, bad lines, exit status, and what a killed import leaves.
@Suite struct ImportCommandTests {
    static let fixtures = VigilBinary.packageRoot.appendingPathComponent("Tests/VigilImportTests/Fixtures")
    let nodes = fixtures.appendingPathComponent("hetionet-nodes.tsv").path
    let edges = fixtures.appendingPathComponent("hetionet-edges.sif.gz").path
    let broken = fixtures.appendingPathComponent("hetionet-edges-broken.sif").path

    @Test func importsHetionetAndSaysWhatItDid() throws {
        let db = temporaryDirectory().appendingPathComponent("g.db").path
        let r = try VigilBinary.run(["import", "--format", "hetionet", nodes, edges, "--db", db])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("imported hetionet: nodes 15 read, 15 new, 0 merged; edges 20 read, 19 new, 1 already present; 0 rows skipped, 0 bad lines, "))
        // No progress bar when stderr is not a terminal.
        #expect(r.stderr == "")
        let q = try VigilBinary.run(["query", "--db", db, "--format", "csv", "drugs sharing targets with imatinib"])
        #expect(q.stdout.contains("sunitinib"))
        // An imported fact's evidence is the import that stated it.
        let e = try VigilBinary.run(["query", "--db", db, "--format", "csv", "evidence for imatinib targets KIT"])
        #expect(e.stdout == "sentence,document,start,end,scope,assertion,source\r\n,,,,reference,affirmed,hetionet-import/1\r\n")
        let none = try VigilBinary.run(["query", "--db", db, "--format", "csv", "evidence for imatinib targets KIT where scope case"])
        #expect(!none.stdout.contains("hetionet-import/1"))
    }

    @Test func badLinesAreListedWithFileAndLine() throws {
        let db = temporaryDirectory().appendingPathComponent("g.db").path
        let ok = try VigilBinary.run(["import", "--format", "hetionet", nodes, broken, "--db", db, "--max-errors", "4", "--quiet"])
        #expect(ok.status == 0)
        #expect(ok.stderr.components(separatedBy: "\n").first == "vigil: \(broken):3: expected 3 tab-separated fields, found 2 (skipped)")
        let db2 = temporaryDirectory().appendingPathComponent("g.db").path
        let r = try VigilBinary.run(["import", "--format", "hetionet", nodes, broken, "--db", db2, "--max-errors", "1"])
        #expect(r.status != 0)
        #expect(r.stderr == """
            vigil: \(broken):3: expected 3 tab-separated fields, found 2
            vigil: \(broken):4: unknown node 'Side Effect::C9999999' (not in the nodes file)
            Error: more than 1 bad line (--max-errors 1): nothing imported

            """)
        #expect(r.stdout == "")
    }

    @Test func wrongFileCountIsOneLine() throws {
        let r = try VigilBinary.run(["import", "--format", "hetionet", nodes, "--db", temporaryDirectory().appendingPathComponent("g.db").path])
        #expect(r.status != 0)
        #expect(r.stderr == "Error: --format hetionet takes NODES.tsv EDGES.sif[.gz], given 1 file\n")
    }

    /// SIGKILL while the import's transaction is open (nodes written, edges still arriving through
    /// a pipe): the database must be exactly what it was.
    @Test func killedMidImportLeavesTheDatabaseAsItWas() throws {
        let dir = temporaryDirectory()
        let db = dir.appendingPathComponent("g.db").path
        #expect(try VigilBinary.run(["import", "--format", "hetionet", nodes, edges, "--db", db]).status == 0)
        let before = try snapshot(db)

        let (bigNodes, bigEdges) = try writeLargeGraph(in: dir, nodes: 20_000, edges: 200_000)
        let fifo = dir.appendingPathComponent("edges.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let p = try startImport([bigNodes, fifo, "--db", db])
        // Opening the pipe waits for the importer to open it: it has read the nodes by then.
        let writer = FileHandle(forWritingAtPath: fifo)!
        let lines = try String(contentsOfFile: bigEdges, encoding: .utf8).split(separator: "\n")
        writer.write(Data((lines[..<(lines.count / 2)].joined(separator: "\n") + "\n").utf8))
        Thread.sleep(forTimeInterval: 0.5)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        try? writer.close()
        #expect(p.terminationReason == .uncaughtSignal)
        #expect(try snapshot(db) == before)
    }

    /// SIGKILL at several moments of a large import from a regular file (reading, writing,
    /// committing): each time the database is intact and either unchanged or complete.
    @Test func killedAtAnyMomentLeavesItIntactAndUnchangedOrComplete() throws {
        let dir = temporaryDirectory()
        let db = dir.appendingPathComponent("g.db").path
        #expect(try VigilBinary.run(["import", "--format", "hetionet", nodes, edges, "--db", db]).status == 0)
        let before = try snapshot(db)
        let (bigNodes, bigEdges) = try writeLargeGraph(in: dir, nodes: 20_000, edges: 300_000)
        var outcomes: [String] = []
        for delay in [0.1, 0.4, 0.8, 1.5, 3.0] {
            let p = try startImport([bigNodes, bigEdges, "--db", db])
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let after = try snapshot(db)
            #expect(after.integrity == "ok")
            if after == before {
                outcomes.append("unchanged")
            } else {
                #expect(after.edges == before.edges + 300_000)
                #expect(after.batches == before.batches + 1)
                outcomes.append("complete")
                break
            }
        }
        // The first kill (0.1 s) always lands inside the import.
        #expect(outcomes.first == "unchanged")
    }

    /// `vigil import --format hetionet args…`, started and left running.
    func startImport(_ args: [String]) throws -> Process {
        let p = Process()
        p.executableURL = VigilBinary.url
        p.arguments = ["import", "--format", "hetionet"] + args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    struct Snapshot: Equatable {
        var integrity: String
        var nodes: Int
        var edges: Int
        var batches: Int
        var checksum: String
    }

    /// Counts, an integrity check and a checksum of every edge and reference link, read with sqlite3(1): this test target
    /// has no SQLite library, and opening the file is also what rolls back a killed import's journal.
    func snapshot(_ db: String) throws -> Snapshot {
        let out = try sqlite(db, """
            PRAGMA integrity_check;
            SELECT count(*) FROM node;
            SELECT (SELECT count(*) FROM edge) + (SELECT count(*) FROM reference_edge);
            SELECT count(*) FROM import_batch;
            SELECT total(src * 7 + coalesce(dst, 0) * 13 + length(predicate))
            FROM (SELECT src, dst, predicate FROM edge UNION ALL SELECT src, dst, predicate FROM reference_edge);
            """).split(separator: "\n").map(String.init)
        return Snapshot(integrity: out[0], nodes: Int(out[1]) ?? -1, edges: Int(out[2]) ?? -1, batches: Int(out[3]) ?? -1,
                        checksum: out[4])
    }

    func sqlite(_ db: String, _ sql: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [db]
        let inp = Pipe(), out = Pipe()
        p.standardInput = inp
        p.standardOutput = out
        try p.run()
        inp.fileHandleForWriting.write(Data(sql.utf8))
        try inp.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A synthetic Hetionet-format graph: genes, and random gene–gene edges (distinct).
    func writeLargeGraph(in dir: URL, nodes: Int, edges: Int) throws -> (String, String) {
        var n = "id\tname\tkind\n"
        for i in 0 ..< nodes { n += "Gene::\(i)\tG\(i)\tGene\n" }
        var e = "source\tmetaedge\ttarget\n"
        var seen = Set<Int>()
        var rng = SystemRandomNumberGenerator()
        while seen.count < edges {
            let a = Int.random(in: 0 ..< nodes, using: &rng), b = Int.random(in: 0 ..< nodes, using: &rng)
            if seen.insert(a * nodes + b).inserted { e += "Gene::\(a)\tGiG\tGene::\(b)\n" }
        }
        let np = dir.appendingPathComponent("big-nodes.tsv").path, ep = dir.appendingPathComponent("big-edges.sif").path
        try n.write(toFile: np, atomically: true, encoding: .utf8)
        try e.write(toFile: ep, atomically: true, encoding: .utf8)
        return (np, ep)
    }
}
