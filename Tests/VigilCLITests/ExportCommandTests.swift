import Foundation
import Testing

/// `vigil export` through the binary, on a database `vigil init` seeded with the reference graph.
@Suite struct ExportCommands {
    static let dotInstalled = ["/usr/bin", "/usr/local/bin", "/bin"]
        .contains { FileManager.default.isExecutableFile(atPath: $0 + "/dot") }

    /// One database seeded by `vigil init` for the whole suite; each test gets its own copy.
    static let template: Result<String, any Error> = Result {
        let db = temporaryDirectory().appendingPathComponent("template.db").path
        let r = try VigilBinary.run(["init", "--db", db])
        guard r.status == 0 else { throw SeedFailure(message: r.stderr) }
        return db
    }
    struct SeedFailure: Error { let message: String }

    static func seeded() throws -> String {
        let db = temporaryDirectory().appendingPathComponent("v.db").path
        // init checkpoints and closes the database, so the main file holds everything.
        try FileManager.default.copyItem(atPath: try template.get(), toPath: db)
        return db
    }

    /// Fails the test when graphviz rejects the file; a note when graphviz is absent.
    static func checkWithGraphviz(_ file: String) throws {
        guard dotInstalled else {
            print("note: graphviz 'dot' not installed: skipping the dot -Tsvg check of \(file)")
            return
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["dot", "-Tsvg", file, "-o", "/dev/null"]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0 && stderr.isEmpty, "dot -Tsvg \(file): \(stderr)")
    }

    @Test func dotAroundAnEntityGoesToStandardOutput() throws {
        let db = try Self.seeded()
        let r = try VigilBinary.run(["export", "--db", db, "--around", "Sorafenib", "--depth", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("digraph vigil {\n"))
        #expect(r.stdout.contains("label=\"around Sorafenib, depth 1\""))
        #expect(r.stdout.contains("\"drug:sorafenib\" -> \"target:BRAF\""))
        #expect(r.stdout.contains("peripheries=\"2\""))
        #expect(!r.stdout.contains("\"drug:imatinib\""))
        let file = temporaryDirectory().appendingPathComponent("out.dot")
        try r.stdout.write(to: file, atomically: true, encoding: .utf8)
        try Self.checkWithGraphviz(file.path)
    }

    @Test func outputGoesToTheFileNamedAndIsTheSameEachTime() throws {
        let db = try Self.seeded()
        let dir = temporaryDirectory()
        let a = dir.appendingPathComponent("a.dot").path, b = dir.appendingPathComponent("b.dot").path
        let r = try VigilBinary.run(["export", "--db", db, "--format", "dot", "-o", a])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(try VigilBinary.run(["export", "--db", db, "--output", b]).status == 0)
        let first = try String(contentsOfFile: a, encoding: .utf8)
        #expect(first == (try String(contentsOfFile: b, encoding: .utf8)))
        #expect(first.contains("\"drug:imatinib\""))   // the whole graph
        try Self.checkWithGraphviz(a)
    }

    @Test(.enabled(if: dotInstalled, "graphviz 'dot' is not installed"))
    func svgAndPNGAreDrawnByGraphviz() throws {
        let db = try Self.seeded()
        let dir = temporaryDirectory()
        let svg = dir.appendingPathComponent("g.svg").path
        let r = try VigilBinary.run(["export", "--db", db, "--around", "imatinib", "--format", "svg", "-o", svg])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("<svg"))
        let png = dir.appendingPathComponent("g.png")
        #expect(try VigilBinary.run(["export", "--db", db, "--around", "imatinib", "--format", "png", "-o", png.path]).status == 0)
        #expect(try Data(contentsOf: png).prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        // Standard output carries the bytes when no file is named.
        let stdout = try VigilBinary.run(["export", "--db", db, "--around", "imatinib", "--format", "png"])
        #expect(stdout.status == 0)
        #expect(stdout.stdout.utf8.count > 1000 && stdout.stdout.contains("IHDR"))
    }

