/// One word or punctuation mark of a document, located by code-point offsets.
struct Token: Sendable {
    enum Kind: UInt8, Sendable { case word, number, punct }

    var kind: Kind
    /// Offsets in Unicode code points into the document, end exclusive.
    var start: Int
    var end: Int
    /// Lower-cased form with line-break hyphenation removed and Greek letters spelled out.
    var norm: String
    /// Hash of `norm`, the key the lexicon is looked up with.
    var hash: UInt64
    /// Hash of the singular of `norm` ("reactions" → "reaction"), 0 when there is none.
    var singularHash: UInt64
    /// The first scalar as written, to tell "Raf" from "RAF" from "raf".
    var isCapitalized: Bool
    var isAllUpper: Bool
    /// Whether a line break (or a blank line) separates this token from the previous one.
    var newlineBefore: Bool
    var blankLineBefore: Bool
    /// Whether any whitespace separates this token from the previous one.
    var spaceBefore: Bool
    /// Whether the token was written in ASCII, so that `norm` is ASCII (false says nothing).
    var isASCII = false

    /// On an array element, `tokens[k].kind != .punct` reads the kind in place; this copies the
    /// whole token first (a retain and release of `norm`: 3 % of the instructions on the ADE lines).
    var isWord: Bool { kind != .punct }
}

/// FNV-1a's offset basis: every token and name hash of the extractor starts here and takes its
/// bytes with `fnv1a`, so names in the lexicon and words in text meet on equal hashes.
let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325

/// One FNV-1a step: `h` with one more byte.
@inline(__always)
func fnv1a(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }

/// FNV-1a over UTF-8, stable across runs (Swift's `Hasher` is seeded per process).
@inline(__always)
func stableHash(_ s: String) -> UInt64 {
    var h = fnvBasis
    for b in s.utf8 {
        h = fnv1a(h, b)
    }
    return h
}

/// `stableHash`, and whether the string is ASCII, in one pass.
@inline(__always)
func stableHashASCII(_ s: String) -> (hash: UInt64, isASCII: Bool) {
    var h = fnvBasis
    var high: UInt8 = 0
    for b in s.utf8 {
        high |= b
        h = fnv1a(h, b)
    }
    return (h, high < 128)
}

/// Folds one more token into an n-gram key.
@inline(__always)
func combine(_ key: UInt64, _ token: UInt64) -> UInt64 {
    (key ^ (token &+ 0x9e37_79b9_7f4a_7c15 &+ (key << 6) &+ (key >> 2))) &* 0xff51_afd7_ed55_8ccd
}
