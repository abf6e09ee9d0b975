import Foundation
import GRDB
import VigilCore
import VigilStore

/// Writes one import into the graph inside the caller's transaction: nodes as they are read,
/// edges buffered as integer triples and written at the end as reference links, packed per node.
///
/// Node identity: an external id seen before (an alias from an earlier import of the same
/// source) wins; then kind + lower-cased name, so Hetionet's Imatinib joins the literature's
/// imatinib; a name already taken by another external id of the same import gets the id in
/// brackets, so two Hetionet nodes never collapse into one.
struct GraphLoader {
    /// The import connection's page cache: every page the import writes stays in memory until the commit.
    static let cacheKiB = 262_144

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
    mutating func predicate(_ p: VigilCore.Predicate) throws -> UInt16 {
        if let i = predicateIndex[p.rawValue] { return i }
        guard predicates.count < ReferenceLinkID.codes.upperBound else {
            throw ImportError.store(message: "more than 2,047 predicates ('\(p.rawValue)' is one too many): reference links take at most 2,047")
        }
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

    /// Stores the queued edges as reference links (schema m0004: one `reference_link` row per
    /// node, direction and predicate, the other ends as a JSON array) and records the import's
    /// provenance, one `import_batch` row whose id every row of this import carries.
    ///
    /// An edge the graph already holds is not stored again: one in `edge` (a seed edge of `vigil
    /// init`, or an import by an older version) gains an evidence row naming this source; one an
    /// earlier import linked is counted as existing, and when that import was of another source this
    /// one is recorded beside it (`reference_link_source`). So the same files imported twice add nothing.
    mutating func finish(files: [String], progress: (Int, Int, ImportProgress.Phase) -> Void) throws {
        trace("read")
        // Only the ends of links need to fit a link's id, not every node of the graph.
        let maxNode = max(edgeSrc.max() ?? 0, edgeDst.max() ?? 0)
        guard maxNode < ReferenceLinkID.nodeLimit else {
            throw ImportError.store(message: "node id \(maxNode) is over the 67,108,863 a reference link can name")
        }
        let order = sortedUniqueEdges()
        summary.edgesExisting += edgeSrc.count - order.count
        // The unsorted copies are no longer needed: give their memory back.
        edgeSrc = []; edgeDst = []; edgePredicate = []
        trace("sorted")

        try db.execute(sql: """
            INSERT INTO import_batch (format, extractor, files, nodes_created, edges_created, edges_existing)
            VALUES (?, ?, ?, 0, 0, 0)
            """, arguments: [format.rawValue, format.extractor, files.map { ($0 as NSString).lastPathComponent }.joined(separator: " ")])
        let batch = db.lastInsertedRowID

        var known = [Bool](repeating: false, count: order.count)
        let stored = try storedEdges(order)
        if !stored.isEmpty {
            let provenance = try ExistingEdgeProvenance(db, extractor: format.extractor)
            for s in stored {
                known[s.index] = true
                try provenance.record(edge: s.id)
            }
        }
        var codes: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT predicate, code FROM reference_predicate") { codes[row[0]] = row[1] }
        let linked = try markLinked(order, &known, batch: batch, codes: codes)
        trace("existing \(stored.count) + \(linked)")
        summary.edgesExisting += stored.count + linked
        let fresh = order.indices.filter { !known[$0] }.map { order[$0] }
        summary.edgesCreated = fresh.count
        try writeLinks(fresh, codes: try predicateCodes(codes), batch: batch, progress: progress)
        trace("written")
        try db.execute(sql: """
            UPDATE import_batch SET nodes_created = ?, edges_created = ?, edges_existing = ? WHERE id = ?
            """, arguments: [summary.nodesCreated, summary.edgesCreated, summary.edgesExisting, batch])
    }

    /// Each predicate's code, by this import's predicate index: from `stored` (the codes of
    /// `reference_predicate`), or a new code for a predicate no earlier import used.
    private func predicateCodes(_ stored: [String: Int64]) throws -> [Int64] {
        var codes = stored
        var next = (codes.values.max() ?? 0) + 1
        return try predicates.map { p in
            if let code = codes[p] { return code }
            guard next <= ReferenceLinkID.codes.upperBound else {
                throw ImportError.store(message: "more than 2,047 predicates of reference links ('\(p)' is one too many)")
            }
            try db.execute(sql: "INSERT INTO reference_predicate (code, predicate) VALUES (?, ?)", arguments: [next, p])
            codes[p] = next
            next += 1
            return next - 1
        }
    }

    /// Writes `fresh` (in (src, predicate, dst) order) twice, as each subject's outbound rows and
    /// each object's inbound rows, with `codes` (by predicate index) for their ids. A row per node and predicate, so Hetionet's 1.4 million edges
    /// are 166,913 rows.
    private func writeLinks(_ fresh: [QueuedEdge], codes: [Int64], batch: Int64,
                            progress: (Int, Int, ImportProgress.Phase) -> Void) throws {
        if fresh.isEmpty { return }
        // Predicate texts bound without a copy (SQLITE_STATIC): C strings that live until the rows are written.
        let predicateText = predicates.map { strdup($0)! }
        defer { predicateText.forEach { free($0) } }
        let predicateLength = predicates.map { $0.utf8.count }
        // 64 rows per INSERT: stepping a statement costs about a microsecond beyond its rows,
        // as much as SQLite's work for a row here.
        let block = 64
        let insert = "INSERT INTO reference_link (node, inbound, predicate, code, batch, ids) VALUES "
        let many = try RawStatement(db, insert + Array(repeating: "(?, ?, ?, ?, ?, ?)", count: block).joined(separator: ", "))
        let one = try RawStatement(db, insert + "(?, ?, ?, ?, ?, ?)")
        // The rows of the next block; their id lists one after another in `text`.
        var pending: [(node: Int64, inbound: Int64, predicate: Int, ids: Range<Int>)] = []
        pending.reserveCapacity(block)
        var text: [UInt8] = []
        var others: [Int64] = []
        var written = 0
        let total = 2 * fresh.count
        func flush() throws {
            try text.withUnsafeBufferPointer { bytes in
                func bind(_ s: RawStatement, _ base: Int32, _ r: (node: Int64, inbound: Int64, predicate: Int, ids: Range<Int>)) {
                    s.bind(base + 1, r.node)
                    s.bind(base + 2, r.inbound)
                    s.bindStatic(base + 3, UnsafeBufferPointer(start: predicateText[r.predicate], count: predicateLength[r.predicate]))
                    s.bind(base + 4, codes[r.predicate])
                    s.bind(base + 5, batch)
                    s.bindStatic(base + 6, UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[r.ids]).bindMemory(to: CChar.self))
                }
                if pending.count == block {
                    for (k, r) in pending.enumerated() { bind(many, Int32(6 * k), r) }
                    try many.step()
                    many.reset()
                } else {
                    for r in pending {
                        bind(one, 0, r)
                        try one.step()
                        one.reset()
                    }
                }
            }
            pending.removeAll(keepingCapacity: true)
            text.removeAll(keepingCapacity: true)
        }
        /// One row: `node`'s links of predicate `p` in one direction, into the next block.
        func row(_ node: Int64, _ inbound: Int64, _ p: Int) throws {
            let start = text.count
            LinkList.encode(others, into: &text)
            pending.append((node, inbound, p, start ..< text.count))
            if pending.count == block { try flush() }
            written += others.count
            if written & ~0xFFFF != (written - others.count) & ~0xFFFF { progress(written, total, .writing) }
            others.removeAll(keepingCapacity: true)
        }
        // Rows in the order of the primary key (node, inbound, predicate), so each is an append
        // (Hetionet: 0.25 s of this thread for the link rows, against 0.33 s writing every
        // outbound row and then every inbound row, which lands each between rows already in the
        // b-tree). The outbound rows come from `fresh`, grouped by subject and predicate
        // already; the inbound rows from the same edges ordered by (object, predicate rank,
        // subject) on one packed key each (ids below 2^26, predicates below 2^11, checked before).
        let (byBytes, rank) = predicateOrder()
        var keys = fresh.map { UInt64($0.dst) << 37 | rank[Int($0.predicate)] << 26 | UInt64($0.src) }
        keys.sort()
        let low26: UInt64 = 1 << 26 - 1, low11: UInt64 = 1 << 11 - 1
        var i = 0, k = 0
        while i < fresh.count || k < keys.count {
            let outNode = i < fresh.count ? fresh[i].src : .max
            let inNode = k < keys.count ? Int64(keys[k] >> 37) : .max
            if outNode <= inNode {
                let e = fresh[i]
                while i < fresh.count, fresh[i].src == e.src, fresh[i].predicate == e.predicate {
                    others.append(fresh[i].dst)
                    i += 1
                }
                try row(e.src, 0, Int(e.predicate))
            } else {
                let group = keys[k] >> 26
                while k < keys.count, keys[k] >> 26 == group {
                    others.append(Int64(keys[k] & low26))
                    k += 1
                }
                try row(inNode, 1, byBytes[Int(group & low11)])
            }
        }
        // The rows after the last full block, one statement each.
        try flush()
        progress(total, total, .writing)
    }

