import GRDB
import VigilStore

/// The seed graph plus an imported reference graph, stored the old way (one `edge` row per fact,
/// no evidence, as bulk imports did), packed as reference links (m0004), or half and half. The
/// nodes are created in the same order each way, so they have the same ids: a query must give
/// the same rows whichever way the facts are stored.
enum ReferenceGraph {
    enum Storage: String, CaseIterable, Sendable { case edges, links, mixed }

    /// (kind, name) of the nodes the import adds; the facts also use nodes of the seed graph.
    static let newNodes = [
        ("drug", "regorafenib"), ("drug", "pazopanib"), ("target", "TEK"), ("target_family", "TIE"),
        ("reaction", "alopecia"), ("reaction", "hypertension"), ("reaction", "hair disorder"),
    ]

    /// subject kind, subject, predicate, object kind, object.
    static let facts: [(String, String, String, String, String)] = [
        ("drug", "regorafenib", "targets", "target", "KDR"),
        ("drug", "regorafenib", "targets", "target", "PDGFRB"),
        ("drug", "regorafenib", "targets", "target", "TEK"),
        ("drug", "pazopanib", "targets", "target", "KDR"),
        ("drug", "pazopanib", "targets", "target", "FLT4"),
        ("drug", "sorafenib", "targets", "target", "TEK"),
        ("target", "TEK", "member_of", "target_family", "TIE"),
        ("drug", "sorafenib", "causes", "reaction", "alopecia"),
        ("drug", "sorafenib", "causes", "reaction", "hypertension"),
        ("drug", "regorafenib", "causes", "reaction", "alopecia"),
        ("drug", "regorafenib", "causes", "reaction", "hand-foot skin reaction"),
        ("drug", "pazopanib", "causes", "reaction", "hypertension"),
        ("drug", "imatinib", "causes", "reaction", "alopecia"),
        ("reaction", "alopecia", "broader", "reaction", "hair disorder"),
    ]

    /// Predicate codes of `reference_predicate`.
    static let codes = ["targets": 7, "causes": 3, "member_of": 12, "broader": 2047]

    static func make(_ storage: Storage, path: String? = nil) throws -> GraphStore {
        let store = try SeedGraph.make(path: path)
        try store.write { db in
            for (kind, name) in newNodes {
                try db.execute(sql: "INSERT INTO node (kind, name, key) VALUES (?, ?, lower(?))", arguments: [kind, name, name])
            }
            try db.execute(sql: """
                INSERT INTO import_batch (id, format, extractor, files, nodes_created, edges_created, edges_existing)
                VALUES (1, 'kgx', 'kgx-import/1', 'nodes.tsv edges.tsv', ?, ?, 0)
                """, arguments: [newNodes.count, facts.count])
            var asLinks: [(src: Int64, predicate: String, dst: Int64)] = []
            var edgeIDs: [Int64] = []
            for (k, (sk, s, p, ok, o)) in facts.enumerated() {
                let src = try id(db, sk, s), dst = try id(db, ok, o)
                if storage == .links || (storage == .mixed && k % 2 == 1) {
                    asLinks.append((src, p, dst))
                } else {
                    try db.execute(sql: "INSERT INTO edge (src, predicate, dst, assertion, scope) VALUES (?, ?, ?, 'affirmed', 'reference')",
                                   arguments: [src, p, dst])
                    edgeIDs.append(db.lastInsertedRowID)
                }
            }
            if let first = edgeIDs.first, let last = edgeIDs.last {
                try db.execute(sql: "UPDATE import_batch SET first_edge = ?, last_edge = ? WHERE id = 1", arguments: [first, last])
            }
            try insertLinks(db, asLinks, batch: 1)
        }
        return store
    }

    /// Stores `links` as an import does: a row per (node, direction, predicate), ids ascending.
    static func insertLinks(_ db: Database, _ links: [(src: Int64, predicate: String, dst: Int64)], batch: Int64) throws {
        for (p, code) in codes {
            try db.execute(sql: "INSERT OR IGNORE INTO reference_predicate (code, predicate) VALUES (?, ?)", arguments: [code, p])
        }
        var rows: [String: (node: Int64, inbound: Int, predicate: String, ids: [Int64])] = [:]
        for l in links {
            rows["\(l.src) 0 \(l.predicate)", default: (l.src, 0, l.predicate, [])].ids.append(l.dst)
            rows["\(l.dst) 1 \(l.predicate)", default: (l.dst, 1, l.predicate, [])].ids.append(l.src)
        }
        for r in rows.values {
            try db.execute(sql: """
                INSERT INTO reference_link (node, inbound, predicate, code, batch, ids) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [r.node, r.inbound, r.predicate, codes[r.predicate]!, batch,
                                 "[" + r.ids.sorted().map(String.init).joined(separator: ",") + "]"])
        }
    }

    static func id(_ db: Database, _ kind: String, _ name: String) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT id FROM node WHERE kind = ? AND key = lower(?)", arguments: [kind, name])!
    }

    /// The fact behind an edge id of either table: "src predicate dst" (node ids).
    static func fact(_ db: Database, edge id: Int64) throws -> String {
        if id < 0 {
            let bits = -id, mask: Int64 = (1 << 26) - 1
            let predicate = try String.fetchOne(db, sql: "SELECT predicate FROM reference_predicate WHERE code = ?",
                                                arguments: [bits >> 52]) ?? "?"
            return "\((bits >> 26) & mask) \(predicate) \(bits & mask)"
        }
        let row = try Row.fetchOne(db, sql: "SELECT src, predicate, dst FROM edge WHERE id = ?", arguments: [id])
        return row.map { "\($0["src"] as Int64) \($0["predicate"] as String) \(($0["dst"] as Int64?).map(String.init) ?? "-")" } ?? "?"
    }
}
