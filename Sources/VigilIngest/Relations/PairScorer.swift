import Foundation
import VigilCore

/// A linear scorer of drug–reaction pairs (logistic regression over features of the pair: words
/// between, words around, order, distance, the rule-based link strength), trained on the ADE
/// corpus's development half by `Seeds/models/train_ade_pairs.sh`. It decides which pairs of a
/// lone sentence are adverse effects; reports keep the rules, which read their structure.
public struct PairScorer: Sendable {
    /// The weights, keyed by `stableHash` of the feature string, in a table that needs no
    /// `Hasher` per look-up (no `Dictionary` is built: loading one cost several milliseconds).
    var table: U64Table<Float>
    var threshold: Float

    init(weights: [UInt64: Float], threshold: Float = 0) {
        var t = U64Table<Float>(capacity: weights.count)
        for (k, v) in weights { t[k] = v }
        self.init(table: t, threshold: threshold)
    }

    init(table: U64Table<Float>, threshold: Float) {
        self.table = table
        self.threshold = threshold
    }

    /// Reads `feature<TAB>weight` lines; a `#threshold<TAB>x` line sets the decision threshold.
    init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Lexicon.LoadError(file: url.path, reason: "file is missing or unreadable")
        }
        var threshold: Float = 0
        // Split on bytes: Character-level splitting of the file cost more than the hashing.
        let bytes = [UInt8](data)
        var t = U64Table<Float>(capacity: bytes.count / 24)
        let thresholdName = Array("#threshold".utf8)
        bytes.withUnsafeBufferPointer { bytes in
            var i = 0
            while i < bytes.count {
                var e = i
                while e < bytes.count, bytes[e] != 10 { e += 1 }
                defer { i = e + 1 }
                var tab = e - 1
                while tab >= i, bytes[tab] != 9 { tab -= 1 }
                guard tab >= i, let v = Float(String(decoding: bytes[(tab + 1)..<e], as: UTF8.self)) else { continue }
                // An ASCII name hashes as its bytes; any other goes through String as before, so
                // that a malformed byte hashes as the replacement character it decodes to.
                var h: UInt64 = fnvBasis
                var high: UInt8 = 0
                for k in i..<tab {
                    high |= bytes[k]
                    h = fnv1a(h, bytes[k])
                }
                if high >= 128 { h = stableHash(String(decoding: bytes[i..<tab], as: UTF8.self)) }
                if tab - i == thresholdName.count, bytes[i..<tab].elementsEqual(thresholdName) {
                    threshold = v
                } else {
                    t[h] = v
                }
            }
        }
        self.init(table: t, threshold: threshold)
    }

    func score(_ features: [String]) -> Float {
        var s: Float = 0
        for f in features { s += table[stableHash(f)] ?? 0 }
        return s
    }

    /// Logistic regression by stochastic gradient descent with L2 regularisation (applied lazily
    /// through a common scale of the weights): the weights of every feature string. It replaced an
    /// averaged perceptron, whose rare lexical features overfitted (cross-validated relaxed F1
    /// 0.691 against 0.700).
    static func train(_ examples: [([String], Bool)], epochs: Int = 15, lambda: Double = 1e-4,
                      rate rate0: Double = 0.1) -> [String: Float] {
        var index: [String: Int] = [:]
        var names: [String] = []
        let rows: [([Int], Double)] = examples.map { fs, gold in
            (fs.map { f in
                if let i = index[f] { return i }
                index[f] = names.count
                names.append(f)
                return names.count - 1
            }, gold ? 1 : 0)
        }
        var v = [Double](repeating: 0, count: names.count)
        var scale = 1.0
        var order = Array(rows.indices)
        var rng = SplitMix(seed: 7)
        var t = 0.0
        for _ in 0..<epochs {
            order.shuffle(using: &rng)
            for i in order {
                let (fs, y) = rows[i]
                let rate = rate0 / (1 + rate0 * lambda * t)
                t += 1
                var z = 0.0
                for f in fs { z += v[f] }
                z *= scale
                let p = 1 / (1 + exp(-z))
                scale *= 1 - rate * lambda
                let g = (y - p) * rate / scale
                for f in fs { v[f] += g }
                if scale < 1e-6 {
                    for k in v.indices { v[k] *= scale }
                    scale = 1
                }
            }
        }
        var out: [String: Float] = [:]
        for (k, x) in v.enumerated() where abs(x * scale) > 1e-4 { out[names[k]] = Float(x * scale) }
        return out
    }

    /// The features of one drug–reaction pair of a sentence.
    static func features(drug d: EntityMention, reaction r: EntityMention, sentence s: Sentence, mentionIdx: [Int],
                         mentions: [EntityMention], tokens: [Token], rule: Int) -> [String] {
        var sink = StringFeatures()
        emit(drug: d, reaction: r, sentence: s, mentionIdx: mentionIdx, mentions: mentions, tokens: tokens, rule: rule,
             into: &sink)
        return sink.features
    }

    /// The score of one pair, as `score(features(…))` gives it, with each feature hashed as it is
    /// written rather than built as a string (the strings were most of the cost of a lone sentence).
    func score(drug d: EntityMention, reaction r: EntityMention, sentence s: Sentence, mentionIdx: [Int],
               mentions: [EntityMention], tokens: [Token], rule: Int) -> Float {
        var sink = ScoringFeatures(weights: table)
        Self.emit(drug: d, reaction: r, sentence: s, mentionIdx: mentionIdx, mentions: mentions, tokens: tokens,
                  rule: rule, into: &sink)
        return sink.score
    }

    /// Writes the features of a pair, each as a sequence of parts, in a fixed order.
    static func emit<S: FeatureSink>(drug d: EntityMention, reaction r: EntityMention, sentence s: Sentence,
                                     mentionIdx: [Int], mentions: [EntityMention], tokens: [Token], rule: Int,
                                     into f: inout S) {
        let n = FeatureNames.shared
        f.feature(n.bias)
        f.feature(n.rule, number(rule))
        let forward = d.tokens.upperBound <= r.tokens.lowerBound
        let a = forward ? d.tokens.upperBound : r.tokens.upperBound
        let b = forward ? r.tokens.lowerBound : d.tokens.lowerBound
        f.feature(n.order[forward])
        let dist = max(0, b - a)
        let bucket = dist == 0 ? "0" : dist <= 2 ? "1-2" : dist <= 5 ? "3-5" : dist <= 10 ? "6-10" : dist <= 20 ? "11-20" : "21+"
        f.feature(n.dist[forward], bucket)
        if r.embeddedDrug != nil { f.feature(n.embedded) }
        func word(_ k: Int) -> String {
            guard k >= s.tokens.lowerBound, k < s.tokens.upperBound else { return "<s>" }
            if let m = mentionIdx.first(where: { mentions[$0].tokens.contains(k) }) {
                return mentions[m].kind == .drug ? "<D>" : mentions[m].kind == .reaction ? "<R>" : "<T>"
            }
            return tokens[k].kind == .number ? "<N>" : tokens[k].norm
        }
        var between: [String] = []
        between.reserveCapacity(dist)
        var last = ""
        if a < b {
            for k in a..<b {
                let w = word(k)
                if w == last && w.hasPrefix("<") { continue }
                last = w
                between.append(w)
            }
        }
        // The distinct words in order: sorted, each once (as `Set(between).sorted()`, without the set).
        let sorted = between.sorted()
        for (i, w) in sorted.enumerated() where i == 0 || w != sorted[i - 1] { f.feature(n.btw[forward], w) }
        if dist <= 8 {
            f.begin(n.seq[forward])
            for (i, w) in between.enumerated() {
                if i > 0 { f.part(byte: UInt8(ascii: " ")) }
                f.part(w)
            }
            f.end()
        }
        if let x = between.first { f.feature(n.btw1[forward], x) }
        if let x = between.last { f.feature(n.btwL[forward], x) }
        for k in 0..<max(0, between.count - 1) { f.feature(n.bi[forward], between[k], UInt8(ascii: "_"), between[k + 1]) }
        f.feature(n.preD, word(d.tokens.lowerBound - 1))
        f.feature(n.preD2, word(d.tokens.lowerBound - 2), UInt8(ascii: "_"), word(d.tokens.lowerBound - 1))
        f.feature(n.postD, word(d.tokens.upperBound))
        f.feature(n.postD2, word(d.tokens.upperBound), UInt8(ascii: "_"), word(d.tokens.upperBound + 1))
        f.feature(n.preR, word(r.tokens.lowerBound - 1))
        f.feature(n.preR2, word(r.tokens.lowerBound - 2), UInt8(ascii: "_"), word(r.tokens.lowerBound - 1))
        f.feature(n.postR, word(r.tokens.upperBound))
        f.feature(n.postR2, word(r.tokens.upperBound), UInt8(ascii: "_"), word(r.tokens.upperBound + 1))
        var nd = 0, nr = 0
        for i in mentionIdx {
            if mentions[i].kind == .drug { nd += 1 } else if mentions[i].kind == .reaction { nr += 1 }
        }
        f.feature(n.nD, number(min(nd, 4)))
        f.feature(n.nR, number(min(nr, 6)))
        f.feature(n.nDnR, number(min(nd, 3)), UInt8(ascii: "_"), number(min(nr, 4)))
        // No sentence-wide cue words ("induced", "trial", "we" anywhere in the sentence): they
        // cost cross-validated F1 (relaxed 0.707 without them, 0.700 with), being the same for
        // every pair of a sentence, right or wrong.
        // Reactions and drugs recur across articles: some reactions are nearly always adverse
        // effects ("hepatotoxicity"), others mostly what a drug treats ("breast cancer"); some
        // drugs are mostly written about for their adverse effects.
        f.feature(n.reaction, r.name)
        f.feature(n.reactionHead, tokens[r.tokens.upperBound - 1].norm)
        f.feature(r.concept >= 0 ? n.sourceLexicon : n.sourceForm)
        f.feature(n.drug, d.name)
    }

    /// `String(n)`, from a table for the small counts the features use.
    private static func number(_ n: Int) -> String { n >= 0 && n < smallNumbers.count ? smallNumbers[n] : String(n) }
    private static let smallNumbers = (0..<10).map { String($0) }
}

