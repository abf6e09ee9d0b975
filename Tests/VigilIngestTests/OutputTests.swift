import Foundation
import Testing
import VigilCore
@testable import VigilIngest

/// The JSON lines writer gives byte for byte what `JSONEncoder` gives with the options
/// `vigil extract --format jsonl` used before it.
@Test func jsonLineWriterMatchesJSONEncoder() throws {
    let weird = "quote \" backslash \\ slash / tab\t nl\n cr\r bell\u{7} esc\u{1B} del\u{7F} é β 😀"
    var doc = ExtractedDocument(source: weird, line: 3, title: "T/itle", pmid: nil, doi: "10.1/x", journal: nil,
                                year: 2020, contentHash: "abc")
    doc.triples = [
        Triple(subject: Mention(kind: .drug, name: "sorafenib", text: "Sorafenib", start: 0, end: 9), predicate: .causes,
               object: .entity(Mention(kind: .reaction, name: weird, text: weird, start: 10, end: 20)),
               assertion: .negated, scope: .literature, evidence: Evidence(text: weird, start: 0, end: 30, section: "case")),
        Triple(subject: Mention(kind: .drug, name: "x"), predicate: .targets,
               object: .entity(Mention(kind: .targetFamily, name: "VEGFR")), scope: .case),
        Triple(subject: Mention(kind: .drug, name: "x"), predicate: .causes,
               object: .literal(Literal(value: "14", unit: "days", about: "rash")), scope: .case,
               evidence: Evidence(text: "e", start: 1, end: 2)),
    ]
    doc.cases = [CaseFacts(age: 62, ageRange: [60, 69.5], sex: "male", indication: "hepatocellular carcinoma",
                           drugs: [CaseDrug(name: "sorafenib", role: .suspect, dose: "400 mg")],
                           reactions: [CaseReaction(name: "rash", drug: "sorafenib", onsetDays: 2.5)])]
    let enc = JSONEncoder()
    enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Whole numbers only (written by the line writer itself), with every optional field set or not.
    var whole = doc
    whole.cases = [CaseFacts(age: 62, ageRange: [60, 69], sex: "female", indication: weird,
                             drugs: [CaseDrug(name: "sorafenib", role: .suspect, dose: weird), CaseDrug(name: "b", role: .concomitant)],
                             reactions: [CaseReaction(name: "rash", drug: "sorafenib", onsetDays: 14, dechallenge: .positive,
                                                      rechallenge: .negative, outcome: "recovered"),
                                         CaseReaction(name: weird, drug: nil)]),
                   CaseFacts(), CaseFacts(age: 0, ageRange: [], drugs: [], reactions: [CaseReaction(name: "x", drug: nil, onsetDays: 0)])]
    var negativeZero = doc
    negativeZero.cases = [CaseFacts(age: -0.0)]
    // No hash (`extract --lines`): both leave the key out.
    for d in [doc, ExtractedDocument(source: "-", contentHash: "h"), ExtractedDocument(source: "-", line: 1, contentHash: ""),
              whole, negativeZero] {
        var out: [UInt8] = []
        try JSONLineWriter().write(d, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == String(decoding: try enc.encode(d), as: UTF8.self))
    }
}

/// "acute localized exanthematous pustulosis (ALEP)" is its own reaction, not AGEP.
@Test func localizedPustulosisIsNotAGEP() throws {
    let lexicon = try Lexicon()
    let a = AnalysedDocument(text: "Sorafenib-induced acute localized exanthematous pustulosis (ALEP) was reported.",
                             lexicon: lexicon)
    let names = a.mentions.filter { $0.kind == .reaction }.map(\.name)
    #expect(names.contains("acute localized exanthematous pustulosis"))
    #expect(!names.contains("acute generalized exanthematous pustulosis"))
}
