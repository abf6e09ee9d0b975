/// Cue phrases looked for in one text, as `phrases.contains { text.has($0) }` does, but a phrase
/// is searched for only when every pair of adjacent bytes it holds occurs in the text: most cue
/// phrases are absent from a given sentence, and one missing pair rules a phrase out without a scan.
struct PhraseList: Sendable, ExpressibleByArrayLiteral {
    let phrases: [String]
    /// Each phrase's byte pairs, as `BytePairs` numbers them.
    private let pairs: [[Int]]

    init(_ phrases: [String]) {
        self.phrases = phrases
        pairs = phrases.map { p in
            let u = Array(p.utf8)
            return u.indices.dropLast().map { BytePairs.pair(u[$0], u[$0 + 1]) }
        }
    }

    init(arrayLiteral phrases: String...) { self.init(phrases) }

    /// Whether some phrase occurs in the text.
    func any(in text: BytePairs) -> Bool {
        for k in phrases.indices where text.holdsAll(pairs[k]) {
            if text.text.has(phrases[k]) { return true }
        }
        return false
    }
}

/// A text with the set of its adjacent byte pairs (4096 bits, pairs folded on their low six bits).
struct BytePairs {
    let text: String
    /// An array rather than an `InlineArray`: the 512 bytes of that were copied for every phrase
    /// `PhraseList.any` tried, most of the scope classifier's time.
    private var bits = [UInt64](filled: 0, count: 64)

    init(_ text: String) {
        self.text = text
        var t = text
        t.withUTF8 { u in
            guard u.count >= 2 else { return }
            for i in 0..<(u.count - 1) {
                let p = Self.pair(u[i], u[i + 1])
                bits[p >> 6] |= 1 << UInt64(p & 63)
            }
        }
    }

    @inline(__always)
    static func pair(_ a: UInt8, _ b: UInt8) -> Int { Int(a & 0x3F) << 6 | Int(b & 0x3F) }

    @inline(__always)
    func holdsAll(_ pairs: [Int]) -> Bool {
        for p in pairs where bits[p >> 6] & (1 << UInt64(p & 63)) == 0 { return false }
        return true
    }

    /// `text.has(phrase)`, ruled out first by the phrase's byte pairs.
    func has(_ phrase: String) -> Bool {
        var p = phrase
        let possible = p.withUTF8 { u -> Bool in
            guard u.count >= 2 else { return true }
            for i in 0..<(u.count - 1) {
                let q = Self.pair(u[i], u[i + 1])
                if bits[q >> 6] & (1 << UInt64(q & 63)) == 0 { return false }
            }
            return true
        }
        return possible && text.has(phrase)
    }
}
