import GRDB

/// Breadth-first walks over the whole graph, edges taken in either direction, run from Swift:
/// each node's neighbours come from index probes (`edge_out` for its out-edges, the partial
/// `edge_in` for its in-edges, the primary key of `reference_link` for its reference links in
/// each direction), or, once the engine holds it, from the graph in memory
/// (`Adjacency`); the nodes reached are bits in a bitset.
///
/// SQL has no early exit and no cheap set membership: its unrolled levels materialise every
/// frontier into temp b-trees and test membership with a b-tree search per edge. Here a level
/// can stop at the first neighbour that matters, and membership is one bit. On Hetionet this
/// is faster than the best SQL for `nodes within 3` and several times faster for `distance`
/// (Sources/vigil-bench/FINDINGS.md).
struct GraphWalk {
    let db: Database
    let start: Int64
    private let both: IndexProbe
    private let allNodes: IndexProbe
    /// The graph in memory, when the engine holds it: then the probes are not run.
    private let adjacency: Adjacency?
    /// The tag bits an entry of `adjacency` must not have (negated, unless included).
    private let skipped: UInt8

    /// Every node id (`?1` = 0), the candidates of a bottom-up level, stepped like the probes.
    static let everyNode = Plan.Statement(role: .rows, purpose: "every node", sql: "SELECT id FROM node WHERE id >= ?1",
                                          arguments: [0.databaseValue])
    /// One more than the largest node id: the size of the bitsets.
    private let size: Int

    init(_ procedure: Plan.Procedure, db: Database, adjacency: Adjacency? = nil) throws {
        self.db = db
        start = procedure.start
        both = try IndexProbe(procedure.probes["neighbours"]!, db: db)
        allNodes = try IndexProbe(Self.everyNode, db: db)
        self.adjacency = adjacency
        skipped = procedure.includingNegated ? 0 : Adjacency.negated
        size = try adjacency?.size ?? db.nodeIDBound()
    }

    /// The probe a walk repeats per node: its neighbours, in-edges first (on Hetionet the last
    /// level of `nodes within 3` then needs 20% fewer index seeks: reactions and most genes are
    /// reached by their in-edges), out-edges only if the caller reads on. One statement rather
    /// than two halves the statement runs.
    /// Reference links (all affirmed) come after the edges of each direction, from the node's
    /// own rows of `reference_link`: a primary-key probe each.
    static func probes(includingNegated: Bool) -> [String: Plan.Statement] {
        let affirmed = includingNegated ? "" : " AND assertion <> 'negated'"
        return ["neighbours": Plan.Statement(
            role: .rows, purpose: "the node's neighbours, by in-edges then out-edges, each from edges then reference links",
            sql: """
                SELECT src FROM edge WHERE dst = ?1\(affirmed)
                UNION ALL SELECT j.value FROM reference_link a, json_each(a.ids) j WHERE a.node = ?1 AND a.inbound = 1
                UNION ALL SELECT dst FROM edge WHERE src = ?1 AND dst IS NOT NULL\(affirmed)
                UNION ALL SELECT j.value FROM reference_link a, json_each(a.ids) j WHERE a.node = ?1 AND a.inbound = 0
                """,
            arguments: [.null])]
    }

    /// Calls `body` with every neighbour of `node` (with repeats) until it returns true.
    /// Returns whether it did.
    @discardableResult
    private func neighbours(of node: Int64, _ body: (Int64) -> Bool) throws -> Bool {
        guard let adjacency else { return try both.ids(node, body) }
        return adjacency.entries(of: node) { m, tag in tag & skipped == 0 && body(Int64(m)) }
    }

    /// The number of distinct nodes within `hops` of the start, the start not counted.
    ///
    /// A level is expanded top-down (every edge of the frontier) while the frontier is small,
    /// and bottom-up (every node not yet reached asks whether it touches the frontier, and stops
    /// at the first edge that does) once the frontier is large: the direction-optimising BFS
    /// of Beamer, Asanović and Patterson (SC 2012).
    func count(hops: Int, bottomUpFrontier: Int = Self.bottomUpFrontier) throws -> Int {
        var reached = Bitset(size: size)
        reached.insert(start)
        var total = 0
        var frontier = [start]
        var unreached: [Int64]?
        for _ in 0 ..< hops where !frontier.isEmpty {
            var next: [Int64] = []
            if frontier.count > bottomUpFrontier {
                var inFrontier = Bitset(size: size)
                for n in frontier { inFrontier.insert(n) }
                // The candidates: every node not reached yet, listed once, then what is left of them.
                var candidates: [Int64] = []
                if let unreached {
                    candidates = unreached
                } else if let adjacency {
                    // A node without entries cannot be reached: only those with entries are asked.
                    for id in 0 ..< Int64(size) where !reached.contains(id) && adjacency.offsets[Int(id)] < adjacency.offsets[Int(id) + 1] {
                        candidates.append(id)
                    }
                } else {
                    try allNodes.ids(0) { id in
                        if !reached.contains(id) { candidates.append(id) }
                        return false
                    }
                }
                var left: [Int64] = []
                for x in candidates {
                    if try neighbours(of: x, { inFrontier.contains($0) }) { next.append(x) } else { left.append(x) }
                }
                unreached = left
                for n in next { reached.insert(n) }
            } else {
                for n in frontier {
                    try neighbours(of: n) { m in
                        if reached.insert(m) { next.append(m) }
                        return false
                    }
                }
                unreached = nil
            }
            total += next.count
            frontier = next
        }
        return total
    }

    /// Frontier size above which a level is found bottom-up.
    static let bottomUpFrontier = 2000

    /// The undirected distance to `goal`, at most `maxDepth`: bidirectional, always growing the
    /// smaller frontier, and stopping at the first node the other side has reached.
    func distance(to goal: Int64, maxDepth: Int) throws -> Int? {
        if start == goal { return 0 }
        guard start >= 0, goal >= 0, start < size, goal < size else { return nil }
        // 1: reached from the start, 2: from the goal.
        var side = [UInt8](repeating: 0, count: size)
        side[Int(start)] = 1
        side[Int(goal)] = 2
        var forward = [start], backward = [goal]
        for d in 0 ..< maxDepth {
            // At this point the two sides have not met, so the distance is more than d.
            let growForward = forward.count <= backward.count
            let mine: UInt8 = growForward ? 1 : 2, theirs: UInt8 = growForward ? 2 : 1
            var next: [Int64] = []
            for n in growForward ? forward : backward {
                let met = try neighbours(of: n) { m in
                    let i = Int(m)
                    guard i >= 0, i < side.count else { return false }
                    if side[i] == theirs { return true }
                    if side[i] == 0 {
                        side[i] = mine
                        next.append(m)
                    }
                    return false
                }
                if met { return d + 1 }
            }
            if next.isEmpty { return nil }
            if growForward { forward = next } else { backward = next }
        }
        return nil
    }
}
