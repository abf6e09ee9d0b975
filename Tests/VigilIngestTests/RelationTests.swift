import Testing
import VigilCore
@testable import VigilIngest

func causes(_ text: String) -> [(String, String, Assertion, Scope)] {
    smallExtractor.extract(.init(source: "t", text: text)).triples.filter { $0.predicate == .causes }
        .map { ($0.subject.name, $0.object.mention?.name ?? "", $0.assertion, $0.scope) }
}

@Test(arguments: [
    "Sorafenib-induced hand-foot skin reaction.",
    "Hand-foot skin reaction induced by sorafenib.",
    "The patient developed fever after starting sorafenib.",
    "Thrombocytopenia secondary to heparin was suspected.",
])
func causalWording(_ text: String) {
    #expect(!causes(text).isEmpty)
}

@Test func treatmentIsNotCause() {
    #expect(causes("Sorafenib is approved for the treatment of hepatocellular carcinoma.").isEmpty)
}

@Test func coordinatedDrugsShareTheLink() {
    let c = causes("Agents such as docetaxel, imatinib, and heparin are commonly associated with RRD.")
    #expect(Set(c.map(\.0)) == ["docetaxel", "imatinib", "heparin"])
}

@Test func aListOfDrugsAfterTheReactionSharesTheLink() {
    let c = causes("Radiation recall dermatitis has been associated with many drugs, including docetaxel, imatinib [4] and heparin.")
    #expect(Set(c.map(\.0)) == ["docetaxel", "imatinib", "heparin"], "\(c)")
    // Not a list: the second drug is the treatment, after a word that is no list word.
    let t = causes("Radiation recall dermatitis was associated with docetaxel and resolved with heparin.")
    #expect(Set(t.map(\.0)) == ["docetaxel"], "\(t)")
}

@Test func negatedFindings() {
    #expect(AssertionDetector.isNegated(0..<1, 0..<1, []) == false)
    let text = "She had no mucosal lesions, fever, or any other relevant symptoms."
    let a = analyse(text)
    for m in a.mentions where m.kind == .reaction {
        #expect(AssertionDetector.assertion(of: m.tokens, in: a.sentences[0].tokens, a.tokens) == .negated)
    }
    let lit = "To the best of our knowledge, the literature does not include reports of toxic epidermal necrolysis (TEN)."
    let b = analyse(lit)
    let ten = try! #require(b.mentions.first { $0.name == "toxic epidermal necrolysis" })
    #expect(AssertionDetector.assertion(of: ten.tokens, in: b.sentences[0].tokens, b.tokens) == .negated)
}

@Test func hedgedStatements() {
    let c = causes("Sorafenib may cause fever.")
    #expect(c.first?.2 == .hypothetical)
}

@Test func scopeOfBackgroundAndCase() {
    #expect(ScopeClassifier.scope(" several cases of agep have been reported in patients receiving imatinib ", section: "discussion") == .literature)
    #expect(ScopeClassifier.scope(" we report a case of agep induced by sorafenib ", section: "abstract") == .case)
    #expect(ScopeClassifier.scope(" the most frequent adverse effects of sorafenib include rash ", section: "case") == .literature)
    #expect(ScopeClassifier.scope(" in our case, rash developed 14 days after starting sorafenib ", section: "discussion") == .case)
}

@Test func mechanismSentencesGiveTargetsWithEnumeratedMembers() {
    let text = "Sorafenib is a kinase inhibitor which interferes the kinases Raf-1 and B-Raf and vascular endothelial growth factor receptors 1, 2, and 3 and PDGFR-β."
    let out = smallExtractor.extract(.init(source: "t", text: text))
    let targets = Set(out.triples.filter { $0.predicate == .targets }.compactMap { $0.object.mention?.name })
    #expect(targets == ["RAF1", "BRAF", "FLT1", "KDR", "FLT4", "PDGFRB"])
}

@Test func pronounSubjectIsTheReportsDrug() {
    let text = """
    Sorafenib-induced Rash
    Sorafenib is widely used. It inhibits C-RAF and platelet-derived growth factor receptor.
    We report a case. The patient recovered.
    """
    let out = smallExtractor.extract(.init(source: "t", text: text))
    let t = out.triples.filter { $0.predicate == .targets }
    #expect(t.allSatisfy { $0.subject.name == "sorafenib" })
    #expect(Set(t.compactMap { $0.object.mention?.name }) == ["RAF1", "PDGFR"])
}

/// The assertion of the one reaction named `name` in a one-sentence text.
func assertionOf(_ name: String, in text: String) -> Assertion? {
    let a = analyse(text)
    guard let m = a.mentions.first(where: { $0.name == name }) else { return nil }
    return AssertionDetector.assertion(of: m.tokens, in: a.sentences[0].tokens, a.tokens)
}

@Test(arguments: [
    ("She denied fever.", "fever", Assertion.negated),
    ("There was no evidence of thrombocytopenia.", "thrombocytopenia", .negated),
    ("Absence of pruritus was noted.", "pruritus", .negated),
    ("Toxic epidermal necrolysis was ruled out.", "toxic epidermal necrolysis", .negated),
    ("Thrombocytopenia was excluded.", "thrombocytopenia", .negated),
    // A doubt is not a denial.
    ("Sorafenib-induced thrombocytopenia cannot be excluded.", "thrombocytopenia", .uncertain),
    ("A contribution of heparin to the thrombocytopenia could not be ruled out.", "thrombocytopenia", .uncertain),
    ("We could not rule out heparin-induced thrombocytopenia.", "thrombocytopenia", .uncertain),
    // A modal that doubts the cause of what happened, against one that imagines an effect.
    ("The rash could be due to sorafenib.", "rash", .uncertain),
    ("The fever may have been caused by heparin.", "fever", .uncertain),
    ("Sorafenib may cause fever.", "fever", .hypothetical),
    // What a denial does not reach.
    ("Rash is not uncommonly seen with sorafenib.", "rash", .affirmed),
    ("There are no previous reports of sorafenib-induced toxic epidermal necrolysis.", "toxic epidermal necrolysis", .affirmed),
    ("No other cause for the thrombocytopenia was found except heparin.", "thrombocytopenia", .affirmed),
    ("In the absence of fever, a sorafenib-induced rash was diagnosed.", "rash", .affirmed),
    ("A woman with no risk factors for thrombocytopenia developed pruritus after sorafenib.", "pruritus", .affirmed),
    ("No patients developed thrombocytopenia.", "thrombocytopenia", .negated),
    ("Infection was excluded, and the rash was attributed to sorafenib.", "rash", .affirmed),
])
func assertionForms(text: String, name: String, expected: Assertion) {
    #expect(assertionOf(name, in: text) == expected, "\(text)")
}

@Test func anEarlierDrugsPurposeIsNotALaterDrugsEffect() {
    let c = causes("A woman taking imatinib 400 mg daily for hepatocellular carcinoma was given heparin.")
    #expect(!c.contains { $0.1 == "hepatocellular carcinoma" }, "\(c)")
}

@Test func whatAReactionDidNextIsNotCausedByTheDrugAfterIt() {
    #expect(causes("Because the rash persisted after 5 days, a single dose of heparin was given.").isEmpty)
    #expect(causes("The rash resolved with imatinib.").isEmpty)
    #expect(!causes("The rash developed after starting imatinib.").isEmpty)
}
