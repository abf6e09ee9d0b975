import ArgumentParser
import Foundation
import Synchronization
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

/// The vocabularies, loaded on another thread while the arguments are parsed and the input is
/// read: none needs the others until the first batch is extracted. `@unchecked Sendable`:
/// `result` is written once, by the loading thread, before `done` is signalled, and read only
/// after waiting on it.
final class LexiconLoad: @unchecked Sendable {
    private var result: Result<Lexicon, Error>?
    private let done = DispatchSemaphore(value: 0)
    private var waited = false

    /// The load `begin` started for a command that extracts, taken by that command.
    nonisolated(unsafe) private static var started: LexiconLoad?

    init() {
        DispatchQueue.global().async { [self] in
            result = Result { try Lexicon() }
            done.signal()
        }
    }

    /// Starts loading before the arguments are parsed when the command will extract (`extract`,
    /// `ingest`): parsing them takes a few milliseconds, as long as reading the vocabulary
    /// cache, and a one-line `vigil extract` was mostly these two. Called once, from `main`,
    /// before any other thread runs.
    static func begin(arguments: [String]) {
        if let command = arguments.dropFirst().first, command == "extract" || command == "ingest" {
            started = LexiconLoad()
        }
    }

    /// The load `begin` started, else a new one.
    static func take() -> LexiconLoad {
        defer { started = nil }
        return started ?? LexiconLoad()
    }

    /// The lexicon or the error loading it; the first call waits for the loading thread.
    func get() throws -> Lexicon {
        if !waited {
            done.wait()
            waited = true
        }
        return try result!.get()
    }
}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the triples and case facts a text states, without storing anything.",
        discussion: "Output follows the contract in the README (\"Extraction output\").")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, jsonl }

    @OptionGroup var input: InputOptions

    @Option(help: "json: one object per document (an array when several); jsonl: one object per line.")
    var format: Format = .json

    func run() throws {
        let load = LexiconLoad.take()
        var loaded: Extractor?
        // Asked for before any output or error message, so that a vocabulary error comes first, as
        // when the vocabularies were loaded before the input was read.
        func loadedExtractor() throws -> Extractor {
            if let loaded { return loaded }
            let e: Extractor
            do { e = Extractor(lexicon: try load.get()) } catch { throw UserFacingError(error) }
            // Never released: freeing the vocabularies' tables at exit took as long as a corpus' encoding.
            keptExtractor = e
            loaded = e
            return e
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        let enc = JSONEncoder()
        enc.outputFormatting = format == .json ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                                               : [.sortedKeys, .withoutEscapingSlashes]
        var out: [ExtractedDocument] = []
        var failures = 0
        let stdout = FileHandle.standardOutput
        let writer = BackgroundWriter(stdout)
        defer { writer.finish() }  // also when an error ends the run: what was extracted is written
        let jobs = Self.jobs()
        // A line is a document of its own: its hash (what `ingest` recognises a stored document
        // by) was a third of the output and 3 % of the time on a corpus of sentences.
        let hashing = !input.lines
        // Documents are extracted in batches, a batch's documents in parallel, and written in input
        // order, so the output is the same whatever the number of jobs.
        var pending: [SourceDocument] = []
        var pendingBytes = 0
        func flush() throws {
            guard !pending.isEmpty else { return }
            let extractor = try loadedExtractor()
            if format == .jsonl {
                for line in try ParallelExtraction.lines(pending, extractor, jobs: jobs, hashing: hashing) {
                    buffer.append(contentsOf: line)
                    buffer.append(10)
                    if buffer.count >= 1 << 20 {
                        writer.write(buffer)
                        buffer = []
                        buffer.reserveCapacity(1 << 20)
                    }
                }
            } else {
                out.append(contentsOf: ParallelExtraction.documents(pending, extractor, jobs: jobs, hashing: hashing))
            }
            pending.removeAll(keepingCapacity: true)
            pendingBytes = 0
        }
        for (file, error) in input.files() {
            let docs: [SourceDocument]
            do {
                if let error { throw error }
                docs = try input.reader.documents(in: file)
            } catch {
                _ = try loadedExtractor()
                FileHandle.standardError.write(Data("vigil: \(error)\n".utf8))
                failures += 1
                continue
            }
            for d in docs {
                pending.append(d)
                pendingBytes += d.text.utf8.count
                if pending.count >= 1024 || pendingBytes >= 2 << 20 { try flush() }
            }
        }
        try flush()
        _ = try loadedExtractor()
        if !buffer.isEmpty { writer.write(buffer) }
        writer.finish()
        if format == .json {
            let data = out.count == 1 ? try enc.encode(out[0]) : try enc.encode(out)
            stdout.write(data + Data("\n".utf8))
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// Parallel extraction jobs: `$VIGIL_JOBS` when set, else the active processors (at most 8).
    static func jobs() -> Int {
        if let v = ProcessInfo.processInfo.environment["VIGIL_JOBS"], let n = Int(v), n >= 1 { return min(n, 64) }
        return max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
    }
}

/// Writes chunks of output in order on a thread of its own, so that the next batch is extracted
/// while the reader drains the pipe (the batches waited on each 1 MiB write before); at most
/// `depth` chunks wait to be written. `@unchecked Sendable`: the handle is used on the queue only.
final class BackgroundWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "vigil.output")
    private let room: DispatchSemaphore
    private let handle: FileHandle

    init(_ handle: FileHandle, depth: Int = 4) {
        self.handle = handle
        room = DispatchSemaphore(value: depth)
    }

    func write(_ bytes: [UInt8]) {
        room.wait()
        queue.async { [self] in
            handle.write(Data(bytes))
            room.signal()
        }
    }

    /// Returns when everything given has been written.
    func finish() { queue.sync {} }
}

