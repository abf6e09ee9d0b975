import GRDB
import Schema
import VigilCore

extension GraphStore {
    /// Nodes whose canonical name or any alias equals `name`, case-insensitively; failing those,
    /// the nodes of the canonical names the vocabulary gives for it ("Nexavar" → sorafenib).
    public func resolve(_ name: String, kind: EntityKind? = nil) throws -> [Node] {
        try read { db in try Self.resolve(name, kind: kind, in: db) }
    }

    /// `resolve(_:kind:)` on a connection the caller holds (the query engine resolves names and
    /// runs the query in one read).
    public static func resolve(_ name: String, kind: EntityKind? = nil, in db: Database) throws -> [Node] {
        let key = name.lowercased()
        // Cached: the query language resolves every name of every query through these two.
        let direct = try Node.fetchAll(db.cachedStatement(sql: """
            SELECT id, kind, name FROM node WHERE key = ?1 AND (?2 IS NULL OR kind = ?2)
            UNION
            SELECT n.id, n.kind, n.name FROM alias a JOIN node n ON n.id = a.node_id
            WHERE a.key = ?1 AND (?2 IS NULL OR n.kind = ?2)
            ORDER BY kind, name
            """), arguments: [key, kind?.rawValue])
        if !direct.isEmpty { return direct }
        return try Node.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT n.id, n.kind, n.name FROM term t JOIN node n ON n.kind = t.kind AND n.key = t.name_key
            WHERE t.key = ?1 AND (?2 IS NULL OR t.kind = ?2)
            ORDER BY n.kind, n.name
            """), arguments: [key, kind?.rawValue])
    }

    public func node(id: Int64) throws -> Node? {
        try read { db in try Node.fetchOne(db, sql: "SELECT id, kind, name FROM node WHERE id = ?", arguments: [id]) }
    }

    /// The edge with this id: an `edge` row or, for a negative id, a stored reference link.
    public func edge(id: Int64) throws -> Edge? {
        try read { db in try VigilStore.edge(db, id: id) }
    }

    /// The root and every node that reaches it through `predicate` (family members, narrower terms).
    public func closure(of id: Int64, through predicate: Predicate = .memberOf, maxDepth: Int = 8) throws -> [Reached] {
        try reached(SchemaSQL.familyClosure, [id, predicate.rawValue, maxDepth])
    }

    /// Every node within `depth` hops, in either direction, each at its shortest distance.
    public func neighbourhood(of id: Int64, depth: Int) throws -> [Reached] {
        try reached(SchemaSQL.neighbourhood, [id, depth])
    }

    /// The shortest paths from one node to another, at most `maxDepth` edges long.
    public func shortestPaths(from: Int64, to: Int64, maxDepth: Int = 4) throws -> [GraphPath] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: SchemaSQL.shortestPath, arguments: [from, to, maxDepth])
            return try rows.map { row in
                let nodeIDs = ids(row["nodes"])
                let edgeIDs = ids(row["edges"])
                let nodes = try nodeIDs.map { id in
                    try Node.fetchOne(db, sql: "SELECT id, kind, name FROM node WHERE id = ?", arguments: [id])!
                }
                let edges = try edgeIDs.map { id in try VigilStore.edge(db, id: id)! }
                return GraphPath(nodes: nodes, edges: edges)
            }
        }
    }

    /// Nodes and edge counts, for `vigil stats`: `edge` rows and reference links (m0004) together.
    public func stats() throws -> StoreStats {
        try read { db in
            func counts(_ sql: String) throws -> [String: Int] {
                var out: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: sql) { out[row[0]] = row[1] }
                return out
            }
            // A link is counted once, in its subject's outbound row: 49,722 rows for Hetionet's
            // 1.4 million links, each list's length read by json_array_length.
            let links = try counts("""
                SELECT predicate, sum(json_array_length(ids)) FROM reference_link WHERE inbound = 0 GROUP BY predicate
                """)
            var byPredicate = try counts("SELECT predicate, count(*) FROM edge GROUP BY predicate")
            byPredicate.merge(links, uniquingKeysWith: +)
            var byScope = try counts("SELECT scope, count(*) FROM edge GROUP BY scope")
            if !links.isEmpty { byScope[Scope.reference.rawValue, default: 0] += links.values.reduce(0, +) }
            return StoreStats(
                nodesByKind: try counts("SELECT kind, count(*) FROM node GROUP BY kind"),
                edgesByPredicate: byPredicate,
                edgesByScope: byScope,
                documents: try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0,
                evidence: try Int.fetchOne(db, sql: "SELECT count(*) FROM evidence") ?? 0)
        }
    }

    /// The number of evidence rows behind each edge from `subject` with `predicate` to `object`.
    /// Reference links have none (their source is their import batch): 0 for them.
    public func evidenceCount(subject: Int64, predicate: Predicate, object: Int64) throws -> Int {
        try read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM edge e JOIN evidence v ON v.edge_id = e.id
                WHERE e.src = ? AND e.predicate = ? AND e.dst = ?
                """, arguments: [subject, predicate.rawValue, object]) ?? 0
        }
    }

    private func reached(_ sql: String, _ args: StatementArguments) throws -> [Reached] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT n.id, n.kind, n.name, r.depth FROM (\(sql)) r JOIN node n ON n.id = r.id
                ORDER BY r.depth, n.kind, n.name
                """, arguments: args).map { Reached(node: Node(row: $0), depth: $0["depth"]) }
        }
    }
}

/// The edge with this id: an `edge` row, or for a negative id the reference link it encodes, when
/// that link is stored (the id alone says nothing about whether it exists).
func edge(_ db: Database, id: Int64) throws -> Edge? {
    if let link = ReferenceLinkID(id) {
        // One primary-key probe: the subject's outbound row of that predicate, then its list.
        return try String.fetchOne(db.cachedStatement(sql: """
            SELECT p.predicate FROM reference_predicate p
            JOIN reference_link a ON a.node = ?2 AND a.inbound = 0 AND a.predicate = p.predicate
            WHERE p.code = ?1 AND EXISTS (SELECT 1 FROM json_each(a.ids) j WHERE j.value = ?3)
            LIMIT 1
            """), arguments: [link.code, link.src, link.dst]).map { predicate in
            Edge(id: id, src: link.src, predicate: Predicate(predicate), dst: link.dst, value: nil, unit: nil,
                 assertion: .affirmed, scope: .reference)
        }
    }
    return try Row.fetchOne(db, sql: "SELECT * FROM edge WHERE id = ?", arguments: [id]).map { r in
        Edge(id: r["id"], src: r["src"], predicate: Predicate(r["predicate"] as String), dst: r["dst"],
             value: r["value"], unit: r["unit"],
             assertion: Assertion(rawValue: r["assertion"]) ?? .affirmed, scope: Scope(rawValue: r["scope"]) ?? .case)
    }
}

private func ids(_ list: String) -> [Int64] {
    list.split(separator: ",").compactMap { Int64($0) }
}
