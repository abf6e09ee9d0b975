import GRDB
import Testing
@testable import VigilQuery
import VigilStore

/// The walks run from Swift against a plain breadth-first search over every edge of the seed graph.
struct GraphWalkTests {
    let store: GraphStore
    /// Undirected adjacency of the affirmed node-to-node edges, and every node id.
    let adjacency: [Int64: Set<Int64>]
    let nodes: [Int64]

    init() throws {
        store = try SeedGraph.make()
        var adjacency: [Int64: Set<Int64>] = [:]
        let (edges, nodes) = try store.read { db in
            (try Row.fetchAll(db, sql: "SELECT src, dst FROM edge WHERE dst IS NOT NULL AND assertion <> 'negated'"),
             try Int64.fetchAll(db, sql: "SELECT id FROM node ORDER BY id"))
        }
        for e in edges {
            let a: Int64 = e["src"], b: Int64 = e["dst"]
            adjacency[a, default: []].insert(b)
            adjacency[b, default: []].insert(a)
        }
        self.adjacency = adjacency
        self.nodes = nodes
    }

    /// Each node's distance from `start`, by the textbook search.
    func distances(from start: Int64) -> [Int64: Int] {
        var seen = [start: 0], level = [start], d = 0
        while !level.isEmpty {
            d += 1
            level = level.flatMap { adjacency[$0] ?? [] }.filter { seen[$0] == nil }
            for n in level where seen[n] == nil { seen[n] = d }
            level = Array(Set(level))
        }
        return seen
    }

    /// Over the probes, or over the adjacency in memory when `memory`.
    func walk(_ start: Int64, _ goal: Plan.Procedure.Goal, _ db: Database, memory: Bool = false) throws -> GraphWalk {
        try GraphWalk(Plan.Procedure(start: start, goal: goal, limit: nil, purpose: "",
                                     probes: GraphWalk.probes(includingNegated: false)), db: db,
                      adjacency: memory ? try Adjacency.read(db, size: db.nodeIDBound()) : nil)
    }

    @Test(arguments: [false, true]) func countsMatchTopDownBottomUpAndTheTextbook(memory: Bool) throws {
        #expect(nodes.count > 30)
        try store.read { db in
            for start in nodes {
                let expected = distances(from: start)
                for hops in 1...4 {
                    let w = try walk(start, .count(hops: hops), db, memory: memory)
                    let want = expected.values.filter { $0 > 0 && $0 <= hops }.count
                    // Every level top-down, every level bottom-up, and a switch between them.
                    let topDown = try w.count(hops: hops, bottomUpFrontier: .max)
                    let bottomUp = try w.count(hops: hops, bottomUpFrontier: 0)
                    let mixed = try w.count(hops: hops, bottomUpFrontier: 3)
                    #expect([topDown, bottomUp, mixed] == [want, want, want], "from \(start) within \(hops)")
                }
            }
        }
    }

    @Test(arguments: [false, true]) func distancesMatchTheTextbookBothWays(memory: Bool) throws {
        try store.read { db in
            for a in nodes {
                let expected = distances(from: a)
                for b in nodes {
                    let want = expected[b].flatMap { $0 <= 4 ? $0 : nil }
                    let there = try walk(a, .distance(to: b, maxDepth: 4), db, memory: memory).distance(to: b, maxDepth: 4)
                    let back = try walk(b, .distance(to: a, maxDepth: 4), db, memory: memory).distance(to: a, maxDepth: 4)
                    #expect(there == want && back == want, "\(a) to \(b)")
                }
            }
        }
    }

    @Test func bitsetHoldsWhatWasInserted() {
        var s = Bitset(size: 128)
        let added = [s.insert(0), s.insert(64), s.insert(127), s.insert(64), s.insert(128), s.insert(-1)]
        #expect(added == [true, true, true, false, false, false])
        #expect([0, 64, 127].allSatisfy { s.contains($0) })
        #expect(![1, 63, 126, 128, -1].contains { s.contains($0) })
    }
}
