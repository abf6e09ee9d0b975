import Foundation
import GRDB
import Testing
@testable import VigilQuery
import VigilStore

/// Reference links (m0004) read by every form as if they were edges: the rows expected over
/// links, over edges and over both, and the same rows and drawings whichever way the facts are stored.
struct ReferenceLinkTests {
    static let agep = FormTests.agep
    static let dress = FormTests.dress

    func rows(_ engine: QueryEngine, _ query: String, drawing: Bool = false) throws -> [[String]] {
        guard case .result(let r) = try engine.run(query, drawing: drawing) else { return [] }
        return r.rows.map { $0.map(\.description) }
    }

    func drawn(_ engine: QueryEngine, _ query: String) throws -> QueryResult {
        guard case .result(let r) = try engine.run(query, drawing: true) else { throw FormTests.QueryFailure.explained }
        return r
    }

    /// The facts behind a drawing's edge ids, as "subject predicate object" names.
    func facts(_ store: GraphStore, _ ids: [Int64]) throws -> Set<String> {
        try store.read { db in
            Set(try ids.map { id -> String in
                let parts = try ReferenceGraph.fact(db, edge: id).split(separator: " ")
                let name = { (n: Substring) in try String.fetchOne(db, sql: "SELECT name FROM node WHERE id = ?", arguments: [Int64(n) ?? -1]) ?? "?" }
                return "\(try name(parts[0])) \(parts[1]) \(try name(parts[2]))"
            })
        }
    }

    static let queries = [
        "reactions shared with imatinib via PDGFRB", "reactions shared with sorafenib via TIE",
        "reactions shared with sorafenib via TIE where scope = literature",
        "drugs sharing reactions with sorafenib", "drugs sharing targets with sorafenib",
        "drugs sharing reactions with sorafenib where scope = reference", "drugs sharing targets with regorafenib limit 2",
        "nodes within 1 of sorafenib", "nodes within 2 of pazopanib", "nodes within 3 of TIE", "nodes within 2 of sorafenib including negated",
        "distance from pazopanib to hair disorder", "distance from haloperidol to TIE", "distance from regorafenib to hepatitis including negated",
        "neighbors of regorafenib", "neighbors of TEK depth 2", "path from pazopanib to sorafenib", "path from haloperidol to hair disorder",
        "reactions of sorafenib", "reactions of sorafenib where scope = reference", "reactions of imatinib where scope != reference",
        "targets of sorafenib", "targets of regorafenib where scope = literature", "drugs targeting VEGFR", "drugs targeting TIE",
        "drugs causing hair disorder", "drugs causing alopecia where scope = reference", "drugs causing hypertension where scope = case",
        "cases of severe cutaneous adverse reaction", "evidence for sorafenib causes alopecia",
    ]

    /// Same rows, same drawn nodes, and drawn edges standing for the same facts, in each storage;
    /// the second run of the forms from Swift reads the graph in memory.
    @Test(arguments: queries) func sameAnswersWhicheverTableHoldsTheFacts(query: String) throws {
        let stores = try ReferenceGraph.Storage.allCases.map { try ReferenceGraph.make($0) }
        let engines = stores.map { QueryEngine(store: $0) }
        let expected = try rows(engines[0], query)
        let picture = try drawn(engines[0], query)
        let pictured = try facts(stores[0], picture.edgeIDs)
        for (storage, engine) in zip(ReferenceGraph.Storage.allCases, engines) {
            #expect(try rows(engine, query) == expected, "\(storage)")
            #expect(try rows(engine, query) == expected, "\(storage), again")
            let d = try drawn(engine, query)
            #expect(d.rows.map { $0.map(\.description) } == picture.rows.map { $0.map(\.description) }, "\(storage)")
            #expect(Set(d.nodeIDs) == Set(picture.nodeIDs), "\(storage)")
            #expect(d.edgeIDs.count == picture.edgeIDs.count, "\(storage)")
            #expect(try facts(engine.store, d.edgeIDs) == pictured, "\(storage)")
            #expect(!pictured.contains { $0.contains("?") }, "\(storage): an edge id names no fact")
        }
        // The links storage draws links by their computed negative ids: pazopanib's three and
        // sorafenib causes hypertension, beside the seed graph's sorafenib targets KDR and FLT4.
        if query.hasPrefix("path from pazopanib") {
            let ids = try drawn(engines[1], query).edgeIDs
            #expect(ids.filter { $0 < 0 }.count == 4 && ids.filter { $0 > 0 }.count == 2)
        }
    }

