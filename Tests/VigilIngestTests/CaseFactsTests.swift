import Foundation
import Testing
import VigilCore
@testable import VigilIngest

func caseOf(_ text: String) -> CaseFacts? {
    smallExtractor.extract(.init(source: "t", text: text)).cases.first
}

let reportAGEP = """
Acute Generalized Exanthematous Pustulosis Induced by Sorafenib
Report of a Case
A woman in her 50s presented with a history of hepatocellular carcinoma. Treatment was begun with sorafenib (400 mg every 12 hours). Two weeks later, the patient developed hand-foot skin reaction (HSFR), so the treatment was suspended with resolution of the lesions. Treatment with the drug was reintroduced at half dose. Ten days later, the HSFR reappeared, and sorafenib treatment was suspended again.
A diagnosis of AGEP was made. Sorafenib treatment was discontinued promptly. The skin lesions subsided spontaneously.
"""

@Test func ageRangeSexIndicationDose() throws {
    let c = try #require(caseOf(reportAGEP))
    #expect(c.age == 55)
    #expect(c.ageRange == [50, 59])
    #expect(c.sex == "female")
    #expect(c.indication == "hepatocellular carcinoma")
    #expect(c.drugs.first == CaseDrug(name: "sorafenib", role: .suspect, dose: "400 mg every 12 hours"))
}

@Test func reactionsOnsetAndChallenges() throws {
    let c = try #require(caseOf(reportAGEP))
    let names = c.reactions.map(\.name)
    #expect(names.contains("acute generalized exanthematous pustulosis"))
    let hfsr = try #require(c.reactions.first { $0.name == "hand-foot skin reaction" })
    #expect(hfsr.onsetDays == 14)
    #expect(hfsr.dechallenge == .positive)
    #expect(hfsr.rechallenge == .positive)
    // Case reactions are also case-scope `causes` triples of the suspect drug.
    let out = smallExtractor.extract(.init(source: "t", text: reportAGEP))
    #expect(out.triples.contains { $0.predicate == .causes && $0.scope == .case && $0.object.mention?.name == "hand-foot skin reaction" })
}

@Test(arguments: [
    ("A 62-year-old man received sorafenib 400 mg twice daily.", 62.0, "male", "400 mg twice daily"),
    ("A 72 year old woman received sorafenib 200 mg daily.", 72.0, "female", "200 mg daily"),
])
func agesAndDoses(text: String, age: Double, sex: String, dose: String) throws {
    let report = "Sorafenib-induced Rash\nCase Report\n\(text) After 4 weeks, she developed rash.\nThe rash resolved after sorafenib was stopped.\n"
    let c = try #require(caseOf(report))
    #expect(c.age == age)
    #expect(c.sex == sex)
    #expect(c.drugs.first?.dose == dose)
}

@Test func negativeRechallenge() throws {
    let report = """
    Sorafenib-triggered Rash
    Case Report
    A 50-year-old man started sorafenib. Ten days later, a skin eruption occurred. Sorafenib was stopped and the rash resolved. Sorafenib was started again and the rash did not recur.
    """
    let c = try #require(caseOf(report))
    #expect(c.reactions.first?.rechallenge == .negative)
    #expect(c.reactions.first?.dechallenge == .positive)
    #expect(c.reactions.first?.onsetDays == 10)
}

/// "withheld" stops the drug as "stopped" does; "restarted … without recurrence" is a negative rechallenge.
@Test func withheldThenRestartedWithoutRecurrence() throws {
    let report = """
    Sorafenib and a rash
    Case Report
    A 50-year-old man started sorafenib. Ten days later, a skin eruption occurred. Sorafenib was withheld. The rash resolved. Sorafenib was later restarted at a lower dose without recurrence.
    """
    let c = try #require(caseOf(report))
    #expect(c.reactions.first?.dechallenge == .positive)
    #expect(c.reactions.first?.rechallenge == .negative)
}

@Test func aSentenceDescribesNoCase() {
    let out = smallExtractor.extract(.init(source: "-", text: "Heparin-induced thrombocytopenia in a 60-year-old man.", line: 3))
    #expect(out.cases.isEmpty)
    #expect(out.line == 3)
    #expect(out.triples.contains { $0.predicate == .causes && $0.object.mention?.name == "thrombocytopenia" })
}