    /// The predicates ranked by their bytes, SQLite's BINARY collation, so that rows arrive in
    /// the order of reference_link's primary key: the predicate index of each rank, and the rank
    /// of each predicate index.
    private func predicateOrder() -> (byBytes: [Int], rank: [UInt64]) {
        let byBytes = predicates.indices.sorted { predicates[$0].utf8.lexicographicallyPrecedes(predicates[$1].utf8) }
        var rank = [UInt64](repeating: 0, count: predicates.count)
        for (r, i) in byBytes.enumerated() { rank[i] = UInt64(r) }
        return (byBytes, rank)
    }

    /// The queued edges in (src, predicate text, dst) order, repeats left out.
    private func sortedUniqueEdges() -> [QueuedEdge] {
        let n = edgeSrc.count
        if n == 0 { return [] }
        let (byBytes, rank) = predicateOrder()
        // One 64-bit key per edge, src (26 bits) | predicate rank (12) | dst (26): sorting plain
        // integers is several times faster than sorting with a comparator. The caller has
        // checked that node ids fit; the predicate table stops at 2,047.
        var keys = [UInt64](repeating: 0, count: n)
        for i in 0 ..< n {
            keys[i] = UInt64(edgeSrc[i]) << 38 | rank[Int(edgePredicate[i])] << 26 | UInt64(edgeDst[i])
        }
        keys.sort()
        var out: [QueuedEdge] = []
        out.reserveCapacity(n)
        var last: UInt64 = .max
        for k in keys where k != last {
            out.append(QueuedEdge(src: Int64(k >> 38), dst: Int64(k & (1 << 26 - 1)),
                                  predicate: UInt16(byBytes[Int(k >> 26 & (1 << 12 - 1))])))
            last = k
        }
        return out
    }
}

