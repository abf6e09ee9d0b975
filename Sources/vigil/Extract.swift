import ArgumentParser
import Foundation
import VigilCore
import VigilIngest

/// Options shared by `extract` and `ingest`: what to read and how.
struct InputOptions: ParsableArguments {
    @Argument(help: "Files or directories (read recursively), or - for standard input.")
    var paths: [String]

    @Flag(help: "Every input line is its own document.")
    var lines = false

    @Option(help: "Refuse files larger than this many MiB.")
    var maxMiB = 32

    var reader: DocumentReader { DocumentReader(maxBytes: maxMiB << 20, lines: lines) }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file, directory or -") }
    }

    /// Every file the paths name, with a read error for the paths that name nothing.
    func files() -> [(file: String, error: ReadError?)] {
        paths.flatMap { p -> [(file: String, error: ReadError?)] in
            do { return try reader.files(at: p).map { ($0, nil) } } catch let e as ReadError {
                return [(p, e)]
            } catch { return [(p, ReadError(file: p, cause: "\(error)"))] }
        }
    }
}

/// The extractor of the last `extract` run, kept so that it is never deallocated.
nonisolated(unsafe) private var keptExtractor: Extractor?

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the triples and case facts a text states, without storing anything.",
        discussion: "Output follows the contract in the README (\"Extraction output\").")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, jsonl }

    @OptionGroup var input: InputOptions

    @Option(help: "json: one object per document (an array when several); jsonl: one object per line.")
    var format: Format = .json

    func run() throws {
        let extractor: Extractor
        do { extractor = Extractor(lexicon: try Lexicon()) } catch { throw UserFacingError(error) }
        // Never released: freeing the vocabularies' tables at exit took as long as a corpus' encoding.
        keptExtractor = extractor
        let lineWriter = JSONLineWriter()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        let enc = JSONEncoder()
        enc.outputFormatting = format == .json ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                                               : [.sortedKeys, .withoutEscapingSlashes]
        var out: [ExtractedDocument] = []
        var failures = 0
        let stdout = FileHandle.standardOutput
        for (file, error) in input.files() {
            let docs: [SourceDocument]
            do {
                if let error { throw error }
                docs = try input.reader.documents(in: file)
            } catch {
                FileHandle.standardError.write(Data("vigil: \(error)\n".utf8))
                failures += 1
                continue
            }
            for d in docs {
                let x = extractor.extract(d)
                if format == .jsonl {
                    try lineWriter.write(x, to: &buffer)
                    buffer.append(10)
                    if buffer.count >= 1 << 20 {
                        stdout.write(Data(buffer))
                        buffer.removeAll(keepingCapacity: true)
                    }
                } else {
                    out.append(x)
                }
            }
        }
        if !buffer.isEmpty { stdout.write(Data(buffer)) }
        if format == .json {
            let data = out.count == 1 ? try enc.encode(out[0]) : try enc.encode(out)
            stdout.write(data + Data("\n".utf8))
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