/// A short text file (no title, two sentences) describing a patient is a case report; the same
/// two sentences as a line of `--lines` input are not.
@Test func aTwoSentenceAbstractInAFileIsACase() {
    let text = "A 61-year-old man developed toxic epidermal necrolysis ten days after starting carbamazepine. "
        + "TEN resolved after withdrawal of carbamazepine."
    let facts = caseOf(text)
    #expect(facts?.age == 61)
    #expect(facts?.sex == "male")
    #expect(facts?.drugs.first?.name == "carbamazepine")
    let reaction = facts?.reactions.first
    #expect(reaction?.name == "toxic epidermal necrolysis")
    #expect(reaction?.onsetDays == 10)
    #expect(reaction?.dechallenge == .positive)
    #expect(smallExtractor.extract(.init(source: "-", text: text, line: 1)).cases.isEmpty)
}

/// "We report X induced by D in a 68-year-old man": the sentence names the patient and links the
/// reaction to the suspect, with no "developed" to cue it.
@Test func aReportSentenceNamesTheCasesReaction() {
    let facts = caseOf("Toxic epidermal necrolysis is rare. We report toxic epidermal necrolysis induced by "
        + "carbamazepine in a 68-year-old man. Carbamazepine was stopped on day 2 and the lesions healed.")
    #expect(facts?.age == 68)
    #expect(facts?.reactions.map(\.name) == ["toxic epidermal necrolysis"])
    #expect(facts?.reactions.first?.dechallenge == .positive)
}

@Test func missingVocabularyFileIsNamed() {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-no-vocab-\(UUID().uuidString)")
    #expect {
        _ = try Lexicon(directory: dir)
    } throws: { error in
        "\(error)".contains("drugs.tsv")
    }
}

/// The sample reports of the repository, read with the real vocabularies.
@Test func seedReportWithRealVocabularies() throws {
    let lexicon = try Lexicon(directory: seedsDirectory.appendingPathComponent("vocab"))
    let ex = Extractor(lexicon: lexicon)
    let reports = seedsDirectory.appendingPathComponent("reports")
    let agep = try String(contentsOf: reports.appendingPathComponent("002_b4e2712864729885.txt"), encoding: .utf8)
    let out = ex.extract(.init(source: "002", text: agep))
    let c = try #require(out.cases.first)
    #expect(c.age == 55 && c.sex == "female")
    #expect(c.reactions.contains { $0.name == "acute generalized exanthematous pustulosis" })
    #expect(out.triples.contains { $0.subject.name == "imatinib" && $0.predicate == .causes && $0.scope == .literature })
    let forum = try String(contentsOf: reports.appendingPathComponent("004_e4341c55a2cf36d4.txt"), encoding: .utf8)
    let f = ex.extract(.init(source: "004", text: forum))
    #expect(!f.triples.contains { ["minoxidil", "finasteride", "tofacitinib", "ketoconazole"].contains($0.subject.name) })
    #expect(f.cases.first?.age == 21)
}

/// A list of reactions after "developed" is the case's however long it runs: a decimal point
/// ("39.2 °C") does not end the clause, "more than 50%" is no comparison, and each item carries
/// the cue on to the next.
@Test func aLongListOfReactionsAfterTheCueIsTheCases() throws {
    let report = """
    Sorafenib and a rash
    A 60-year-old man with hepatocellular carcinoma was treated with sorafenib 400 mg twice daily. On day 21 of therapy he developed fever (39.2 °C), a diffuse rash involving more than 50% of the body surface and the scalp, intense pruritus and thrombocytopenia. Sorafenib was stopped. The rash resolved within two weeks.
    """
    let c = try #require(caseOf(report))
    let names = Set(c.reactions.map(\.name))
    #expect(names.isSuperset(of: ["fever", "rash", "pruritus", "thrombocytopenia"]), "\(names)")
    #expect(!names.contains("hepatocellular carcinoma"))
}

