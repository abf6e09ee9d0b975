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

/// A pair's features come from the pair and the words near it: a word far away in the sentence
/// ("trial" or "study") changes none of them (sentence-wide cue words overfitted).
@Test func pairFeaturesIgnoreFarWords() {
    func features(_ text: String) -> [String] {
        let a = analyse(text)
        let idx = a.mentionsBySentence[0]
        let (d, r, rule) = PairTraining.candidates(a.sentences[0], idx, a.mentions, a.tokens)[0]
        return PairScorer.features(drug: a.mentions[d], reaction: a.mentions[r], sentence: a.sentences[0],
                                   mentionIdx: idx, mentions: a.mentions, tokens: a.tokens, rule: rule)
    }
    let trial = features("In this trial we saw that heparin caused thrombocytopenia.")
    #expect(trial.contains("btwF=caused"))
    #expect(trial == features("In this study we saw that heparin caused thrombocytopenia."))
}
