import Foundation
import GRDB
import Testing
import VigilCore
@testable import VigilStore

/// A fresh file path in a temporary directory of its own.
func temporaryDatabasePath() -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-store-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent("graph.db").path
}

func drug(_ n: String) -> Mention { Mention(kind: .drug, name: n) }
func reaction(_ n: String) -> Mention { Mention(kind: .reaction, name: n) }
func target(_ n: String) -> Mention { Mention(kind: .target, name: n) }

func causes(_ d: String, _ r: String, scope: Scope = .case, assertion: Assertion = .affirmed,
            sentence: String = "s", at: Int = 0) -> Triple {
    Triple(subject: drug(d), predicate: .causes, object: .entity(reaction(r)), assertion: assertion, scope: scope,
           evidence: Evidence(text: sentence, start: at, end: at + sentence.count))
}

func document(_ text: String, pmid: String? = nil, triples: [Triple]) -> ExtractedDocument {
    ExtractedDocument(source: "doc", pmid: pmid, contentHash: String(text.hashValue), triples: triples)
}

@Suite struct Migrations {
    @Test func applyFromEmpty() throws {
        let store = try GraphStore(path: temporaryDatabasePath())
        #expect(try store.appliedMigrations() == GraphStore.knownMigrations)
        let tables = try store.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for t in ["alias", "document", "edge", "evidence", "node"] { #expect(tables.contains(t)) }
        let mode = try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let fk = try store.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(fk == 1)
    }

    @Test func migrationListMatchesTheSchemaFolder() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Schema/migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".sql") }.map { String($0.dropLast(4)) }.sorted()
        #expect(files == GraphStore.knownMigrations)
        #expect(GraphStore.knownMigrations == GraphStore.knownMigrations.sorted())
    }

    @Test func reopeningKeepsDataAndSchema() throws {
        let path = temporaryDatabasePath()
        do {
            let store = try GraphStore(path: path)
            try store.write(triples: [causes("sorafenib", "alopecia")], extractor: "test")
        }
        let again = try GraphStore(path: path)
        #expect(try again.appliedMigrations() == GraphStore.knownMigrations)
        #expect(try again.stats().edgesByPredicate["causes"] == 1)
    }

    @Test func refusesADatabaseFromANewerVigil() throws {
        let path = temporaryDatabasePath()
        do {
            let store = try GraphStore(path: path)
            try store.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('m9999_future')")
            }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.newerSchema(path: path, unknown: ["m9999_future"],
                                               known: GraphStore.knownMigrations.last!)) {
            _ = try GraphStore(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func refusesAFileThatIsNotSQLite() throws {
        let path = temporaryDatabasePath()
        try Data("just some text, long enough to look like a header......................................\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { _ = try GraphStore(path: path) }
    }

    @Test func refusesAMissingDirectory() throws {
        let path = "/nonexistent-\(UUID().uuidString)/graph.db"
        #expect(throws: StoreError.missingDirectory(path: path)) { _ = try GraphStore(path: path) }
    }
}

/// A flag set once, read from another thread.
final class Flag: @unchecked Sendable {  // `value` is only touched under `lock`
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

/// `interrupt()` stops a running statement from another thread; the store answers afterwards.
@Test func interruptStopsALongQueryAndTheStoreGoesOn() throws {
    let store = try GraphStore(path: temporaryDatabasePath())
    // A thread of its own (the shared dispatch pool may be busy with other tests), interrupting
    // until the query has returned: an interrupt before the statement starts does nothing.
    let finished = Flag()
    let stopped = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        while !finished.isSet {
            Thread.sleep(forTimeInterval: 0.1)
            if !finished.isSet { store.interrupt() }
        }
        stopped.signal()
    }
    #expect(throws: StoreError.interrupted(path: store.path)) {
        // Counts to a billion: minutes, unless interrupted.
        try store.read { db in
            try Int.fetchOne(db, sql: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) SELECT count(*) FROM n")
        }
    }
    finished.set()
    stopped.wait()
    #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT 40 + 2") } == 42)
}

@Suite struct Writing {
    @Test func triplesRoundTripWithEvidence() throws {
        let store = try GraphStore()
        let t = Triple(subject: Mention(kind: .drug, name: "sorafenib", text: "Nexavar", start: 12, end: 19),
                       predicate: .causes,
                       object: .entity(Mention(kind: .reaction, name: "acute generalized exanthematous pustulosis",
                                               text: "AGEP", start: 40, end: 44)),
                       assertion: .affirmed, scope: .case,
                       evidence: Evidence(text: "Nexavar caused AGEP in our patient.", start: 5, end: 40, section: "case"))
        let r = try store.ingest(document("one", triples: [t]), extractor: "test/1")
        #expect(r.stored && r.newEdges == 1 && r.newEvidence == 1)
        let row = try store.read { db in
            try Row.fetchOne(db, sql: """
                SELECT s.name AS s, e.predicate, o.name AS o, e.assertion, e.scope, v.sentence, v.start, v."end",
                       v.subject_text, v.object_text, v.object_start, v.section, v.extractor, d.source
                FROM edge e JOIN node s ON s.id = e.src JOIN node o ON o.id = e.dst
                JOIN evidence v ON v.edge_id = e.id JOIN document d ON d.id = v.document_id
                WHERE e.predicate = 'causes'
                """)!
        }
        #expect((row["s"] as String?) == "sorafenib")
        #expect((row["o"] as String?) == "acute generalized exanthematous pustulosis")
        func text(_ c: String) -> String? { row[c] }
        func int(_ c: String) -> Int? { row[c] }
        #expect(text("assertion") == "affirmed")
        #expect(text("scope") == "case")
        #expect(text("sentence") == "Nexavar caused AGEP in our patient.")
        #expect(int("start") == 5)
        #expect(int("end") == 40)
        #expect(int("object_start") == 40)
        #expect(text("subject_text") == "Nexavar")
        #expect(text("object_text") == "AGEP")
        #expect(text("section") == "case")
        #expect(text("extractor") == "test/1")
        #expect(text("source") == "doc")
        // The words as written become aliases, so the names resolve.
        #expect(try store.resolve("agep").map(\.name) == ["acute generalized exanthematous pustulosis"])
        #expect(try store.resolve("NEXAVAR").map(\.name) == ["sorafenib"])
    }

    @Test func literalsKeepValueUnitAndWhatTheyAreAbout() throws {
        let store = try GraphStore()
        let facts = CaseFacts(age: 55, ageRange: [50, 59], sex: "female", indication: "hepatocellular carcinoma",
                              drugs: [CaseDrug(name: "sorafenib", role: .suspect, dose: "400 mg every 12 hours")],
                              reactions: [CaseReaction(name: "hand-foot skin reaction", drug: "sorafenib", onsetDays: 14,
                                                       dechallenge: .positive, rechallenge: .positive),
                                          CaseReaction(name: "acute generalized exanthematous pustulosis", drug: "sorafenib",
                                                       onsetDays: 28, dechallenge: .positive, outcome: "recovered")])
        var doc = document("case", triples: [])
        doc.cases = [facts]
        try store.ingest(doc, extractor: "test")
        let onsets = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT value, unit, about FROM edge WHERE predicate = 'has_onset' ORDER BY value")
                .map { "\($0["value"] as String) \($0["unit"] as String) \($0["about"] as String)" }
        }
        #expect(onsets == ["14 days hand-foot skin reaction", "28 days acute generalized exanthematous pustulosis"])
        let age = try store.read { db in try String.fetchOne(db, sql: "SELECT value FROM edge WHERE predicate = 'has_age'") }
        #expect(age == "55")
        #expect(try store.resolve("doc case 1", kind: .case).count == 1)
    }

    @Test func theSameFactFromThreeDocumentsIsOneEdgeWithThreeEvidenceRows() throws {
        let store = try GraphStore()
        for i in 1...3 {
            try store.ingest(document("text \(i)", triples: [causes("sorafenib", "alopecia", sentence: "Alopecia \(i).")]),
                             extractor: "test")
        }
        let s = try store.stats()
        #expect(s.edgesByPredicate["causes"] == 1)
        #expect(s.documents == 3)
        let a = try store.resolve("sorafenib")[0].id, b = try store.resolve("alopecia")[0].id
        #expect(try store.evidenceCount(subject: a, predicate: .causes, object: b) == 3)
    }

    @Test func negatedAndAffirmedAreDifferentFacts() throws {
        let store = try GraphStore()
        try store.write(triples: [causes("sorafenib", "fever", assertion: .negated), causes("sorafenib", "fever")],
                        extractor: "test")
        #expect(try store.stats().edgesByPredicate["causes"] == 2)
    }

    @Test func reingestingADocumentAddsNothing() throws {
        let store = try GraphStore()
        let doc = document("same text", pmid: "123", triples: [causes("sorafenib", "alopecia")])
        #expect(try store.ingest(doc, extractor: "test").stored)
        let before = try store.stats()
        #expect(try store.ingest(doc, extractor: "test") == .duplicate)
        var samePMID = document("other text", pmid: "123", triples: [causes("imatinib", "edema")])
        samePMID.source = "copy"
        #expect(try store.ingest(samePMID, extractor: "test") == .duplicate)
        #expect(try store.stats() == before)
    }

    @Test func aFailedBatchLeavesNothingBehind() throws {
        let path = temporaryDatabasePath()
        let store = try GraphStore(path: path)
        try store.write(triples: [causes("sorafenib", "alopecia")], extractor: "test")
        let before = try store.stats()
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.write { db in
                var w = BatchWriter(db: db, extractor: "test", documentID: nil)
                try w.add(causes("imatinib", "edema"))
                try w.add(causes("sunitinib", "hypertension"))
                throw Boom()
            }
        }
        #expect(try store.stats() == before)
        // A constraint failure half-way through a document rolls the document back too.
        #expect(throws: StoreError.self) {
            try store.write { db in
                var w = BatchWriter(db: db, extractor: "test", documentID: nil)
                try w.add(causes("imatinib", "edema"))
                try db.execute(sql: "INSERT INTO edge (src, predicate, dst, value, assertion, scope) VALUES (1, 'x', NULL, NULL, 'affirmed', 'case')")
            }
        }
        #expect(try GraphStore(path: path).stats() == before)
    }
}

