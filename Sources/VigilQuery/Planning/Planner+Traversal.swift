import GRDB

/// Walks over the whole graph, edges taken in either direction.
///
/// A plain recursive CTE revisits nodes once per path that reaches them and cannot stop early;
/// on a large graph it is 10× slower for a 3-hop neighbourhood and 160× slower for a shortest
/// distance than frontier expansion (see shared/bench). `nodes within` and `distance` are walked
/// from Swift (GraphWalk: a bitset and one index probe per node, which SQL cannot match); the
/// forms that list nodes and paths stay in SQL, unrolled one level per hop into MATERIALIZED
/// CTEs, each level the neighbours of the last minus what is already reached.
extension Compiler {
    /// The undirected neighbours of the nodes in `frontier(n)`, as rows of `n`: by edges, and by
    /// reference links in both directions (all of the node's rows of `reference_link`).
    func neighboursOf(_ frontier: String) -> String {
        """
        SELECT e.dst FROM \(frontier) f JOIN edge e ON e.src = f.n AND e.dst IS NOT NULL\(affirmed("e"))
            UNION SELECT e.src FROM \(frontier) f JOIN edge e ON e.dst = f.n\(affirmed("e"))
            UNION SELECT j.value FROM \(frontier) f JOIN \(links(of: "f.n", inbound: nil))
        """
    }

    /// Levels `l1…l<depth>` of a breadth-first walk from `l0`, each node at its shortest distance,
    /// and `v<k>`, the nodes reached within k hops.
    func levels(from start: String, prefix l: String, depth: Int) -> [String] {
        var ctes = ["\(l)0(n) AS (SELECT \(start))", "\(l)v0(n) AS (SELECT \(start))"]
        for k in 1...max(1, depth) {
            ctes.append("""
                \(l)\(k)(n) AS MATERIALIZED (
                    \(neighboursOf("\(l)\(k - 1)"))
                    EXCEPT SELECT n FROM \(l)v\(k - 1)
                )
                """)
            if k < depth {
                ctes.append("\(l)v\(k)(n) AS MATERIALIZED (SELECT n FROM \(l)v\(k - 1) UNION ALL SELECT n FROM \(l)\(k))")
            }
        }
        return ctes
    }

    mutating func neighbours(of start: Int64, depth: Int) {
        var a = Arguments()
        let s = a.bind(start)
        let reached = (0...depth).map { "SELECT n, \($0) FROM l\($0)" }.joined(separator: " UNION ALL ")
        let prefix = "WITH " + (levels(from: s, prefix: "l", depth: depth)
            + ["reached(id, depth) AS MATERIALIZED (\(reached))"]).joined(separator: ",\n")
        var rows = a
        add(.rows, "nodes within \(depth) hop\(depth == 1 ? "" : "s"), each at its shortest distance", """
            \(prefix)
            SELECT n.name AS node, replace(n.kind, '_', ' ') AS kind, r.depth AS depth\(drawn(nodes: "r.id"))
            FROM reached r JOIN node n ON n.id = r.id
            WHERE r.depth > 0
            ORDER BY r.depth, n.kind, n.name
            \(limit(&rows))
            """, rows)
        // The edges among the nodes reached, for drawing, only when there are at most
        // `drawableNodes` of them: a drawing of more says nothing, and on a large graph the
        // edges would cost far more than the rows.
        guard drawing else { return }
        add(.edges, "the edges among the nodes reached, for drawing (small neighbourhoods only)", """
            \(prefix)
            SELECT e.id AS _edges FROM reached x CROSS JOIN edge e ON e.src = x.id AND e.dst IS NOT NULL\(affirmed("e"))
            WHERE (SELECT count(*) FROM reached) <= \(Self.drawableNodes) AND x.depth < \(depth)
              AND e.dst IN (SELECT id FROM reached)
            UNION
            SELECT e.id FROM reached x CROSS JOIN edge e ON e.dst = x.id\(affirmed("e"))
            WHERE (SELECT count(*) FROM reached) <= \(Self.drawableNodes) AND x.depth < \(depth)
              AND e.src IN (SELECT id FROM reached)
            \([false, true].map { inbound in """
                UNION
                SELECT \(Self.linkID(inbound: inbound)) FROM reached x
                CROSS JOIN \(links(of: "x.id", inbound: inbound))
                WHERE (SELECT count(*) FROM reached) <= \(Self.drawableNodes) AND x.depth < \(depth)
                  AND j.value IN (SELECT id FROM reached)
                """ }.joined(separator: "\n"))
            """, a)
    }

