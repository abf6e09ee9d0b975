import Foundation
import GRDB
import VigilCore

/// Writes one import into the graph inside the caller's transaction: nodes as they are read,
/// edges buffered as integer triples and written sorted at the end.
///
/// Node identity: an external id seen before (an alias from an earlier import of the same
/// source) wins; then kind + lower-cased name, so Hetionet's Imatinib joins the literature's
/// imatinib; a name already taken by another external id of the same import gets the id in
/// brackets, so two Hetionet nodes never collapse into one.
struct GraphLoader {
    /// The import connection's page cache: Hetionet's 172 MiB of new pages stay in memory until the commit.
    static let cacheKiB = 262_144
    /// The sorter's run size while indexes are rebuilt (see `finish`).
    static let sortRunKiB = 16_384

    let db: Database
    let format: ImportFormat
    var summary: ImportSummary

    private var nodeByKey: [String: Int64] = [:]
    private var nodeByExternalID: [String: Int64] = [:]
    private var claimed: [Int64: String] = [:]
    private var nextNodeID: Int64
    private let insertNode: RawStatement
    private let insertAlias: RawStatement

    /// Edges as parallel arrays; predicates as indexes into `predicates`.
    private var edgeSrc: [Int64] = []
    private var edgeDst: [Int64] = []
    private var edgePredicate: [UInt16] = []
    private var predicates: [String] = []
    private var predicateIndex: [String: UInt16] = [:]

    init(db: Database, format: ImportFormat) throws {
        self.db = db
        self.format = format
        summary = ImportSummary(format: format)
        // The whole node table and this source's external ids, once: a dictionary probe per node
        // instead of two queries.
        for row in try Row.fetchAll(db, sql: "SELECT id, kind, key FROM node") {
            let kind: String = row[1], key: String = row[2]
            nodeByKey[kind + "\u{1}" + key] = row[0]
        }
        for row in try Row.fetchAll(db, sql: "SELECT node_id, key FROM alias WHERE source LIKE ? || ':%'",
                                       arguments: [format.rawValue]) {
            nodeByExternalID[row[1]] = row[0]
        }
        nextNodeID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM node") ?? 0) + 1
        trace("node table")
        insertNode = try RawStatement(db, "INSERT INTO node (id, kind, name, key) VALUES (?1, ?2, ?3, ?4)")
        insertAlias = try RawStatement(db, "INSERT OR IGNORE INTO alias (node_id, key, alias, source) VALUES (?1, ?2, ?3, ?4)")
    }

    /// The node for an input node, created when new. `source` names the vocabulary (e.g.
    /// `hetionet:Compound`); the external id becomes an alias with that source.
    mutating func node(kind: EntityKind, name: String, externalID: String?, source: String) throws -> Int64 {
        summary.nodesRead += 1
        let externalKey = externalID?.lowercased()
        if let externalKey, let id = nodeByExternalID[externalKey] {
            summary.nodesMerged += 1
            return id
        }
        // Each key is lower-cased and joined once: a Hetionet import makes 47,000 of them.
        var key = name.lowercased()
        var kindKey = kind.rawValue + "\u{1}" + key
        var stored = name
        if let id = nodeByKey[kindKey] {
            if externalKey == nil || claimed[id] == nil || claimed[id] == externalKey {
                summary.nodesMerged += 1
                if let externalID, let externalKey {
                    claimed[id] = externalKey
                    nodeByExternalID[externalKey] = id
                    try alias(id, externalID, key: externalKey, source: source)
                }
                return id
            }
            if let externalID {
                // Another node of this import already has the name: keep both, told apart by id.
                stored = "\(name) [\(externalID)]"
                key = stored.lowercased()
                kindKey = kind.rawValue + "\u{1}" + key
                if let id = nodeByKey[kindKey] { return id }
            }
        }
        let id = nextNodeID
        nextNodeID += 1
        insertNode.bind(1, id)
        insertNode.bind(2, kind.rawValue)
        insertNode.bind(3, stored)
        insertNode.bind(4, key)
        try insertNode.step()
        insertNode.reset()
        summary.nodesCreated += 1
        nodeByKey[kindKey] = id
        if stored != name { try alias(id, name, key: name.lowercased(), source: source) }
        if let externalID, let externalKey {
            claimed[id] = externalKey
            nodeByExternalID[externalKey] = id
            try alias(id, externalID, key: externalKey, source: source)
        }
        return id
    }

    /// Makes room for `n` more nodes in the look-up tables.
    mutating func reserveNodes(_ n: Int) {
        nodeByKey.reserveCapacity(nodeByKey.count + n)
        nodeByExternalID.reserveCapacity(nodeByExternalID.count + n)
        claimed.reserveCapacity(claimed.count + n)
    }

