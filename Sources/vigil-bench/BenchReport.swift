import Foundation

/// The figures of one run and their rendering as Markdown tables, Vigil beside the peers.
struct BenchReport {
    var importSeconds: Double?
    var importRSS: Int64 = 0
    var importBytes: Int64 = 0
    var handWritten: [String: QueryTiming] = [:]
    var verdicts: [String: String] = [:]
    var queryLanguage: [String: QueryTiming] = [:]
    var queryLanguageVerdicts: [String: String] = [:]
    var peers: PeerResults?

    /// The peers' query rows whose figures go beside Vigil's (Q4/Q4b: the best SQLite/DuckDB variant is "-opt").
    private static let peerRow = ["Q1": "Q1", "Q2": "Q2", "Q3": "Q3", "Q4": "Q4", "Q4b": "Q4b", "Q5": "Q5"]

    func markdown(database: String, warm: Int) -> String {
        var out: [String] = []
        out.append("## Import (Hetionet, \(ProcessInfo.processInfo.activeProcessorCount) cores)\n")
        out.append("| engine | load (s) | ratio to Vigil |")
        out.append("|---|---:|---:|")
        if let s = importSeconds {
            out.append(String(format: "| vigil (import, peak RSS %.0f MiB, %.1f MiB file) | %.2f | 1.00 |",
                              Double(importRSS) / 1_048_576, Double(importBytes) / 1_048_576, s))
            for e in peers?.engines ?? [] {
                if let p = peers?.loadSeconds[e] { out.append(String(format: "| %@ | %.2f | %.2f |", e, p, p / s)) }
            }
        }
        out.append("\n## Queries: warm median ms (cold ms); ratio = engine warm / Vigil query language warm\n")
        let engines = peers?.engines ?? []
        out.append("| query | answer | vigil query language | vigil hand-written SQL | ratio | "
                   + engines.map { "\($0) | ratio" }.joined(separator: " | ") + " | check |")
        out.append("|---|---|---:|---:|---:|" + String(repeating: "---:|---:|", count: engines.count) + "---|")
        for (q, _) in HandWritten.all {
            guard let t = handWritten[q] else { continue }
            let ql = queryLanguage[q]
            let base = ql?.warmMedianMS ?? t.warmMedianMS
            func cell(_ x: QueryTiming?) -> String {
                guard let x else { return "—" }
                return String(format: "%.2f (%.1f)", x.warmMedianMS, x.coldMS)
                    + (x.planningMS.map { String(format: " [plan %.2f]", $0) } ?? "")
            }
            var cells = [q, Answers.summary(q, t.rows), cell(ql), cell(t), String(format: "%.2f", t.warmMedianMS / base)]
            for e in engines {
                // For Q4/Q4b the SQL engines' best form is the "-opt" variant; Kùzu and networkx have only the base row.
                let plain = peers?.timings[Self.peerRow[q]!]?[e]
                let opt = peers?.timings[q + "-opt"]?[e]
                if let b = [plain, opt].compactMap({ $0 }).min(by: { $0.warm < $1.warm }) {
                    cells.append(String(format: "%.2f (%.1f)", b.warm, b.cold))
                    cells.append(String(format: "%.2f", b.warm / base))
                } else {
                    cells += ["—", "—"]
                }
            }
            let checks = [verdicts[q].map { "SQL \($0)" }, queryLanguageVerdicts[q].map { "QL \($0)" }].compactMap { $0 }
            cells.append(checks.joined(separator: ", "))
            out.append("| " + cells.joined(separator: " | ") + " |")
        }
        out.append("\nCPU time of the same warm runs (this thread, user + system; median ms): steadier than wall time on a shared machine.\n")
        out.append("| query | vigil query language | vigil hand-written SQL | QL ÷ hand-written | QL first warm run (wall ms) |")
        out.append("|---|---:|---:|---:|---:|")
        for (q, _) in HandWritten.all {
            guard let t = handWritten[q], let ql = queryLanguage[q] else { continue }
            out.append(String(format: "| %@ | %.2f | %.2f | %.2f | %.2f |", q, ql.warmCPUMedianMS, t.warmCPUMedianMS,
                              ql.warmCPUMedianMS / t.warmCPUMedianMS, ql.warmMS.first ?? .nan))
        }
        out.append("\nThe query language's first warm run of Q2–Q5 includes reading the graph into memory (`Adjacency`): "
                   + "the engine reads it on the second walk or count of a database version, the cold run being the first.")
        out.append("\n[plan x] = of the query language's warm time, the median spent in `QueryEngine.plan` (parse, resolve names, write SQL).")
        out.append("A ratio above 1 means the other column is slower than Vigil's query language; for the hand-written column, "
                   + "below 1 means hand-written SQL is faster. For Q4/Q4b the peers' SQL engines are credited with their faster "
                   + "variant (plain recursive CTE or hand-unrolled bidirectional \"-opt\").")
        if let p = peers { out.append("\nPeers: run_peers.py results of \(p.date).") }
        out.append("Vigil: hand-written SQL from Swift (GRDB, read-only connection, 256 MiB cache, mmap), database \(database); warm = median of \(warm).")
        out.append("Query language: `QueryEngine(store:).run(text)` (parse, name resolution, plan, execute) on a GraphStore over the same file, "
                   + "with the same cache_size/mmap_size pragmas.")
        return out.joined(separator: "\n") + "\n"
    }
}
