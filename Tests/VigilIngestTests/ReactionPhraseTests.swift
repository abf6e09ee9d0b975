import Testing
import VigilCore
@testable import VigilIngest

/// Reactions written as a change in a measurement, with the words as written and the name given.
@Test(arguments: [
    ("Her serum creatinine was elevated, then elevated serum creatinine persisted.", "elevated serum creatinine",
     "increased creatinine"),
    ("An increase of INR to 6.2 was noted.", "increase of INR", "increased inr"),
    ("He had QTc prolongation on day 3.", "QTc prolongation", "increased qtc"),
    ("The platelet count had decreased to 20,000.", "platelet count had decreased", "decreased platelet count"),
    ("She reported blurred vision.", "blurred vision", "decreased vision"),
    ("Weight gain of 8 kg followed.", "Weight gain", "increased weight"),
    ("Low platelet counts and raised liver enzymes were found.", "raised liver enzymes", "increased liver enzymes"),
])
func measurementChangesAreReactions(text: String, span: String, name: String) {
    let m = mentions(text)
    #expect(m.contains { $0.0 == .reaction && $0.2 == span && $0.1 == name })
}

@Test func aDrugLevelThatRoseIsAReactionOfThatDrug() throws {
    let a = analyse("Serum carbamazepine levels had increased to 18 mg/L.")
    let r = try #require(a.mentions.first { $0.kind == .reaction })
    #expect(a.string(r.start, r.end) == "Serum carbamazepine levels had increased")
    let d = try #require(r.embeddedDrug)
    #expect(a.mentions[d].name == "carbamazepine")
    let out = smallExtractor.extract(.init(source: "t", text: "Serum carbamazepine levels had increased to 18 mg/L."))
    #expect(out.triples.contains { $0.predicate == .causes && $0.subject.name == "carbamazepine" })
}

@Test(arguments: ["He received a high dose of imatinib.", "Low weight infants were excluded.",
                  "The trial measured serum creatinine weekly.", "The increase was small."])
func wordsOfChangeAloneNameNoReaction(text: String) {
    #expect(!mentions(text).contains { $0.0 == .reaction })
}

@Test func aKnownReactionInsideThePhraseGivesWayToIt() {
    // "thrombocytopenia" is not inside; "low platelet count" is one phrase.
    let m = mentions("thrombocytopenia with a low platelet count")
    #expect(m.filter { $0.0 == .reaction }.map(\.2) == ["thrombocytopenia", "low platelet count"])
}

@Test func saltsAndProductWordsBelongToTheDrugMention() {
    let m = mentions("Imatinib mesylate and pegylated heparin and recombinant human heparin sodium")
    #expect(m.filter { $0.0 == .drug }.map(\.2) == ["Imatinib mesylate", "pegylated heparin",
                                                     "recombinant human heparin sodium"])
    #expect(m.filter { $0.0 == .drug }.map(\.1) == ["imatinib", "heparin", "heparin"])
}

@Test(arguments: [
    ("She became lethargic and confused after the dose.", ["lethargic", "confused"]),
    ("He developed testicular swelling.", ["testicular swelling"]),
    ("There was swelling of the lips.", ["swelling of the lips"]),
    ("Ocular side effects were common.", ["Ocular side effects"]),
])
func reactionsWrittenWithoutTheirNoun(text: String, spans: [String]) {
    #expect(mentions(text).filter { $0.0 == .reaction }.map(\.2) == spans)
}

@Test func aStateAdjectiveBeforeItsNounIsNoReactionOfItsOwn() {
    #expect(!mentions("The infusion was hypertensive crisis management.").contains { $0.2 == "hypertensive" })
}

@Test func reactionSpansTakeTheirAdjectivesButNotTheirCause() {
    let m = mentions("Cervical thrombocytopenia, drug-induced thrombocytopenia and significant thrombocytopenia")
    #expect(m.filter { $0.0 == .reaction }.map(\.2) == ["Cervical thrombocytopenia", "thrombocytopenia", "thrombocytopenia"])
}

/// A class noun after the disorder joins its span; one another mention holds does not.
@Test func classNounAfterTheReactionJoinsItsSpan() {
    let m = mentions("Pruritus symptoms and thrombocytopenia episodes followed heparin; fever syndrome was absent.")
    #expect(m.filter { $0.0 == .reaction }.map(\.2) == ["Pruritus symptoms", "thrombocytopenia episodes", "fever syndrome"])
    #expect(mentions("Thrombocytopenia pruritus").filter { $0.0 == .reaction }.map(\.2) == ["Thrombocytopenia", "pruritus"])
}

/// A noun of the disorder's course before "of" heads the span; the onset of a disorder does not.
@Test func courseOfTheReactionHeadsItsSpan() {
    let m = mentions("Worsening of pruritus and exacerbation of the fever, then onset of thrombocytopenia.")
    #expect(m.filter { $0.0 == .reaction }.map(\.2) == ["Worsening of pruritus", "exacerbation of the fever",
                                                         "thrombocytopenia"])
}

@Test func drugClassesAndOrganismTraitsAreReadAsWritten() {
    let m = mentions("Sorafenib reuptake inhibitors and heparin-resistant strains")
    #expect(m.filter { $0.0 == .drug }.map(\.2) == ["Sorafenib reuptake inhibitors"])
}

@Test func variantLettersAndStereoPrefixesBelongToTheDrug() {
    let m = mentions("Heparin B and L-imatinib were given.")
    #expect(m.filter { $0.0 == .drug }.map(\.2) == ["Heparin B", "L-imatinib"])
}

@Test func disorderAdjectivesWithSymptomNounsAndLikenessesAreReactions() {
    let m = mentions("Hypomanic symptoms appeared, then a pruritus-like eruption.")
    #expect(m.filter { $0.0 == .reaction }.map(\.2) == ["Hypomanic symptoms", "pruritus-like eruption"])
}