    private func alias(_ id: Int64, _ text: String, key: String, source: String) throws {
        insertAlias.bind(1, id)
        insertAlias.bind(2, key)
        insertAlias.bind(3, text)
        insertAlias.bind(4, source)
        try insertAlias.step()
        insertAlias.reset()
    }

    /// The index of a predicate in this import's small table.
    mutating func predicate(_ p: VigilCore.Predicate) -> UInt16 {
        if let i = predicateIndex[p.rawValue] { return i }
        let i = UInt16(predicates.count)
        predicates.append(p.rawValue)
        predicateIndex[p.rawValue] = i
        return i
    }

    /// Makes room for `n` more queued edges.
    mutating func reserveEdges(_ n: Int) {
        edgeSrc.reserveCapacity(edgeSrc.count + n)
        edgeDst.reserveCapacity(edgeDst.count + n)
        edgePredicate.reserveCapacity(edgePredicate.count + n)
    }

    /// Queues `src –predicate→ dst` (affirmed, scope reference).
    mutating func edge(_ src: Int64, _ predicate: UInt16, _ dst: Int64) {
        edgeSrc.append(src)
        edgePredicate.append(predicate)
        edgeDst.append(dst)
        summary.edgesRead += 1
    }

    /// Writes the queued edges in (src, predicate, dst) order, the order of `edge_out`, and
    /// records the import's provenance.
    ///
    /// Edges the graph already holds are found first (one scan, or one probe per edge when the
    /// graph is much larger than the import), so every other row is inserted without a conflict
    /// check, 64 rows per statement. When the import is large beside the table, the indexes not
    /// in that order are dropped first and rebuilt after (one sort each instead of a million
    /// random b-tree inserts), all inside the transaction: a rollback restores them.
    mutating func finish(files: [String], progress: (Int, Int, ImportProgress.Phase) -> Void) throws {
        trace("read")
        let order = sortedUniqueEdges()
        summary.edgesExisting += edgeSrc.count - order.count
        // The unsorted copies are no longer needed: give their memory back before SQLite sorts.
        edgeSrc = []; edgeDst = []; edgePredicate = []
        trace("sorted")

        // Edge ids only grow (INTEGER PRIMARY KEY without AUTOINCREMENT takes max + 1), so max(id)
        // is the table's size or more: enough to choose a strategy.
        let tableSize = try Int64.fetchOne(db, sql: "SELECT max(id) FROM edge") ?? 0
        let stored = try storedEdges(order, tableSize: tableSize)
        trace("stored \(stored.count)")
        if !stored.isEmpty {
            let provenance = try ExistingEdgeProvenance(db, extractor: format.extractor)
            for s in stored { try provenance.record(edge: s.id) }
            summary.edgesExisting += stored.count
        }
        let fresh = order.count - stored.count

        var rebuild: [String] = []
        if fresh >= 10_000, Int64(fresh) * 4 >= tableSize {
            // `edge_out` is in the order the rows arrive, so it takes them as (near-)appends and,
            // being unique, keeps guarding the table; the other indexes are dropped and built once
            // at the end. Random inserts into a 1.4-million-entry b-tree cost several times a
            // rebuild's per-row share, so a rebuild wins once the import is a quarter of the table.
            // `edge_literal_fact` stays: it holds only literal edges (dst NULL), which an import
            // never writes, so it receives nothing, while its rebuild would scan the whole table.
            let rows = try Row.fetchAll(db, sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'edge' AND sql IS NOT NULL
                """)
            for row in rows {
                let name: String = row[0], sql: String = row[1]
                if name == "edge_out" || name == "edge_literal_fact" { continue }
                rebuild.append(sql)
                try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
            }
        }
        let firstEdge = tableSize + 1
        // Predicate texts bound without a copy (SQLITE_STATIC): C strings that live until the loop ends.
        let predicateText = predicates.map { strdup($0)! }
        defer { predicateText.forEach { free($0) } }
        let predicateLength = predicates.map { $0.utf8.count }
        // Nothing can conflict any more (stored edges left out, repeats removed): a block of rows
        // per statement, which cuts the per-row cost of stepping a statement by about three.
        let block = 64
        let many = try RawStatement(db, "INSERT INTO edge (src, predicate, dst, assertion, scope) VALUES "
                                    + Array(repeating: "(?, ?, ?, 'affirmed', 'reference')", count: block).joined(separator: ", "))
        let one = try RawStatement(db, "INSERT INTO edge (src, predicate, dst, assertion, scope) VALUES (?1, ?2, ?3, 'affirmed', 'reference')")
        // An edge's source, predicate and target into parameters base+1 … base+3.
        func bind(_ s: RawStatement, _ base: Int32, _ e: QueuedEdge) {
            let p = Int(e.predicate)
            s.bind(base + 1, e.src)
            s.bindStatic(base + 2, UnsafeBufferPointer(start: predicateText[p], count: predicateLength[p]))
            s.bind(base + 3, e.dst)
        }
        var pending: [QueuedEdge] = []
        pending.reserveCapacity(block)
        var nextStored = 0
        for (n, e) in order.enumerated() {
            if n & 0xFFFF == 0xFFFF { progress(n + 1, order.count, .writing) }
            if nextStored < stored.count, stored[nextStored].index == n { nextStored += 1; continue }
            pending.append(e)
            guard pending.count == block else { continue }
            for (k, e) in pending.enumerated() { bind(many, Int32(3 * k), e) }
            try many.step()
            many.reset()
            pending.removeAll(keepingCapacity: true)
        }
        // The rows after the last full block, one statement each.
        for e in pending {
            bind(one, 0, e)
            try one.step()
            one.reset()
        }
        summary.edgesCreated = fresh
        trace("inserted")
        progress(order.count, order.count, .writing)

        if !rebuild.isEmpty {
            progress(0, rebuild.count, .indexing)
            // SQLite's sorter takes its run size from cache_size: with the import's 256 MiB the
            // whole index is one run, sorted on this thread at the end. 16 MiB runs are sorted by
            // the worker threads (PRAGMA threads) while this thread scans the table, and sort
            // faster besides (Hetionet's edge_in: 0.6 s of this thread's time instead of 1.7).
            // cache_spill keeps the written pages in memory up to the old size, as before.
            try db.execute(sql: "PRAGMA cache_spill = -\(Self.cacheKiB); PRAGMA cache_size = -\(Self.sortRunKiB)")
            for (n, sql) in rebuild.enumerated() {
                try db.execute(sql: sql)
                trace("index \(n)")
                progress(n + 1, rebuild.count, .indexing)
            }
            try db.execute(sql: "PRAGMA cache_size = -\(Self.cacheKiB)")
        }
        trace("indexed")
        let lastEdge = firstEdge + Int64(summary.edgesCreated) - 1
        try db.execute(sql: """
            INSERT INTO import_batch (format, extractor, files, first_edge, last_edge, nodes_created, edges_created, edges_existing)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [format.rawValue, format.extractor, files.map { ($0 as NSString).lastPathComponent }.joined(separator: " "),
                             summary.edgesCreated > 0 ? firstEdge : nil, summary.edgesCreated > 0 ? lastEdge : nil,
                             summary.nodesCreated, summary.edgesCreated, summary.edgesExisting])
        // No ANALYZE: SQLite's default estimates pick the covering indexes for every traversal
        // shape, while a sampled ANALYZE (analysis_limit) misjudged rows per src by 1000x and made
        // a 3-hop neighbourhood take minutes; a full one would cost more than the insert.
    }

    /// The queued edges in (src, predicate text, dst) order, repeats left out.
    private func sortedUniqueEdges() -> [QueuedEdge] {
        let n = edgeSrc.count
        if n == 0 { return [] }
        // Rank predicates by their bytes, SQLite's BINARY collation, so the order matches the indexes.
        let byBytes = predicates.indices.sorted { predicates[$0].utf8.lexicographicallyPrecedes(predicates[$1].utf8) }
        var rank = [UInt64](repeating: 0, count: predicates.count)
        for (r, i) in byBytes.enumerated() { rank[i] = UInt64(r) }
        var out: [QueuedEdge] = []
        out.reserveCapacity(n)
        let maxID = max(edgeSrc.max() ?? 0, edgeDst.max() ?? 0)
        if maxID < 1 << 26, predicates.count <= 1 << 12 {
            // One 64-bit key per edge, src (26 bits) | predicate rank (12) | dst (26): sorting plain
            // integers is several times faster than sorting with a comparator.
            var keys = [UInt64](repeating: 0, count: n)
            for i in 0 ..< n {
                keys[i] = UInt64(edgeSrc[i]) << 38 | rank[Int(edgePredicate[i])] << 26 | UInt64(edgeDst[i])
            }
            keys.sort()
            var last: UInt64 = .max
            for k in keys where k != last {
                out.append(QueuedEdge(src: Int64(k >> 38), dst: Int64(k & (1 << 26 - 1)),
                                      predicate: UInt16(byBytes[Int(k >> 26 & (1 << 12 - 1))])))
                last = k
            }
            return out
        }
        for i in 0 ..< n { out.append(QueuedEdge(src: edgeSrc[i], dst: edgeDst[i], predicate: edgePredicate[i])) }
        out.sort { a, b in
            if a.src != b.src { return a.src < b.src }
            if a.predicate != b.predicate { return rank[Int(a.predicate)] < rank[Int(b.predicate)] }
            return a.dst < b.dst
        }
        var unique: [QueuedEdge] = []
        unique.reserveCapacity(out.count)
        for e in out where e != unique.last { unique.append(e) }
        return unique
    }
}

struct QueuedEdge: Hashable {
    var src: Int64
    var dst: Int64
    var predicate: UInt16
}

extension GraphLoader {
    /// The edges of `order` the graph already has (same src, predicate and dst, affirmed,
    /// reference: the key of `edge_out` for an imported row), as (position in `order`, edge id).
    ///
    /// A graph no more than four times the import's size is read in one pass (a few hundred ms
    /// for 1.4 million edges); a larger one is probed through `edge_out` once per edge.
    fileprivate func storedEdges(_ order: [QueuedEdge], tableSize: Int64) throws -> [(index: Int, id: Int64)] {
        if tableSize == 0 || order.isEmpty { return [] }
        var found: [(index: Int, id: Int64)] = []
        if tableSize <= Int64(order.count) * 4 {
            // Only this import's predicates can match; their bytes are looked up without a String per row.
            var byPredicate = ByteKeyTable(capacity: predicates.count)
            for (i, p) in predicates.enumerated() { byPredicate.insert(p, value: Int64(i)) }
            var ids: [QueuedEdge: Int64] = [:]
            let scan = try RawStatement(db, """
                SELECT src, predicate, dst, id FROM edge WHERE assertion = 'affirmed' AND scope = 'reference' AND dst IS NOT NULL
                """)
            while try scan.step() {
                guard let p = byPredicate.value(for: scan.bytes(1)) else { continue }
                ids[QueuedEdge(src: scan.int64(0), dst: scan.int64(2), predicate: UInt16(p))] = scan.int64(3)
            }
            scan.reset()
            if ids.isEmpty { return [] }
            for (n, e) in order.enumerated() { if let id = ids[e] { found.append((n, id)) } }
        } else {
            let find = try RawStatement(db, """
                SELECT id FROM edge WHERE src = ?1 AND predicate = ?2 AND dst = ?3 AND assertion = 'affirmed' AND scope = 'reference'
                """)
            for (n, e) in order.enumerated() {
                find.bind(1, e.src)
                find.bind(2, predicates[Int(e.predicate)])
                find.bind(3, e.dst)
                if try find.step() { found.append((n, find.int64(0))) }
                find.reset()
            }
        }
        return found
    }
}

/// For an edge the graph already had: one evidence row naming the source, unless an earlier
/// import of the same source already covers the edge through its batch range.
private struct ExistingEdgeProvenance {
    let insert: RawStatement
    let extractor: String
    /// The edge-id ranges of this source's earlier batches: few rows, checked here rather than
    /// by a subquery per edge (a re-import of Hetionet has 1.4 million edges to check).
    let covered: [ClosedRange<Int64>]

