import Foundation

/// The peers' answers (shared/bench/RESULTS-peers-2026-11-21.md) and how Vigil's rows compare.
/// Names are compared lower-cased: Vigil stores drug and reaction names in lower case.
enum Answers {
    static let q5 = [("lenalidomide", 134), ("capecitabine", 131), ("paclitaxel", 130), ("aripiprazole", 126),
                     ("sunitinib", 126), ("imatinib", 125), ("levofloxacin", 123), ("ofloxacin", 123),
                     ("citalopram", 122), ("escitalopram", 122)]

    static func summary(_ query: String, _ rows: [[String]]) -> String {
        switch query {
        case "Q3": return "count=\(rows.first?.first ?? "?")"
        case "Q4", "Q4b": return "distance=\(rows.first?.first ?? "?")"
        default: return "rows=\(rows.count)"
        }
    }

    /// "ok", or what differs.
    static func check(_ query: String, _ rows: [[String]], peers: PeerResults?) -> String {
        let scalar = rows.first?.first.flatMap { Int($0) }
        var problems: [String] = []
        switch query {
        case "Q1": if rows.count != 282 { problems.append("expected 282 rows") }
        case "Q2": if rows.count != 788 { problems.append("expected 788 rows") }
        case "Q3": if scalar != 32705 { problems.append("expected 32705") }
        case "Q4": if scalar != 1 { problems.append("expected distance 1") }
        case "Q4b": if scalar != 3 { problems.append("expected distance 3") }
        case "Q5":
            let got = rows.map { ($0[0].lowercased(), Int($0[1]) ?? -1) }
            if got.map(\.0) != q5.map(\.0) || got.map(\.1) != q5.map(\.1) { problems.append("expected \(q5)") }
        default: break
        }
        if let peers, let theirs = peers.answers[query], canonical(query, rows) != theirs {
            problems.append("differs from the peers' rows")
        }
        return problems.isEmpty ? "ok" : problems.joined(separator: "; ")
    }

    /// Rows as comparable text, lower-cased, sorted (Q1's drug lists sorted too), as run_peers.py canonicalises.
    static func canonical(_ query: String, _ rows: [[String]]) -> [String] {
        switch query {
        case "Q1":
            return rows.map { r in
                [r[0].lowercased(), r[1], r[2].lowercased().split(separator: "|").sorted().joined(separator: "|")]
                    .joined(separator: "\t")
            }.sorted()
        default:
            return rows.map { $0.map { $0.lowercased() }.joined(separator: "\t") }.sorted()
        }
    }
}

/// run_peers.py's results.json: load seconds, per-query timings and canonical answers per engine.
struct PeerResults {
    var engines: [String]
    var loadSeconds: [String: Double]
    var timings: [String: [String: (cold: Double, warm: Double)]]
    var answers: [String: [String]]
    var date: String

    init?(path: String) {
        guard let data = FileManager.default.contents(atPath: path),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        let load = json["load"] as? [String: [String: Any]] ?? [:]
        engines = ["sqlite", "sqlite_wr", "duckdb", "kuzu", "networkx"].filter { load[$0] != nil }
        loadSeconds = load.compactMapValues { $0["seconds"] as? Double }
        timings = [:]
        for (q, per) in json["timing"] as? [String: [String: [String: Any]]] ?? [:] {
            timings[q] = per.compactMapValues { t in
                guard let c = t["cold_ms"] as? Double, let w = t["warm_median_ms"] as? Double else { return nil }
                return (c, w)
            }
        }
        answers = [:]
        for (q, per) in json["results"] as? [String: [String: Any]] ?? [:] {
            guard let rows = (per["sqlite"] ?? per.values.first) as? [[Any]] else { continue }
            let text = rows.map { r in
                r.map { v -> String in
                    if let list = v as? [Any] { return list.map { "\($0)".lowercased() }.sorted().joined(separator: "|") }
                    return "\(v)".lowercased()
                }
            }
            answers[q] = q == "Q1" ? text.map { $0.joined(separator: "\t") }.sorted()
                                   : text.map { $0.joined(separator: "\t") }.sorted()
        }
        date = (json["env"] as? [String: Any])?["date"] as? String ?? "?"
    }
}
