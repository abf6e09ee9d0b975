import ArgumentParser
import Foundation
import VigilQuery
import VigilStore

extension ResultFormat: ExpressibleByArgument {}

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer questions in the query language.",
        discussion: """
            Examples:
              vigil query "reactions shared with imatinib via PDGFR"
              vigil query "reactions of sorafenib where onset <= 14 days" --format csv
              vigil query -f questions.txt --format jsonl
              vigil query "explain drugs causing AGEP"
            The grammar is in the README, "The query language".
            """)

    @OptionGroup var db: DatabaseOptions

    @Option(name: .shortAndLong, help: "Read queries from FILE, one per line (# starts a comment; - for standard input).")
    var file: String?

    @Option(help: "table, json, jsonl or csv.")
    var format: ResultFormat = .table

    @Argument(help: "The query; its words may also be given unquoted.")
    var words: [String] = []

    func validate() throws {
        if file == nil, words.isEmpty { throw ValidationError("give a query, or -f FILE") }
        if file != nil, !words.isEmpty { throw ValidationError("give a query or -f FILE, not both") }
    }

    func run() throws {
        let engine = QueryEngine(store: try db.open())
        var queries: [(text: String, source: String, line: Int)] = []
        if let file {
            let text: String
            do {
                text = file == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                                   : try String(contentsOfFile: file, encoding: .utf8)
            } catch { throw UserFacingError(message: "\(file): cannot read: \(error.localizedDescription)") }
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                queries.append((String(line), file == "-" ? "stdin" : file, n + 1))
            }
        } else {
            queries.append((words.joined(separator: " "), "query", 1))
        }
        var failed = false
        for (i, q) in queries.enumerated() {
            do {
                let answer = try engine.run(q.text, sourceName: q.source, firstLine: q.line)
                if i > 0, format == .table { print() }
                FileHandle.standardOutput.write(Data(format.render(answer).utf8))
            } catch let e as QueryError {
                FileHandle.standardError.write(Data((e.description + "\n").utf8))
                failed = true
            } catch {
                throw UserFacingError(error)
            }
        }
        if failed { throw ExitCode(1) }
    }
}