    @Test func withoutGraphvizSVGNamesTheDebianPackage() throws {
        let db = try Self.seeded()
        let r = try VigilBinary.run(["export", "--db", db, "--format", "svg"], environment: ["PATH": "/nonexistent"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--format svg needs graphviz's 'dot' on PATH: install it (Debian/Ubuntu: apt-get install graphviz) or use --format dot"))
        // DOT itself needs no graphviz.
        #expect(try VigilBinary.run(["export", "--db", db], environment: ["PATH": "/nonexistent"]).status == 0)
    }

    @Test func jsonlIsOneTriplePerLine() throws {
        let db = try Self.seeded()
        let r = try VigilBinary.run(["export", "--db", db, "--format", "jsonl", "--around", "PDGFR"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(o.keys).isSuperset(of: ["subject", "predicate", "object", "assertion", "scope"]))
        }
        #expect(r.stdout.contains("{\"kind\":\"target\",\"name\":\"PDGFRA\"}"))
    }

    @Test func kgxWritesNodesAndEdgesIntoADirectory() throws {
        let db = try Self.seeded()
        let dir = temporaryDirectory().appendingPathComponent("kgx")
        let r = try VigilBinary.run(["export", "--db", db, "--format", "kgx", "-o", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let nodes = try String(contentsOf: dir.appendingPathComponent("nodes.tsv"), encoding: .utf8)
        let edges = try String(contentsOf: dir.appendingPathComponent("edges.tsv"), encoding: .utf8)
        #expect(nodes.hasPrefix("id\tcategory\tname\t"))
        #expect(nodes.contains("VIGIL:drug/sorafenib\tbiolink:Drug\tsorafenib"))
        #expect(edges.contains("\tVIGIL:drug/sorafenib\tbiolink:interacts_with\tVIGIL:target/BRAF\t"))
        let noDir = try VigilBinary.run(["export", "--db", db, "--format", "kgx"])
        #expect(noDir.status != 0)
        #expect(noDir.stderr.contains("--format kgx writes nodes.tsv and edges.tsv: give a directory with -o"))
    }

    @Test func anUnknownNameIsOneLine() throws {
        let db = try Self.seeded()
        let r = try VigilBinary.run(["export", "--db", db, "--around", "notadrug"])
        #expect(r.status != 0)
        #expect(r.stderr == "Error: no node named 'notadrug'\n")
    }

    @Test func queryAndAroundTogetherAreRefused() throws {
        let db = try Self.seeded()
        let r = try VigilBinary.run(["export", "--db", db, "--around", "sorafenib", "--query", "drugs"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("give --query or --around, not both"))
        let depth = try VigilBinary.run(["export", "--db", db, "--depth", "2"])
        #expect(depth.status != 0)
        #expect(depth.stderr.contains("--depth goes with --around"))
    }

    @Test func aMissingDatabaseIsNotCreated() throws {
        let db = temporaryDirectory().appendingPathComponent("typo.db").path
        let r = try VigilBinary.run(["export", "--db", db])
        #expect(r.status != 0)
        #expect(r.stderr == "Error: \(db): no such database (create it with vigil init)\n")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func aQueryResultIsExported() throws {
        let db = try Self.seeded()
        let r = try VigilBinary.run(["export", "--db", db, "--query", "targets of sorafenib"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("label=\"targets of sorafenib\""))
        #expect(r.stdout.contains("\"drug:sorafenib\" -> \"target:BRAF\""))
        let file = temporaryDirectory().appendingPathComponent("q.dot")
        try r.stdout.write(to: file, atomically: true, encoding: .utf8)
        try Self.checkWithGraphviz(file.path)
    }

    @Test func aBadQueryShowsItsDiagnosticsOnly() throws {
        let db = try Self.seeded()
        let r = try VigilBinary.run(["export", "--db", db, "--query", "drugs that treats AGEP"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: "))
        #expect(r.stderr.contains(" --> query:1:"))
        #expect(r.stdout.isEmpty)
    }

    @Test func theIngestedSeedReportsDrawAroundSorafenib() throws {
        let db = try Self.seeded()
        let reports = VigilBinary.packageRoot.appendingPathComponent("Seeds/reports").path
        let i = try VigilBinary.run(["ingest", "--quiet", "--db", db, reports])
        #expect(i.status == 0, "\(i.stderr)")
        let file = temporaryDirectory().appendingPathComponent("sorafenib.dot")
        let r = try VigilBinary.run(["export", "--db", db, "--around", "sorafenib", "-o", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let dot = try String(contentsOf: file, encoding: .utf8)
        #expect(dot.contains("\"drug:sorafenib\" -> \"reaction:acute generalized exanthematous pustulosis\" [label=\"causes\""))
        #expect(dot.contains("shape=\"folder\""))   // the reports' cases
        try Self.checkWithGraphviz(file.path)
    }

    /// A drawing of more nodes than --max-nodes is refused before any edge is read, with the
    /// count; data formats are not limited, and --max-nodes 0 lifts the limit.
    @Test func aDrawingOverMaxNodesIsRefusedWithTheCount() throws {
        let db = try Self.seeded()
        let file = temporaryDirectory().appendingPathComponent("big.dot").path
        let neighbours = try VigilBinary.run(["export", "--db", db, "--around", "sorafenib", "--depth", "1"])
        let drawn = neighbours.stdout.components(separatedBy: "\n").filter { $0.contains("\"drug:") || $0.contains("\"target:") }
        #expect(!drawn.isEmpty)
        for args in [["--query", "neighbors of sorafenib depth 1"], ["--around", "sorafenib"], []] {
            let r = try VigilBinary.run(["export", "--db", db, "--max-nodes", "3", "-o", file] + args)
            #expect(r.status != 0, "\(args)")
            #expect(r.stderr.contains("over the limit of 3"), "\(args): \(r.stderr)")
            #expect(r.stderr.range(of: #"would have \d+ nodes"#, options: .regularExpression) != nil, "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: file), "\(args) wrote a file")
        }
        // jsonl is data, not a drawing: not limited.
        let j = try VigilBinary.run(["export", "--db", db, "--max-nodes", "3", "--format", "jsonl", "--around", "sorafenib"])
        #expect(j.status == 0, "\(j.stderr)")
        #expect(j.stdout.split(separator: "\n").count > 3)
        // No limit, and a limit above the size: drawn.
        for limit in ["0", "100000"] {
            let r = try VigilBinary.run(["export", "--db", db, "--max-nodes", limit, "--around", "sorafenib", "-o", file])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try String(contentsOfFile: file, encoding: .utf8).contains("\"drug:sorafenib\" -> \"target:BRAF\""))
            try FileManager.default.removeItem(atPath: file)
        }
        let bad = try VigilBinary.run(["export", "--db", db, "--max-nodes", "-1"])
        #expect(bad.status != 0 && bad.stderr.contains("--max-nodes"))
    }
}
