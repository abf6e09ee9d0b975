import Testing
@testable import VigilIngest

/// The learner gives a feature that only positive examples carry a positive weight, one that only
/// negative examples carry a negative weight, and keeps the weights small (L2): a rare feature
/// seen once does not outweigh a common one.
@Test func logisticRegressionSeparatesAndShrinks() {
    var examples: [([String], Bool)] = []
    for _ in 0..<50 {
        examples.append((["bias", "btwF=induced"], true))
        examples.append((["bias", "btwF=for"], false))
    }
    examples.append((["bias", "btwF=for", "D=rare"], true))
    let w = PairScorer.train(examples)
    #expect(w["btwF=induced"]! > 1)
    #expect(w["btwF=for"]! < -1)
    #expect(abs(w["D=rare"]!) < abs(w["btwF=for"]!))
    let scorer = PairScorer(weights: Dictionary(uniqueKeysWithValues: w.map { (stableHash($0.key), $0.value) }))
    #expect(scorer.score(["bias", "btwF=induced"]) > 0)
    #expect(scorer.score(["bias", "btwF=for", "D=rare"]) < 0)
}
