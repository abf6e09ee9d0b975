import Foundation
import Testing

/// Case reports in styles and drug classes the seeds lack (Fixtures/reports), read through the
/// binary: the facts a drug-safety reviewer would take from each.
@Suite struct CaseReports {
    static let reports = VigilBinary.packageRoot.appendingPathComponent("Tests/VigilCLITests/Fixtures/reports")

    /// The documents `vigil extract --format json` gives for a fixture (one file may hold several).
    func extract(_ name: String) throws -> [[String: Any]] {
        let r = try VigilBinary.run(["extract", "--format", "json", Self.reports.appendingPathComponent(name).path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        return json as? [[String: Any]] ?? [json as! [String: Any]]
    }

    func onlyCase(_ doc: [String: Any]) throws -> [String: Any] {
        let cases = try #require(doc["cases"] as? [[String: Any]])
        try #require(cases.count == 1)
        return cases[0]
    }

    func reactions(_ c: [String: Any]) -> [String: [String: Any]] {
        let list = c["reactions"] as? [[String: Any]] ?? []
        return Dictionary(list.map { ($0["name"] as! String, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The `causes` triples as (drug, reaction, assertion, scope).
    func causes(_ doc: [String: Any]) -> [(String, String, String, String)] {
        (doc["triples"] as? [[String: Any]] ?? []).filter { $0["predicate"] as? String == "causes" }.map {
            (($0["subject"] as! [String: Any])["name"] as! String, ($0["object"] as! [String: Any])["name"] as! String,
             $0["assertion"] as! String, $0["scope"] as! String)
        }
    }

    @Test func anticonvulsantDRESS() throws {
        let doc = try extract("carbamazepine-dress.txt")[0]
        let c = try onlyCase(doc)
        #expect(c["age"] as? Int == 34)
        #expect(c["sex"] as? String == "female")
        #expect(c["indication"] as? String == "trigeminal neuralgia")
        let suspect = (c["drugs"] as? [[String: Any]])?.first
        #expect(suspect?["name"] as? String == "carbamazepine")
        #expect(suspect?["role"] as? String == "suspect")
        #expect(suspect?["dose"] as? String == "200 mg twice daily")
        let rx = reactions(c)
        let dress = try #require(rx["drug reaction with eosinophilia and systemic symptoms"])
        #expect(dress["onset_days"] as? Int == 21)
        #expect(dress["dechallenge"] as? String == "positive")
        #expect(dress["rechallenge"] as? String == "not_done")
        #expect(dress["outcome"] as? String == "recovered")
        #expect(rx["fever"] != nil)
        // "… a pruritic maculopapular rash that rapidly extended to more than 60% of her body
        // surface, facial edema and cervical lymphadenopathy"
        #expect(rx["facial edema"] != nil)
        #expect(rx["lymphadenopathy"] != nil)
        let t = causes(doc)
        // The discussion's other drugs are the literature's, never the patient's.
        #expect(t.contains { $0 == ("allopurinol", "drug reaction with eosinophilia and systemic symptoms", "affirmed", "literature") })
        #expect(t.contains { $0 == ("lamotrigine", "stevens-johnson syndrome", "affirmed", "literature") })
        #expect(!t.contains { $0.0 != "carbamazepine" && $0.3 == "case" })
        // "She denied sore throat or cough."
        #expect(t.contains { $0 == ("carbamazepine", "cough", "negated", "case") })
    }

    @Test func checkpointInhibitorColitisWithoutSex() throws {
        let doc = try extract("pembrolizumab-colitis.txt")[0]
        let c = try onlyCase(doc)
        #expect(c["age"] as? Int == 72)
        #expect(c["sex"] is NSNull || c["sex"] == nil)
        #expect(c["indication"] as? String == "non-small-cell lung carcinoma")
        let rx = reactions(c)
        #expect(rx["colitis"]?["dechallenge"] as? String == "positive")
        #expect(rx["hepatitis"] != nil)
        #expect(rx["diarrhea"]?["onset_days"] as? Int == 84)
        #expect(causes(doc).contains { $0 == ("pembrolizumab", "fever", "negated", "case") })
        // "Because the diarrhea persisted …, a single dose of infliximab was given": its treatment.
        #expect(!causes(doc).contains { $0.0 == "infliximab" })
    }

    @Test func octogenarianWithoutAStatedAge() throws {
        let doc = try extract("simvastatin-rhabdo.txt")[0]
        let c = try onlyCase(doc)
        #expect(c["age"] as? Int == 85)
        #expect(c["sex"] as? String == "female")
        // "… taking simvastatin and clarithromycin": the interacting pair are both suspects.
        let drugs = (c["drugs"] as? [[String: Any]] ?? []).map { [$0["name"] as? String, $0["role"] as? String] }
        #expect(drugs == [["simvastatin", "suspect"], ["clarithromycin", "suspect"]])
        let rx = reactions(c)
        #expect(rx["rhabdomyolysis"]?["dechallenge"] as? String == "positive")
        #expect(rx["rhabdomyolysis"]?["rechallenge"] as? String == "not_done")
        #expect(rx["myalgia"]?["onset_days"] as? Int == 10)
        // "simvastatin 40 mg daily for hypercholesterolemia was given clarithromycin": the statin's purpose.
        #expect(!causes(doc).contains { $0.1 == "hyperlipidemia" })
        #expect(causes(doc).contains { $0 == ("atorvastatin", "rhabdomyolysis", "affirmed", "literature") })
    }

    @Test func fatalOutcomeAndOnsetInWeeks() throws {
        let doc = try extract("allopurinol-ten.txt")[0]
        let c = try onlyCase(doc)
        #expect(c["age"] as? Int == 79)
        #expect(c["sex"] as? String == "male")
        #expect(c["indication"] as? String == "hyperuricemia")
        let ten = try #require(reactions(c)["toxic epidermal necrolysis"])
        #expect(ten["onset_days"] as? Int == 14)
        #expect(ten["outcome"] as? String == "fatal")
        // Stopped, but the patient died: no dechallenge to read.
        #expect(ten["dechallenge"] as? String == "unknown")
    }

    @Test func positiveRechallengeOnsetInHoursPronounSex() throws {
        let c = try onlyCase(try extract("etoricoxib-rechallenge.txt")[0])
        #expect(c["age"] as? Int == 45)
        #expect(c["sex"] as? String == "male")
        let fde = try #require(reactions(c)["fixed drug eruption"])
        #expect(fde["onset_days"] as? Double == 0.25)
        #expect(fde["dechallenge"] as? String == "positive")
        #expect(fde["rechallenge"] as? String == "positive")
        #expect(fde["outcome"] as? String == "recovered")
    }

    @Test func paediatricWeightBasedDose() throws {
        let c = try onlyCase(try extract("valproate-child.txt")[0])
        #expect(c["age"] as? Int == 7)
        #expect(c["sex"] as? String == "female")
        #expect((c["drugs"] as? [[String: Any]])?.first?["dose"] as? String == "15 mg/kg/day")
        let r = try #require((c["reactions"] as? [[String: Any]])?.first)
        #expect(r["onset_days"] as? Int == 28)
        #expect(r["dechallenge"] as? String == "positive")
        // "improved within 48 hours … normalized by day 4"
        #expect(r["outcome"] as? String == "recovered")
    }

    @Test func infusionReactionWithinMinutes() throws {
        let doc = try extract("vancomycin.txt")[0]
        let c = try onlyCase(doc)
        #expect(c["age"] as? Int == 6)
        #expect(c["sex"] as? String == "male")
        // "vancomycin 15 mg/kg every 6 hours for methicillin-resistant Staphylococcus aureus osteomyelitis"
        #expect(c["indication"] as? String == "osteomyelitis")
        #expect((c["drugs"] as? [[String: Any]])?.first?["dose"] as? String == "15 mg/kg every 6 hours")
        let flushing = try #require(reactions(c)["flushing"])
        let onset = try #require(flushing["onset_days"] as? Double)
        #expect(onset == 0.010417)  // 15 minutes, to the millionth of a day
        // Restarted more slowly, "the reaction did not recur".
        #expect(flushing["rechallenge"] as? String == "negative")
        // The restart came before the kidney injury: no rechallenge of it.
        #expect(reactions(c)["acute kidney injury"]?["rechallenge"] as? String == "not_done")
        #expect(causes(doc).contains { $0 == ("vancomycin", "angioedema", "negated", "case") })
        // "serum creatinine rose from 0.4 to 1.1 mg/dL": a laboratory value, not a drug that caused anything.
        #expect(!causes(doc).contains { $0.0 == "creatinine" })
    }

    @Test func pubmedArticlesCaseAndReview() throws {
        let docs = try extract("three-abstracts.xml")
        #expect(docs.count == 3)
        let inh = try onlyCase(docs[0])
        #expect(inh["age"] as? Int == 52)
        #expect(inh["indication"] as? String == "latent tuberculosis")
        #expect(reactions(inh)["jaundice"]?["onset_days"] as? Int == 56)
        #expect(reactions(inh)["jaundice"]?["outcome"] as? String == "recovered")
        let lzd = try onlyCase(docs[1])
        // "lactate 11.2 mmol/L" is a measurement, not a drug the patient took.
        #expect((lzd["drugs"] as? [[String: Any]])?.map { $0["name"] as? String } == ["linezolid"])
        #expect(reactions(lzd)["thrombocytopenia"]?["onset_days"] as? Int == 42)
        // A review describes no patient; its drugs' effects are the literature's.
        #expect((docs[2]["cases"] as? [Any])?.isEmpty == true)
        #expect(causes(docs[2]).allSatisfy { $0.3 == "literature" })
    }

    @Test func medlineRecordsElderlyAndFatal() throws {
        let docs = try extract("two-records.medline")
        #expect(docs.count == 2)
        let amio = try onlyCase(docs[0])
        #expect(amio["age"] as? Int == 84)
        #expect(amio["indication"] as? String == "atrial fibrillation")
        #expect(reactions(amio)["pneumonitis"] != nil)  // "Amiodarone pulmonary toxicity was diagnosed"
        #expect(reactions(amio)["dyspnea"]?["onset_days"] as? Int == 730)
        let met = try onlyCase(docs[1])
        #expect(met["sex"] as? String == "female")
        let rx = reactions(met)
        #expect(rx["lactic acidosis"]?["outcome"] as? String == "fatal")
        // "after 3 days of gastroenteritis": the illness before, not the drug's effect nor its course.
        #expect(rx["gastroenteritis"] == nil)
        #expect(rx["lactic acidosis"]?["onset_days"] is NSNull || rx["lactic acidosis"]?["onset_days"] == nil)
    }

    @Test func longCourseBeforeAngioedemaAndDecadeAge() throws {
        let doc = try extract("lisinopril-angioedema.txt")[0]
        let c = try onlyCase(doc)
        #expect(c["age"] as? Int == 65)  // "a man in his sixties"
        #expect(c["sex"] as? String == "male")
        #expect(c["indication"] as? String == "hypertension")
        let rx = reactions(c)
        #expect(rx["angioedema"]?["dechallenge"] as? String == "positive")
        #expect(rx["angioedema"]?["rechallenge"] as? String == "not_done")
        // "had been treated with lisinopril … for 4 years. He presented with swelling of the tongue"
        #expect(rx["swelling of tongue"]?["onset_days"] as? Int == 4 * 365)
        let t = causes(doc)
        // "He had no urticaria, pruritus or stridor, and there was no family history of angioedema."
        #expect(t.contains { $0 == ("lisinopril", "urticaria", "negated", "case") })
        #expect(!t.contains { $0.1 == "angioedema" && $0.2 == "negated" })
        #expect(t.contains { $0 == ("losartan", "angioedema", "affirmed", "literature") })
    }

    @Test func combinedCheckpointInhibitorsFatalMyocarditis() throws {
        let c = try onlyCase(try extract("nivolumab-ipilimumab-myocarditis.txt")[0])
        #expect(c["age"] as? Int == 66)
        #expect(c["indication"] as? String == "melanoma")
        let drugs = (c["drugs"] as? [[String: Any]] ?? []).prefix(2).map { [$0["name"] as? String, $0["role"] as? String] }
        #expect(drugs == [["nivolumab", "suspect"], ["ipilimumab", "suspect"]])
        let rx = reactions(c)
        #expect(rx["myocarditis"]?["outcome"] as? String == "fatal")
        #expect(rx["dyspnea"]?["onset_days"] as? Int == 17)
    }

    @Test func warfarinInteractionBleeding() throws {
        let doc = try extract("warfarin-fluconazole.txt")[0]
        let c = try onlyCase(doc)
        #expect(c["age"] as? Int == 68)
        #expect(c["sex"] as? String == "male")
        #expect(c["indication"] as? String == "atrial fibrillation")
        // The racemate by its own name, not "(r)-warfarin", whose synonym "(+)-warfarin" reads alike.
        let suspect = (c["drugs"] as? [[String: Any]])?.first
        #expect(suspect?["name"] as? String == "warfarin")
        #expect(suspect?["dose"] as? String == "5 mg daily")
        let bleeding = try #require(reactions(c)["gastrointestinal hemorrhage"])
        #expect(bleeding["dechallenge"] as? String == "positive")
        #expect(bleeding["outcome"] as? String == "recovered")
        #expect(causes(doc).contains { $0 == ("fluconazole", "gastrointestinal hemorrhage", "affirmed", "case") })
        // The title's "interaction between warfarin and fluconazole" makes both suspects, though the
        // title ends in the drug's name and the next paragraph starts "A 68-year-old" (no "fluconazole A").
        let roles = (c["drugs"] as? [[String: Any]] ?? []).map { [$0["name"] as? String, $0["role"] as? String] }
        #expect(roles.prefix(2) == [["warfarin", "suspect"], ["fluconazole", "suspect"]])
        #expect(bleeding["onset_days"] as? Int == 5)
    }

    @Test func abbreviatedDrugWeeklyDoseAdmittedBecauseOf() throws {
        // The report ends a few words after a drug's name: its dose scan once read past the text.
        let c = try onlyCase(try extract("methotrexate-pneumonitis.txt")[0])
        #expect(c["age"] as? Int == 65)
        #expect(c["sex"] as? String == "male")
        #expect(c["indication"] as? String == "rheumatoid arthritis")
        // "methotrexate (MTX) 8 mg/week": the abbreviation is the same drug, not the next one.
        #expect((c["drugs"] as? [[String: Any]])?.first?["dose"] as? String == "8 mg/week")
        let rx = reactions(c)
        #expect(rx["pneumonitis"]?["dechallenge"] as? String == "positive")
        #expect(rx["pneumonitis"]?["rechallenge"] as? String == "not_done")
        // "After 6 months of MTX therapy, he was admitted … because of fever, dry cough …" (not
        // "discharged on day 21").
        #expect(rx["cough"]?["onset_days"] as? Int == 180)
        #expect(!(c["reactions"] as? [[String: Any]] ?? []).contains { $0["onset_days"] as? Int == 21 })
    }
}