@Suite struct Traversal {
    /// PDGFRA, PDGFRB member_of PDGFR; imatinib → PDGFRA; sorafenib → PDGFRB, KDR; both cause AGEP.
    func sample() throws -> GraphStore {
        let store = try GraphStore()
        let fam = Mention(kind: .targetFamily, name: "PDGFR")
        try store.write(triples: [
            Triple(subject: target("PDGFRA"), predicate: .memberOf, object: .entity(fam), scope: .reference),
            Triple(subject: target("PDGFRB"), predicate: .memberOf, object: .entity(fam), scope: .reference),
            Triple(subject: drug("imatinib"), predicate: .targets, object: .entity(target("PDGFRA")), scope: .reference),
            Triple(subject: drug("sorafenib"), predicate: .targets, object: .entity(target("PDGFRB")), scope: .reference),
            Triple(subject: drug("sorafenib"), predicate: .targets, object: .entity(target("KDR")), scope: .reference),
            causes("sorafenib", "AGEP"), causes("imatinib", "AGEP", scope: .literature),
            causes("sorafenib", "fever", assertion: .negated),
        ], extractor: "test")
        return store
    }

    func id(_ s: GraphStore, _ name: String) throws -> Int64 { try s.resolve(name)[0].id }

    @Test func familyClosureHasTheFamilyAndItsMembers() throws {
        let s = try sample()
        let c = try s.closure(of: try id(s, "PDGFR"))
        #expect(c.map(\.node.name) == ["PDGFR", "PDGFRA", "PDGFRB"])
        #expect(c.map(\.depth) == [0, 1, 1])
    }

