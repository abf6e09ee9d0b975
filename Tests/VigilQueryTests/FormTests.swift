import Testing
import VigilCore
import VigilQuery
import VigilStore

/// Every form of the language against the seed-shaped graph, with the rows it must give.
struct FormTests {
    let engine: QueryEngine

    init() throws { engine = QueryEngine(store: try SeedGraph.make()) }

    func result(_ query: String) throws -> QueryResult {
        guard case .result(let r) = try engine.run(query) else { throw QueryFailure.explained }
        return r
    }

    func rows(_ query: String) throws -> [[String]] { try result(query).rows.map { $0.map(\.description) } }

    /// The result with the ids a drawing needs, as an export asks for it.
    func drawn(_ query: String) throws -> QueryResult {
        guard case .result(let r) = try engine.run(query, drawing: true) else { throw QueryFailure.explained }
        #expect(r.drawn)
        return r
    }

    enum QueryFailure: Error { case explained }

    static let agep = "acute generalized exanthematous pustulosis"
    static let dress = "drug reaction with eosinophilia and systemic symptoms"

    @Test func reactionsSharedViaFamily() throws {
        let r = try drawn("reactions shared with imatinib via PDGFR")
        #expect(r.columns == ["reaction", "drugs", "evidence", "scopes"])
        #expect(r.rows.map { $0.map(\.description) } == [
            [Self.agep, "sorafenib", "5", "case, literature"],
            [Self.dress, "sorafenib", "3", "case, literature"],
        ])
        // The drawing gets the drugs, the reactions, the family and its members.
        let store = engine.store
        let names = try r.nodeIDs.compactMap { try store.node(id: $0)?.name }
        #expect(Set(names).isSuperset(of: ["imatinib", "sorafenib", Self.agep, "PDGFR", "PDGFRB"]))
        #expect(r.edgeIDs.count >= 6)
    }

    @Test func reactionsSharedViaOneGene() throws {
        #expect(try rows("reactions shared with imatinib via PDGFRB").map(\.first) == [Self.agep, Self.dress])
        // Names resolve through aliases: "PDGF receptor" is the family.
        #expect(try rows("reactions shared with imatinib via \"PDGF receptor\"").count == 2)
    }

    @Test func reactionsOf() throws {
        let r = try result("reactions of sorafenib")
        #expect(r.columns == ["reaction", "scopes", "evidence", "cases", "onset"])
        #expect(r.rows.map { $0.map(\.description) } == [
            [Self.agep, "case", "2", "1", "10 days"],
            ["coronary vasospasm", "literature", "1", "0", ""],
            [Self.dress, "case", "2", "1", "21 days"],
            ["hand-foot skin reaction", "literature", "1", "0", ""],
        ])
    }

    @Test func reactionsOfWithOnset() throws {
        #expect(try rows("reactions of sorafenib where onset <= 14 days") == [[Self.agep, "case", "2", "1", "10 days"]])
        #expect(try rows("reactions of sorafenib where onset > 2 weeks").map(\.first) == [Self.dress])
        #expect(try rows("reactions of sorafenib where onset < 5 days").isEmpty)
    }

    @Test func reactionsOfWithScope() throws {
        #expect(try rows("reactions of sorafenib where scope = case").map(\.first) == [Self.agep, Self.dress])
        #expect(try rows("reactions of sorafenib where scope = literature").map(\.first)
                == ["coronary vasospasm", "hand-foot skin reaction"])
        #expect(try rows("reactions of Nexavar where scope != literature").count == 2)
    }

    @Test func negatedTriplesOnlyWhenAsked() throws {
        #expect(try !rows("reactions of sorafenib").map(\.first).contains("hepatitis"))
        #expect(try rows("reactions of sorafenib including negated").map(\.first).contains("hepatitis"))
        #expect(try rows("evidence for sorafenib causes hepatitis").isEmpty)
        #expect(try rows("evidence for sorafenib causes hepatitis including negated").map { $0[5] } == ["negated"])
    }

    @Test func targetsOf() throws {
        let r = try result("targets of sorafenib")
        #expect(r.columns == ["target", "kind", "families", "scopes", "evidence"])
        #expect(r.rows.map { $0.map(\.description) } == [
            ["BRAF", "target", "RAF", "reference", "1"],
            ["FLT1", "target", "VEGFR", "reference", "1"],
            ["FLT3", "target", "", "reference", "1"],
            ["FLT4", "target", "VEGFR", "reference", "1"],
            ["KDR", "target", "VEGFR", "reference", "1"],
            ["KIT", "target", "", "reference", "1"],
            ["PDGFRB", "target", "PDGFR", "reference", "1"],
            ["RAF1", "target", "RAF", "reference", "1"],
            ["RET", "target", "", "reference", "1"],
        ])
    }

    @Test func drugsTargetingAFamilyMeansItsMembers() throws {
        #expect(try rows("drugs targeting VEGFR") == [
            ["sorafenib", "FLT1, FLT4, KDR", "reference", "3"],
            ["sunitinib", "FLT1, KDR", "reference", "2"],
        ])
        #expect(try rows("drugs targeting KDR").map(\.first) == ["sorafenib", "sunitinib"])
    }

    @Test(arguments: ["drugs causing AGEP", "drugs causing agep", "drugs causing Acute Generalized Exanthematous Pustulosis",
                      "drugs causing acute generalised exanthematous pustulosis", "DRUGS CAUSING \"AGEP\""])
    func drugsCausingAnyName(_ query: String) throws {
        let r = try result(query)
        #expect(r.columns == ["drug", "reactions", "scopes", "evidence", "cases", "onset"])
        #expect(r.rows.map { $0.map(\.description) } == [
            ["imatinib", Self.agep, "case, literature", "3", "1", "7 days"],
            ["sorafenib", Self.agep, "case", "2", "1", "10 days"],
        ])
    }

    @Test func drugsCausingABroaderTermFindsNarrowerOnes() throws {
        #expect(try rows("drugs causing severe cutaneous adverse reaction").map { [$0[0], $0[1]] } == [
            ["imatinib", "\(Self.agep), \(Self.dress)"],
            ["sorafenib", "\(Self.agep), \(Self.dress)"],
        ])
    }

    @Test func casesOf() throws {
        let r = try result("cases of DRESS")
        #expect(r.columns == ["document", "age", "sex", "suspect_drug", "reaction", "onset", "dechallenge", "rechallenge", "outcome"])
        #expect(r.rows.map { $0.map(\.description) } == [
            ["PMID:222", "55", "female", "sorafenib", Self.dress, "21 days", "positive", "negative", "recovered"],
        ])
    }

    @Test func casesWith() throws {
        #expect(try rows("cases with sorafenib") == [
            ["PMID:111", "62", "male", "sorafenib", Self.agep, "10 days", "positive", "not_done", "recovered"],
            ["PMID:222", "55", "female", "sorafenib", Self.dress, "21 days", "positive", "negative", "recovered"],
        ])
        #expect(try rows("cases with omeprazole").map(\.first) == ["PMID:222"])
        #expect(try rows("cases with sorafenib where age >= 60").map(\.first) == ["PMID:111"])
        #expect(try rows("cases with sorafenib where sex = female").map(\.first) == ["PMID:222"])
        #expect(try rows("cases of AGEP where onset <= 7 days").map(\.first) == ["PMID:333"])
    }

    /// "cases with" takes a reaction too; a fact the case's reactions share is given once, facts
    /// that differ are given per reaction.
    @Test func casesWithAReactionAndFactsPerReaction() throws {
        #expect(try rows("cases with DRESS") == (try rows("cases of DRESS")))
        let store = try SeedGraph.make()
        try store.ingest(ExtractedDocument(source: "report-444", pmid: "444", contentHash: "hash-444", cases: [
            CaseFacts(age: 40, sex: "male", drugs: [CaseDrug(name: "haloperidol", role: .suspect)], reactions: [
                CaseReaction(name: "tardive dyskinesia", drug: "haloperidol", onsetDays: 90, dechallenge: .positive,
                             rechallenge: .notDone, outcome: "recovered"),
                CaseReaction(name: "coronary vasospasm", drug: "haloperidol", onsetDays: 3, dechallenge: .positive,
                             rechallenge: .notDone, outcome: "recovered"),
            ]),
        ], triples: []), extractor: "test/1")
        guard case .result(let r) = try QueryEngine(store: store).run("cases with haloperidol") else { throw QueryFailure.explained }
        #expect(r.rows.map { $0.map(\.description) } == [
            ["PMID:444", "40", "male", "haloperidol", "coronary vasospasm, tardive dyskinesia",
             "coronary vasospasm: 3 days; tardive dyskinesia: 90 days", "positive", "not_done", "recovered"],
        ])
    }

    @Test func pathDirect() throws {
        let r = try drawn("path from sorafenib to coronary vasospasm")
        #expect(r.columns == ["path", "length"])
        #expect(r.rows.map { $0.map(\.description) } == [["sorafenib -[causes]-> coronary vasospasm", "1"]])
        #expect(r.edgeIDs.count == 1)
    }

    @Test func pathsThroughTargetsAndReactions() throws {
        #expect(try rows("path from imatinib to coronary vasospasm") == [
            ["imatinib -[causes]-> \(Self.agep) <-[causes]- sorafenib -[causes]-> coronary vasospasm", "3"],
            ["imatinib -[causes]-> \(Self.dress) <-[causes]- sorafenib -[causes]-> coronary vasospasm", "3"],
            ["imatinib -[targets]-> KIT <-[targets]- sorafenib -[causes]-> coronary vasospasm", "3"],
            ["imatinib -[targets]-> PDGFRB <-[targets]- sorafenib -[causes]-> coronary vasospasm", "3"],
        ])
        #expect(try rows("path from imatinib to coronary vasospasm max 2").isEmpty)
        #expect(try rows("path from imatinib to coronary vasospasm limit 1").count == 1)
    }

    @Test func distance() throws {
        #expect(try rows("distance from sorafenib to tardive dyskinesia") == [["3"]])
        #expect(try rows("distance from sorafenib to tardive dyskinesia max 2") == [[""]])
        #expect(try rows("distance from sorafenib to sorafenib") == [["0"]])
        #expect(try rows("distance from sorafenib to coronary vasospasm") == [["1"]])
        #expect(try rows("distance from imatinib to coronary vasospasm") == [["3"]])
    }

    @Test func neighbours() throws {
        let one = try rows("neighbors of sorafenib")
        #expect(one.allSatisfy { $0[2] == "1" })
        #expect(one.map(\.first).contains("PDGFRB"))
        #expect(!one.map(\.first).contains("hepatitis"))
        let two = try drawn("neighbors of sorafenib depth 2")
        #expect(two.columns == ["node", "kind", "depth"])
        let depthTwo = two.rows.filter { $0[2].description == "2" }.map { $0[0].description }
        #expect(Set(depthTwo).isSuperset(of: ["imatinib", "sunitinib", "haloperidol", "PDGFR", "VEGFR", "PMID:111"]))
        #expect(two.rows.count == 27)
        #expect(two.edgeIDs.count > two.rows.count - 1)
        #expect(try rows("neighbours of sorafenib depth 2 limit 3").count == 3)
    }

    @Test func nodesWithin() throws {
        #expect(try rows("nodes within 1 of sorafenib") == [["15"]])
        #expect(try rows("nodes within 2 of sorafenib") == [["27"]])
        #expect(try rows("nodes within 3 hops of sorafenib") == [["33"]])
    }

    @Test func evidenceSentences() throws {
        let r = try result("evidence for sorafenib causes AGEP")
        #expect(r.columns == ["sentence", "document", "start", "end", "scope", "assertion", "source"])
        #expect(r.rows.map { $0.map(\.description) } == [
            ["A 62-year-old man developed AGEP 10 days after starting sorafenib.", "PMID:111", "0", "66", "case", "affirmed", "test/1"],
        ])
        let review = try rows("evidence for imatinib causes DRESS")
        #expect(review == [["Imatinib can cause DRESS.", "PMID:900", "40", "65", "literature", "affirmed", "test/1"]])
        #expect(try rows("evidence for sorafenib targets KDR").map { $0[6] } == ["seed-vocab/1"])
    }

    @Test func drugsSharing() throws {
        #expect(try rows("drugs sharing targets with sorafenib") == [
            ["sunitinib", "4", "FLT1, KDR, KIT, PDGFRB"],
            ["imatinib", "2", "KIT, PDGFRB"],
        ])
        #expect(try rows("drugs sharing reactions with sorafenib limit 10") == [
            ["imatinib", "2", "\(Self.agep), \(Self.dress)"],
            ["haloperidol", "1", "coronary vasospasm"],
            ["sunitinib", "1", "hand-foot skin reaction"],
        ])
        #expect(try rows("drugs sharing reactions with sorafenib limit 1").map(\.first) == ["imatinib"])
    }

    @Test func explainShowsSQLAndPlan() throws {
        guard case .explanation(let e) = try engine.run("explain reactions shared with imatinib via PDGFR") else {
            Issue.record("not explained"); return
        }
        let text = e.description
        #expect(text.contains("-- 'imatinib' is node"))
        // Run from Swift: the explanation lists the probes it repeats, each with SQLite's plan.
        #expect(text.contains("-- step 1: reactions of the drug that another drug targeting the family"))
        #expect(text.contains("probe 'members': the family's members"))
        #expect(text.contains("SELECT e.src, e.id FROM edge e WHERE e.dst = ?1 AND e.predicate = 'member_of'"))
        #expect(text.contains("-- arguments: ?1 = the node probed"))
        #expect(text.contains("-- query plan:"))
        // Both arms, each an index probe: the edges, then the reference links.
        #expect(text.contains("USING COVERING INDEX edge_in (dst=? AND predicate=?)"))
        #expect(text.contains("USING PRIMARY KEY (node=? AND inbound=? AND predicate=?)"))
        // User text is never in the SQL: only node ids, as arguments.
        #expect(!e.steps.contains { $0.sql.contains("imatinib") || $0.sql.contains("PDGFR") })
    }
}
