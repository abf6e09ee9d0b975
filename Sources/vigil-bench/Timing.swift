import Foundation
import GRDB

/// One query's timings: the first run on a freshly opened connection after the OS page cache
/// was dropped (when permitted), then the median of `warm` further runs on that connection.
struct QueryTiming {
    var coldMS: Double
    var warmMS: [Double]
    var rows: [[String]]
    /// CPU time of the warm runs (this thread, user + system): steadier than wall time when other
    /// processes share the cores, since waiting for a core is not counted.
    var warmCPUMS: [Double] = []
    var warmCPUMedianMS: Double { median(warmCPUMS) }
    /// Query language only: median time of `QueryEngine.plan` (parse, name resolution, SQL), included in the warm time.
    var planningMS: Double?
    var warmMedianMS: Double { median(warmMS) }
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? .nan : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// This thread's CPU time so far, ms.
func threadCPUMS() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
}

/// Opens the database read-only with the same settings the peers' SQLite uses (256 MiB cache,
/// mmap, temp tables in memory) and times `sql`, fetching every row as text.
func time(sql: String, database: String, warm: Int) throws -> QueryTiming {
    dropPageCache()
    var config = Configuration()
    config.readonly = true
    config.prepareDatabase { db in
        try db.execute(sql: "PRAGMA cache_size = -262144; PRAGMA mmap_size = 2147483648; PRAGMA temp_store = MEMORY")
    }
    let queue = try DatabaseQueue(path: database, configuration: config)
    func once() throws -> (Double, Double, [[String]]) {
        try queue.inDatabase { db -> (Double, Double, [[String]]) in
            let c0 = threadCPUMS()
            let t0 = DispatchTime.now().uptimeNanoseconds
            let fetched = try Row.fetchAll(db, sql: sql)
            let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
            return (ms, threadCPUMS() - c0, fetched.map(text))
        }
    }
    let (cold, _, rows) = try once()
    var warms: [Double] = [], cpu: [Double] = []
    for _ in 0 ..< warm {
        let (ms, c, again) = try once()
        if again != rows { log("!! warm result differs from cold") }
        warms.append(ms)
        cpu.append(c)
    }
    try queue.close()
    var timing = QueryTiming(coldMS: cold, warmMS: warms, rows: rows)
    timing.warmCPUMS = cpu
    return timing
}

/// A row's values as text (integers in decimal), for comparing answers.
private func text(_ row: Row) -> [String] {
    row.databaseValues.map { v -> String in
        switch v.storage {
        case .int64(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return s
        default: return ""
        }
    }
}

/// Same protocol as run_peers.py: sync, then drop the page cache if this process may.
func dropPageCache() {
    sync()
    if let h = FileHandle(forWritingAtPath: "/proc/sys/vm/drop_caches") {
        h.write(Data("3\n".utf8))
        try? h.close()
    }
}

/// Peak resident set size of this process, bytes (ru_maxrss is KiB on Linux).
func peakRSS() -> Int64 {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int64(usage.ru_maxrss) * 1024
}

func fileBytes(_ path: String) -> Int64 {
    [path, path + "-wal"].reduce(0) { sum, p in
        sum + ((try? FileManager.default.attributesOfItem(atPath: p)[.size] as? NSNumber)?.int64Value ?? 0)
    }
}

func isGzip(_ path: String) -> Bool {
    guard let h = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? h.close() }
    return h.readData(ofLength: 2) == Data([0x1f, 0x8b])
}

func log(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// `--name value` and `--flag` arguments, nothing more.
struct BenchArguments {
    private var rest: [String]
    init(_ args: ArraySlice<String>) { rest = Array(args) }

    mutating func value(_ name: String) -> String? {
        guard let i = rest.firstIndex(of: name), i + 1 < rest.count else { return nil }
        let v = rest[i + 1]
        rest.removeSubrange(i ... i + 1)
        return v
    }

    mutating func flag(_ name: String) -> Bool {
        guard let i = rest.firstIndex(of: name) else { return false }
        rest.remove(at: i)
        return true
    }

    func rejectRest() {
        if !rest.isEmpty {
            log("vigil-bench: unknown arguments \(rest.joined(separator: " "))")
            exit(2)
        }
    }
}
