import VigilStore

/// "Did you mean …" for the query language's keywords (names go through `GraphStore.suggestions`).
enum Spelling {
    /// How far a word may be from a suggestion: one edit in short words, up to three in long ones.
    static func tolerance(_ word: String) -> Int { min(3, max(1, word.count / 4)) }

    /// The closest candidate within tolerance.
    static func nearest(_ word: String, among candidates: [String]) -> String? {
        let w = Array(word.lowercased().unicodeScalars)
        return candidates
            .compactMap { c in editDistance(w, Array(c.lowercased().unicodeScalars), limit: tolerance(word)).map { (c, $0) } }
            .min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }
}