/// The disease a patient is treated for is the case's indication, not a reaction to the drug,
/// however the sentence is worded; an explicit "X-induced Y" still stands.
@Test func theIndicationIsNoCaseReaction() throws {
    let report = """
    Fever after sorafenib
    A 72-year-old woman with metastatic hepatocellular carcinoma received her first dose of sorafenib 400 mg. Twelve days later she presented with fever. Sorafenib was stopped. The fever resolved.
    """
    let out = smallExtractor.extract(.init(source: "t", text: report))
    #expect(out.cases.first?.indication == "hepatocellular carcinoma")
    let caused = out.triples.filter { $0.predicate == .causes && $0.scope == .case }.compactMap { $0.object.mention?.name }
    #expect(caused.contains("fever"))
    #expect(!caused.contains("hepatocellular carcinoma"), "\(caused)")
    let explicit = smallExtractor.extract(.init(source: "t", text: report + " We think this was sorafenib-induced hepatocellular carcinoma progression in our patient."))
    #expect(explicit.triples.contains { $0.predicate == .causes && $0.object.mention?.name == "hepatocellular carcinoma" })
}

/// The indication is what the wording gives as the suspect drug's purpose, whatever the disease
/// (not only cancers), and never a reaction the text gives as the drug's effect; an onset counts
/// from the drug named right after "after" ("10 days after lamotrigine was added").
@Test(arguments: [
    ("""
    Jaundice during isoniazid preventive therapy
    A 45-year-old man receiving isoniazid 300 mg daily for latent tuberculosis developed jaundice after 8 weeks. Viral serologies were negative. Isoniazid was stopped. The liver tests normalized within 6 weeks.
    """, "isoniazid", "latent tuberculosis", "jaundice", nil as Double?),
    ("""
    Lamotrigine-associated Stevens-Johnson syndrome in a child
    We report an 8-year-old girl with epilepsy who developed Stevens-Johnson syndrome 10 days after lamotrigine was added to valproate. She had fever and conjunctivitis. Lamotrigine was withdrawn. She recovered. Concomitant valproate is a recognized risk factor for Stevens-Johnson syndrome.
    """, "lamotrigine", "epilepsy", "stevens-johnson syndrome", 10),
    ("""
    Hypertension and a cough
    A 58-year-old woman with hypertension treated with lisinopril 10 mg daily developed a dry cough after 3 weeks. Lisinopril was discontinued. The cough resolved. She was not rechallenged.
    """, "lisinopril", "hypertension", "cough", nil),
])
func indicationIsTheDrugsPurpose(_ text: String, _ drug: String, _ indication: String, _ reaction: String, _ onset: Double?) throws {
    let extractor = Extractor(lexicon: try Lexicon())
    let out = extractor.extract(.init(source: "t", text: text))
    let c = try #require(out.cases.first)
    #expect(c.drugs.first?.name == drug)
    #expect(c.indication == indication)
    let r = c.reactions.first { $0.name == reaction }
    #expect(r != nil, "\(c.reactions.map(\.name))")
    #expect(!c.reactions.contains { $0.name == indication })
    if let onset { #expect(r?.onsetDays == onset) }
    #expect(!out.triples.contains { $0.predicate == .causes && $0.scope == .case && $0.object.mention?.name == indication })
}

/// A structured abstract's inline labels start sections ("CASE PRESENTATION: …"), in PubMed XML
/// (one labelled part a line) and in MEDLINE (all in one paragraph): the case is read from its
/// section, a negated finding there is the case's, and the indication comes from "a man in his
/// 60s with rheumatoid arthritis had been taking methotrexate".
@Test(arguments: ["xml", "medline"])
func structuredAbstractLabelsAreSections(_ format: String) throws {
    let background = "Methotrexate pneumonitis is an uncommon but potentially fatal complication."
    let casePart = "A man in his 60s with rheumatoid arthritis had been taking methotrexate 15 mg weekly for 4 months when he developed a dry cough, fever and progressive dyspnea. Methotrexate was discontinued and the symptoms resolved within 3 weeks. Six months later methotrexate was reintroduced, and pneumonitis recurred after 10 days. He did not develop hepatotoxicity."
    let conclusion = "Leflunomide may also cause pneumonitis."
    let title = "Recurrent pneumonitis on rechallenge with methotrexate in rheumatoid arthritis."
    let text: String
    if format == "xml" {
        text = """
        <PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>30111222</PMID><Article>
        <ArticleTitle>\(title)</ArticleTitle><Abstract>
        <AbstractText Label="BACKGROUND">\(background)</AbstractText>
        <AbstractText Label="CASE PRESENTATION">\(casePart)</AbstractText>
        <AbstractText Label="CONCLUSIONS">\(conclusion)</AbstractText>
        </Abstract></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
        """
    } else {
        text = "PMID- 30111222\nTI  - \(title)\nAB  - BACKGROUND: \(background) CASE PRESENTATION: \(casePart)\n      CONCLUSIONS: \(conclusion)\n"
    }
    let docs = try DocumentReader().documents(data: Data(text.utf8), file: "t.\(format == "xml" ? "xml" : "txt")")
    let doc = try #require(docs.first)
    let out = Extractor(lexicon: try Lexicon()).extract(doc)
    let c = try #require(out.cases.first, "no case found")
    #expect(c.indication == "rheumatoid arthritis")
    #expect(c.age == 65)
    #expect(Set(c.reactions.map(\.name)).isSuperset(of: ["cough", "fever", "dyspnea"]))
    #expect(c.reactions.first?.rechallenge == .positive)
    let causes = out.triples.filter { $0.predicate == .causes }
    #expect(causes.contains { $0.object.mention?.name == "hepatotoxicity" && $0.assertion == .negated && $0.scope == .case })
    #expect(causes.contains { $0.subject.name == "leflunomide" && $0.scope == .literature && $0.evidence?.section == "conclusion" })
    #expect(!causes.contains { $0.object.mention?.name == "rheumatoid arthritis" })
}

/// An abstract without a case section lists the drugs its patient sentences say were taken; a
/// drug "not given" or "never received" is not the patient's.
@Test func concomitantDrugsOfAnAbstractAndDrugsNotGiven() throws {
    let report = """
    Fever on sorafenib
    A 62-year-old man with hepatocellular carcinoma was treated with sorafenib 400 mg twice daily, added to heparin. Ten days later he developed fever. Imatinib was not given. Sorafenib was stopped and the fever resolved.
    """
    let c = try #require(caseOf(report))
    #expect(c.drugs.map(\.name) == ["sorafenib", "heparin"], "\(c.drugs)")
    #expect(c.drugs.last?.role == .concomitant)
}

/// A case reaction read from the report's structure keeps the sentence it was read from and the
/// words that named it, like every other triple; what the patient did not have is a negated
/// case triple of the suspect drug, but a work-up that ruled a cause out is not.
@Test func caseTriplesKeepTheirSentenceAndAbsentFindingsAreNegated() throws {
    let report = """
    Sorafenib and a skin reaction
    Case Report
    A 58-year-old woman started sorafenib 400 mg twice daily. After 12 days she developed hand-foot syndrome on both palms. There was no radiation recall dermatitis. Thrombocytopenia was ruled out. She had no pruritus while on docetaxel. Sorafenib was stopped and the lesions resolved.
    """
    let out = smallExtractor.extract(.init(source: "t", text: report))
    let hfsr = try #require(out.triples.first {
        $0.predicate == .causes && $0.scope == .case && $0.assertion == .affirmed && $0.object.mention?.name == "hand-foot skin reaction"
    })
    #expect(hfsr.subject.name == "sorafenib")
    let evidence = try #require(hfsr.evidence)
    #expect(evidence.text == "After 12 days she developed hand-foot syndrome on both palms.")
    let object = try #require(hfsr.object.mention)
    #expect(object.text == "hand-foot syndrome")
    let start = try #require(object.start), end = try #require(object.end)
    #expect(Array(report.unicodeScalars)[start..<end].map(String.init).joined() == "hand-foot syndrome")
    let rrd = try #require(out.triples.first { $0.object.mention?.name == "radiation recall dermatitis" })
    #expect(rrd.assertion == .negated && rrd.scope == .case && rrd.subject.name == "sorafenib")
    #expect(rrd.evidence?.text == "There was no radiation recall dermatitis.")
    // Ruled out, and in a sentence naming another drug: no negated triple of the suspect.
    #expect(!out.triples.contains { $0.subject.name == "sorafenib" && $0.object.mention?.name == "thrombocytopenia" })
    #expect(!out.triples.contains { $0.subject.name == "sorafenib" && $0.object.mention?.name == "pruritus" })
    #expect(out.triples.filter { $0.predicate == .causes && $0.evidence == nil }.isEmpty)
}

