/// Q1–Q5 of shared/bench/README.md as the best hand-written SQL found for Vigil's schema
/// (`edge(src, predicate TEXT, dst, …)` with the covering indexes of m0002,
/// `edge_out(src, predicate, dst, assertion, scope)` and `edge_in(dst, predicate, src, assertion, scope)`). Names are looked up through `node(kind, key)`, the
/// lower-cased name, the way the query language resolves them. FINDINGS.md says why each shape.
enum HandWritten {
    static func node(_ kind: String, _ name: String) -> String {
        "(SELECT id FROM node WHERE kind = '\(kind)' AND key = '\(name.lowercased())')"
    }

    /// Q1: side effects of imatinib that another drug binding PDGFRB also causes.
    static let q1 = """
        WITH c(id) AS MATERIALIZED (
          SELECT e.src FROM edge e
          WHERE e.dst = \(node("target", "PDGFRB")) AND e.predicate = 'targets' AND e.src <> \(node("drug", "imatinib"))),
        ise(se) AS MATERIALIZED (
          SELECT e.dst FROM edge e WHERE e.src = \(node("drug", "imatinib")) AND e.predicate = 'causes')
        SELECT s.name AS reaction, count(*) AS drugs, group_concat(cn.name, '|') AS names
        FROM c
        JOIN edge e ON e.src = c.id AND e.predicate = 'causes'
        JOIN ise ON ise.se = e.dst
        JOIN node s ON s.id = e.dst
        JOIN node cn ON cn.id = c.id
        GROUP BY s.name
        ORDER BY s.name
        """

    /// Q2 and Q5: drugs sharing targets (reactions) with sorafenib, counted on integer ids first.
    static func shared(_ predicate: String, limit: Int?) -> String {
        """
        WITH a(id) AS (SELECT id FROM node WHERE kind = 'drug' AND key = 'sorafenib'),
        g(c, cnt) AS (
          SELECT e2.src, count(*)
          FROM a
          JOIN edge e1 ON e1.src = a.id AND e1.predicate = '\(predicate)'
          JOIN edge e2 ON e2.dst = e1.dst AND e2.predicate = '\(predicate)' AND e2.src <> a.id
          GROUP BY e2.src)
        SELECT n.name AS drug, g.cnt AS shared
        FROM g JOIN node n ON n.id = g.c
        ORDER BY g.cnt DESC, n.name
        """ + (limit.map { "\nLIMIT \($0)" } ?? "")
    }

    static let q2 = shared("targets", limit: nil)
    static let q5 = shared("causes", limit: 10)

    /// Q3: nodes within 3 undirected hops of sorafenib. Direction-optimising BFS: levels 1–2 top
    /// down (materialised frontiers), level 3 bottom up (each unvisited node probes its own edges
    /// through the covering indexes and stops at the first neighbour in level 2). In-edges first:
    /// 20% fewer index seeks on Hetionet than out-edges first (FINDINGS.md), 7–10% faster.
    static let q3 = """
        WITH s(id) AS (SELECT id FROM node WHERE kind = 'drug' AND key = 'sorafenib'),
        l1(n) AS MATERIALIZED (
          SELECT e.dst FROM edge e WHERE e.src = (SELECT id FROM s) AND e.dst IS NOT NULL
          UNION SELECT e.src FROM edge e WHERE e.dst = (SELECT id FROM s)),
        v1(n) AS MATERIALIZED (SELECT n FROM l1 UNION SELECT id FROM s),
        l2(n) AS MATERIALIZED (
          SELECT e.dst FROM edge e WHERE e.src IN (SELECT n FROM l1) AND e.dst IS NOT NULL
          UNION SELECT e.src FROM edge e WHERE e.dst IN (SELECT n FROM l1)
          EXCEPT SELECT n FROM v1),
        v2(n) AS MATERIALIZED (SELECT n FROM v1 UNION ALL SELECT n FROM l2)
        SELECT (SELECT count(*) FROM v2) - 1 + (
          SELECT count(*) FROM node x
          WHERE x.id NOT IN (SELECT n FROM v2)
            AND (EXISTS (SELECT 1 FROM edge e WHERE e.dst = x.id AND e.src IN (SELECT n FROM l2))
              OR EXISTS (SELECT 1 FROM edge e WHERE e.src = x.id AND e.dst IN (SELECT n FROM l2))))
        """

    /// Q4/Q4b: undirected distance from sorafenib to a reaction, depth ≤ 4. Bidirectional BFS
    /// unrolled into CASE branches: a frontier is materialised only when a branch needs it, so
    /// the search stops at the first level where the two sides meet.
    static func distance(to reaction: String) -> String {
        func nb(_ x: String) -> String {
            """
            SELECT e.dst FROM edge e WHERE e.src IN (SELECT n FROM \(x)) AND e.dst IS NOT NULL
              UNION SELECT e.src FROM edge e WHERE e.dst IN (SELECT n FROM \(x))
            """
        }
        return """
            WITH s(n) AS (SELECT id FROM node WHERE kind = 'drug' AND key = 'sorafenib'),
            t(n) AS (SELECT id FROM node WHERE kind = 'reaction' AND key = '\(reaction.lowercased())'),
            f1(n) AS MATERIALIZED (\(nb("s"))),
            b1(n) AS MATERIALIZED (\(nb("t"))),
            f2(n) AS MATERIALIZED (\(nb("f1"))),
            b2(n) AS MATERIALIZED (\(nb("b1")))
            SELECT CASE
              WHEN (SELECT n FROM s) = (SELECT n FROM t) THEN 0
              WHEN (SELECT n FROM t) IN (SELECT n FROM f1) THEN 1
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