/// Extracts a batch of documents on several threads, each result in its document's place.
enum ParallelExtraction {
    /// One slot per document, written by exactly one worker: `@unchecked Sendable` because the
    /// workers share the buffer but never an element, and the caller reads it only after
    /// `concurrentPerform` has returned.
    private final class Slots<T>: @unchecked Sendable {
        let items: UnsafeMutableBufferPointer<T?>
        init(_ n: Int) {
            items = .allocate(capacity: n)
            items.initialize(repeating: nil)
        }
        deinit {
            _ = items.deinitialize()
            items.deallocate()
        }
    }

    /// The next index a worker takes.
    private final class NextIndex: Sendable {
        let value = Atomic<Int>(0)
        func take() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
    }

    /// Runs `body` on every index, in `jobs` threads that each take the next index not yet
    /// taken (documents vary in size, so a fixed share per thread left one idle at the end of
    /// each batch); `state` makes each thread's own working state.
    private static func each<S>(_ n: Int, jobs: Int, state: @Sendable () -> S, _ body: @Sendable (Int, inout S) -> Void) {
        let workers = min(jobs, n)
        if workers <= 1 {
            var st = state()
            for i in 0..<n { body(i, &st) }
            return
        }
        let next = NextIndex()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var st = state()
            while case let i = next.take(), i < n { body(i, &st) }
        }
    }

    /// The JSON line of every document, in order.
    static func lines(_ docs: [SourceDocument], _ extractor: Extractor, jobs: Int, hashing: Bool) throws -> [[UInt8]] {
        let slots = Slots<Result<[UInt8], Error>>(docs.count)
        each(docs.count, jobs: jobs, state: { JSONLineWriter() }) { i, writer in
            var line: [UInt8] = []
            slots.items[i] = Result { try writer.write(extractor.extract(docs[i], hashing: hashing), to: &line); return line }
        }
        return try slots.items.map { try $0!.get() }
    }

    /// The extraction of every document, in order.
    static func documents(_ docs: [SourceDocument], _ extractor: Extractor, jobs: Int, hashing: Bool) -> [ExtractedDocument] {
        let slots = Slots<ExtractedDocument>(docs.count)
        each(docs.count, jobs: jobs, state: { () }) { i, _ in slots.items[i] = extractor.extract(docs[i], hashing: hashing) }
        return slots.items.map { $0! }
    }
}