/// "Forty-two days after the first dose" counts from the suspect drug's start; "re-administered
/// … did not recur" is a negative rechallenge.
@Test func onsetFromTheFirstDoseAndHyphenatedRechallenge() throws {
    let report = """
    Sorafenib and a rash
    Case Report
    A 66-year-old man with hepatocellular carcinoma received sorafenib 400 mg twice daily. Forty-two days after the first dose he developed a hand-foot skin reaction. Sorafenib was discontinued and the lesions resolved. Sorafenib was re-administered two months later and the HFSR did not recur.
    """
    let c = try #require(caseOf(report))
    let r = try #require(c.reactions.first { $0.name == "hand-foot skin reaction" })
    #expect(r.onsetDays == 42)
    #expect(r.dechallenge == .positive)
    #expect(r.rechallenge == .negative)
}

@Test(arguments: [(["forty", "-", "two", "days"], 42.0), (["twenty", "one", "days"], 21.0), (["thirty", "days"], 30.0),
                  (["two", "weeks"], 14.0), (["ninety", "-", "nine", "days"], 99.0), (["forty", "patients"], nil)])
func compoundNumberDurations(_ words: [String], _ days: Double?) {
    #expect(TimeExpressions.duration(words, at: 0)?.0 == days)
}

/// A PubMed or MEDLINE record's title is its title even with PubMed's full stop: the reaction it
/// links to the drug is the case's ("Fatal toxic epidermal necrolysis associated with …").
@Test func aRecordsTitleEndingInAFullStopIsTheCasesTitle() throws {
    let medline = """
    PMID- 1
    TI  - Toxic epidermal necrolysis associated with carbamazepine: a case report.
    AB  - A 45-year-old woman started carbamazepine 200 mg twice daily. Skin biopsy confirmed
          toxic epidermal necrolysis. Carbamazepine was stopped and she recovered.
    """
    let docs = try DocumentReader().documents(data: Data(medline.utf8), file: "t.medline")
    let out = smallExtractor.extract(try #require(docs.first))
    let ten = try #require(out.triples.first { $0.object.mention?.name == "toxic epidermal necrolysis" && $0.evidence?.section == "title" })
    #expect(ten.scope == .case)
    let c = try #require(out.cases.first)
    #expect(c.reactions.map(\.name).contains("toxic epidermal necrolysis"))
    // The same title as a plain text's first line ending in a full stop is a sentence of the body.
    let plain = smallExtractor.extract(.init(source: "t", text: "Carbamazepine is used widely.\nA 45-year-old woman took it."))
    #expect(!plain.triples.contains { $0.evidence?.section == "title" })
}

/// An infant's age in months is the case's age in years; "she reported fatigue" in the case
/// section is the patient's reaction, not the drug's known profile.
@Test func infantAgesAndReactionsThePatientReported() throws {
    let infant = """
    Heparin and a low platelet count
    A 3-month-old boy received heparin for a catheter thrombosis. On day 8 of therapy he developed thrombocytopenia. Heparin was stopped and the platelet count recovered.
    """
    let c = try #require(caseOf(infant))
    #expect(c.age == 0.25)
    #expect(c.sex == "male")
    let report = """
    Sorafenib and itching
    Case Report
    A 60-year-old woman started sorafenib 400 mg twice daily. After two weeks she reported pruritus, a side effect known for this drug. Sorafenib was continued.
    """
    let out = smallExtractor.extract(.init(source: "t", text: report))
    let pruritus = try #require(out.triples.first { $0.object.mention?.name == "pruritus" })
    #expect(pruritus.scope == .case)
    #expect(try #require(caseOf(report)).reactions.contains { $0.name == "pruritus" && $0.onsetDays == 14 })
}

/// "A man with resistant X had been taking D for 18 months when he presented with Y": X is the
/// indication (not a reaction, whatever the causal rules read), the onset is 18 months, and a
/// disease the patient is "with" is no reaction of theirs even before "developed".
@Test func conditionTheDrugWasTakenForAndOnsetOfALongCourse() throws {
    let report = """
    Carbamazepine and a rash
    A 64-year-old man with refractory hepatocellular carcinoma had been taking carbamazepine 200 mg daily for 18 months when he presented with a rash and pruritus. Skin biopsy showed a drug eruption. Carbamazepine was discontinued and the rash resolved.
    """
    let c = try #require(caseOf(report))
    #expect(c.indication == "hepatocellular carcinoma")
    #expect(!c.reactions.contains { $0.name == "hepatocellular carcinoma" })
    let rash = try #require(c.reactions.first { $0.name == "rash" })
    #expect(rash.onsetDays == 540)
    #expect(rash.dechallenge == .positive)
    let out = smallExtractor.extract(.init(source: "t", text: report))
    #expect(!out.triples.contains { $0.scope == .case && $0.object.mention?.name == "hepatocellular carcinoma" })
}

/// An infusion stands for the drug's course ("the infusion was stopped"), and minutes are a unit.
@Test func infusionReactionsInMinutes() throws {
    let report = """
    An infusion reaction to docetaxel
    A 52-year-old woman with hepatocellular carcinoma received her first infusion of docetaxel. Thirty minutes after the start of the infusion she developed fever and a rash. The infusion was stopped and her symptoms resolved. The infusion was restarted at half the rate without recurrence.
    """
    let c = try #require(caseOf(report))
    let fever = try #require(c.reactions.first { $0.name == "fever" })
    #expect(fever.onsetDays == 0.020833)  // 30 minutes, to the millionth of a day
    #expect(fever.dechallenge == .positive)
    #expect(fever.rechallenge == .negative)
}

/// A case series under "Case 1", "Case 2" headings is one case per patient: each with their own
/// age, sex, indication, reactions and challenges, none of the other's.
@Test func aCaseSeriesIsOneCasePerPatient() throws {
    let report = """
    Rashes with carbamazepine in two patients

    Case 1
    A 52-year-old woman with trigeminal neuralgia started carbamazepine 200 mg daily. Ten days later she developed fever and a rash. Carbamazepine was stopped and the rash resolved. Carbamazepine was restarted at a lower dose without recurrence.

    Case 2
    A 47-year-old man with hepatocellular carcinoma developed pruritus 2 hours after his first dose of carbamazepine. He recovered after carbamazepine was discontinued.

    Discussion
    Carbamazepine can cause rash.
    """
    let out = smallExtractor.extract(.init(source: "t", text: report))
    #expect(out.cases.count == 2)
    let first = try #require(out.cases.first), second = try #require(out.cases.last)
    #expect(first.age == 52 && first.sex == "female")
    #expect(second.age == 47 && second.sex == "male")
    #expect(second.indication == "hepatocellular carcinoma")
    #expect(Set(first.reactions.map(\.name)) == ["fever", "rash"])
    #expect(Set(second.reactions.map(\.name)) == ["pruritus"])
    #expect(first.reactions.allSatisfy { $0.onsetDays == 10 && $0.rechallenge == .negative })
    let pruritus = try #require(second.reactions.first)
    #expect(pruritus.onsetDays == 0.083333)  // 2 hours
    #expect(pruritus.rechallenge == .notDone && pruritus.dechallenge == .positive)
    #expect(!out.triples.contains { $0.scope == .case && $0.object.mention?.name == "hepatocellular carcinoma" })
    // One patient's numbered heading alone is no series.
    #expect(DocumentLayout.isPatientHeading("case 2") && DocumentLayout.isPatientHeading("patient no. 3:"))
    #expect(!DocumentLayout.isPatientHeading("case report") && !DocumentLayout.isPatientHeading("case 2 was similar to case 1"))
}

/// Dates count too: "started D on 3 March 2019 … On 17 March 2019 she developed X" is 14 days;
/// a date without a year takes the year last named; across a new year the count goes on.
@Test func onsetBetweenDates() throws {
    let report = """
    Carbamazepine and a rash
    A 35-year-old woman started carbamazepine 200 mg daily on 3 March 2019. On 17 March she developed a rash and fever. Carbamazepine was stopped on March 18, 2019 and the rash resolved. She was well at follow-up.
    """
    let c = try #require(caseOf(report))
    #expect(c.reactions.first { $0.name == "rash" }?.onsetDays == 14)
    let w = ["from", "28", "december", "2019", "to", "january", "3", ",", "2020"]
    let a = try #require(TimeExpressions.date(w, at: 1, year: nil))
    let b = try #require(TimeExpressions.date(w, at: 5, year: a.year))
    #expect(b.day - a.day == 6)
    #expect(TimeExpressions.date(["may", "cause"], at: 0, year: 2020) == nil)
    #expect(TimeExpressions.date(["3", "march"], at: 0, year: nil) == nil)  // no year known
}

/// A title's "trimethoprim-sulfamethoxazole" is split into its two drugs for the sentence's pairs,
/// but the case's suspect drug is the combination product the rest of the report calls Bactrim.
@Test func aCombinationInTheTitleIsTheSuspect() throws {
    let lexicon = try Lexicon(directory: seedsDirectory.appendingPathComponent("vocab"))
    let report = """
    Stevens-Johnson syndrome after trimethoprim-sulfamethoxazole
    A 33-year-old woman was prescribed Bactrim for a urinary tract infection. On day 9 she developed Stevens-Johnson syndrome. Bactrim was stopped and she recovered over 4 weeks. She was advised to avoid sulfonamides.
    """
    let c = try #require(Extractor(lexicon: lexicon).extract(.init(source: "t", text: report)).cases.first)
    #expect(c.drugs.first == CaseDrug(name: "sulfamethoxazole/trimethoprim", role: .suspect))
    let sjs = try #require(c.reactions.first { $0.name == "stevens-johnson syndrome" })
    #expect(sjs.drug == "sulfamethoxazole/trimethoprim")
    #expect(sjs.onsetDays == 9)
    #expect(sjs.dechallenge == .positive)
    // The title's reaction, linked there to a part of the combination, is the case's.
    let titled = """
    Toxic epidermal necrolysis after trimethoprim-sulfamethoxazole
    A 41-year-old man was prescribed Bactrim for cystitis. Ten days later he developed a rash with blisters. Bactrim was stopped. He recovered.
    """
    let t = try #require(Extractor(lexicon: lexicon).extract(.init(source: "t", text: titled)).cases.first)
    #expect(t.reactions.contains { $0.name == "toxic epidermal necrolysis" && $0.drug == "sulfamethoxazole/trimethoprim" })
}

/// "D may cause X, but our patient did not develop it": the clause with the pair is the drug's
/// profile (literature); the patient is in the clause after the contrast.
@Test func aContrastSeparatesTheProfileFromThePatient() throws {
    let report = """
    Sorafenib and a rash
    Case Report
    A 50-year-old man started sorafenib. Ten days later a rash occurred. Sorafenib was stopped and the rash resolved.
    Discussion
    Sorafenib may cause hand-foot skin reaction, but our patient did not develop it. In our patient, sorafenib caused the rash.
    """
    let out = smallExtractor.extract(.init(source: "t", text: report))
    let hfsr = try #require(out.triples.first { $0.object.mention?.name == "hand-foot skin reaction" })
    #expect(hfsr.scope == .literature)
    #expect(out.triples.contains { $0.object.mention?.name == "rash" && $0.scope == .case && $0.evidence?.section == "discussion" })
}

/// Each drug of the case keeps the dose written after it, and no other drug's.
@Test func dosesOfConcomitantDrugs() throws {
    let report = """
    Sorafenib and a rash
    Case Report
    A 61-year-old man with hepatocellular carcinoma received lamivudine and sorafenib 400 mg twice daily, with carbamazepine 200 mg daily for seizures. Ten days later a rash occurred. Sorafenib was stopped and the rash resolved.
    """
    let c = try #require(caseOf(report))
    #expect(c.drugs.first { $0.name == "sorafenib" }?.dose == "400 mg twice daily")
    #expect(c.drugs.first { $0.name == "carbamazepine" }?.dose == "200 mg daily")
    let lamivudine = try #require(c.drugs.first { $0.name == "lamivudine" })
    #expect(lamivudine.dose == nil && lamivudine.role == .concomitant)
}

/// A laboratory value ("creatinine 7 mg/dL") is neither a dose nor a sign the patient took a drug,
/// and another drug's dose is not read past the end of its clause.
@Test func laboratoryConcentrationsAreNoDoses() throws {
    let report = """
    Sorafenib and a rash
    Case Report
    A 61-year-old man with hepatocellular carcinoma started sorafenib 400 mg twice daily. Ten days later a rash occurred; carbamazepine was started; the rash decreased to 2 mg of cream. Heparin levels were 7 mg/dL. Sorafenib was stopped and the rash resolved.
    """
    let c = try #require(caseOf(report))
    #expect(c.drugs.first { $0.name == "carbamazepine" }?.dose == nil)
    #expect(!c.drugs.contains { $0.name == "heparin" })
}

@Test func anOctogenarianIsAPatientInHerEighties() throws {
    let report = """
    Sorafenib and thrombocytopenia
    An octogenarian woman with hepatocellular carcinoma was started on sorafenib. Ten days later she developed thrombocytopenia. Sorafenib was stopped and the platelet count normalized.
    """
    let c = try #require(caseOf(report))
    #expect(c.age == 85)
    #expect(c.ageRange == [80, 89])
    #expect(c.sex == "female")
    #expect(c.reactions.first?.onsetDays == 10)
    #expect(c.reactions.first?.outcome == "recovered")
}

@Test func onsetWithinMinutesOfTheFirstInfusion() throws {
    let report = """
    Heparin and pruritus
    Case Report
    A 30-year-old man received heparin. Within 30 minutes of the first infusion he developed pruritus. The infusion was stopped and the pruritus resolved.
    """
    let c = try #require(caseOf(report))
    let onset = try #require(c.reactions.first?.onsetDays)
    #expect(onset == 0.020833)
}

@Test func aMeasuredSubstanceIsNoConcomitantDrug() throws {
    // The small lexicon's "heparin" stands for a substance the laboratory measures.
    let report = """
    Sorafenib and a rash
    Case Report
    A 50-year-old man received sorafenib 400 mg twice daily and heparin 5000 units daily; heparin 0.4 U/mL was measured. Ten days later he developed a rash.
    """
    let c = try #require(caseOf(report))
    #expect(c.drugs.map(\.name) == ["sorafenib", "heparin"])
    let measured = """
    Sorafenib and a rash
    Case Report
    A 50-year-old man was started on sorafenib 400 mg twice daily; serum heparin was 0.4 U/mL. Ten days later he developed a rash.
    """
    let m = try #require(caseOf(measured))
    #expect(m.drugs.map(\.name) == ["sorafenib"])
}

@Test func anIllnessBeforeIsNoCourseOfTheDrug() throws {
    let report = """
    Sorafenib and a rash
    Case Report
    A 60-year-old woman treated with sorafenib 400 mg twice daily was admitted with rash after 3 days of fever.
    She had no other symptoms. The rash resolved after sorafenib was stopped.
    """
    let c = try #require(caseOf(report))
    #expect(c.reactions.map(\.name) == ["rash"])
    #expect(c.reactions.first?.onsetDays == nil)
}

/// A title that names two drugs together ("an interaction between X and Y") suspects both; the
/// reaction dates from the start of the one added last.
@Test func drugsTheTitleNamesTogetherAreBothSuspects() throws {
    let report = """
    Thrombocytopenia due to an interaction between heparin and imatinib: a case report
    A 68-year-old man had been taking heparin 5000 units daily for three years. He was prescribed imatinib 400 mg daily for a rash. Five days after starting imatinib, he developed thrombocytopenia. Both drugs were stopped and the thrombocytopenia resolved.
    """
    let c = try #require(caseOf(report))
    #expect(c.drugs.map(\.name) == ["heparin", "imatinib"])
    #expect(c.drugs.map(\.role) == [.suspect, .suspect])
    #expect(c.reactions.first { $0.name == "thrombocytopenia" }?.onsetDays == 5)
}

/// A report that ends a few words after a concomitant drug's name (the dose scan once read past
/// the last token and crashed).
@Test func aReportEndingSoonAfterADrugName() throws {
    let report = """
    Sorafenib-induced rash
    Case Report
    A 50-year-old man received sorafenib 400 mg twice daily. Ten days later he developed a rash. Sorafenib was stopped and he was given heparin.
    """
    let c = try #require(caseOf(report))
    #expect(c.drugs.map(\.name) == ["sorafenib", "heparin"])
}
