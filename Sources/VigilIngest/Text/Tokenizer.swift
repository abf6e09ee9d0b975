/// Splits text into words, numbers and punctuation, mending words broken across lines.
///
/// The tokenizer never fails: every scalar is either whitespace, part of a word or number, or
/// a punctuation token of its own. Letters and digits are split apart ("VEGFR2" → "vegfr" "2")
/// so that "VEGFR2", "VEGFR-2" and "VEGFR 2" look alike to the lexicon.
enum Tokenizer {
    static func tokenize(_ text: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.count / 5)
        var i = 0
        let n = text.count
        var newline = false, blank = false, space = false
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        while i < n {
            let c = text[i]
            if isSpace(c) {
                if c == "\n" { if newline { blank = true }; newline = true }
                space = true
                i += 1
                continue
            }
            let cls = charClass(c)
            if cls == 0 {
                if c == "\u{AD}" { i += 1; continue }  // soft hyphen
                let ascii = c.value < 128
                let p = ascii ? asciiStrings[Int(c.value)] : String(Character(c))
                tokens.append(Token(kind: .punct, start: i, end: i + 1, norm: p,
                                    hash: ascii ? asciiHashes[Int(c.value)] : stableHash(p), singularHash: 0,
                                    isCapitalized: false, isAllUpper: false, newlineBefore: newline,
                                    blankLineBefore: blank, spaceBefore: space, isASCII: ascii))
                newline = false; blank = false; space = false
                i += 1
                continue
            }
            // A run of letters (cls 1) or digits (cls 2).
            let start = i
            let kind: Token.Kind = cls == 2 ? .number : .word
            let isCapitalized = c.value < 128 ? (c.value >= 65 && c.value <= 90) : c.properties.isUppercase
            // Most runs are ASCII and end on ASCII other than a hyphen: their norm is written straight
            // into the string. Any other run (non-ASCII, soft hyphen, a hyphen that may break a word
            // across lines) takes the general loop below from its start.
            if let run = asciiRun(text, from: start, cls) {
                let norm = String(unsafeUninitializedCapacity: run.end - start) { buf in
                    for k in start..<run.end {
                        let b = UInt8(text[k].value)
                        buf[k - start] = b >= 65 && b <= 90 ? b + 32 : b
                    }
                    return run.end - start
                }
                let last = text[run.end - 1].value  // "s" or "S": the norm ends in "s"
                let singular = kind == .word && (last == 115 || last == 83) ? (norm.utf8.withContiguousStorageIfAvailable(singularHash) ?? 0) : 0
                tokens.append(Token(kind: kind, start: start, end: run.end, norm: norm, hash: run.hash,
                                    singularHash: singular, isCapitalized: isCapitalized,
                                    isAllUpper: kind == .word && run.upper, newlineBefore: newline,
                                    blankLineBefore: blank, spaceBefore: space, isASCII: true))
                newline = false; blank = false; space = false
                i = run.end
                continue
            }
            bytes.removeAll(keepingCapacity: true)
            var ascii = true
            var upper = cls == 1
            var hash: UInt64 = fnvBasis
            var j = i
            while j < n {
                let d = text[j]
                let dc = charClass(d)
                if dc == cls {
                    let v = d.value
                    if v < 128 {
                        var b = UInt8(v)
                        if b >= 65 && b <= 90 { b += 32 } else if b >= 97 && b <= 122 { upper = false }
                        bytes.append(b)
                        hash = fnv1a(hash, b)
                    } else {
                        ascii = false
                        if d.properties.isLowercase { upper = false }
                        var tmp = String.UnicodeScalarView()
                        appendNormalized(d, to: &tmp)
                        for b in String(tmp).utf8 {
                            bytes.append(b)
                            hash = fnv1a(hash, b)
                        }
                    }
                    j += 1
                    continue
                }
                if d == "\u{AD}", j + 1 < n, charClass(text[j + 1]) == cls { j += 1; continue }
                // "carcino-\n\nma": a lower-case word broken by a hyphen at a line end.
                if cls == 1, d == "-" || d == "\u{2010}", j > start, isLowerLetter(text[j - 1]) {
                    var k = j + 1
                    var sawNewline = false
                    while k < n, isSpace(text[k]) { if text[k] == "\n" { sawNewline = true }; k += 1 }
                    if sawNewline, k < n, isLowerLetter(text[k]) {
                        j = k
                        continue
                    }
                }
                break
            }
            let norm = String(decoding: bytes, as: UTF8.self)
            var singular: UInt64 = 0
            if kind == .word, let last = bytes.last, last == 115 {
                singular = ascii ? singularHash(bytes) : Self.singular(norm).map(stableHash) ?? 0
            }
            tokens.append(Token(kind: kind, start: start, end: j, norm: norm, hash: hash, singularHash: singular,
                                isCapitalized: isCapitalized, isAllUpper: kind == .word && upper,
                                newlineBefore: newline, blankLineBefore: blank, spaceBefore: space, isASCII: ascii))
            newline = false; blank = false; space = false
            i = j
        }
        return tokens
    }

    /// The end, hash and all-upper-case flag of the ASCII run of class `cls` (1 letters, 2 digits) at
    /// `start`, as the general loop would give them; nil when the run needs that loop: a non-ASCII
    /// scalar in or right after it, or a hyphen after letters (a word broken across lines).
    @inline(__always)
    private static func asciiRun(_ text: [Unicode.Scalar], from start: Int, _ cls: Int)
        -> (end: Int, hash: UInt64, upper: Bool)? {
        var j = start
        var hash = fnvBasis
        var upper = cls == 1
        while j < text.count {
            let v = text[j].value
            guard v < 128 else { return nil }
            let isLetter = (v >= 97 && v <= 122) || (v >= 65 && v <= 90)
            let isDigit = v >= 48 && v <= 57
            guard cls == 1 ? isLetter : isDigit else {
                if cls == 1 && v == 45 { return nil }
                break
            }
            var b = UInt8(v)
            if b >= 65 && b <= 90 { b += 32 } else if b >= 97 && b <= 122 { upper = false }
            hash = fnv1a(hash, b)
            j += 1
        }
        return (j, hash, upper)
    }

    /// Tokens of a lexicon term: the same rules as running text, so both sides meet.
    static func normalizedWords(_ term: String) -> [Token] {
        tokenize(Array(term.unicodeScalars)).filter(\.isWord)
    }

    /// The single-scalar strings of ASCII punctuation and their hashes, made once rather than per token.
    private static let asciiStrings: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }
    private static let asciiHashes: [UInt64] = asciiStrings.map(stableHash)

    /// `singular(w).map(stableHash) ?? 0` for an ASCII word's bytes, without building strings.
    static func singularHash(_ w: [UInt8]) -> UInt64 { w.withUnsafeBufferPointer(singularHash) }

    /// `singularHash` on bytes in place: a native string's UTF-8 needs no array.
    static func singularHash(_ w: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = w.count
        guard n > 3, w[n - 1] == 115, w[n - 2] != 115, w[n - 2] != 117, w[n - 2] != 105 else { return 0 }  // s, ss, us, is
        var h: UInt64 = fnvBasis
        if w[n - 3] == 105 && w[n - 2] == 101 {  // "ies" → "y"
            for b in w[..<(n - 3)] { h = fnv1a(h, b) }
            return fnv1a(h, 121)
        }
        for b in w[..<(n - 1)] { h = fnv1a(h, b) }
        return h
    }

    static func singular(_ w: String) -> String? {
        guard w.utf8.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") else { return nil }
        if w.hasSuffix("ies") { return String(w.dropLast(3)) + "y" }
        return String(w.dropLast())
    }

    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    @inline(__always)
    static func isLowerLetter(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c.value >= 97 && c.value <= 122 }
        return c.properties.isLowercase
    }

    /// 1 letter, 2 digit, 3 Greek letter (its own word: "PDGFRβ" is "pdgfr beta"), 0 anything else.
    @inline(__always)
    static func charClass(_ c: Unicode.Scalar) -> Int {
        let v = c.value
        if v < 128 {
            if (v >= 97 && v <= 122) || (v >= 65 && v <= 90) { return 1 }
            if v >= 48 && v <= 57 { return 2 }
            return 0
        }
        if greek[v] != nil { return 3 }
        if c.properties.isAlphabetic { return 1 }
        if c.properties.numericType != nil { return 2 }
        return 0
    }

    private static let greek: [UInt32: String] = [
        0x3B1: "alpha", 0x391: "alpha", 0x3B2: "beta", 0x392: "beta", 0x3B3: "gamma", 0x393: "gamma",
        0x3B4: "delta", 0x394: "delta", 0x3BA: "kappa", 0x39A: "kappa", 0x3B5: "epsilon",
    ]

    @inline(__always)
    private static func appendNormalized(_ c: Unicode.Scalar, to s: inout String.UnicodeScalarView) {
        let v = c.value
        if v < 128 {
            s.append(v >= 65 && v <= 90 ? Unicode.Scalar(v + 32)! : c)
        } else if let g = greek[v] {
            s.append(contentsOf: g.unicodeScalars)
        } else {
            for l in c.properties.lowercaseMapping.unicodeScalars { s.append(l) }
        }
    }
}
