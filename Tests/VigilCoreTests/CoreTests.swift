import Foundation
import Testing
import VigilCore

@Suite struct TripleEncoding {
    func json(_ v: some Encodable) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: JSONEncoder().encode(v)) as! [String: Any]
    }

    @Test func aTripleHasTheShapeOfTheExtractionContract() throws {
        let t = Triple(subject: Mention(kind: .drug, name: "sorafenib", text: "Sorafenib", start: 0, end: 9),
                       predicate: .causes,
                       object: .entity(Mention(kind: .reaction, name: "acute generalized exanthematous pustulosis",
                                               text: "AGEP", start: 61, end: 65)),
                       assertion: .affirmed, scope: .case,
                       evidence: Evidence(text: "A diagnosis of AGEP was made.", start: 40, end: 70))
        let j = try json(t)
        #expect(j["predicate"] as? String == "causes")
        #expect(j["assertion"] as? String == "affirmed")
        #expect(j["scope"] as? String == "case")
        let s = j["subject"] as! [String: Any], o = j["object"] as! [String: Any], e = j["evidence"] as! [String: Any]
        #expect(s["kind"] as? String == "drug" && s["name"] as? String == "sorafenib" && s["start"] as? Int == 0)
        #expect(o["text"] as? String == "AGEP" && o["end"] as? Int == 65)
        #expect(e["text"] as? String == "A diagnosis of AGEP was made." && e["start"] as? Int == 40)
        #expect(try JSONDecoder().decode(Triple.self, from: JSONEncoder().encode(t)) == t)
    }

    @Test func aLiteralObjectRoundTrips() throws {
        let t = Triple(subject: Mention(kind: .case, name: "doc case 1"), predicate: .hasOnset,
                       object: .literal(Literal(value: "14", unit: "days", about: "hand-foot skin reaction")), scope: .case)
        let o = try json(t)["object"] as! [String: Any]
        #expect(o["kind"] as? String == "literal" && o["value"] as? String == "14" && o["unit"] as? String == "days")
        #expect(try JSONDecoder().decode(Triple.self, from: JSONEncoder().encode(t)) == t)
    }

    @Test func caseFactsUseTheContractsKeys() throws {
        let c = CaseFacts(age: 55, sex: "female", drugs: [CaseDrug(name: "sorafenib", role: .suspect, dose: "400 mg")],
                          reactions: [CaseReaction(name: "alopecia", drug: "sorafenib", onsetDays: 28, rechallenge: .notDone)])
        let j = try json(c)
        let r = (j["reactions"] as! [[String: Any]])[0]
        #expect(r["onset_days"] as? Double == 28 && r["rechallenge"] as? String == "not_done" && r["dechallenge"] as? String == "unknown")
        #expect((j["drugs"] as! [[String: Any]])[0]["role"] as? String == "suspect")
    }
}

@Suite struct CaseFactTriples {
    @Test func everyFactBecomesACaseScopedTripleAndOnsetsSayWhichReaction() {
        let c = CaseFacts(age: 55, sex: "female", indication: "hepatocellular carcinoma",
                          drugs: [CaseDrug(name: "sorafenib", role: .suspect, dose: "400 mg every 12 hours"),
                                  CaseDrug(name: "entecavir", role: .concomitant)],
                          reactions: [CaseReaction(name: "hand-foot skin reaction", drug: "sorafenib", onsetDays: 14,
                                                   dechallenge: .positive, rechallenge: .positive),
                                      CaseReaction(name: "AGEP", drug: "sorafenib", onsetDays: 28, outcome: "recovered")])
        let ts = c.triples(caseName: "d case 1", evidence: nil)
        #expect(ts.allSatisfy { $0.scope == .case && $0.subject == Mention(kind: .case, name: "d case 1") })
        func objects(_ p: VigilCore.Predicate) -> [String] {
            ts.filter { $0.predicate == p }.map {
                switch $0.object {
                case .entity(let m): return m.name
                case .literal(let l): return [l.value, l.unit, l.about].compactMap { $0 }.joined(separator: " ")
                }
            }
        }
        #expect(objects(.hasAge) == ["55 years"])
        #expect(objects(.hasSex) == ["female"])
        #expect(objects(.hasIndication) == ["hepatocellular carcinoma"])
        #expect(objects(.suspectDrug) == ["sorafenib"])
        #expect(objects(.concomitantDrug) == ["entecavir"])
        #expect(objects(.hasDose) == ["400 mg every 12 hours"])
        #expect(objects(.hasReaction) == ["hand-foot skin reaction", "AGEP"])
        #expect(objects(.hasOnset) == ["14 days hand-foot skin reaction", "28 days AGEP"])
        #expect(objects(.dechallenge) == ["positive hand-foot skin reaction", "unknown AGEP"])
        #expect(objects(.rechallenge) == ["positive hand-foot skin reaction", "not_done AGEP"])
        #expect(objects(.outcome) == ["recovered AGEP"])
    }

    @Test func wholeNumbersHaveNoDecimalPoint() {
        #expect(CaseFacts.number(14) == "14")
        #expect(CaseFacts.number(2.5) == "2.5")
    }
}
