import Foundation

/// Trains the scorer of drug–reaction pairs on an ADE-corpus folder (`DRUG-AE.rel`, `ADE-NEG.txt`)
/// and writes `models/ade_pairs.tsv` beside the lexicon's vocabularies.
public enum PairScorerTrainer {
    /// Trains, reports a held-out check (80% of articles for training, 20% for testing) and writes
    /// the weights. Returns the report.
    @discardableResult
    public static func train(adeDirectory dir: String, lexicon: Lexicon) throws -> String {
        var log = ""
        func print(_ s: String) { log += s + "\n" }
        let base = URL(fileURLWithPath: dir)
        var bySentence: [String: PairTraining.LabelledSentence] = [:]
        var order: [String] = []
        for line in try String(contentsOf: base.appendingPathComponent("DRUG-AE.rel"), encoding: .utf8).split(separator: "\n") {
            let p = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard p.count >= 8 else { continue }
            if bySentence[p[1]] == nil { bySentence[p[1]] = .init(group: p[0], text: p[1], pairs: []); order.append(p[1]) }
            bySentence[p[1]]!.pairs.append((drug: p[5], effect: p[2]))
        }
        for line in try String(contentsOf: base.appendingPathComponent("ADE-NEG.txt"), encoding: .utf8).split(separator: "\n") {
            let p = line.split(separator: " ", maxSplits: 2).map(String.init)
            guard p.count == 3, bySentence[p[2]] == nil else { continue }
            bySentence[p[2]] = .init(group: p[0], text: p[2], pairs: [])
            order.append(p[2])
        }
        let sentences = order.map { bySentence[$0]! }
        let (examples, goldPairs, reachable) = PairTraining.examples(sentences, lexicon: lexicon)
        print("sentences \(sentences.count), gold pairs \(goldPairs), reachable by candidates \(reachable), candidates \(examples.count)")
        // Held-out check: train on 80% of the articles, test on the rest.
        func heldOut(_ e: PairTraining.Example) -> Bool { stableHash(e.group) % 5 == 0 }
        let train = examples.filter { !heldOut($0) }, test = examples.filter(heldOut)
        let w = PairScorer.train(train.map { ($0.features, $0.gold) })
        let scorer = PairScorer(weights: Dictionary(uniqueKeysWithValues: w.map { (stableHash($0.key), $0.value) }))
        var best: (Float, Float) = (0, 0)
        for th in stride(from: Float(-1.0), through: 1.0, by: 0.25) {
            var tp = 0, fp = 0, fn = 0
            for e in test {
                let p = scorer.score(e.features) > th
                if p && e.gold { tp += 1 } else if p { fp += 1 } else if e.gold { fn += 1 }
            }
            let P = Float(tp) / Float(max(1, tp + fp)), R = Float(tp) / Float(max(1, tp + fn))
            let F = 2 * P * R / max(1e-6, P + R)
            print(String(format: "held-out threshold %.2f  P %.3f R %.3f F %.3f", th, P, R, F))
            if F > best.1 { best = (th, F) }
        }
        // End to end, as ade_eval counts (every gold pair, found or not by the mention finder),
        // by five-fold cross-validation over articles.
        var found = 0, falsePositives = 0, goldTotal = 0
        for fold in UInt64(0)..<5 {
            let tr = examples.filter { stableHash($0.group) % 5 != fold }
            let te = examples.filter { stableHash($0.group) % 5 == fold }
            let wf = PairScorer.train(tr.map { ($0.features, $0.gold) })
            let sf = PairScorer(weights: Dictionary(uniqueKeysWithValues: wf.map { (stableHash($0.key), $0.value) }))
            var hit = Set<Int>()
            for e in te where sf.score(e.features) > best.0 {
                if e.goldPairs.isEmpty { falsePositives += 1 } else { hit.formUnion(e.goldPairs) }
            }
            found += hit.count
            goldTotal += sentences.filter { stableHash($0.group) % 5 == fold }.reduce(0) { $0 + $1.pairs.count }
        }
        let P = Float(found) / Float(max(1, found + falsePositives))
        let R = Float(found) / Float(max(1, goldTotal))
        print(String(format: "cross-validated end to end (relaxed, 5 folds by article): P %.3f R %.3f F %.3f over %d gold pairs", P, R, 2 * P * R / max(1e-6, P + R), goldTotal))
        let all = PairScorer.train(examples.map { ($0.features, $0.gold) })
        var text = "#threshold\t\(best.0)\n"
        for (k, v) in all.sorted(by: { $0.key < $1.key }) where abs(v) >= 0.01 {
            text += "\(k.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " "))\t\(String(format: "%.3f", v))\n"
        }
        let out = lexicon.directory.deletingLastPathComponent().appendingPathComponent("models/ade_pairs.tsv")
        try FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: out, atomically: true, encoding: .utf8)
        print("wrote \(all.count) weights to \(out.path)")
        if ProcessInfo.processInfo.environment["VIGIL_TRAIN_VERBOSE"] != nil {
            for u in PairTraining.unreachable { print("unreachable: \(u)") }
        }
        return log
    }
}
