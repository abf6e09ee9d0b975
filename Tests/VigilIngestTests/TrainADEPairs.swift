import Foundation
import Testing
import VigilIngest

/// Trains the pair scorer when `VIGIL_TRAIN_ADE` names an ADE-corpus folder (DRUG-AE.rel,
/// ADE-NEG.txt); otherwise does nothing. Run through `Seeds/models/train_ade_pairs.sh`.
@Test func trainADEPairScorer() throws {
    guard let dir = ProcessInfo.processInfo.environment["VIGIL_TRAIN_ADE"] else { return }
    print(try PairScorerTrainer.train(adeDirectory: dir, lexicon: try Lexicon()))
}