    @Test func closureSurvivesACycleInAHierarchy() throws {
        let s = try GraphStore()
        try s.write(triples: [
            Triple(subject: reaction("a"), predicate: .broader, object: .entity(reaction("b")), scope: .reference),
            Triple(subject: reaction("b"), predicate: .broader, object: .entity(reaction("c")), scope: .reference),
            Triple(subject: reaction("c"), predicate: .broader, object: .entity(reaction("a")), scope: .reference),
        ], extractor: "test")
        let c = try s.closure(of: try id(s, "c"), through: .broader, maxDepth: 10)
        #expect(c.map(\.node.name) == ["c", "b", "a"])
        #expect(c.map(\.depth) == [0, 1, 2])
    }

    @Test func neighbourhoodByDepthLeavesNegatedEdgesOut() throws {
        let s = try sample()
        let one = try s.neighbourhood(of: try id(s, "sorafenib"), depth: 1)
        #expect(Set(one.filter { $0.depth == 1 }.map(\.node.name)) == ["PDGFRB", "KDR", "AGEP"])
        let two = try s.neighbourhood(of: try id(s, "sorafenib"), depth: 2)
        #expect(Set(two.filter { $0.depth == 2 }.map(\.node.name)) == ["PDGFR", "imatinib"])
        #expect(!two.map(\.node.name).contains("fever"))
        #expect(two.count == Set(two.map(\.node.id)).count)
    }

