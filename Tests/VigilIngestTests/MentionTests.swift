import Testing
import VigilCore
@testable import VigilIngest

@Test func drugsByGenericAndBrandWhateverTheCase() {
    let m = mentions("Sorafenib (NEXAVAR) and nexavar")
    #expect(m.map(\.1) == ["sorafenib", "sorafenib", "sorafenib"])
}

@Test func targetsMatchAsWrittenOnly() {
    let m = mentions("It inhibits Raf-1, C-RAF and B-Raf but raf-1 in lower case is not a symbol.")
    #expect(m.filter { $0.0 == .target }.map(\.1) == ["RAF1", "RAF1", "BRAF"])
}

@Test func familiesAndGreekSubtypes() {
    let m = mentions("platelet-derived growth factor receptor β and PDGFR-β and VEGFRs")
    #expect(m.map(\.1) == ["PDGFRB", "PDGFRB", "VEGFR"])
}

@Test func longestMatchPluralAndHyphenVariation() {
    let m = mentions("hand foot skin reactions and Hand-Foot Syndrome")
    #expect(m.map(\.1) == ["hand-foot skin reaction", "hand-foot skin reaction"])
}

@Test func severityModifiersStayWithTheReactionSpan() {
    let m = mentions("severe thrombocytopenia")
    #expect(m.first?.2 == "severe thrombocytopenia")
    #expect(m.first?.1 == "thrombocytopenia")
}

@Test func drugToxicityIsAReactionContainingTheDrug() {
    let m = mentions("Carbamazepine toxicity was diagnosed.")
    #expect(m.contains { $0.0 == .reaction && $0.2 == "Carbamazepine toxicity" })
    #expect(m.contains { $0.0 == .drug && $0.2 == "Carbamazepine" })
}

/// "rash" is a reaction of the lexicon: the drug's name before it joins its span (it was lost to
/// the head word), with the severity before it, as "Fatal digoxin poisoning" is annotated.
@Test func drugNamedLexiconReactionKeepsTheDrugInItsSpan() {
    let m = mentions("A severe carbamazepine rash developed.")
    #expect(m.contains { $0.0 == .reaction && $0.2 == "severe carbamazepine rash" })
    #expect(m.contains { $0.0 == .drug && $0.2 == "carbamazepine" })
}

@Test func abbreviationsDefinedInTheTextResolve() {
    let m = mentions("We saw radiation recall dermatitis (RRD) once. Later the RRD recurred.")
    #expect(m.filter { $0.1 == "radiation recall dermatitis" }.count >= 2)
}

@Test func misspelledAbbreviationOfAKnownTermResolves() {
    let m = mentions("The patient developed hand-foot skin reaction (HSFR). Ten days later, the HSFR reappeared.")
    #expect(m.contains { $0.2 == "HSFR" && $0.1 == "hand-foot skin reaction" })
}

/// A document's own definition beats what the vocabulary calls an abbreviation: the small
/// lexicon knows "TEN" as toxic epidermal necrolysis, but "tenoxicam (TEN)" makes TEN the drug
/// here, in the brackets and after.
@Test func aDefinitionInTheTextBeatsTheVocabulary() {
    let lexicon = Lexicon(drugs: [("tenoxicam", [])], reactions: [("toxic epidermal necrolysis", ["TEN"]), ("rash", [])],
                          targets: [], families: [])
    let text = "A rash developed on tenoxicam (TEN). TEN was stopped."
    let a = AnalysedDocument(text: text, lexicon: lexicon)
    let named = a.mentions.map { ($0.kind, $0.name) }
    #expect(named.filter { $0 == (.drug, "tenoxicam") }.count == 3)
    #expect(!named.contains { $0.1 == "toxic epidermal necrolysis" })
    // Without a definition the vocabulary's meaning stands.
    let b = AnalysedDocument(text: "TEN developed on tenoxicam.", lexicon: lexicon)
    #expect(b.mentions.contains { $0.name == "toxic epidermal necrolysis" })
}

@Test func unknownLongFormOfADisorderBecomesAReaction() {
    let m = mentions("Only one report of acute localized exanthematous pustulosis (ALEP) exists. ALEP is rare.")
    #expect(m.contains { $0.1 == "acute localized exanthematous pustulosis" && $0.2 == "ALEP" })
}

@Test func offsetsCountCodePoints() {
    let text = "Café ☕️ naïve: sorafenib-induced rash"
    let out = smallExtractor.extract(.init(source: "t", text: text))
    let t = try! #require(out.triples.first { $0.predicate == .causes })
    let scalars = Array(text.unicodeScalars)
    let s = t.subject.start!, e = t.subject.end!
    #expect(String(String.UnicodeScalarView(scalars[s..<e])) == "sorafenib")
}

/// A long form that is not a disorder ("flurbomatosis of the lower limbs (FLL)", ending in
/// "limbs") defines nothing, so the name found by its form inside it must stay, even when another
/// abbreviation of the document is defined.
@Test func longFormThatIsNoDisorderKeepsTheNameInsideIt() {
    let text = "He developed flurbomatosis of the lower limbs (FLL). He also had acute localized exanthematous pustulosis (ALEP)."
    let scalars = Array(text.unicodeScalars)
    let tokens = Tokenizer.tokenize(scalars)
    let layout = DocumentLayout.analyse(scalars)
    let sentences = SentenceSplitter.split(tokens: tokens, layout: layout)
    var found = MentionFinder.find(tokens, scalars, lexicon: smallLexicon, limit: layout.articleEnd)
    PatternMentions.add(&found, tokens, limit: layout.articleEnd, lexicon: smallLexicon)
    #expect(found.contains { $0.name == "flurbomatosis" && $0.concept == -1 })
    AbbreviationResolver.resolve(&found, tokens, scalars, sentences: sentences)
    #expect(found.contains { $0.name == "flurbomatosis" })
    #expect(found.contains { $0.name == "acute localized exanthematous pustulosis" })
}
