import GRDB

extension QueryEngine {
    /// Every word the language knows, for completion.
    public static let keywords = [
        "reactions", "targets", "drugs", "cases", "path", "distance", "neighbors", "nodes", "evidence", "explain",
        "of", "shared", "with", "via", "targeting", "causing", "sharing", "from", "to", "within", "for", "causes",
        "where", "and", "limit", "depth", "max", "including", "negated", "onset", "scope", "age", "sex", "days",
        "weeks", "case", "literature", "reference",
    ]

    /// What may replace `word`, the word being typed after `before`: keywords, and entity names
    /// (node names and aliases). A name of several words completes from its first word on, so
    /// "coronary vas" offers "vasospasm" when `before` ends with "coronary".
    public func completions(before: String, word: String, limit: Int = 50) throws -> [String] {
        let lowered = word.lowercased()
        var out: [String] = []
        var seen: Set<String> = []
        func offer(_ s: String) {
            if out.count < limit, seen.insert(s).inserted { out.append(s) }
        }
        for k in Self.keywords where k.hasPrefix(lowered) && !lowered.isEmpty { offer(k) }
        guard !word.isEmpty else { return out }
        let earlier = before.split(separator: " ").map(String.init)
        // The words already typed may be the start of the name: try them longest first.
        for n in stride(from: min(3, earlier.count), through: 0, by: -1) {
            let lead = earlier.suffix(n)
            let phrase = (lead + [word]).joined(separator: " ").lowercased()
            let names = try store.read { db in
                try String.fetchAll(db, sql: """
                    SELECT name FROM (
                        SELECT name, key FROM node WHERE key >= ?1 AND key < ?1 || x'F48FBFBF'
                          AND kind NOT IN ('case', 'document')
                        UNION
                        SELECT alias, key FROM alias WHERE key >= ?1 AND key < ?1 || x'F48FBFBF')
                    ORDER BY length(name), name LIMIT ?2
                    """, arguments: [phrase, limit])
            }
            for name in names {
                // Drop the words already on the line; keep the rest of the name as written.
                let words = name.split(separator: " ", omittingEmptySubsequences: false)
                guard words.count > n else { continue }
                offer(words.dropFirst(n).joined(separator: " "))
            }
        }
        return out
    }
}
