import Foundation
import GRDB
import VigilQuery
import VigilStore

/// Q1–Q5 as the query language writes them, run through `QueryEngine.run` (parse, resolve names,
/// plan, execute) on a `GraphStore` over the same file.
enum QueryLanguage {
    static let all: [(name: String, text: String)] = [
        ("Q1", "reactions shared with imatinib via PDGFRB"),
        ("Q2", "drugs sharing targets with sorafenib"),
        ("Q3", "nodes within 3 of sorafenib"),
        ("Q4", "distance from sorafenib to alopecia"),
        ("Q4b", "distance from sorafenib to tardive dyskinesia"),
        ("Q5", "drugs sharing reactions with sorafenib limit 10"),
    ]

    /// Times one query: the first run on a freshly opened store after dropping the page cache,
    /// then `warm` runs. The store's connection gets the cache and mmap settings the hand-written
    /// SQL and the peers' SQLite use.
    static func time(_ name: String, _ text: String, database: String, warm: Int) throws -> QueryTiming {
        dropPageCache()
        let store = try GraphStore(path: database)
        try store.read { db in
            try db.execute(sql: "PRAGMA cache_size = -262144; PRAGMA mmap_size = 2147483648; PRAGMA temp_store = MEMORY")
        }
        let engine = QueryEngine(store: store)
        func once() throws -> (Double, Double, [[String]]) {
            let c0 = threadCPUMS()
            let t0 = DispatchTime.now().uptimeNanoseconds
            let answer = try engine.run(text)
            let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
            let cpu = threadCPUMS() - c0
            guard case .result(let result) = answer else { return (ms, cpu, []) }
            return (ms, cpu, Self.rows(name, result))
        }
        let (cold, _, rows) = try once()
        // Where the warm time goes: parsing, resolving names and writing SQL, against running it.
        var planning: [Double] = []
        for _ in 0 ..< max(1, warm) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = try engine.plan(text)
            planning.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        var warms: [Double] = [], cpu: [Double] = []
        for _ in 0 ..< warm {
            let (ms, c, again) = try once()
            if again != rows { log("!! \(name): warm result differs from cold") }
            warms.append(ms)
            cpu.append(c)
        }
        var timing = QueryTiming(coldMS: cold, warmMS: warms, rows: rows)
        timing.warmCPUMS = cpu
        timing.planningMS = median(planning)
        return timing
    }

    /// The result in the hand-written queries' shape, so one check serves both:
    /// Q1 (reaction, number of other drugs, drugs joined by |), Q2/Q5 (drug, shared), Q3/Q4 (number).
    static func rows(_ name: String, _ result: QueryResult) -> [[String]] {
        let text = result.rows.map { $0.map(\.description) }
        switch name {
        case "Q1":
            let r = result.columns.firstIndex(of: "reaction") ?? 0
            let d = result.columns.firstIndex(of: "drugs") ?? 1
            return text.map { row in
                let drugs = row[d].components(separatedBy: ", ").filter { !$0.isEmpty }
                return [row[r], String(drugs.count), drugs.joined(separator: "|")]
            }
        case "Q2", "Q5":
            return text.map { Array($0.prefix(2)) }
        default:
            return text.map { Array($0.prefix(1)) }
        }
    }
}