    init(_ db: Database, extractor: String) throws {
        self.extractor = extractor
        covered = try Row.fetchAll(db, sql: """
            SELECT first_edge, last_edge FROM import_batch WHERE extractor = ? AND first_edge IS NOT NULL
            """, arguments: [extractor]).map { ($0[0] as Int64) ... ($0[1] as Int64) }
        insert = try RawStatement(db, "INSERT OR IGNORE INTO evidence (edge_id, extractor) VALUES (?1, ?2)")
    }

    func record(edge id: Int64) throws {
        if covered.contains(where: { $0.contains(id) }) { return }
        insert.bind(1, id)
        insert.bind(2, extractor)
        try insert.step()
        insert.reset()
    }
}

/// Phase timings on stderr when VIGIL_IMPORT_TRACE is set, for tuning the loader: wall-clock
/// seconds since the start and the process's CPU seconds (user + system, all threads), since on
/// a shared machine the wall clock moves with other people's work and the CPU time much less.
func trace(_ phase: String) {
    guard let traceStart else { return }
    func cpu(_ who: Int32) -> Double {
        var usage = rusage()
        getrusage(who, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
    FileHandle.standardError.write(Data(String(format: "vigil-import: %@ %.3f s (cpu %.3f s, this thread %.3f s)\n", phase,
                                               Date().timeIntervalSince(traceStart), cpu(RUSAGE_SELF.rawValue),
                                               cpu(1 /* RUSAGE_THREAD */)).utf8))
}

/// Set on first use (the importer's `trace("start")`).
let traceStart: Date? = ProcessInfo.processInfo.environment["VIGIL_IMPORT_TRACE"] != nil ? Date() : nil
