import Testing
@testable import VigilIngest

@Test func wordsBrokenAcrossLinesAreMended() {
    let a = analyse("advanced hepatocellular carcino-\n\nma was treated")
    #expect(a.tokens.map(\.norm).contains("carcinoma"))
    #expect(a.mentions.first?.name == "hepatocellular carcinoma")
}

@Test func lettersAndDigitsSplitSoSpellingsMeet() {
    #expect(Tokenizer.tokenize(Array("VEGFR2".unicodeScalars)).map(\.norm) == ["vegfr", "2"])
    #expect(Tokenizer.tokenize(Array("PDGFRβ".unicodeScalars)).map(\.norm) == ["pdgfr", "beta"])
}

@Test(arguments: [
    ("As reported by Smith et al. in 2010, the drug was safe. It was given.", 2),
    ("The lesion is shown in Fig. 1 and the rash in Fig. 2. It resolved.", 2),
    ("Several drugs (e.g. docetaxel, i.e. a taxane) vs. placebo were used. Then it stopped.", 2),
    ("Creatinine was 1.7 mg/dL and CRP 6.37 mg/dL. The patient recovered.", 2),
    ("He took entecavir for hepatitis B. There was no other cause.", 2),
    ("It inhibits PDGFR (PDGFR-).1 It is approved for HCC.", 2),
    ("RRD was first described by D. Angio in 1959. It is rare.", 2),
])
func sentenceBoundaries(text: String, count: Int) {
    #expect(sentenceTexts(text).count == count)
}

@Test func sectionsAndArticleEnd() {
    let text = """
    A Case of Sorafenib-induced Rash
    Sorafenib causes rash. We report a case.
    INTRODUCTION

    Sorafenib is a kinase inhibitor.
    CASE REPORT

    A 62-year-old man took sorafenib.
    DISCUSSION

    Rash is common with sorafenib.
    References

    Smith J. Rash with imatinib. J Derm. 2010;1:1-2.
    """
    let a = analyse(text)
    let sections = a.sentences.map { $0.section ?? "-" }
    #expect(sections.first == "title")
    #expect(sections.contains("abstract"))
    #expect(sections.contains("introduction"))
    #expect(sections.contains("case"))
    #expect(sections.contains("discussion"))
    // Nothing after "References" is read.
    #expect(!a.mentions.contains { $0.name == "imatinib" })
}

@Test func forumPostsAfterTheArticleAreNotRead() {
    let text = """
    Case of Rash Induced by Sorafenib
    A 21-year-old woman developed rash after sorafenib.
    The rash improved.
    Discuss this study in the Community →
    A user took imatinib and developed fever.
    """
    let out = smallExtractor.extract(.init(source: "t", text: text))
    #expect(!out.triples.contains { $0.subject.name == "imatinib" })
}

@Test func captionsDoNotBreakTheirSection() {
    let text = """
    Case Report
    He received sorafenib 400 mg daily. He developed rash.
    Fig. 1. Rash on the chest.
    Table 1. Laboratory results
    WBC 4.1 5.2
    BA, before admission.
    then improved. The rash resolved.
    """
    let a = analyse(text)
    #expect(a.sentences.contains { $0.blockKind == .caption })
    #expect(!a.sentences.contains { $0.blockKind == .table })
}
