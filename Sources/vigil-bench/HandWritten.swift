/// Q1–Q5 of shared/bench/README.md as the best hand-written SQL found for Vigil's schema since
/// m0004: a node-to-node edge is an `edge` row (covering indexes `edge_out(src, predicate, dst,
/// assertion, scope)`, `edge_in(dst, predicate, src, assertion, scope)`) or a reference link,
/// listed in `reference_link(node, inbound, predicate, batch → ids)`, one JSON array of the other
/// ends per node, direction and predicate. Hetionet is all links. Every step reads both forms:
/// the links as their own arm (a join or subquery condition is not pushed into the views
/// `edges_from`/`edges_to`, which would then be read whole), `CROSS JOIN` to keep the frontier
/// on the outside, and json_each to expand a row. Names are looked up through `node(kind, key)`,
/// the lower-cased name, the way the query language resolves them. FINDINGS.md says why each shape.
enum HandWritten {
    /// The other ends of the edges of `predicate` at each node `x.n` of the table `frontier`,
    /// both forms, as column `n`. `out`: the nodes are subjects (the ends are objects); otherwise objects.
    static func ends(of frontier: String, _ predicate: String, out: Bool) -> String {
        """
        SELECT j.value AS n FROM \(frontier) x
          CROSS JOIN reference_link a ON a.node = x.n AND a.inbound = \(out ? 0 : 1) AND a.predicate = '\(predicate)'
          CROSS JOIN json_each(a.ids) j
          UNION ALL
          SELECT \(out ? "e.dst" : "e.src") FROM \(frontier) x
          CROSS JOIN edge e ON \(out ? "e.src = x.n AND e.predicate = '\(predicate)' AND e.dst IS NOT NULL"
                                        : "e.dst = x.n AND e.predicate = '\(predicate)'")
        """
    }

    /// Every neighbour of the nodes `x.n` of `frontier`, either direction, any predicate, distinct.
    /// A node's links in both directions are its rows (all predicates): one key prefix.
    static func neighbours(of frontier: String) -> String {
        """
        SELECT j.value FROM \(frontier) x
          CROSS JOIN reference_link a ON a.node = x.n CROSS JOIN json_each(a.ids) j
          UNION SELECT e.dst FROM \(frontier) x CROSS JOIN edge e ON e.src = x.n AND e.dst IS NOT NULL
          UNION SELECT e.src FROM \(frontier) x CROSS JOIN edge e ON e.dst = x.n
        """
    }

    /// Q1: side effects of imatinib that another drug binding PDGFRB also causes.
    static let q1 = """
        WITH d(n) AS (SELECT id FROM node WHERE kind = 'drug' AND key = 'imatinib'),
        t(n) AS (SELECT id FROM node WHERE kind = 'target' AND key = 'pdgfrb'),
        c(n) AS MATERIALIZED (
          \(ends(of: "t", "targets", out: false))
          EXCEPT SELECT n FROM d),
        ise(se) AS MATERIALIZED (
          \(ends(of: "d", "causes", out: true))),
        pairs(drug, se) AS (
          SELECT c.n, j.value FROM c
          CROSS JOIN reference_link a ON a.node = c.n AND a.inbound = 0 AND a.predicate = 'causes'
          CROSS JOIN json_each(a.ids) j
          WHERE j.value IN ise
          UNION ALL
          SELECT c.n, e.dst FROM c CROSS JOIN edge e ON e.src = c.n AND e.predicate = 'causes' AND e.dst IS NOT NULL
          WHERE e.dst IN ise)
        SELECT s.name AS reaction, count(*) AS drugs, group_concat(cn.name, '|') AS names
        FROM pairs p
        JOIN node s ON s.id = p.se
        JOIN node cn ON cn.id = p.drug
        GROUP BY s.name
        ORDER BY s.name
        """

    /// Q2 and Q5: drugs sharing targets (reactions) with sorafenib, counted on integer ids first.
    /// The (drug, shared end) pairs are read whole (44,860 for Q5, 3 ms); the GROUP BY's sort is
    /// most of the rest.
    static func shared(_ predicate: String, limit: Int?) -> String {
        """
        WITH a(n) AS (SELECT id FROM node WHERE kind = 'drug' AND key = 'sorafenib'),
        t(n) AS MATERIALIZED (
          \(ends(of: "a", predicate, out: true))),
        g(c, cnt) AS (
          SELECT n, count(*) FROM (
            \(ends(of: "t", predicate, out: false)))
          WHERE n <> (SELECT n FROM a)
          GROUP BY n)
        SELECT n.name AS drug, g.cnt AS shared
        FROM g CROSS JOIN node n ON n.id = g.c
        ORDER BY g.cnt DESC, n.name
        """ + (limit.map { "\nLIMIT \($0)" } ?? "")
    }

