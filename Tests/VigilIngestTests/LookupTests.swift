import Foundation
import Testing
@testable import VigilIngest

/// Words that `Set<String>` and `WordSet` must answer alike, canonical equivalents included:
/// U+037E is ";", U+212A (Kelvin) is "K", "e" with a combining acute is "é".
private let members = [";", ".", "no", "not", "K", "é", "’", "-", "résumé"]
private let probes = [";", "\u{037E}", ".", "no", "No", "not", "nope", "K", "\u{212A}", "k", "é", "e\u{301}", "’", "'",
                      "-", "‐", "résumé", "re\u{301}sume\u{301}", "", "x"]

@Test func wordSetAnswersAsASetOfStrings() {
    let set = Set(members), words = WordSet(members)
    for p in probes { #expect(words.contains(p) == set.contains(p), "\(p.unicodeScalars.map(\.value))") }
}

@Test func wordSetLooksUpTokensAsTheirNormalisedForm() {
    let set = Set(members), words = WordSet(members)
    for t in Tokenizer.tokenize(Array("No; not \u{037E} K \u{212A} résumé re\u{301}sume\u{301} ’ - x".unicodeScalars)) {
        #expect(words.contains(t) == set.contains(t.norm), "\(t.norm)")
    }
}

@Test(arguments: [" the patient died ", " no recurrence was seen ", "", "a", " re - challenge ", "ab"])
func phraseListsFindWhatSubstringSearchFinds(text: String) {
    let phrases = [" died ", "recurrence", " re - challenge", "a", "", "b", "patient d", "xyz", "the  patient"]
    let pairs = BytePairs(text)
    for p in phrases {
        #expect(pairs.has(p) == text.has(p), "\(p)")
        #expect(PhraseList([p]).any(in: pairs) == text.has(p), "\(p)")
    }
    #expect(PhraseList(phrases).any(in: pairs) == phrases.contains { text.has($0) })
}

@Test func substringSearchOnBytes() {
    #expect(" a died man ".has(" died "))
    #expect(!" a diet ".has(" died "))
    #expect("xx".has(""))
    #expect(!"ab".has("abc"))
    #expect("  a".has("  a"))
    #expect(!" a".has("  a"))
}

@Test(arguments: [
    [0xEF, 0xBB, 0xBF, 0x61], [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x41], [0x61, 0xFF], [0xC0, 0xAF],
    [0xED, 0xA0, 0x80], [0x61, 0xCC, 0x81], Array("héllo".utf8), [0xE2, 0x80],
] as [[UInt8]])
func utf8TextAsFoundationDecodesIt(bytes: [UInt8]) {
    let data = Data(bytes)
    let ours = DocumentReader.utf8String(data), foundation = String(data: data, encoding: .utf8)
    #expect(ours.map { Array($0.utf8) } == foundation.map { Array($0.utf8) })
}

@Test(arguments: ["reactions", "allergies", "ies", "lies", "rash", "glass", "virus", "analysis", "cells", "abcs", "as", "series"])
func singularHashOnBytesIsTheHashOfTheSingular(word: String) {
    #expect(Tokenizer.singularHash(Array(word.utf8)) == (Tokenizer.singular(word).map(stableHash) ?? 0))
}

@Test(arguments: ["Plain ASCII Text", "ΣΑΣ ΟΔΟΣ", "İstanbul", "STRASSE ß ẞ", "ǅemal ǈ", "Ångström Å", "ﬁ ＡＢＣ", "µg μg ÉCOLE",
                  "e\u{301}E\u{301}", "😀 Emoji", "KELVIN \u{212A}", "", "\u{0130}\u{0049}\u{0307}", "Ⅻ ⓐⒶ"])
func lowerCasingOnBytesIsLowercased(text: String) {
    #expect(lowercasedUTF8(Array(text.utf8)) == text.lowercased())
    #expect(Array(lowercasedUTF8(Array(text.utf8)).utf8) == Array(text.lowercased().utf8))
}

/// A synonym of an enantiomer that reads as the racemate's name ("(+)-warfarin" of
/// "(r)-warfarin") does not take the racemate's own name, whichever row comes first.
@Test func aDrugsOwnNameWinsOverAnotherDrugsSynonym() {
    let lexicon = Lexicon(drugs: [("(r)-warfarin", ["(+)-warfarin"]), ("warfarin", ["Coumadin"])], reactions: [("bleeding", [])])
    let a = AnalysedDocument(text: "Warfarin and Coumadin.", lexicon: lexicon)
    #expect(a.mentions.filter { $0.kind == .drug }.map(\.name) == ["warfarin", "warfarin"])
}
