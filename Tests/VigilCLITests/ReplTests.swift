import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `vigil repl` through the built binary: piped input, and once on a terminal under tmux.
@Suite(.serialized)
struct ReplTests {
    let dir: URL
    let db: String

    init() throws {
        dir = temporaryDirectory()
        db = try SeededDatabase.copy(into: dir)
    }

    @Test func pipedQueriesRunWithoutPrompts() throws {
        let dot = dir.appendingPathComponent("last.dot").path
        let input = """
            targets of imatinib limit 2
            .format csv
            drugs targeting PDGFR limit 2
            drugs that treats AGEP
            .dot \(dot)
            .format yaml
            .quit
            targets of sunitinib

            """
        let r = try VigilBinary.run(["repl", "--db", db], input: input, environment: ["HOME": dir.path])
        #expect(r.status == 1)
        #expect(r.stdout == """
            target  kind    families  scopes     evidence
            ------  ------  --------  ---------  --------
            ABL1    target            reference         1
            KIT     target            reference         1
            (2 rows)
            drug,targets,scopes,evidence\r
            becaplermin,"PDGFRA, PDGFRB",reference,2\r
            cediranib,"PDGFRA, PDGFRB",reference,2\r
            wrote \(dot) (5 nodes, 6 edges)

            """)
        #expect(r.stderr == """
            error: unknown relation 'treats'
             --> repl:4:12
            4 | drugs that treats AGEP
              |            ^~~~~~
              = help: use causing, targeting or sharing
            unknown format 'yaml'; use table, json, jsonl or csv

            """)
        #expect(try String(contentsOfFile: dot, encoding: .utf8).hasPrefix("digraph"))
        // No prompt, no history file without a terminal.
        #expect(!r.stdout.contains("vigil>"))
    }

    @Test func plainVigilReadsAPipeToo() throws {
        let r = try VigilBinary.run(["--db", db], input: "targets of imatinib limit 1\n.help\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("target  kind    families  scopes     evidence\n"))
        #expect(r.stdout.contains(".dot FILE             write the last result as GraphViz DOT"))
    }

    @Test func dotBeforeAnyResultAndStats() throws {
        let r = try VigilBinary.run(["repl", "--db", db], input: ".dot x.dot\n.stats\n.nonsense\n")
        #expect(r.stderr == "no result to draw yet: run a query first\nunknown command '.nonsense'; try .help\n")
        #expect(r.stdout.contains("nodes drug: "))
        #expect(r.stdout.contains("edges targets: "))
    }

    /// A terminal: the prompt, Up recalls the last query from history, Tab completes names and keywords.
    @Test(.enabled(if: Tmux.available))
    func terminalHistoryAndCompletion() throws {
        let tmux = try Tmux(command: "\(VigilBinary.url.path) repl --db \(db)", home: dir)
        defer { tmux.kill() }
        try tmux.waitFor("vigil>")
        tmux.send("targets of imatinib", "Enter")
        try tmux.waitFor("(4 rows)")
        // Keys sent before the next prompt reach a terminal not yet in libedit's raw mode, which
        // echoes an arrow key as "^[[A": wait for the prompt each time.
        try tmux.waitForPrompt()
        // Up brings the query back; Enter runs it again.
        tmux.send("Up")
        try tmux.waitFor { $0.split(separator: "\n").last == "vigil> targets of imatinib" }
        tmux.send("Enter")
        try tmux.waitFor { $0.components(separatedBy: "(4 rows)").count == 3 }
        try tmux.waitForPrompt()
        // Tab completes a keyword and a drug name.
        tmux.send("neighb")
        tmux.send("Tab")
        try tmux.waitFor { $0.split(separator: "\n").last == "vigil> neighbors" }
        tmux.send("of imatin")
        tmux.send("Tab")
        try tmux.waitFor { $0.split(separator: "\n").last == "vigil> neighbors of imatinib" }
        tmux.send("Enter")
        try tmux.waitFor("PDGFRB")
        tmux.send(".quit", "Enter")
        try tmux.waitForExit()
        // libedit's history file escapes spaces as \040.
        let history = try String(contentsOf: dir.appendingPathComponent(".vigil_history"), encoding: .utf8)
            .replacingOccurrences(of: "\\040", with: " ")
        #expect(history.contains("targets of imatinib"))
        #expect(history.contains("neighbors of imatinib"))
    }
}

/// Ctrl-C abandons the line being typed and the session goes on; Ctrl-D leaves.
@Test(.enabled(if: Tmux.available))
func controlCAbandonsTheLine() throws {
    let dir = temporaryDirectory()
    let db = try SeededDatabase.copy(into: dir)
    let tmux = try Tmux(command: "\(VigilBinary.url.path) repl --db \(db); echo exit=$?", home: dir)
    defer { tmux.kill() }
    try tmux.waitFor("vigil>")
    tmux.send("targets of sorafen")
    tmux.send("C-c")
    try tmux.waitFor { $0.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) } == "vigil>" }
    tmux.send("targets of imatinib", "Enter")
    try tmux.waitFor("(4 rows)")
    tmux.send("C-d")
    try tmux.waitFor("exit=0")
    let screen = tmux.screen()
    #expect(!screen.contains("RAF1"), "the abandoned sorafenib line must not run")
}

/// A private tmux server running one command in a detached session.
struct Tmux {
    static var available: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    let socket = "vigil-repl-test-\(UUID().uuidString.prefix(8))"

    init(command: String, home: URL) throws {
        let started = tmux(["new-session", "-d", "-x", "160", "-y", "50", "-s", "repl",
                            "env HOME=\(home.path) TERM=xterm LC_ALL=C.UTF-8 \(command); sleep 30"])
        if started.status != 0 { throw TmuxError.failed("new-session") }
    }

    enum TmuxError: Error { case failed(String), timeout(String) }

    /// Runs tmux through `sh` with posix_spawn and waitpid: Foundation's `Process` never notices
    /// the exit of a tmux client whose server daemon inherited its descriptors.
    @discardableResult
    func tmux(_ args: [String]) -> (status: Int32, output: String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: out) }
        let quoted = (["tmux", "-L", socket, "-f", "/dev/null"] + args)
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let command = "\(quoted) </dev/null >'\(out.path)' 2>/dev/null"
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", command].map { $0.withCString { strdup($0) } } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { return (-1, "") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        return ((status >> 8) & 0xFF, text)
    }

    func send(_ keys: String...) { tmux(["send-keys", "-t", "repl"] + keys) }

    /// The visible screen, trailing blank lines and spaces removed.
    func screen() -> String {
        tmux(["capture-pane", "-p", "-t", "repl"]).output
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }
            .joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    func waitFor(_ text: String) throws { try waitFor { $0.contains(text) } }

    /// An empty prompt on the last line: libedit is reading the next line.
    func waitForPrompt() throws { try waitFor { $0.split(separator: "\n").last == "vigil>" } }

    func waitFor(_ ready: (String) -> Bool, seconds: Double = 15) throws {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if ready(screen()) { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TmuxError.timeout(screen())
    }

    /// The REPL has ended when the pane runs the `sleep` that follows it.
    func waitForExit(seconds: Double = 15) throws {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if tmux(["list-panes", "-t", "repl", "-F", "#{pane_current_command}"]).output.hasPrefix("sleep") { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TmuxError.timeout(screen())
    }

    func kill() { tmux(["kill-server"]) }
}
