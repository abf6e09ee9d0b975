/// Edit distance, for "did you mean …" on keywords and names.
enum Spelling {
    /// Levenshtein distance over characters, or nil once it exceeds `limit` (most candidates are
    /// far off, and stopping early keeps suggestions cheap over a large vocabulary).
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            var best = row[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                best = min(best, row[j])
            }
            if best > limit { return nil }
            swap(&previous, &row)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// How far a word may be from a suggestion: one edit in short words, up to three in long ones.
    static func tolerance(_ word: String) -> Int { min(3, max(1, word.count / 4)) }

    /// The closest candidate within tolerance.
    static func nearest(_ word: String, among candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        return candidates
            .compactMap { c in distance(w, Array(c.lowercased()), limit: tolerance(word)).map { (c, $0) } }
            .min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }
}