    @Test func shortestPathsAreAllTheShortestOnesAndBounded() throws {
        let s = try sample()
        let paths = try s.shortestPaths(from: try id(s, "sorafenib"), to: try id(s, "imatinib"))
        // sorafenib–AGEP–imatinib is 2 hops; the route through PDGFR is 4.
        #expect(paths.map { $0.nodes.map(\.name) } == [["sorafenib", "AGEP", "imatinib"]])
        #expect(paths[0].edges.map(\.predicate) == [.causes, .causes])
        let viaFamily = try s.shortestPaths(from: try id(s, "KDR"), to: try id(s, "PDGFRA"), maxDepth: 4)
        #expect(Set(viaFamily.map { $0.nodes.map(\.name) }) == [["KDR", "sorafenib", "AGEP", "imatinib", "PDGFRA"],
                                                               ["KDR", "sorafenib", "PDGFRB", "PDGFR", "PDGFRA"]])
        #expect(try s.shortestPaths(from: try id(s, "KDR"), to: try id(s, "PDGFRA"), maxDepth: 3).isEmpty)
    }

    @Test func shortestPathsFindEveryRouteOfTheSameLength() throws {
        let s = try GraphStore()
        let r = Predicate("r")
        func e(_ a: String, _ b: String) -> Triple {
            Triple(subject: Mention(kind: .other, name: a), predicate: r, object: .entity(Mention(kind: .other, name: b)),
                   scope: .reference)
        }
        // A diamond with a cycle: a→b→d, a→c→d, d→a.
        try s.write(triples: [e("a", "b"), e("a", "c"), e("b", "d"), e("c", "d"), e("d", "a")], extractor: "test")
        let paths = try s.shortestPaths(from: try id(s, "a"), to: try id(s, "d"))
        #expect(paths.map { $0.nodes.map(\.name) } == [["a", "d"]])
        let bc = try s.shortestPaths(from: try id(s, "b"), to: try id(s, "c"))
        #expect(Set(bc.map { $0.nodes.map(\.name) }) == [["b", "a", "c"], ["b", "d", "c"]])
    }
}

@Suite struct Vocabulary {
    func store() throws -> GraphStore {
        let s = try GraphStore()
        try s.write(triples: [causes("sorafenib", "acute generalized exanthematous pustulosis")], extractor: "test")
        try s.replaceVocabulary([
            NodeAlias(kind: .drug, name: "sorafenib", alias: "sorafenib", source: "drugs.tsv"),
            NodeAlias(kind: .drug, name: "sorafenib", alias: "Nexavar", source: "drugs.tsv"),
            NodeAlias(kind: .drug, name: "imatinib", alias: "Gleevec", source: "drugs.tsv"),
            NodeAlias(kind: .reaction, name: "acute generalized exanthematous pustulosis", alias: "AGEP", source: "reactions.tsv"),
        ])
        return s
    }

    @Test func aVocabularySynonymFindsTheNodeOfItsCanonicalName() throws {
        let s = try store()
        #expect(try s.resolve("NEXAVAR").map(\.name) == ["sorafenib"])
        #expect(try s.resolve("agep").map(\.name) == ["acute generalized exanthematous pustulosis"])
        // A known term with no node in the graph resolves to nothing, but the vocabulary knows it.
        #expect(try s.resolve("Gleevec").isEmpty)
        #expect(try s.vocabularyNames(for: "gleevec").map(\.name) == ["imatinib"])
    }

    @Test func replacingTheVocabularyDropsTheOldTerms() throws {
        let s = try store()
        try s.replaceVocabulary([NodeAlias(kind: .drug, name: "sorafenib", alias: "BAY 43-9006", source: "x")])
        #expect(try s.resolve("Nexavar").isEmpty)
        #expect(try s.resolve("bay 43-9006").map(\.name) == ["sorafenib"])
    }

    @Test func typosGetSuggestionsBestFirst() throws {
        let s = try store()
        #expect(try s.suggestions(for: "sorafenb") == ["sorafenib"])
        #expect(try s.suggestions(for: "Nexavr") == ["sorafenib"])
        #expect(try s.suggestions(for: "Gleevecc", kind: .drug) == ["imatinib"])
        #expect(try s.suggestions(for: "zzzzzzzz").isEmpty)
    }

    @Test func editDistanceStopsAtItsLimit() {
        func d(_ a: String, _ b: String, _ limit: Int) -> Int? {
            editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
        }
        #expect(d("kitten", "sitting", 3) == 3)
        #expect(d("kitten", "sitting", 2) == nil)
        #expect(d("", "abc", 3) == 3)
        #expect(d("β-blocker", "b-blocker", 1) == 1)
    }
}
