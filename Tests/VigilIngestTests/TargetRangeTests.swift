import Foundation
import Testing
import VigilCore
@testable import VigilIngest

/// "VEGFR1-3", "FGFR1–4", "VEGFR-1/2/3": a numbered family member with the next numbers run on
/// names those members too; a dash after a space ("VEGFR-2 in 3 - 5 patients") does not.
@Test(arguments: [
    ("Lenvatinib inhibits VEGFR1-3, FGFR1–4 and RET.", "lenvatinib", ["FLT1", "KDR", "FLT4", "FGFR1", "FGFR2", "FGFR3", "FGFR4", "RET"]),
    ("Axitinib is a potent inhibitor of VEGFR-1/2/3.", "axitinib", ["FLT1", "KDR", "FLT4"]),
    ("Axitinib inhibits VEGFR-2/-3.", "axitinib", ["KDR", "FLT4"]),
    ("Axitinib inhibits VEGFR-2 in 3 - 5 patients.", "axitinib", ["KDR"]),
])
func numberedFamilyMembersRunOn(_ text: String, _ drug: String, _ expected: [String]) throws {
    let lexicon = try Lexicon(directory: seedsDirectory.appendingPathComponent("vocab"))
    let out = Extractor(lexicon: lexicon).extract(.init(source: "t", text: text))
    let targets = out.triples.filter { $0.predicate == .targets }
    #expect(targets.allSatisfy { $0.subject.name == drug })
    #expect(targets.compactMap { $0.object.mention?.name } == expected)
}

/// A target named twice in a sentence, by name and abbreviation, is one triple of that sentence.
@Test func aTargetNamedTwiceInASentenceIsOneTriple() throws {
    let lexicon = try Lexicon(directory: seedsDirectory.appendingPathComponent("vocab"))
    let text = "Pembrolizumab, an antibody against programmed cell death protein 1 (PD-1), blocks PD-1 signalling."
    let out = Extractor(lexicon: lexicon).extract(.init(source: "t", text: text))
    let targets = out.triples.filter { $0.predicate == .targets }
    #expect(targets.map(\.object.mention?.name) == ["PDCD1"])
}