    static let q2 = shared("targets", limit: nil)
    static let q5 = shared("causes", limit: 10)

    /// Q3: nodes within 3 undirected hops of sorafenib. Direction-optimising BFS: levels 1–2 top
    /// down (materialised frontiers), level 3 bottom up (each node not yet reached reads its own
    /// rows, one key prefix, and stops at the first row that lists a node of level 2).
    static let q3 = """
        WITH s(n) AS (SELECT id FROM node WHERE kind = 'drug' AND key = 'sorafenib'),
        l1(n) AS MATERIALIZED (
          \(neighbours(of: "s"))
          EXCEPT SELECT n FROM s),
        v1(n) AS MATERIALIZED (SELECT n FROM l1 UNION ALL SELECT n FROM s),
        l2(n) AS MATERIALIZED (
          \(neighbours(of: "l1"))
          EXCEPT SELECT n FROM v1),
        v2(n) AS MATERIALIZED (SELECT n FROM v1 UNION ALL SELECT n FROM l2)
        SELECT (SELECT count(*) FROM v2) - 1 + (
          SELECT count(*) FROM node x
          WHERE x.id NOT IN v2
            AND (EXISTS (SELECT 1 FROM reference_link a, json_each(a.ids) j WHERE a.node = x.id AND j.value IN l2)
              OR EXISTS (SELECT 1 FROM edge e WHERE e.dst = x.id AND e.src IN l2)
              OR EXISTS (SELECT 1 FROM edge e WHERE e.src = x.id AND e.dst IN l2)))
        """

    /// Q4/Q4b: undirected distance from sorafenib to a reaction, depth ≤ 4. Bidirectional BFS
    /// unrolled into CASE branches: a frontier is materialised only when a branch needs it, so
    /// the search stops at the first level where the two sides meet. Distance 1 is read from
    /// sorafenib's own rows, before any frontier is built.
    static func distance(to reaction: String) -> String {
        """
        WITH s(n) AS (SELECT id FROM node WHERE kind = 'drug' AND key = 'sorafenib'),
        t(n) AS (SELECT id FROM node WHERE kind = 'reaction' AND key = '\(reaction.lowercased())'),
        f1(n) AS MATERIALIZED (\(neighbours(of: "s"))),
        b1(n) AS MATERIALIZED (\(neighbours(of: "t"))),
        f2(n) AS MATERIALIZED (\(neighbours(of: "f1"))),
        b2(n) AS MATERIALIZED (\(neighbours(of: "b1")))
        SELECT CASE
          WHEN (SELECT n FROM s) = (SELECT n FROM t) THEN 0
          WHEN EXISTS (SELECT 1 FROM s CROSS JOIN reference_link a ON a.node = s.n CROSS JOIN json_each(a.ids) j
                       WHERE j.value = (SELECT n FROM t))
            OR EXISTS (SELECT 1 FROM s CROSS JOIN edge e ON e.src = s.n AND e.dst = (SELECT n FROM t))
            OR EXISTS (SELECT 1 FROM s CROSS JOIN edge e ON e.dst = s.n AND e.src = (SELECT n FROM t)) THEN 1
          WHEN EXISTS (SELECT 1 FROM f1 JOIN b1 ON f1.n = b1.n) THEN 2
          WHEN (SELECT count(*) FROM f1) <= (SELECT count(*) FROM b1) THEN
            CASE WHEN EXISTS (SELECT 1 FROM f2 JOIN b1 ON f2.n = b1.n) THEN 3
                 WHEN EXISTS (SELECT 1 FROM f2 JOIN b2 ON f2.n = b2.n) THEN 4 END
          ELSE
            CASE WHEN EXISTS (SELECT 1 FROM f1 JOIN b2 ON f1.n = b2.n) THEN 3
                 WHEN EXISTS (SELECT 1 FROM f2 JOIN b2 ON f2.n = b2.n) THEN 4 END
        END AS distance
        """
    }

    static let q4 = distance(to: "Alopecia")
    static let q4b = distance(to: "Tardive dyskinesia")

    /// Every query, in the order the table prints them.
    static let all: [(name: String, sql: String)] = [
        ("Q1", q1), ("Q2", q2), ("Q3", q3), ("Q4", q4), ("Q4b", q4b), ("Q5", q5),
    ]
}
