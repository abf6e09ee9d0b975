import Foundation
import GRDB
import Testing
import VigilCore
@testable import VigilQuery
import VigilStore

/// The graph held in memory: built from every node edge, the same answers as the probes, and
/// read again after any write, by the engine's own connection or another.
struct AdjacencyTests {
    /// The forms run from Swift, on every drug of the seed graph.
    static let forms = ["nodes within 1 of %@", "nodes within 2 of %@", "nodes within 3 hops of %@",
                        "nodes within 2 of %@ including negated", "distance from %@ to hepatitis",
                        "distance from %@ to hepatitis including negated", "distance from %@ to KDR",
                        "drugs sharing targets with %@", "drugs sharing reactions with %@",
                        "drugs sharing reactions with %@ including negated", "drugs sharing reactions with %@ limit 1",
                        "drugs sharing reactions with %@ where scope = case"]
    static let drugs = ["sorafenib", "imatinib", "sunitinib", "haloperidol"]

    func rows(_ engine: QueryEngine, _ query: String) throws -> [[String]] {
        guard case .result(let r) = try engine.run(query) else { return [] }
        return r.rows.map { $0.map(\.description) }
    }

    @Test func entriesAreEveryNodeEdgeInThenOut() throws {
        let store = try SeedGraph.make()
        try store.read { db in
            let size = try db.nodeIDBound()
            let memory = try #require(try Adjacency.read(db, size: size))
            let edges = try Row.fetchAll(db, sql: "SELECT src, predicate, dst, assertion FROM edge WHERE dst IS NOT NULL")
            #expect(memory.neighbours.count == 2 * edges.count)
            for n in 0 ..< Int64(size) {
                var seen: [(Int64, String, Bool, Bool)] = []
                memory.entries(of: n) { m, tag in
                    seen.append((Int64(m), memory.predicates[Int(tag >> 2)], tag & Adjacency.outgoing != 0,
                                 tag & Adjacency.negated != 0))
                    return false
                }
                func entry(_ e: Row, out: Bool) -> String {
                    "\(out ? e["dst"] : e["src"] as Int64) \(e["predicate"] as String) \(out) \(e["assertion"] == "negated")"
                }
                let ins = edges.filter { $0["dst"] == n }.map { entry($0, out: false) }
                let outs = edges.filter { $0["src"] == n }.map { entry($0, out: true) }
                // In-edges first, then out-edges; within each, any order.
                let got = seen.map { "\($0.0) \($0.1) \($0.2) \($0.3)" }
                #expect(Set(got.prefix(ins.count)) == Set(ins) && got.count == ins.count + outs.count, "node \(n)")
                #expect(Set(got.dropFirst(ins.count)) == Set(outs), "node \(n)")
            }
            // Above the cap it is not read at all.
            #expect(try Adjacency.read(db, size: size, maxEdges: edges.count) != nil)
            #expect(try Adjacency.read(db, size: size, maxEdges: edges.count - 1) == nil)
        }
    }

    @Test(arguments: forms) func sameRowsFromMemoryAsFromProbes(form: String) throws {
        let engine = QueryEngine(store: try SeedGraph.make())
        for drug in Self.drugs {
            let query = form.replacingOccurrences(of: "%@", with: drug)
            // The first query of a version runs over the probes; the second reads the adjacency.
            let probes = try rows(engine, query)
            let memory = try rows(engine, query)
            #expect(probes == memory, "\(query)")
            #expect(try rows(engine, query) == probes, "\(query)")
        }
        // Read once, by the second query (a form with a scope condition never asks for it).
        #expect(engine.adjacency.reads == (form.contains("scope") ? 0 : 1))
    }

    @Test func probesAloneForDrawingsAndScopes() throws {
        let engine = QueryEngine(store: try SeedGraph.make())
        #expect(try engine.plan("drugs sharing reactions with sorafenib").procedure?.inMemory == true)
        #expect(try engine.plan("drugs sharing reactions with sorafenib", drawing: true).procedure?.inMemory == false)
        #expect(try engine.plan("drugs sharing reactions with sorafenib where scope = case").procedure?.inMemory == false)
        #expect(try engine.plan("nodes within 2 of sorafenib including negated").procedure?.includingNegated == true)
    }

    func addTarget(_ store: GraphStore, _ target: String) throws {
        try store.write(triples: [Triple(subject: Mention(kind: .drug, name: "sorafenib"), predicate: .targets,
                                         object: .entity(Mention(kind: .target, name: target)), scope: .reference)],
                        extractor: "test/1")
    }

    @Test func readAgainAfterAWriteOnTheSameConnection() throws {
        let store = try SeedGraph.make()
        let engine = QueryEngine(store: store)
        let before = try rows(engine, "nodes within 1 of sorafenib")
        #expect(try rows(engine, "nodes within 1 of sorafenib") == before)
        #expect(engine.adjacency.reads == 1)
        try addTarget(store, "NEWTARGET")
        let after = [[String(Int(before[0][0])! + 1)]]
        // Held adjacency is stale now: the next query must see the new edge, and so must the
        // one after it, which reads the adjacency again.
        #expect(try rows(engine, "nodes within 1 of sorafenib") == after)
        #expect(try rows(engine, "nodes within 1 of sorafenib") == after)
        #expect(engine.adjacency.reads == 2)
        #expect(try rows(engine, "drugs sharing targets with sorafenib") == rows(QueryEngine(store: store), "drugs sharing targets with sorafenib"))
    }

    @Test func readAgainAfterAWriteByAnotherConnection() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-adjacency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("graph.db").path
        let engine = QueryEngine(store: try SeedGraph.make(path: path))
        let before = try rows(engine, "nodes within 1 of sorafenib")
        #expect(try rows(engine, "nodes within 1 of sorafenib") == before)
        #expect(engine.adjacency.reads == 1)
        try addTarget(try GraphStore(path: path), "OTHERTARGET")
        let after = [[String(Int(before[0][0])! + 1)]]
        #expect(try rows(engine, "nodes within 1 of sorafenib") == after)
        #expect(try rows(engine, "nodes within 1 of sorafenib") == after)
        #expect(engine.adjacency.reads == 2)
    }
}
