import Foundation

/// Trains the scorer of drug–reaction pairs on an ADE-corpus folder (`DRUG-AE.rel`, `ADE-NEG.txt`)
/// and writes `models/ade_pairs.tsv` beside the lexicon's vocabularies.
public enum PairScorerTrainer {
    /// Trains, reports a five-fold cross-validation by article (relaxed and strict, end to end)
    /// and writes the weights with the threshold that cross-validation chose. Returns the report.
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
        // End to end, as ade_eval counts (every gold pair, found or not by the mention finder), by
        // five-fold cross-validation over articles; the decision threshold is the one that gives
        // the best cross-validated relaxed F1.
        let verbose = ProcessInfo.processInfo.environment["VIGIL_TRAIN_VERBOSE"] != nil
        var scored: [(score: Float, example: Int)] = []
        for fold in UInt64(0)..<5 {
            let tr = examples.filter { stableHash($0.group) % 5 != fold }
            let wf = PairScorer.train(tr.map { ($0.features, $0.gold) })
            let sf = PairScorer(weights: Dictionary(uniqueKeysWithValues: wf.map { (stableHash($0.key), $0.value) }))
            for (i, e) in examples.enumerated() where stableHash(e.group) % 5 == fold {
                scored.append((sf.score(e.features), i))
            }
        }
        let goldTotal = goldPairs
        func measure(_ th: Float) -> (P: Float, R: Float, F: Float, sP: Float, sR: Float, sF: Float) {
            var hit = Set<Int>(), strictHit = Set<Int>(), fp = 0, strictFP = 0
            for (score, i) in scored where score > th {
                let e = examples[i]
                if e.goldPairs.isEmpty { fp += 1 } else { hit.formUnion(e.goldPairs) }
                // Strict: a prediction whose spans are not exactly gold is a false positive, as in ade_eval.
                if e.strictGoldPairs.isEmpty { strictFP += 1 } else { strictHit.formUnion(e.strictGoldPairs) }
            }
            let P = Float(hit.count) / Float(max(1, hit.count + fp)), R = Float(hit.count) / Float(max(1, goldTotal))
            let sP = Float(strictHit.count) / Float(max(1, strictHit.count + strictFP))
            let sR = Float(strictHit.count) / Float(max(1, goldTotal))
            return (P, R, 2 * P * R / max(1e-6, P + R), sP, sR, 2 * sP * sR / max(1e-6, sP + sR))
        }
        var best: (th: Float, F: Float) = (0, -1)
        // Candidate thresholds at every percentile of the scores: the learners' scales differ.
        let sortedScores = scored.map(\.score).sorted()
        let percentiles = (1..<100).map { sortedScores[min(sortedScores.count - 1, sortedScores.count * $0 / 100)] }
        for th in Set(percentiles + [0]).sorted() {
            let m = measure(th)
            if m.F > best.F { best = (th, m.F) }
        }
        let m = measure(best.th)
        print(String(format: "cross-validated end to end (relaxed, 5 folds by article): P %.3f R %.3f F %.3f over %d gold pairs (threshold %.2f)",
                     m.P, m.R, m.F, goldTotal, best.th))
        print(String(format: "cross-validated end to end (strict, 5 folds by article):  P %.3f R %.3f F %.3f", m.sP, m.sR, m.sF))
        let strictReachable = Set(examples.flatMap(\.strictGoldPairs)).count
        print("gold pairs reachable by a candidate: relaxed \(reachable), strict \(strictReachable) of \(goldTotal)")
        if verbose {
            for (score, i) in scored {
                let e = examples[i]
                let rule = e.features.first { $0.hasPrefix("rule=") } ?? ""
                print(String(format: "cv %@ %@ %.2f\t%@\t", e.gold ? "gold" : "none", score > best.th ? "yes" : "no", score, rule) + e.note)
            }
        }
        let all = PairScorer.train(examples.map { ($0.features, $0.gold) })
        var text = "#threshold\t\(best.th)\n"
        for (k, v) in all.sorted(by: { $0.key < $1.key }) where abs(v) >= 0.01 {
            text += "\(k.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " "))\t\(String(format: "%.3f", v))\n"
        }
        let out = lexicon.directory.deletingLastPathComponent().appendingPathComponent("models/ade_pairs.tsv")
        try FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: out, atomically: true, encoding: .utf8)
        print("wrote \(all.count) weights to \(out.path)")
        if verbose {
            for u in PairTraining.unreachable { print("unreachable: \(u)") }
            for u in PairTraining.spanMismatches { print("span: \(u)") }
        }
        return log
    }
}