/// The fixed text a feature starts with, and the FNV-1a state after it, so that scoring a pair
/// does not hash the same names again for every pair.
struct FeatureName: Sendable {
    let text: String
    let hash: UInt64
    init(_ text: String) {
        self.text = text
        hash = stableHash(text)
    }
}

/// The names `PairScorer.emit` writes ("btwF=", "btwB=": some carry the order of the pair).
struct FeatureNames: Sendable {
    struct Directed: Sendable {
        let forward: FeatureName, backward: FeatureName
        init(_ f: String, _ b: String) { forward = FeatureName(f); backward = FeatureName(b) }
        subscript(_ isForward: Bool) -> FeatureName { isForward ? forward : backward }
    }

    static let shared = FeatureNames()
    let bias = FeatureName("bias"), rule = FeatureName("rule="), embedded = FeatureName("embedded")
    let order = Directed("order=F", "order=B")
    let dist = Directed("dist=F", "dist=B")
    let btw = Directed("btwF=", "btwB=")
    let seq = Directed("seqF=", "seqB=")
    let btw1 = Directed("btw1F=", "btw1B=")
    let btwL = Directed("btwLF=", "btwLB=")
    let bi = Directed("biF=", "biB=")
    let preD = FeatureName("preD="), preD2 = FeatureName("preD2="), postD = FeatureName("postD="),
        postD2 = FeatureName("postD2=")
    let preR = FeatureName("preR="), preR2 = FeatureName("preR2="), postR = FeatureName("postR="),
        postR2 = FeatureName("postR2=")
    let nD = FeatureName("nD="), nR = FeatureName("nR="), nDnR = FeatureName("nDnR=")
    let reaction = FeatureName("R="), reactionHead = FeatureName("Rh=")
    let sourceLexicon = FeatureName("Rsrc=lex"), sourceForm = FeatureName("Rsrc=form")
    let drug = FeatureName("D=")
}

