import Foundation

/// The figures of one run and their rendering as Markdown tables, Vigil beside the peers.
struct BenchReport {
    var importSeconds: Double?
    var importRSS: Int64 = 0
    var importBytes: Int64 = 0
    var handWritten: [String: QueryTiming] = [:]
    var verdicts: [String: String] = [:]
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
        out.append("\n## Queries: warm median ms (cold ms); ratio = engine / Vigil hand-written, warm\n")
        let engines = peers?.engines ?? []
        out.append("| query | answer | vigil SQL | " + engines.map { "\($0) | ratio" }.joined(separator: " | ") + " | check |")
        out.append("|---|---|---:|" + String(repeating: "---:|---:|", count: engines.count) + "---|")
        for (q, _) in HandWritten.all {
            guard let t = handWritten[q] else { continue }
            var cells = [q, Answers.summary(q, t.rows), String(format: "%.2f (%.1f)", t.warmMedianMS, t.coldMS)]
            for e in engines {
                // For Q4/Q4b the SQL engines' best form is the "-opt" variant; Kùzu and networkx have only the base row.
                let base = peers?.timings[Self.peerRow[q]!]?[e]
                let opt = peers?.timings[q + "-opt"]?[e]
                let best = [base, opt].compactMap { $0 }.min { $0.warm < $1.warm }
                if let b = best {
                    cells.append(String(format: "%.2f (%.1f)", b.warm, b.cold))
                    cells.append(String(format: "%.2f", b.warm / t.warmMedianMS))
                } else {
                    cells.append("—")
                    cells.append("—")
                }
            }
            cells.append(verdicts[q] ?? "")
            out.append("| " + cells.joined(separator: " | ") + " |")
        }
        if let p = peers { out.append("\nPeers: run_peers.py results of \(p.date).") }
        out.append("Vigil: hand-written SQL from Swift (GRDB, read-only connection, 256 MiB cache, mmap), database \(database); warm = median of \(warm).")
        out.append("Query language: not timed (no public executor in VigilQuery in this build).")
        return out.joined(separator: "\n") + "\n"
    }
}