    @Test(arguments: ReferenceGraph.Storage.allCases) func reactionsSharedViaATargetWithLinks(storage: ReferenceGraph.Storage) throws {
        let engine = QueryEngine(store: try ReferenceGraph.make(storage))
        #expect(try rows(engine, "reactions shared with imatinib via PDGFRB") == [
            [Self.agep, "sorafenib", "5", "case, literature"],
            ["alopecia", "regorafenib, sorafenib", "0", "reference"],
            [Self.dress, "sorafenib", "3", "case, literature"],
        ])
        // TIE's one member, TEK, is a link, and so are both drugs that target it.
        #expect(try rows(engine, "reactions shared with sorafenib via TIE") == [
            ["alopecia", "regorafenib", "0", "reference"],
            ["hand-foot skin reaction", "regorafenib", "1", "literature, reference"],
        ])
        #expect(try rows(engine, "reactions shared with sorafenib via TIE where scope = reference") == [
            ["alopecia", "regorafenib", "0", "reference"],
        ])
        #expect(try rows(engine, "reactions shared with sorafenib via TIE where scope = literature").isEmpty)
    }

    @Test(arguments: ReferenceGraph.Storage.allCases) func drugsSharingOverLinks(storage: ReferenceGraph.Storage) throws {
        let engine = QueryEngine(store: try ReferenceGraph.make(storage))
        let reactions = [
            ["imatinib", "3", "\(Self.agep), alopecia, \(Self.dress)"],
            ["regorafenib", "2", "alopecia, hand-foot skin reaction"],
            ["haloperidol", "1", "coronary vasospasm"],
            ["pazopanib", "1", "hypertension"],
            ["sunitinib", "1", "hand-foot skin reaction"],
        ]
        // Over the probes, then from memory.
        #expect(try rows(engine, "drugs sharing reactions with sorafenib") == reactions)
        #expect(try rows(engine, "drugs sharing reactions with sorafenib") == reactions)
        #expect(engine.adjacency.reads == 1)
        #expect(try rows(engine, "drugs sharing targets with sorafenib") == [
            ["sunitinib", "4", "FLT1, KDR, KIT, PDGFRB"],
            ["regorafenib", "3", "KDR, PDGFRB, TEK"],
            ["imatinib", "2", "KIT, PDGFRB"],
            ["pazopanib", "2", "FLT4, KDR"],
        ])
        #expect(try rows(engine, "drugs sharing reactions with sorafenib where scope = reference") == [
            ["imatinib", "1", "alopecia"], ["pazopanib", "1", "hypertension"], ["regorafenib", "1", "alopecia"],
        ])
        #expect(try rows(engine, "drugs sharing reactions with sorafenib where scope = literature") == [
            ["haloperidol", "1", "coronary vasospasm"], ["sunitinib", "1", "hand-foot skin reaction"],
        ])
        // A drawing: the drug, the drugs shown, the items, and every edge between them.
        let d = try drawn(engine, "drugs sharing reactions with regorafenib")
        #expect(d.rows.map { $0.map(\.description) } == [["sorafenib", "2", "alopecia, hand-foot skin reaction"],
                                                         ["imatinib", "1", "alopecia"], ["sunitinib", "1", "hand-foot skin reaction"]])
        #expect(try facts(engine.store, d.edgeIDs) == [
            "regorafenib causes alopecia", "regorafenib causes hand-foot skin reaction", "sorafenib causes alopecia",
            "sorafenib causes hand-foot skin reaction", "imatinib causes alopecia", "sunitinib causes hand-foot skin reaction",
        ])
    }

    @Test(arguments: ReferenceGraph.Storage.allCases) func walksOverLinks(storage: ReferenceGraph.Storage) throws {
        let engine = QueryEngine(store: try ReferenceGraph.make(storage))
        for _ in 0 ..< 2 {
            // The seed graph's 15, and TEK, alopecia and hypertension.
            #expect(try rows(engine, "nodes within 1 of sorafenib") == [["18"]])
            #expect(try rows(engine, "nodes within 1 of regorafenib") == [["5"]])
            #expect(try rows(engine, "distance from regorafenib to hair disorder") == [["2"]])
            #expect(try rows(engine, "distance from pazopanib to hair disorder") == [["4"]])
            #expect(try rows(engine, "distance from pazopanib to hair disorder max 3") == [[""]])
            #expect(try rows(engine, "distance from haloperidol to TIE") == [["4"]])
        }
        #expect(engine.adjacency.reads == 1)
        #expect(try rows(engine, "neighbors of regorafenib").map(\.first) == [
            "alopecia", "hand-foot skin reaction", "KDR", "PDGFRB", "TEK",
        ])
        let path = try drawn(engine, "path from regorafenib to hair disorder")
        #expect(path.rows.map { $0.map(\.description) } == [["regorafenib -[causes]-> alopecia -[broader]-> hair disorder", "2"]])
        #expect(try facts(engine.store, path.edgeIDs) == ["regorafenib causes alopecia", "alopecia broader hair disorder"])
        #expect(try rows(engine, "path from pazopanib to sorafenib") == [
            ["pazopanib -[causes]-> hypertension <-[causes]- sorafenib", "2"],
            ["pazopanib -[targets]-> FLT4 <-[targets]- sorafenib", "2"],
            ["pazopanib -[targets]-> KDR <-[targets]- sorafenib", "2"],
        ])
        let around = try drawn(engine, "neighbors of regorafenib")
        #expect(try facts(engine.store, around.edgeIDs) == [
            "regorafenib targets KDR", "regorafenib targets PDGFRB", "regorafenib targets TEK",
            "regorafenib causes alopecia", "regorafenib causes hand-foot skin reaction",
        ])
    }

    @Test(arguments: ReferenceGraph.Storage.allCases) func tablesOverLinks(storage: ReferenceGraph.Storage) throws {
        let engine = QueryEngine(store: try ReferenceGraph.make(storage))
        #expect(try rows(engine, "reactions of sorafenib where scope = reference") == [
            ["alopecia", "reference", "0", "0", ""], ["hypertension", "reference", "0", "0", ""],
        ])
        #expect(try rows(engine, "reactions of sorafenib").map(\.first) == [
            Self.agep, "alopecia", "coronary vasospasm", Self.dress, "hand-foot skin reaction", "hypertension",
        ])
        #expect(try rows(engine, "reactions of sorafenib where scope != reference").count == 4)
        #expect(try rows(engine, "targets of sorafenib").last == ["TEK", "target", "TIE", "reference", "0"])
        #expect(try rows(engine, "targets of sorafenib").count == 10)
        #expect(try rows(engine, "targets of regorafenib where scope = literature").isEmpty)
        #expect(try rows(engine, "drugs targeting VEGFR") == [
            ["pazopanib", "FLT4, KDR", "reference", "0"],
            ["regorafenib", "KDR", "reference", "0"],
            ["sorafenib", "FLT1, FLT4, KDR", "reference", "3"],
            ["sunitinib", "FLT1, KDR", "reference", "2"],
        ])
        #expect(try rows(engine, "drugs targeting TIE") == [["regorafenib", "TEK", "reference", "0"], ["sorafenib", "TEK", "reference", "0"]])
        #expect(try rows(engine, "drugs causing hair disorder") == [
            ["imatinib", "alopecia", "reference", "0", "0", ""],
            ["regorafenib", "alopecia", "reference", "0", "0", ""],
            ["sorafenib", "alopecia", "reference", "0", "0", ""],
        ])
        #expect(try rows(engine, "drugs causing alopecia where scope = literature").isEmpty)
        let drawing = try drawn(engine, "drugs causing hair disorder")
        #expect(try facts(engine.store, drawing.edgeIDs) == [
            "imatinib causes alopecia", "regorafenib causes alopecia", "sorafenib causes alopecia", "alopecia broader hair disorder",
        ])
    }

    /// The adjacency of the links storage has the entries of the edges storage: same neighbours,
    /// predicates, directions and assertions per node.
    @Test func adjacencyOfLinksIsTheAdjacencyOfEdges() throws {
        func entries(_ storage: ReferenceGraph.Storage) throws -> [[String]] {
            try ReferenceGraph.make(storage).read { db in
                let memory = try #require(try Adjacency.read(db, size: db.nodeIDBound()))
                return (0 ..< Int64(memory.size)).map { n in
                    var seen: [String] = []
                    memory.entries(of: n) { m, tag in
                        seen.append("\(m) \(memory.predicates[Int(tag >> 2)]) \(tag & Adjacency.outgoing) \(tag & Adjacency.negated)")
                        return false
                    }
                    return seen.sorted()
                }
            }
        }
        let edges = try entries(.edges)
        #expect(edges.joined().count > 2 * ReferenceGraph.facts.count)
        #expect(try entries(.links) == edges)
        #expect(try entries(.mixed) == edges)
    }

    @Test func malformedOrOversizedLinksAreNotHeld() throws {
        let store = try ReferenceGraph.make(.links)
        try store.read { db in
            let size = try db.nodeIDBound()
            let all = try Int.fetchOne(db, sql: "SELECT count(*) FROM edge WHERE dst IS NOT NULL")!
                + ReferenceGraph.facts.count
            #expect(try Adjacency.read(db, size: size, maxEdges: all) != nil)
            #expect(try Adjacency.read(db, size: size, maxEdges: all - 1) == nil)
        }
        // An id past the largest node: not held (the probes serve instead).
        try store.write { db in
            try db.execute(sql: "UPDATE reference_link SET ids = '[1,99999]' WHERE inbound = 0")
        }
        let held = try store.read { db in try Adjacency.read(db, size: db.nodeIDBound()) }
        #expect(held == nil)
    }

    /// An import writes links only: the engine's adjacency must still see it, on its own
    /// connection and another's.
    @Test func anImportOfLinksIsSeen() throws {
        func importLink(_ store: GraphStore) throws {
            try store.write { db in
                try db.execute(sql: """
                    INSERT INTO import_batch (id, format, extractor, files, nodes_created, edges_created, edges_existing)
                    VALUES (2, 'kgx', 'kgx-import/1', 'more.tsv', 0, 1, 0)
                    """)
                try ReferenceGraph.insertLinks(db, [(try ReferenceGraph.id(db, "drug", "pazopanib"), "targets",
                                                     try ReferenceGraph.id(db, "target", "TEK"))], batch: 2)
            }
        }
        let store = try ReferenceGraph.make(.links)
        let engine = QueryEngine(store: store)
        #expect(try rows(engine, "nodes within 1 of pazopanib") == [["3"]])
        #expect(try rows(engine, "nodes within 1 of pazopanib") == [["3"]])
        #expect(engine.adjacency.reads == 1)
        try importLink(store)
        #expect(try rows(engine, "nodes within 1 of pazopanib") == [["4"]])
        #expect(try rows(engine, "nodes within 1 of pazopanib") == [["4"]])
        #expect(try rows(engine, "drugs sharing targets with pazopanib").first == ["sorafenib", "3", "FLT4, KDR, TEK"])
        #expect(engine.adjacency.reads == 2)

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-links-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("graph.db").path
        let other = QueryEngine(store: try ReferenceGraph.make(.links, path: path))
        #expect(try rows(other, "nodes within 1 of pazopanib") == [["3"]])
        #expect(try rows(other, "nodes within 1 of pazopanib") == [["3"]])
        try importLink(try GraphStore(path: path))
        #expect(try rows(other, "nodes within 1 of pazopanib") == [["4"]])
        #expect(try rows(other, "nodes within 1 of pazopanib") == [["4"]])
        #expect(other.adjacency.reads == 2)
    }
}