/// Receives features as a name followed by string parts.
protocol FeatureSink {
    mutating func begin(_ name: FeatureName)
    mutating func part(_ s: String)
    /// An ASCII separator (" ", "_"): one byte, not a string to hash.
    mutating func part(byte: UInt8)
    mutating func end()
}

extension FeatureSink {
    mutating func feature(_ n: FeatureName) { begin(n); end() }
    mutating func feature(_ n: FeatureName, _ b: String) { begin(n); part(b); end() }
    mutating func feature(_ n: FeatureName, _ b: String, _ separator: UInt8, _ d: String) {
        begin(n); part(b); part(byte: separator); part(d); end()
    }
}

/// The features as strings, for training and for the model file.
struct StringFeatures: FeatureSink {
    var features: [String] = []
    private var cur = ""
    mutating func begin(_ name: FeatureName) { cur = name.text }
    mutating func part(_ s: String) { cur += s }
    mutating func part(byte: UInt8) { cur.unicodeScalars.append(Unicode.Scalar(byte)) }
    mutating func end() { features.append(cur) }
}

/// The sum of the features' weights, each feature hashed part by part (FNV-1a runs on, so the
/// hash of the parts is `stableHash` of their concatenation).
struct ScoringFeatures: FeatureSink {
    let weights: U64Table<Float>
    var score: Float = 0
    private var h: UInt64 = 0
    init(weights: U64Table<Float>) { self.weights = weights }
    mutating func begin(_ name: FeatureName) { h = name.hash }
    mutating func part(_ s: String) {
        let start = h
        // The bytes in place (a small string's on the stack): no copy of the string to make it mutable.
        if let end = s.utf8.withContiguousStorageIfAvailable({ bytes in
            var h = start
            for b in bytes { h = fnv1a(h, b) }
            return h
        }) {
            h = end
            return
        }
        for b in s.utf8 { h = fnv1a(h, b) }
    }
    mutating func part(byte: UInt8) { h = fnv1a(h, byte) }
    mutating func end() { score += weights[h] ?? 0 }
}

/// A small deterministic generator, so that training gives the same weights on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
