import Foundation
import VigilCore

/// A linear scorer of drug–reaction pairs (averaged perceptron over features of the pair: words
/// between, words around, order, distance, the rule-based link strength), trained on the ADE
/// corpus's development half by `Seeds/models/train_ade_pairs.sh`. It decides which pairs of a
/// lone sentence are adverse effects; reports keep the rules, which read their structure.
public struct PairScorer: Sendable {
    var weights: [UInt64: Float]
    var threshold: Float

    init(weights: [UInt64: Float], threshold: Float = 0) {
        self.weights = weights
        self.threshold = threshold
    }

    /// Reads `feature<TAB>weight` lines; a `#threshold<TAB>x` line sets the decision threshold.
    init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Lexicon.LoadError(file: url.path, reason: "file is missing or unreadable")
        }
        var w: [UInt64: Float] = [:]
        var threshold: Float = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let tab = line.lastIndex(of: "\t"), let v = Float(line[line.index(after: tab)...]) else { continue }
            let name = String(line[..<tab])
            if name == "#threshold" { threshold = v } else { w[stableHash(name)] = v }
        }
        self.init(weights: w, threshold: threshold)
    }

    func score(_ features: [String]) -> Float {
        var s: Float = 0
        for f in features { s += weights[stableHash(f)] ?? 0 }
        return s
    }

    /// Averaged perceptron: the weights of every feature string.
    static func train(_ examples: [([String], Bool)], epochs: Int = Int(ProcessInfo.processInfo.environment["VIGIL_EPOCHS"] ?? "") ?? 4) -> [String: Float] {
        var w: [String: Float] = [:], total: [String: Float] = [:], stamp: [String: Int] = [:]
        var t = 0
        var order = Array(examples.indices)
        var rng = SplitMix(seed: 7)
        for _ in 0..<epochs {
            order.shuffle(using: &rng)
            for i in order {
                t += 1
                let (fs, gold) = examples[i]
                var s: Float = 0
                for f in fs { s += w[f] ?? 0 }
                let predicted = s > 0
                guard predicted != gold else { continue }
                let delta: Float = gold ? 1 : -1
                for f in fs {
                    // Lazy averaging: bring the running total up to date before the change.
                    total[f, default: 0] += Float(t - (stamp[f] ?? 0)) * (w[f] ?? 0)
                    stamp[f] = t
                    w[f, default: 0] += delta
                }
            }
        }
        var avg: [String: Float] = [:]
        for (f, v) in w {
            let tot = (total[f] ?? 0) + Float(t - (stamp[f] ?? 0)) * v
            let a = tot / Float(t)
            if abs(a) > 1e-4 { avg[f] = a }
        }
        return avg
    }

    /// The features of one drug–reaction pair of a sentence.
    static func features(drug d: EntityMention, reaction r: EntityMention, sentence s: Sentence, mentionIdx: [Int],
                         mentions: [EntityMention], tokens: [Token], rule: Int) -> [String] {
        var f: [String] = ["bias", "rule=\(rule)"]
        let forward = d.tokens.upperBound <= r.tokens.lowerBound
        let a = forward ? d.tokens.upperBound : r.tokens.upperBound
        let b = forward ? r.tokens.lowerBound : d.tokens.lowerBound
        let o = forward ? "F" : "B"
        f.append("order=\(o)")
        let dist = max(0, b - a)
        let bucket = dist == 0 ? "0" : dist <= 2 ? "1-2" : dist <= 5 ? "3-5" : dist <= 10 ? "6-10" : dist <= 20 ? "11-20" : "21+"
        f.append("dist=\(o)\(bucket)")
        if r.embeddedDrug != nil { f.append("embedded") }
        func word(_ k: Int) -> String {
            guard k >= s.tokens.lowerBound, k < s.tokens.upperBound else { return "<s>" }
            if let m = mentionIdx.first(where: { mentions[$0].tokens.contains(k) }) {
                return mentions[m].kind == .drug ? "<D>" : mentions[m].kind == .reaction ? "<R>" : "<T>"
            }
            let t = tokens[k]
            return t.kind == .number ? "<N>" : t.norm
        }
        var between: [String] = []
        var last = ""
        if a < b {
            for k in a..<b {
                let w = word(k)
                if w == last && w.hasPrefix("<") { continue }
                last = w
                between.append(w)
            }
        }
        for w in Set(between).sorted() { f.append("btw\(o)=\(w)") }
        if dist <= 8 {
            f.append("seq\(o)=" + between.joined(separator: " "))
        }
        if let x = between.first { f.append("btw1\(o)=\(x)") }
        if let x = between.last { f.append("btwL\(o)=\(x)") }
        for k in 0..<max(0, between.count - 1) { f.append("bi\(o)=\(between[k])_\(between[k + 1])") }
        f.append("preD=\(word(d.tokens.lowerBound - 1))")
        f.append("preD2=\(word(d.tokens.lowerBound - 2))_\(word(d.tokens.lowerBound - 1))")
        f.append("postD=\(word(d.tokens.upperBound))")
        f.append("postD2=\(word(d.tokens.upperBound))_\(word(d.tokens.upperBound + 1))")
        f.append("preR=\(word(r.tokens.lowerBound - 1))")
        f.append("preR2=\(word(r.tokens.lowerBound - 2))_\(word(r.tokens.lowerBound - 1))")
        f.append("postR=\(word(r.tokens.upperBound))")
        f.append("postR2=\(word(r.tokens.upperBound))_\(word(r.tokens.upperBound + 1))")
        let nd = mentionIdx.filter { mentions[$0].kind == .drug }.count
        let nr = mentionIdx.filter { mentions[$0].kind == .reaction }.count
        f.append("nD=\(min(nd, 4))")
        f.append("nR=\(min(nr, 6))")
        f.append("nDnR=\(min(nd, 3))_\(min(nr, 4))")
        // Sentence-wide cues, since the corpus marks every pair of an adverse-effect sentence.
        for k in s.tokens where tokens[k].kind == .word {
            let w = tokens[k].norm
            if sentenceCues.contains(w) { f.append("s=\(w)") }
        }
        return f
    }

    static let sentenceCues: Set<String> = [
        "induced", "associated", "after", "following", "developed", "treated", "treatment", "for", "patients",
        "patient", "case", "therapy", "caused", "due", "secondary", "toxicity", "adverse", "effect", "effects",
        "reaction", "reactions", "during", "receiving", "received", "while", "discontinuation", "withdrawal",
        "stopped", "resolved", "rechallenge", "related", "risk", "efficacy", "effective", "response", "improved",
        "trial", "study", "dose", "doses", "prevent", "prevention", "management", "we", "report", "reported",
        "occurred", "complication", "complications", "use", "administration", "exposure", "intoxication",
        "overdose", "ingestion", "onset", "side", "caution", "hypersensitivity", "allergic", "drug", "drugs",
        "possible", "probably", "suggest", "suggests", "may", "unusual", "rare", "first", "no", "not", "without",
    ]
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
