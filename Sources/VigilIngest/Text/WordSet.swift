/// A fixed set of words, looked up by the FNV hash that tokens already carry (`Token.hash`) or
/// that `stableHash` gives, instead of running `Hasher` over the string as `Set<String>` does:
/// cue-word look-ups in every sentence were a tenth of the extraction time.
///
/// Answers exactly as `Set<String>` would: a hash hit is confirmed by comparing the strings, and a
/// word with bytes beyond ASCII is looked up in a `Set<String>`, which compares strings by
/// canonical equivalence ("\u{037E}" is ";").
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    /// Open addressing over the words' hashes, 0 for an empty slot; `words` beside it.
    private var hashes: [UInt64]
    private var words: [String]
    private let mask: Int
    private let all: Set<String>
    /// Whether two words share a hash (or one hashes to 0): then every look-up asks `all`.
    private var collided = false

    init(_ list: some Sequence<String>) {
        all = Set(list)
        var n = 16
        while n < all.count * 4 { n <<= 1 }
        mask = n - 1
        hashes = [UInt64](repeating: 0, count: n)
        words = [String](repeating: "", count: n)
        for w in all.sorted() {
            let h = stableHash(w)
            if h == 0 { collided = true; continue }
            var i = Int(truncatingIfNeeded: h) & mask
            while hashes[i] != 0 {
                if hashes[i] == h { collided = true }
                i = (i + 1) & mask
            }
            hashes[i] = h
            words[i] = w
        }
    }

    init(arrayLiteral words: String...) { self.init(words) }

    /// The words, as a `Set<String>`.
    var set: Set<String> { all }

    @inline(__always)
    func contains(_ word: String) -> Bool {
        let (h, ascii) = stableHashASCII(word)
        return contains(word, hash: h, isASCII: ascii)
    }

    /// Whether the set holds a token's normalised form.
    @inline(__always)
    func contains(_ token: borrowing Token) -> Bool { contains(token.norm, hash: token.hash, isASCII: token.isASCII) }

    /// Whether the set holds `tokens[k]`'s normalised form, read in place: passing `tokens[k]`
    /// copies the token (a retain and release of its norm), and most look-ups miss without the norm.
    @inline(__always)
    func contains(_ tokens: [Token], _ k: Int) -> Bool {
        if collided || !tokens[k].isASCII { return all.contains(tokens[k].norm) }
        guard let i = slot(of: tokens[k].hash) else { return false }
        return words[i] == tokens[k].norm
    }

    @inline(__always)
    private func contains(_ word: String, hash: UInt64, isASCII: Bool) -> Bool {
        if collided || !isASCII { return all.contains(word) }
        guard let i = slot(of: hash) else { return false }
        return words[i] == word
    }

    /// The slot holding `hash`, nil when none: a word with that hash is confirmed by the caller.
    @inline(__always)
    private func slot(of hash: UInt64) -> Int? {
        var i = Int(truncatingIfNeeded: hash) & mask
        return hashes.withUnsafeBufferPointer { hs in
            while hs[i] != 0 {
                if hs[i] == hash { return i }
                i = (i + 1) & mask
            }
            return nil
        }
    }
}
