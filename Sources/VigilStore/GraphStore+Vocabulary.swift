import GRDB
import VigilCore

extension GraphStore {
    /// Replaces the stored vocabulary with `terms` (each synonym or the canonical name itself as
    /// `alias`), in one transaction.
    public func replaceVocabulary(_ terms: [NodeAlias]) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM term")
            let insert = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO term (key, kind, name, name_key, source) VALUES (?, ?, ?, ?, ?)
                """)
            for t in terms {
                try insert.execute(arguments: [t.alias.lowercased(), t.kind.rawValue, t.name, t.name.lowercased(), t.source])
            }
        }
    }

    /// The canonical names the vocabulary gives for `name` (any synonym, case-insensitive).
    public func vocabularyNames(for name: String, kind: EntityKind? = nil) throws -> [(kind: EntityKind, name: String)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT DISTINCT kind, name FROM term WHERE key = ?1 AND (?2 IS NULL OR kind = ?2) ORDER BY kind, name
                """, arguments: [name.lowercased(), kind?.rawValue]).map {
                (EntityKind(rawValue: $0["kind"]) ?? .other, $0["name"])
            }
        }
    }

    /// Whether the vocabulary was loaded (`vigil init`); a database `vigil ingest` made has none.
    public static func hasVocabulary(in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM term)") ?? false
    }

    /// Names close to `name` (a typo away), from the graph's nodes and aliases and the vocabulary,
    /// best first: for "did you mean …".
    public func suggestions(for name: String, kind: EntityKind? = nil, limit: Int = 3) throws -> [String] {
        try read { db in try Self.suggestions(for: name, kind: kind, limit: limit, in: db) }
    }

    /// `suggestions(for:kind:limit:)` on a connection the caller holds (the query engine plans
    /// and runs a query in one read).
    public static func suggestions(for name: String, kind: EntityKind? = nil, limit: Int = 3,
                                   in db: Database) throws -> [String] {
        let key = name.lowercased()
        let budget = max(1, min(3, key.count / 4))
        let rows = try Row.fetchAll(db, sql: """
                SELECT key, name, 0 AS vocab FROM node WHERE (?1 IS NULL OR kind = ?1) AND length(key) BETWEEN ?2 AND ?3
                UNION ALL
                SELECT a.key, n.name, 0 FROM alias a JOIN node n ON n.id = a.node_id
                WHERE (?1 IS NULL OR n.kind = ?1) AND length(a.key) BETWEEN ?2 AND ?3
                UNION ALL
                SELECT key, name, 1 FROM term WHERE (?1 IS NULL OR kind = ?1) AND length(key) BETWEEN ?2 AND ?3
                """, arguments: [kind?.rawValue, key.count - budget, key.count + budget])
        var best: [String: (distance: Int, vocab: Int)] = [:]
        let target = Array(key.unicodeScalars)
        for row in rows {
            let candidate: String = row["key"]
            guard let d = editDistance(target, Array(candidate.unicodeScalars), limit: budget) else { continue }
            let name: String = row["name"], vocab: Int = row["vocab"]
            if let b = best[name], (b.distance, b.vocab) <= (d, vocab) { continue }
            best[name] = (d, vocab)
        }
        return best.sorted { ($0.value.distance, $0.value.vocab, $0.key) < ($1.value.distance, $1.value.vocab, $1.key) }
            .prefix(limit).map(\.key)
    }
}

/// Levenshtein distance, or nil once it must exceed `limit` (stopping early keeps suggestions
/// cheap over a large vocabulary).
public func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
    if abs(a.count - b.count) > limit { return nil }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        current[0] = i
        var rowMin = current[0]
        for j in 1...max(b.count, 1) where !b.isEmpty {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            rowMin = min(rowMin, current[j])
        }
        if rowMin > limit { return nil }
        swap(&previous, &current)
    }
    let d = a.isEmpty ? b.count : previous[b.count]
    return d <= limit ? d : nil
}