struct QueuedEdge: Hashable {
    var src: Int64
    var dst: Int64
    var predicate: UInt16
}

extension GraphLoader {
    /// The edges of `order` that `edge` already has (same src, predicate and dst, affirmed,
    /// reference), as (position in `order`, edge id): seed edges of `vigil init`, or edges an
    /// older version imported as rows. One probe through `edge_out` per edge of a predicate that
    /// `edge` has reference facts of (one scan of `edge` finds those predicates).
    fileprivate func storedEdges(_ order: [QueuedEdge]) throws -> [(index: Int, id: Int64)] {
        if order.isEmpty { return [] }
        let withReference = Set(try String.fetchAll(db, sql: "SELECT DISTINCT predicate FROM edge WHERE scope = 'reference'"))
        let present = Set(predicates.indices.filter { withReference.contains(predicates[$0]) })
        if present.isEmpty { return [] }
        let find = try RawStatement(db, """
            SELECT id FROM edge WHERE src = ?1 AND predicate = ?2 AND dst = ?3 AND assertion = 'affirmed' AND scope = 'reference'
            """)
        var found: [(index: Int, id: Int64)] = []
        for (n, e) in order.enumerated() where present.contains(Int(e.predicate)) {
            find.bind(1, e.src)
            find.bind(2, predicates[Int(e.predicate)])
            find.bind(3, e.dst)
            if try find.step() { found.append((n, find.int64(0))) }
            find.reset()
        }
        return found
    }

    /// Marks the edges of `order` an earlier import already linked; returns how many. One probe
    /// of `reference_link` per subject and predicate (Hetionet again: 49,722 probes). When the
    /// link came from another source, this import is recorded as a further source of it
    /// (`reference_link_source`), once per source.
    fileprivate func markLinked(_ order: [QueuedEdge], _ known: inout [Bool], batch: Int64,
                                codes: [String: Int64]) throws -> Int {
        if codes.isEmpty { return 0 }
        var extractors: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, extractor FROM import_batch") { extractors[row[0]] = row[1] }
        let probe = try RawStatement(db, "SELECT batch, ids FROM reference_link WHERE node = ?1 AND inbound = 0 AND predicate = ?2")
        let stated = try RawStatement(db, """
            SELECT 1 FROM reference_link_source x JOIN import_batch b ON b.id = x.batch
            WHERE x.code = ?1 AND x.src = ?2 AND x.dst = ?3 AND b.extractor = ?4
            """)
        let record = try RawStatement(db, "INSERT INTO reference_link_source (code, src, dst, batch) VALUES (?1, ?2, ?3, ?4)")
        var count = 0
        var holder: [Int64: Int64] = [:]   // linked object → the batch whose row lists it
        var i = 0
        while i < order.count {
            let e = order[i]
            var end = i
            while end < order.count, order[end].src == e.src, order[end].predicate == e.predicate { end += 1 }
            defer { i = end }
            guard let code = codes[predicates[Int(e.predicate)]] else { continue }
            holder.removeAll(keepingCapacity: true)
            probe.bind(1, e.src)
            probe.bind(2, predicates[Int(e.predicate)])
            while try probe.step() {
                let rowBatch = probe.int64(0)
                LinkList.forEach(in: probe.bytes(1)) { holder[$0] = rowBatch }
            }
            probe.reset()
            for n in i ..< end where !known[n] {
                guard let by = holder[order[n].dst] else { continue }
                known[n] = true
                count += 1
                if extractors[by] == format.extractor { continue }
                stated.bind(1, code); stated.bind(2, e.src); stated.bind(3, order[n].dst); stated.bind(4, format.extractor)
                let already = try stated.step()
                stated.reset()
                if already { continue }
                record.bind(1, code); record.bind(2, e.src); record.bind(3, order[n].dst); record.bind(4, batch)
                try record.step()
                record.reset()
            }
        }
        return count
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
