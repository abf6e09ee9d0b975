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
        let key = name.lowercased()
        let kindKey = kind.rawValue + "\u{1}" + key
        if let id = nodeByKey[kindKey], externalKey == nil || claimed[id] == nil || claimed[id] == externalKey {
            summary.nodesMerged += 1
            if let externalID, let externalKey {
                claimed[id] = externalKey
                nodeByExternalID[externalKey] = id
                try alias(id, externalID, source: source)
            }
            return id
        }
        var stored = name
        if nodeByKey[kindKey] != nil, let externalID {
            // Another node of this import already has the name: keep both, told apart by id.
            stored = "\(name) [\(externalID)]"
            guard nodeByKey[kind.rawValue + "\u{1}" + stored.lowercased()] == nil else {
                return nodeByKey[kind.rawValue + "\u{1}" + stored.lowercased()]!
            }
        }
        let id = nextNodeID
        nextNodeID += 1
        insertNode.bind(1, id)
        insertNode.bind(2, kind.rawValue)
        insertNode.bind(3, stored)
        insertNode.bind(4, stored.lowercased())
        try insertNode.step()
        insertNode.reset()
        summary.nodesCreated += 1
        nodeByKey[kind.rawValue + "\u{1}" + stored.lowercased()] = id
        if stored != name { try alias(id, name, source: source) }
        if let externalID, let externalKey {
            claimed[id] = externalKey
            nodeByExternalID[externalKey] = id
            try alias(id, externalID, source: source)
        }
        return id
    }

    private func alias(_ id: Int64, _ text: String, source: String) throws {
        insertAlias.bind(1, id)
        insertAlias.bind(2, text.lowercased())
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
    /// Into an empty edge table, the indexes not in that order are dropped first and rebuilt after
    /// (one sort each instead of a million b-tree inserts), all inside the transaction: a
    /// rollback restores them.
    mutating func finish(files: [String], progress: (Int, Int, ImportProgress.Phase) -> Void) throws {
        trace("read")
        let order = sortedUniqueEdges()
        trace("sorted")
        summary.edgesExisting += edgeSrc.count - order.count

        let tableEmpty = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM edge)") ?? true
        var rebuild: [String] = []
        if tableEmpty && order.count >= 10_000 {
            // `edge_out` is in the order the rows arrive, so it takes them as appends; the other
            // indexes are dropped and built once at the end (one sort each instead of a million
            // random b-tree inserts). Measured: keeping `edge_out` saves ~0.5 s of 5.
            let rows = try Row.fetchAll(db, sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'edge' AND sql IS NOT NULL
                """)
            for row in rows {
                let name: String = row[0], sql: String = row[1]
                if name == "edge_out" { continue }
                rebuild.append(sql)
                try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
            }
        }
        let firstEdge = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM edge") ?? 0) + 1
        let insert = try RawStatement(db, """
            INSERT OR IGNORE INTO edge (src, predicate, dst, assertion, scope) VALUES (?1, ?2, ?3, 'affirmed', 'reference')
            """)
        var existing: ExistingEdgeProvenance?
        // Predicate texts bound without a copy (SQLITE_STATIC): C strings that live until the loop ends.
        let predicateText = predicates.map { strdup($0)! }
        defer { predicateText.forEach { free($0) } }
        let predicateLength = predicates.map { $0.utf8.count }
        var created = 0
        var start = 0
        if !rebuild.isEmpty {
            // Nothing can conflict (an empty table, repeats already removed): a block of rows per
            // statement, which cuts the per-row cost of stepping a statement by about three.
            let block = 64
            let many = try RawStatement(db, "INSERT INTO edge (src, predicate, dst, assertion, scope) VALUES "
                                        + Array(repeating: "(?, ?, ?, 'affirmed', 'reference')", count: block).joined(separator: ", "))
            while start + block <= order.count {
                for k in 0 ..< block {
                    let e = order[start + k], p = Int(e.predicate), i = Int32(3 * k)
                    many.bind(i + 1, e.src)
                    many.bindStatic(i + 2, UnsafeBufferPointer(start: predicateText[p], count: predicateLength[p]))
                    many.bind(i + 3, e.dst)
                }
                try many.step()
                many.reset()
                start += block
                created += block
                if start & 0xFFFF < block { progress(start, order.count, .writing) }
            }
        }
        for (n, e) in order[start...].enumerated() {
            let p = Int(e.predicate)
            insert.bind(1, e.src)
            insert.bindStatic(2, UnsafeBufferPointer(start: predicateText[p], count: predicateLength[p]))
            insert.bind(3, e.dst)
            try insert.step()
            insert.reset()
            if insert.changes > 0 {
                created += 1
            } else {
                if existing == nil { existing = try ExistingEdgeProvenance(db, extractor: format.extractor) }
                try existing!.record(src: e.src, predicate: predicates[p], dst: e.dst)
                summary.edgesExisting += 1
            }
            if n & 0xFFFF == 0xFFFF { progress(start + n + 1, order.count, .writing) }
        }
        summary.edgesCreated = created
        trace("inserted")
        progress(order.count, order.count, .writing)

        if !rebuild.isEmpty {
            progress(0, rebuild.count, .indexing)
            for (n, sql) in rebuild.enumerated() {
                try db.execute(sql: sql)
                trace("index \(n)")
                progress(n + 1, rebuild.count, .indexing)
            }
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

struct QueuedEdge: Equatable {
    var src: Int64
    var dst: Int64
    var predicate: UInt16
}

/// For an edge the graph already had: one evidence row naming the source, unless an earlier
/// import of the same source already covers the edge through its batch range.
private struct ExistingEdgeProvenance {
    let find: RawStatement
    let record: RawStatement
    let extractor: String

    init(_ db: Database, extractor: String) throws {
        self.extractor = extractor
        find = try RawStatement(db, """
            SELECT id FROM edge WHERE src = ?1 AND predicate = ?2 AND dst = ?3 AND assertion = 'affirmed' AND scope = 'reference'
            """)
        record = try RawStatement(db, """
            INSERT OR IGNORE INTO evidence (edge_id, extractor) SELECT ?1, ?2
            WHERE NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.extractor = ?2 AND ?1 BETWEEN b.first_edge AND b.last_edge)
            """)
    }

    func record(src: Int64, predicate: String, dst: Int64) throws {
        find.bind(1, src)
        find.bind(2, predicate)
        find.bind(3, dst)
        let found = try find.step()
        let id = find.int64(0)
        find.reset()
        // Not found: a repeat within this import, already counted.
        guard found else { return }
        record.bind(1, id)
        record.bind(2, extractor)
        try record.step()
        record.reset()
    }
}

/// Phase timings on stderr when VIGIL_IMPORT_TRACE is set, for tuning the loader.
func trace(_ phase: String) {
    guard traceStart != nil else { return }
    FileHandle.standardError.write(Data(String(format: "vigil-import: %@ %.3f s\n", phase, Date().timeIntervalSince(traceStart!)).utf8))
}

/// Set on first use (the importer's `trace("start")`).
let traceStart: Date? = ProcessInfo.processInfo.environment["VIGIL_IMPORT_TRACE"] != nil ? Date() : nil
