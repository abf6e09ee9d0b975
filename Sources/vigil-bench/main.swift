import Foundation
import GRDB
import VigilImport
import VigilQuery
import VigilStore

// vigil-bench: imports Hetionet into a fresh database, times Q1–Q5 (cold and warm median) as
// hand-written SQL on that file and through the query language (QueryEngine), checks the answers, and prints them beside the peers' figures
// (shared/bench/run_peers.py's results.json) as ratios. Not a test: run it in a release build.
//
//   swift run -c release --scratch-path .build-bench vigil-bench \
//       [--data DIR] [--peers results.json] [--warm 5] [--db PATH] [--import-only] [--explain] [--only Q1,Q2] [--runs] [--out FILE]

var arguments = BenchArguments(CommandLine.arguments.dropFirst())
let data = arguments.value("--data") ?? "/work/shared/data/hetionet"
let warmRuns = Int(arguments.value("--warm") ?? "5") ?? 5
let peersPath = arguments.value("--peers")
    ?? (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp") + "/vigil-peers-work/results.json"
let outPath = arguments.value("--out")
let importOnly = arguments.flag("--import-only")
let existing = arguments.value("--db")
let explainOnly = arguments.flag("--explain")
let printRuns = arguments.flag("--runs")
// `--only Q1,Q3`: time these queries alone (for profiling one of them).
let only = arguments.value("--only").map { Set($0.split(separator: ",").map(String.init)) }
arguments.rejectRest()

let nodes = data + "/hetionet-v1.0-nodes.tsv"
let edges = FileManager.default.fileExists(atPath: data + "/hetionet-v1.0-edges.sif.gz")
    && isGzip(data + "/hetionet-v1.0-edges.sif.gz")
    ? data + "/hetionet-v1.0-edges.sif.gz" : data + "/hetionet-v1.0-edges.reconstructed.sif.gz"

/// The temporary folder of this run's database, removed at exit.
nonisolated(unsafe) var scratchDirectory: String?

var report = BenchReport()
let dbPath: String
if let existing, FileManager.default.fileExists(atPath: existing) {
    dbPath = existing
    log("# using \(existing) as it is (no import timed)")
} else {
    let dir = NSTemporaryDirectory() + "vigil-bench-\(ProcessInfo.processInfo.processIdentifier)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    if existing == nil {
        // A database of 36 MB per run: gone when the benchmark ends (keep one with --db FILE).
        scratchDirectory = dir
        atexit { scratchDirectory.map { try? FileManager.default.removeItem(atPath: $0) } }
    }
    dbPath = existing ?? dir + "/hetionet.vigil.db"
    // The schema is created before the clock starts, as the peers create their tables untimed.
    _ = try GraphStore(path: dbPath)
    let t0 = Date()
    let summary = try ReferenceImporter(databasePath: dbPath).run(.hetionet, files: [nodes, edges])
    let seconds = Date().timeIntervalSince(t0)
    report.importSeconds = seconds
    report.importRSS = peakRSS()
    report.importBytes = fileBytes(dbPath)
    log(String(format: "# import: %.2f s, %d nodes, %d edges, peak RSS %.0f MiB, %.1f MiB on disk",
               seconds, summary.nodesCreated, summary.edgesCreated, Double(report.importRSS) / 1_048_576,
               Double(report.importBytes) / 1_048_576))
}
if importOnly { exit(0) }
if explainOnly {
    // The query language's plans (SQL, arguments, SQLite's query plan), for tuning.
    let engine = QueryEngine(store: try GraphStore(path: dbPath))
    for (name, query) in QueryLanguage.all {
        print("## \(name): \(query)\n")
        print(try engine.explain(engine.plan(query)))
        print()
    }
    exit(0)
}

let peers = PeerResults(path: peersPath)
if peers == nil { log("# no peer results at \(peersPath): run shared/bench/run_peers.py first for the side-by-side table") }
report.peers = peers

for (name, sql) in HandWritten.all where only?.contains(name) ?? true {
    let timing = try time(sql: sql, database: dbPath, warm: warmRuns)
    let verdict = Answers.check(name, timing.rows, peers: peers)
    report.handWritten[name] = timing
    report.verdicts[name] = verdict
    log(String(format: "   %-4@ %@  cold %8.2f ms  warm median %8.2f ms (cpu %.2f)  %@", name as NSString,
               Answers.summary(name, timing.rows) as NSString, timing.coldMS, timing.warmMedianMS, timing.warmCPUMedianMS,
               verdict as NSString))
}

for (name, query) in QueryLanguage.all where only?.contains(name) ?? true {
    do {
        let timing = try QueryLanguage.time(name, query, database: dbPath, warm: warmRuns)
        let verdict = Answers.check(name, timing.rows, peers: peers)
        report.queryLanguage[name] = timing
        if printRuns {
            log(String(format: "     fastest warm run: wall %.2f ms, cpu %.2f ms; hand-written %.2f, %.2f",
                       timing.warmMS.min() ?? .nan, timing.warmCPUMS.min() ?? .nan,
                       report.handWritten[name]?.warmMS.min() ?? .nan, report.handWritten[name]?.warmCPUMS.min() ?? .nan))
            log("     wall " + timing.warmMS.map { String(format: "%.2f", $0) }.joined(separator: " "))
            log("     cpu  " + timing.warmCPUMS.map { String(format: "%.2f", $0) }.joined(separator: " "))
        }
        report.queryLanguageVerdicts[name] = verdict
        log(String(format: "   %-4@ %@  cold %8.2f ms  warm median %8.2f ms (cpu %.2f)  %@  (query language: %@)", name as NSString,
                   Answers.summary(name, timing.rows) as NSString, timing.coldMS, timing.warmMedianMS, timing.warmCPUMedianMS,
                   verdict as NSString,
                   query as NSString))
    } catch {
        report.queryLanguageVerdicts[name] = "failed: \(error)"
        log("   \(name) query language failed: \(error)")
    }
}

let text = report.markdown(database: dbPath, warm: warmRuns)
print(text)
if let outPath { try text.write(toFile: outPath, atomically: true, encoding: .utf8) }
exit((report.verdicts.values.allSatisfy { $0 == "ok" } && report.queryLanguageVerdicts.values.allSatisfy { $0 == "ok" }) ? 0 : 1)