    static let drawableNodes = QueryEngine.drawableNodes

    /// How a walk or count from Swift reads the graph, for the plan's purpose text.
    static let memoryOrProbes = "the graph in memory once the engine holds it, else over index probes"

    /// A walk from Swift (GraphWalk): levels top-down while the frontier is small, bottom-up
    /// (each node not yet reached probes its own edges, stopping at the first into the frontier)
    /// once it is large. The drawing is the start alone, from the plan's bindings.
    mutating func nodesWithin(_ hops: Int, of start: Int64) {
        procedure = Plan.Procedure(
            start: start, goal: .count(hops: hops), limit: nil,
            purpose: "the number of distinct nodes within \(hops) hop\(hops == 1 ? "" : "s"), "
                + "by breadth-first search from Swift (bottom-up once the frontier is large), over " + Self.memoryOrProbes,
            probes: GraphWalk.probes(includingNegated: query.includingNegated),
            includingNegated: query.includingNegated, inMemory: true)
    }

    /// A bidirectional walk from Swift (GraphWalk) that grows the smaller frontier and stops at
    /// the first node both sides reach. The drawing is the two ends, from the plan's bindings.
    mutating func distance(from start: Int64, to goal: Int64, maxDepth: Int) {
        procedure = Plan.Procedure(
            start: start, goal: .distance(to: goal, maxDepth: maxDepth), limit: nil,
            purpose: "the shortest distance (at most \(maxDepth)) by bidirectional breadth-first search from Swift, "
                + "over " + Self.memoryOrProbes,
            probes: GraphWalk.probes(includingNegated: query.includingNegated),
            includingNegated: query.includingNegated, inMemory: true)
    }

    /// Frontiers `f1…` from `a` and `b1…` from `b`, each the neighbours of the one before (a walk
    /// of exactly k steps), and a decision tree that grows the smaller frontier until they meet.
    func distanceSQL(_ s: String, _ t: String, maxDepth: Int) -> String {
        var ctes = ["f0(n) AS (SELECT \(s))", "b0(n) AS (SELECT \(t))"]
        let half = (maxDepth + 1) / 2
        for k in 1...max(1, half) {
            ctes.append("f\(k)(n) AS MATERIALIZED (\(neighboursOf("f\(k - 1)")))")
            ctes.append("b\(k)(n) AS MATERIALIZED (\(neighboursOf("b\(k - 1)")))")
        }
        // At each step the frontiers f<i> and b<j> (i + j = d - 1) have not met: grow the smaller.
        func decide(_ i: Int, _ j: Int, _ d: Int, _ indent: String) -> String {
            guard d <= maxDepth else { return "NULL" }
            let deeper = indent + "    "
            // A side may only grow up to the frontiers defined; the other side takes the rest.
            let growF = "CASE WHEN EXISTS (SELECT 1 FROM f\(i + 1) JOIN b\(j) USING (n)) THEN \(d)\n\(deeper)ELSE \(decide(i + 1, j, d + 1, deeper)) END"
            let growB = "CASE WHEN EXISTS (SELECT 1 FROM f\(i) JOIN b\(j + 1) USING (n)) THEN \(d)\n\(deeper)ELSE \(decide(i, j + 1, d + 1, deeper)) END"
            if i + 1 > half { return growB }
            if j + 1 > half { return growF }
            return "CASE WHEN (SELECT count(*) FROM f\(i)) <= (SELECT count(*) FROM b\(j))\n\(deeper)THEN \(growF)\n\(deeper)ELSE \(growB) END"
        }
        return """
            WITH \(ctes.joined(separator: ",\n"))
            SELECT CASE WHEN \(s) = \(t) THEN 0 ELSE \(decide(0, 0, 1, "    ")) END AS distance
            """
    }

