import ArgumentParser
@preconcurrency import CEditLine
import Foundation
import VigilExport
import VigilQuery
import VigilStore

struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask questions at a prompt (line editing, history, tab completion).",
        discussion: """
            History is kept in ~/.vigil_history. Tab completes keywords and entity names.
            With standard input not a terminal, queries are read line by line without prompts.
            Type .help at the prompt for the commands.
            """)

    @OptionGroup var db: DatabaseOptions

    @Option(help: "table, json, jsonl or csv.")
    var format: ResultFormat = .table

    func run() throws {
        let session = ReplSession(engine: QueryEngine(store: try db.open()), format: format)
        if isatty(STDIN_FILENO) != 0 {
            Interrupt.install(store: session.engine.store)
            LineEditor(engine: session.engine).run { session.handle($0) }
        } else {
            var line = 0
            while let text = readLine(strippingNewline: true) {
                line += 1
                if !session.handle(text, line: line) { break }
            }
        }
        if session.failures > 0, isatty(STDIN_FILENO) == 0 { throw ExitCode(1) }
    }
}

/// The state of one REPL: the output format and the last result, for `.dot`.
final class ReplSession {
    let engine: QueryEngine
    var format: ResultFormat
    var last: QueryResult?
    /// Queries that failed, for the exit status of a piped session.
    var failures = 0

    init(engine: QueryEngine, format: ResultFormat) {
        self.engine = engine
        self.format = format
    }

    static let help = """
        Questions (the grammar is in the README, "The query language"):
          reactions of sorafenib [where onset <= 14 days] [where scope = case]
          reactions shared with imatinib via PDGFR
          targets of sorafenib            drugs targeting VEGFR
          drugs causing AGEP              drugs sharing targets|reactions with sorafenib [limit 10]
          cases of DRESS                  cases with sorafenib
          path from sorafenib to coronary vasospasm [max 3]
          distance from sorafenib to tardive dyskinesia
          neighbors of sorafenib depth 2  nodes within 3 of sorafenib
          evidence for sorafenib causes AGEP
          … including negated             explain <question>
        Commands:
          .help                 this text
          .format [table|json|jsonl|csv]
          .dot FILE             write the last result as GraphViz DOT
          .stats                what the database holds
          .quit                 leave (Ctrl-D too; Ctrl-C abandons a line or stops a query)
        """

    /// Runs one line; false when the session should end.
    @discardableResult
    func handle(_ line: String, line number: Int = 1) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces)
        if text.isEmpty || text.hasPrefix("#") { return true }
        if text.hasPrefix(".") { return command(text) }
        do {
            let answer = try engine.run(line, sourceName: "repl", firstLine: number)
            if case .result(let r) = answer { last = r }
            write(format.render(answer))
        } catch let e as QueryError {
            failures += 1
            complain(e.description)
        } catch {
            failures += 1
            complain("vigil: \(error)")
        }
        return true
    }

    func command(_ text: String) -> Bool {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch parts[0] {
        case ".quit", ".exit", ".q":
            return false
        case ".help":
            write(Self.help + "\n")
        case ".format":
            if argument.isEmpty {
                write("format \(format.rawValue)\n")
            } else if let f = ResultFormat(rawValue: argument) {
                format = f
            } else {
                failures += 1
                complain("unknown format '\(argument)'; use table, json, jsonl or csv")
            }
        case ".dot":
            dot(to: argument)
        case ".stats":
            do {
                let s = try engine.store.stats()
                var lines = s.nodesByKind.sorted { $0.key < $1.key }.map { "nodes \($0.key): \($0.value)" }
                lines += s.edgesByPredicate.sorted { $0.key < $1.key }.map { "edges \($0.key): \($0.value)" }
                lines += ["documents: \(s.documents)", "evidence: \(s.evidence)"]
                write(lines.joined(separator: "\n") + "\n")
            } catch {
                failures += 1
                complain("vigil: \(error)")
            }
        default:
            failures += 1
            complain("unknown command '\(parts[0])'; try .help")
        }
        return true
    }

    func dot(to path: String) {
        guard !path.isEmpty else { failures += 1; complain("give a file: .dot FILE"); return }
        guard let last else { failures += 1; complain("no result to draw yet: run a query first"); return }
        do {
            let subgraph = try QuerySubgraph.subgraph(of: last, in: engine.store, limit: DrawingLimit())
            try Exporter.write(subgraph, as: .dot, to: URL(fileURLWithPath: path))
            write("wrote \(path) (\(subgraph.nodes.count) nodes, \(subgraph.edges.count) edges)\n")
        } catch {
            failures += 1
            complain("vigil: \(error)")
        }
    }

    func write(_ s: String) { FileHandle.standardOutput.write(Data(s.utf8)) }
    func complain(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
}

/// libedit: the prompt, history in ~/.vigil_history, and tab completion.
struct LineEditor {
    let engine: QueryEngine

    static var historyPath: String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".vigil_history")
    }

    func run(_ handle: (String) -> Bool) {
        setlocale(LC_CTYPE, "")
        Completion.engine = engine
        rl_readline_name = UnsafePointer(strdup("vigil"))
        rl_attempted_completion_function = Completion.attempt
        using_history()
        let path = Self.historyPath
        _ = read_history(path)
        while true {
            Interrupt.pending = 0
            guard let raw = readline("vigil> ") else {
                // Ctrl-C abandons the line being typed; only Ctrl-D (end of input) leaves.
                print("")
                if Interrupt.pending != 0 { continue }
                break
            }
            let line = String(cString: raw)
            free(raw)
            if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                add_history(line)
                _ = write_history(path)
            }
            if !handle(line) { break }
        }
        _ = history_truncate_file(path, 1000)
    }
}

/// Ctrl-C at the prompt abandons the line; during a query it stops the query (SQLite's
/// `sqlite3_interrupt`, the same as the sqlite3 shell), and the REPL carries on.
enum Interrupt {
    // Written by the signal handler, read on the main thread; a flag and a reference set once.
    nonisolated(unsafe) static var pending: sig_atomic_t = 0
    nonisolated(unsafe) static var store: GraphStore?

    static func install(store: GraphStore) {
        Interrupt.store = store
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            Interrupt.pending = 1
            Interrupt.store?.interrupt()
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: readline's read() returns, so the prompt comes back
        sigaction(SIGINT, &action, nil)
    }
}

/// The completion callbacks libedit calls. C function pointers cannot capture, so the engine
/// and the candidates live in statics.
enum Completion {
    // Touched only on the main thread, from inside readline().
    nonisolated(unsafe) static var engine: QueryEngine?
    nonisolated(unsafe) static var candidates: [String] = []

    static let attempt: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, _ in
        rl_attempted_completion_over = 1
        let word = text.map { String(cString: $0) } ?? ""
        let buffer = rl_line_buffer.map { String(cString: $0) } ?? ""
        let before = String(decoding: Array(buffer.utf8).prefix(Int(start)), as: UTF8.self)
        candidates = (try? engine?.completions(before: before, word: word)) ?? []
        guard !candidates.isEmpty else { return nil }
        return rl_completion_matches(text, Completion.next)
    }

    static let next: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, state in
        if state == 0 { index = 0 }
        guard index < candidates.count else { return nil }
        defer { index += 1 }
        return strdup(candidates[index])
    }

    nonisolated(unsafe) static var index = 0
}