    /// A step of the recursive `walk` of `paths` along a reference link, in the direction of the
    /// walk (`inbound`: from the link's object back to its subject). `CROSS JOIN layer` keeps the
    /// layer after the link's ends: SQLite otherwise loops over the layer's nodes at that depth
    /// and expands the array once per node (on Hetionet, path from sorafenib to tardive
    /// dyskinesia: 560 ms, against 250 ms this way).
    func linkStep(inbound: Bool, name: (String) -> String, length d: Int) -> String {
        let arrow = inbound ? "' <-[' || a.predicate || ']- '" : "' -[' || a.predicate || ']-> '"
        return """
            UNION ALL
            SELECT w.k + 1, j.value, w.nodes || j.value || ',', w.edges || \(Self.linkID(inbound: inbound)) || ',',
                w.text || \(arrow) || \(name("j.value"))
            FROM walk w JOIN \(links(of: "w.node", inbound: inbound))
            CROSS JOIN layer l ON l.k = w.k + 1 AND l.n = j.value
            WHERE w.k < \(d)
            """
    }

    /// The shortest paths: the distance first, then for each possible length a walk that may only
    /// step to a node one level further from `a` (or, past the middle, one closer to `b`).
    mutating func paths(from start: Int64, to goal: Int64, maxDepth: Int) {
        var a = Arguments()
        let s = a.bind(start)
        let t = a.bind(goal)
        add(.distance, "the shortest distance (at most \(maxDepth)) by bidirectional breadth-first search",
            distanceSQL(s, t, maxDepth: maxDepth), a)
        for d in 1...maxDepth {
            var p = Arguments()
            let ps = p.bind(start)
            let pt = p.bind(goal)
            let i = (d + 1) / 2, j = d - i
            var ctes = levels(from: ps, prefix: "f", depth: i)
            ctes += levels(from: pt, prefix: "b", depth: j)
            ctes.append("m(n) AS MATERIALIZED (SELECT n FROM f\(i) INTERSECT SELECT n FROM b\(j))")
            var layers = (1..<i).map { "SELECT \($0), n FROM f\($0)" }
            layers.append("SELECT \(i), n FROM m")
            layers += (i + 1...max(i + 1, d)).filter { $0 <= d }.map { "SELECT \($0), n FROM b\(d - $0)" }
            ctes.append("layer(k, n) AS MATERIALIZED (\(layers.joined(separator: " UNION ALL ")))")
            let name = { (id: String) in "(SELECT name FROM node WHERE id = \(id))" }
            ctes.append("""
                walk(k, node, nodes, edges, text) AS (
                    SELECT 0, \(ps), ',' || \(ps) || ',', ',', \(name(ps))
                    UNION ALL
                    SELECT w.k + 1, e.dst, w.nodes || e.dst || ',', w.edges || e.id || ',',
                        w.text || ' -[' || e.predicate || ']-> ' || \(name("e.dst"))
                    FROM walk w JOIN edge e ON e.src = w.node AND e.dst IS NOT NULL\(affirmed("e"))
                    JOIN layer l ON l.k = w.k + 1 AND l.n = e.dst
                    WHERE w.k < \(d)
                    UNION ALL
                    SELECT w.k + 1, e.src, w.nodes || e.src || ',', w.edges || e.id || ',',
                        w.text || ' <-[' || e.predicate || ']- ' || \(name("e.src"))
                    FROM walk w JOIN edge e ON e.dst = w.node\(affirmed("e"))
                    JOIN layer l ON l.k = w.k + 1 AND l.n = e.src
                    WHERE w.k < \(d)
                    \([false, true].map { linkStep(inbound: $0, name: name, length: d) }.joined(separator: "\n"))
                )
                """)
            add(.paths(length: d), "the shortest paths when the distance is \(d)", """
                WITH \(ctes.joined(separator: ",\n"))
                SELECT text AS path, k AS length\(drawn(
                    nodes: "group_concat(trim(nodes, ','))", edges: "group_concat(trim(edges, ','))"))
                FROM walk WHERE k = \(d) AND node = \(pt)
                GROUP BY text
                ORDER BY text
                \(limit(&p, default: Planner.defaultPathLimit))
                """, p)
        }
    }
}
