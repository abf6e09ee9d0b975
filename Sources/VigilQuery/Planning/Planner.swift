import GRDB
import VigilCore
import VigilStore

/// Compiles a parsed query into a `Plan`: resolves its names against the store, then writes SQL
/// in which every name is a bound node id and every value a bound parameter. A few forms
/// compile to a `Plan.Procedure` instead, run from Swift over prepared index probes (walks,
/// shared neighbours: see Sources/vigil-bench/FINDINGS.md for why).
///
/// The SQL is composed here rather than kept in `.sql` files because its shape depends on the
/// query: traversals are unrolled one level per hop, filters come and go.
public struct Planner: Sendable {
    /// Whether to compute what a drawing of the result needs (`_nodes`, `_edges`, `.edges`
    /// statements). Only exports ask: on a large graph the ids cost more than the rows.
    public var drawing: Bool

    /// Depth bound for family and narrower-term closures (hierarchies are shallow; this stops cycles).
    static let closureDepth = 8
    /// Paths listed when the query gives no limit: a dense graph has thousands of shortest paths.
    public static let defaultPathLimit = 100

    public init(drawing: Bool = false) { self.drawing = drawing }

    /// The plan for `query`, or the diagnostics for names that resolve to nothing.
    public func plan(_ query: Query, store: GraphStore) throws -> Result<Plan, UnresolvedNames> {
        try store.read { db in try plan(query, db: db) }
    }

    /// `plan(_:store:)` with the names looked up on `db`, inside a read the caller holds (the
    /// query engine resolves names and runs the query in one transaction).
    public func plan(_ query: Query, db: Database) throws -> Result<Plan, UnresolvedNames> {
        try plan(query, resolver: NameResolver(db: db))
    }

    func plan(_ query: Query, resolver: NameResolver) throws -> Result<Plan, UnresolvedNames> {
        var bindings: [Plan.Binding] = []
        var problems: [Diagnostic] = []
        func node(_ name: Name, _ expected: Expectation) throws -> Int64 {
            switch try resolver.resolve(name, as: expected) {
            case .success(let n):
                bindings.append(Plan.Binding(name: name.text, node: n))
                return n.id
            case .failure(let d):
                problems.append(d)
                return -1
            }
        }

        var c = Compiler(query: query, drawing: drawing)
        switch query.form {
        case .reactionsOf(let drug):
            let d = try node(drug, .drug)
            c.reactionsOf(drug: d)
        case .reactionsShared(let drug, let via):
            let d = try node(drug, .drug)
            let t = try node(via, .target)
            c.reactionsShared(drug: d, via: t)
        case .targetsOf(let drug):
            c.targetsOf(drug: try node(drug, .drug))
        case .drugsTargeting(let target):
            c.drugsTargeting(target: try node(target, .target))
        case .drugsCausing(let reaction):
            c.drugsCausing(reaction: try node(reaction, .reaction))
        case .drugsSharing(let shared, let drug):
            c.drugsSharing(shared, drug: try node(drug, .drug))
        case .casesOf(let reaction):
            c.cases(reaction: try node(reaction, .reaction), drug: nil)
        case .casesWith(let name):
            // "cases with sorafenib", and as readers also say it, "cases with pneumonitis".
            let id = try node(name, .drugOrReaction)
            if bindings.last?.node.kind == .reaction { c.cases(reaction: id, drug: nil) } else { c.cases(reaction: nil, drug: id) }
        case .path(let from, let to):
            let a = try node(from, .any)
            let b = try node(to, .any)
            c.paths(from: a, to: b, maxDepth: query.maxDepth ?? Query.defaultMaxDepth)
        case .distance(let from, let to):
            let a = try node(from, .any)
            let b = try node(to, .any)
            c.distance(from: a, to: b, maxDepth: query.maxDepth ?? Query.defaultMaxDepth)
        case .neighbors(let of):
            c.neighbours(of: try node(of, .any), depth: query.depth ?? Query.defaultNeighbourDepth)
        case .nodesWithin(let hops, let of):
            c.nodesWithin(hops, of: try node(of, .any))
        case .evidence(let subject, let relation, let object):
            let s = try node(subject, .forSubject(of: relation))
            let o = try node(object, .forObject(of: relation))
            c.evidence(subject: s, relation: relation, object: o)
        }
        if !problems.isEmpty { return .failure(UnresolvedNames(diagnostics: problems)) }
        return .success(Plan(query: query, bindings: bindings, statements: c.statements, procedure: c.procedure, drawing: drawing))
    }
}

/// The names of a query that name no node (or a node of the wrong kind).
public struct UnresolvedNames: Error, Hashable, Sendable {
    public var diagnostics: [Diagnostic]
}

/// Writes the statements of one plan.
struct Compiler {
    let query: Query
    let drawing: Bool
    var statements: [Plan.Statement] = []
    var procedure: Plan.Procedure?

    init(query: Query, drawing: Bool) {
        self.query = query
        self.drawing = drawing
    }

    /// The columns `_nodes` and `_edges` (comma-separated ids) after the visible ones, when the
    /// result is to be drawn; nothing otherwise.
    func drawn(nodes: String, edges: String? = nil) -> String {
        guard drawing else { return "" }
        return ",\n    \(nodes) AS _nodes" + (edges.map { ",\n    \($0) AS _edges" } ?? "")
    }

    /// ` AND e.assertion <> 'negated'` unless the query includes negated triples.
    func affirmed(_ e: String) -> String {
        query.includingNegated ? "" : " AND \(e).assertion <> 'negated'"
    }

    /// The `where scope …` conditions on the edge `e`.
    func scope(_ e: String, _ args: inout Arguments) -> String {
        scope(of: "\(e).scope", &args)
    }

    /// The `where scope …` conditions on a reference link: constant, so SQLite tests them once
    /// and skips the link arm of a statement when they exclude `reference`.
    func linkScope(_ args: inout Arguments) -> String {
        scope(of: "'reference'", &args)
    }

    private func scope(of expr: String, _ args: inout Arguments) -> String {
        query.conditions.compactMap { c -> String? in
            guard case .scope(let op, let s) = c else { return nil }
            return " AND \(expr) \(op.sql) \(args.bind(s.rawValue))"
        }.joined()
    }

    /// The id (`ReferenceLinkID`) of the reference link read from the row `a` of `reference_link`
    /// and the element `j` of its `json_each(a.ids)`.
    static func linkID(inbound: Bool, _ a: String = "a", _ j: String = "j") -> String {
        let (subject, object) = inbound ? ("\(j).value", "\(a).node") : ("\(a).node", "\(j).value")
        return ReferenceLinkID.sql(code: "\(a).code", src: subject, dst: object)
    }

    /// `reference_link a` on the rows of the node `node` (its links as object when `inbound`, as
    /// subject when not, both when nil; of `predicate` when given; `condition` added to the join),
    /// crossed with `json_each(a.ids) j`: `j.value` is the other end. A primary-key probe per node:
    /// in a join, a view such as `edges_to` would be read whole instead.
    func links(of node: String, inbound: Bool?, predicate: String? = nil, _ condition: String = "") -> String {
        "reference_link a ON a.node = \(node)" + (inbound.map { " AND a.inbound = \($0 ? 1 : 0)" } ?? "")
            + (predicate.map { " AND a.predicate = '\($0)'" } ?? "") + condition
            + " CROSS JOIN json_each(a.ids) j"
    }

    /// A probe of `?1`'s edges with `predicate` (`?1` their object when `inbound`, else their
    /// subject): `edgeColumns` from `edge e`, then `linkColumns` from the node's reference links
    /// (`a` its row, `j.value` the other end), with the query's scope conditions. The two arms are
    /// what the views `edges_from`/`edges_to` expand to for a parameter; written out, the link arm
    /// selects only what the caller reads and the edge arm keeps its assertion and scope filters.
    func edgeProbe(_ edgeColumns: String, _ linkColumns: String, inbound: Bool, predicate: String,
                   scoped: Bool = false, _ args: inout Arguments) -> String {
        let end = inbound ? "e.dst = ?1" : "e.src = ?1 AND e.dst IS NOT NULL"
        return "SELECT \(edgeColumns) FROM edge e WHERE \(end) AND e.predicate = '\(predicate)'"
            + affirmed("e") + (scoped ? scope("e", &args) : "")
            + " UNION ALL SELECT \(linkColumns) FROM reference_link a, json_each(a.ids) j"
            + " WHERE a.node = ?1 AND a.inbound = \(inbound ? 1 : 0) AND a.predicate = '\(predicate)'"
            + (scoped ? linkScope(&args) : "")
    }

    /// The `where onset …` conditions on a number of days `expr`; "1" when there are none.
    func onset(_ expr: String, _ args: inout Arguments) -> String {
        let parts = query.conditions.compactMap { c -> String? in
            guard case .onset(let op, let days) = c else { return nil }
            return "\(expr) \(op.sql) \(args.bind(days))"
        }
        return parts.isEmpty ? "1" : parts.joined(separator: " AND ")
    }

    var hasOnsetCondition: Bool {
        query.conditions.contains { if case .onset = $0 { return true } else { return false } }
    }

    func limit(_ args: inout Arguments, default fallback: Int = -1) -> String {
        "LIMIT \(args.bind(query.limit ?? fallback))"
    }

    mutating func add(_ role: Plan.Statement.Role, _ purpose: String, _ sql: String, _ args: Arguments) {
        statements.append(Plan.Statement(role: role, purpose: purpose, sql: sql, arguments: args.values))
    }

    /// A recursive closure: the root and every node reaching it through `predicate`, with the
    /// edges used, from `edge` and from reference links (a view is not pushed into a join: the
    /// links are a recursive arm of their own, a primary-key probe per node).
    func closure(_ name: String, root: String, predicate: String) -> String {
        """
        \(name)(id, depth, edge) AS (
            SELECT \(root), 0, NULL
            UNION
            SELECT e.src, c.depth + 1, e.id FROM \(name) c
            JOIN edge e ON e.dst = c.id AND e.predicate = '\(predicate)'\(affirmed("e"))
            WHERE c.depth < \(Planner.closureDepth)
            UNION
            SELECT j.value, c.depth + 1, \(Self.linkID(inbound: true)) FROM \(name) c
            JOIN \(links(of: "c.id", inbound: true, predicate: predicate))
            WHERE c.depth < \(Planner.closureDepth)
        )
        """
    }

    // MARK: Reactions

    mutating func reactionsOf(drug: Int64) {
        var a = Arguments()
        let d = a.bind(drug)
        let sql = """
            WITH stated(reaction, edge, scope) AS MATERIALIZED (
                SELECT e.dst, e.id, e.scope FROM edge e
                WHERE e.src = \(d) AND e.predicate = 'causes' AND e.dst IS NOT NULL\(affirmed("e"))\(scope("e", &a))
                UNION ALL
                SELECT j.value, \(Self.linkID(inbound: false, "l")), 'reference' FROM reference_link l, json_each(l.ids) j
                WHERE l.node = \(d) AND l.inbound = 0 AND l.predicate = 'causes'\(linkScope(&a))
            ),
            reported(reaction, cas, edge, suspect) AS MATERIALIZED (
                SELECT r.dst, s.src, r.id, s.id FROM edge s
                CROSS JOIN edge r ON r.src = s.src AND r.predicate = 'has_reaction' AND r.dst IS NOT NULL\(affirmed("r"))\(scope("r", &a))
                WHERE s.dst = \(d) AND s.predicate = 'suspect_drug'\(affirmed("s"))
            ),
            onset(reaction, cas, days) AS MATERIALIZED (
                SELECT p.reaction, p.cas, CAST(o.value AS REAL) FROM reported p
                JOIN node rn ON rn.id = p.reaction
                JOIN edge o ON o.src = p.cas AND o.predicate = 'has_onset' AND lower(o.about) = rn.key\(affirmed("o"))
            ),
            reaction(id) AS MATERIALIZED (SELECT reaction FROM stated UNION SELECT reaction FROM reported)
            SELECT n.name AS reaction,
                (SELECT group_concat(scope, ', ') FROM (
                    SELECT scope FROM stated WHERE reaction = x.id UNION SELECT 'case' FROM reported WHERE reaction = x.id
                    ORDER BY 1)) AS scopes,
                (SELECT count(*) FROM evidence v WHERE v.edge_id IN (
                    SELECT edge FROM stated WHERE reaction = x.id UNION SELECT edge FROM reported WHERE reaction = x.id)) AS evidence,
                (SELECT count(DISTINCT cas) FROM reported WHERE reaction = x.id) AS cases,
                (SELECT CASE WHEN min(days) IS NULL THEN NULL WHEN min(days) = max(days) THEN printf('%g days', min(days))
                             ELSE printf('%g–%g days', min(days), max(days)) END
                 FROM onset WHERE reaction = x.id AND \(onset("days", &a))) AS onset\(drawn(
                nodes: """
                    \(d) || ',' || x.id || coalesce(',' || (SELECT group_concat(cas) FROM (
                        SELECT DISTINCT cas FROM reported WHERE reaction = x.id)), '')
                    """,
                edges: """
                    (SELECT group_concat(edge) FROM (
                        SELECT edge FROM stated WHERE reaction = x.id UNION SELECT edge FROM reported WHERE reaction = x.id
                        UNION SELECT suspect FROM reported WHERE reaction = x.id))
                    """))
            FROM reaction x JOIN node n ON n.id = x.id
            WHERE \(hasOnsetCondition ? "EXISTS (SELECT 1 FROM onset WHERE reaction = x.id AND \(onset("days", &a)))" : "1")
            ORDER BY n.name
            \(limit(&a))
            """
        add(.rows, "the reactions the drug causes, stated or reported in its cases", sql, a)
    }

    /// The names of many nodes in one statement, `?1` their ids as a JSON array.
    static let names = Plan.Statement(role: .rows, purpose: "the names of many nodes, `?1` their ids as a JSON array",
                                      sql: "SELECT n.id, n.name FROM json_each(?1) j CROSS JOIN node n ON n.id = j.value",
                                      arguments: [.null])

    /// A statement run once per node, `?1` the node, with the query's conditions on the edge `e`.
    func probe(_ purpose: String, _ sql: (inout Arguments) -> String) -> Plan.Statement {
        var a = Arguments()
        _ = a.bind(DatabaseValue.null)
        let text = sql(&a)
        return Plan.Statement(role: .rows, purpose: purpose, sql: text, arguments: a.values)
    }

    /// Run from Swift (SharedNeighbours): the family by member_of, the drugs that target it,
    /// the drug's reactions (`causes`, and the reactions of cases whose suspect drug it is), and
    /// the same for each of those drugs, kept where they meet the drug's.
    mutating func reactionsShared(drug: Int64, via target: Int64) {
        let probes: [String: Plan.Statement] = [
            "members": probe("the family's members") { a in
                edgeProbe("e.src, e.id", "j.value, \(Self.linkID(inbound: true))", inbound: true, predicate: "member_of", &a)
            },
            "binders": probe("the drugs that target a family member") { a in
                edgeProbe("e.src, e.id", "j.value, \(Self.linkID(inbound: true))", inbound: true, predicate: "targets", &a)
            },
            "causes": probe("the reactions a drug causes") { a in
                edgeProbe("e.dst, e.id, e.scope", "j.value, \(Self.linkID(inbound: false)), 'reference'", inbound: false,
                          predicate: "causes", scoped: true, &a)
            },
            "suspects": probe("the cases whose suspect drug it is") { _ in
                "SELECT e.src FROM edge e WHERE e.dst = ?1 AND e.predicate = 'suspect_drug'\(affirmed("e"))"
            },
            "caseReactions": probe("the reactions of a case") { a in
                "SELECT e.dst, e.id, e.scope FROM edge e WHERE e.src = ?1 AND e.predicate = 'has_reaction' AND e.dst IS NOT NULL"
                    + affirmed("e") + scope("e", &a)
            },
            "evidence": probe("the evidence behind an edge") { _ in "SELECT count(*) FROM evidence WHERE edge_id = ?1" },
            "names": Self.names,
        ]
        procedure = Plan.Procedure(
            start: drug, goal: .reactionsShared(via: target), limit: query.limit,
            purpose: "reactions of the drug that another drug targeting the family (or target) also causes, "
                + "from Swift over index probes",
            probes: probes)
    }

    mutating func drugsCausing(reaction: Int64) {
        var a = Arguments()
        let r = a.bind(reaction)
        let sql = """
            WITH RECURSIVE \(closure("narrower", root: r, predicate: "broader")),
            stated(drug, reaction, edge, scope) AS MATERIALIZED (
                SELECT e.src, e.dst, e.id, e.scope FROM (SELECT DISTINCT id FROM narrower) x
                CROSS JOIN edge e ON e.dst = x.id AND e.predicate = 'causes'\(affirmed("e"))\(scope("e", &a))
                UNION ALL
                SELECT j.value, a.node, \(Self.linkID(inbound: true)), 'reference' FROM (SELECT DISTINCT id FROM narrower) x
                CROSS JOIN \(links(of: "x.id", inbound: true, predicate: "causes", linkScope(&a)))
            ),
            reported(drug, reaction, cas, edge, suspect) AS MATERIALIZED (
                SELECT s.dst, r.dst, r.src, r.id, s.id FROM (SELECT DISTINCT id FROM narrower) x
                CROSS JOIN edge r ON r.dst = x.id AND r.predicate = 'has_reaction'\(affirmed("r"))\(scope("r", &a))
                CROSS JOIN edge s ON s.src = r.src AND s.predicate = 'suspect_drug' AND s.dst IS NOT NULL\(affirmed("s"))
            ),
            onset(drug, cas, days) AS MATERIALIZED (
                SELECT p.drug, p.cas, CAST(o.value AS REAL) FROM reported p
                JOIN node rn ON rn.id = p.reaction
                JOIN edge o ON o.src = p.cas AND o.predicate = 'has_onset' AND lower(o.about) = rn.key\(affirmed("o"))
            ),
            pair(drug, reaction, edge, scope) AS MATERIALIZED (
                SELECT drug, reaction, edge, scope FROM stated
                UNION ALL SELECT drug, reaction, edge, 'case' FROM reported
                UNION ALL SELECT drug, reaction, suspect, 'case' FROM reported
            )
            SELECT dn.name AS drug,
                (SELECT group_concat(name, ', ') FROM (
                    SELECT DISTINCT rn.name FROM pair p JOIN node rn ON rn.id = p.reaction WHERE p.drug = x.drug
                    ORDER BY rn.name)) AS reactions,
                (SELECT group_concat(scope, ', ') FROM (
                    SELECT DISTINCT scope FROM pair WHERE drug = x.drug ORDER BY scope)) AS scopes,
                (SELECT count(*) FROM evidence v WHERE v.edge_id IN (
                    SELECT edge FROM stated WHERE drug = x.drug UNION SELECT edge FROM reported WHERE drug = x.drug)) AS evidence,
                (SELECT count(DISTINCT cas) FROM reported WHERE drug = x.drug) AS cases,
                (SELECT CASE WHEN min(days) IS NULL THEN NULL WHEN min(days) = max(days) THEN printf('%g days', min(days))
                             ELSE printf('%g–%g days', min(days), max(days)) END
                 FROM onset WHERE drug = x.drug AND \(onset("days", &a))) AS onset\(drawn(
                nodes: """
                    (SELECT group_concat(id) FROM (
                        SELECT drug AS id FROM pair WHERE drug = x.drug UNION SELECT reaction FROM pair WHERE drug = x.drug
                        UNION SELECT cas FROM reported WHERE drug = x.drug))
                    """,
                edges: """
                    (SELECT group_concat(edge) FROM (SELECT edge FROM pair WHERE drug = x.drug
                        UNION SELECT n.edge FROM narrower n WHERE n.edge IS NOT NULL
                          AND n.id IN (SELECT reaction FROM pair WHERE drug = x.drug)))
                    """))
            FROM (SELECT DISTINCT drug FROM pair) x JOIN node dn ON dn.id = x.drug
            WHERE \(hasOnsetCondition ? "EXISTS (SELECT 1 FROM onset WHERE drug = x.drug AND \(onset("days", &a)))" : "1")
            ORDER BY dn.name
            \(limit(&a))
            """
        add(.rows, "drugs that cause the reaction or a narrower one, stated or reported in cases", sql, a)
    }

    // MARK: Targets

    mutating func targetsOf(drug: Int64) {
        var a = Arguments()
        let d = a.bind(drug)
        let sql = """
            SELECT n.name AS target, replace(n.kind, '_', ' ') AS kind,
                (SELECT group_concat(f.name, ', ') FROM (
                    SELECT m.dst FROM edge m WHERE m.src = n.id AND m.predicate = 'member_of' AND m.dst IS NOT NULL\(affirmed("m"))
                    UNION ALL
                    SELECT j.value FROM reference_link l CROSS JOIN json_each(l.ids) j
                    WHERE l.node = n.id AND l.inbound = 0 AND l.predicate = 'member_of') m
                 JOIN node f ON f.id = m.dst) AS families,
                replace(group_concat(DISTINCT e.scope), ',', ', ') AS scopes,
                sum((SELECT count(*) FROM evidence v WHERE v.edge_id = e.id)) AS evidence\(drawn(
                nodes: "\(d) || ',' || n.id", edges: "group_concat(e.id)"))
            FROM (SELECT e.dst, e.id, e.scope FROM edge e
                  WHERE e.src = \(d) AND e.predicate = 'targets' AND e.dst IS NOT NULL\(affirmed("e"))\(scope("e", &a))
                  UNION ALL
                  SELECT j.value, \(Self.linkID(inbound: false, "l")), 'reference' FROM reference_link l, json_each(l.ids) j
                  WHERE l.node = \(d) AND l.inbound = 0 AND l.predicate = 'targets'\(linkScope(&a))) e
            JOIN node n ON n.id = e.dst
            GROUP BY n.id
            ORDER BY n.name
            \(limit(&a))
            """
        add(.rows, "the targets and target families the drug acts on", sql, a)
    }

    mutating func drugsTargeting(target: Int64) {
        var a = Arguments()
        let t = a.bind(target)
        let sql = """
            WITH RECURSIVE \(closure("family", root: t, predicate: "member_of")),
            hit(drug, target, edge, scope) AS MATERIALIZED (
                SELECT e.src, e.dst, e.id, e.scope FROM (SELECT DISTINCT id FROM family) f
                JOIN edge e ON e.dst = f.id AND e.predicate = 'targets'\(affirmed("e"))\(scope("e", &a))
                UNION ALL
                SELECT j.value, a.node, \(Self.linkID(inbound: true)), 'reference' FROM (SELECT DISTINCT id FROM family) f
                CROSS JOIN \(links(of: "f.id", inbound: true, predicate: "targets", linkScope(&a)))
            )
            SELECT dn.name AS drug,
                (SELECT group_concat(name, ', ') FROM (
                    SELECT DISTINCT tn.name FROM hit h2 JOIN node tn ON tn.id = h2.target WHERE h2.drug = h.drug
                    ORDER BY tn.name)) AS targets,
                replace(group_concat(DISTINCT h.scope), ',', ', ') AS scopes,
                sum((SELECT count(*) FROM evidence v WHERE v.edge_id = h.edge)) AS evidence\(drawn(
                nodes: """
                    h.drug || ',' || group_concat(h.target) || coalesce(',' || (SELECT group_concat(id) FROM family WHERE depth > 0), '')
                        || ',' || \(t)
                    """,
                edges: "group_concat(h.edge) || coalesce(',' || (SELECT group_concat(edge) FROM family WHERE edge IS NOT NULL), '')"))
            FROM hit h JOIN node dn ON dn.id = h.drug
            GROUP BY h.drug
            ORDER BY dn.name
            \(limit(&a))
            """
        add(.rows, "drugs that target the family, one of its members, or the target itself", sql, a)
    }

    /// Run from Swift (SharedNeighbours): the drug's items, every other node with an edge to
    /// one of them, counted per node on ids; names only for the drugs shown and their items.
    mutating func drugsSharing(_ shared: Form.Shared, drug: Int64) {
        let predicate = shared == .targets ? "targets" : "causes"
        // A drawing needs edge ids, and a scope condition the edges' scopes: only the probes have them.
        let inMemory = !drawing && !query.conditions.contains { if case .scope = $0 { true } else { false } }
        let probes: [String: Plan.Statement] = [
            "items": probe("the drug's \(shared.rawValue)") { a in
                edgeProbe("e.dst, e.id", "j.value, \(Self.linkID(inbound: false))", inbound: false, predicate: predicate,
                          scoped: true, &a)
            },
            // The edge ids only for a drawing: reading the rowid of each of Q5's 44,860 index
            // entries is measurable.
            "sharers": probe("the nodes with an edge to one of them") { a in
                edgeProbe("e.src, \(drawing ? "e.id" : "NULL")", "j.value, \(drawing ? Self.linkID(inbound: true) : "NULL")",
                          inbound: true, predicate: predicate, scoped: true, &a)
            },
            "drug": probe("a drug's name (none for other kinds)") { _ in "SELECT name FROM node WHERE id = ?1 AND kind = 'drug'" },
            "drugNames": probe("the names of the drugs among many nodes, `?1` their ids as a JSON array") { _ in
                "SELECT n.id, n.name FROM json_each(?1) j CROSS JOIN node n ON n.id = j.value WHERE n.kind = 'drug'"
            },
            "names": Self.names,
        ]
        procedure = Plan.Procedure(
            start: drug, goal: .drugsSharing(shared), limit: query.limit,
            purpose: "drugs ranked by the number of \(shared.rawValue) they share with the drug, from Swift over "
                + (inMemory ? Self.memoryOrProbes : "index probes"),
            probes: probes, includingNegated: query.includingNegated, inMemory: inMemory)
    }

    // MARK: Cases

    mutating func cases(reaction: Int64?, drug: Int64?) {
        var a = Arguments()
        var ctes: [String] = []
        if let reaction {
            ctes.append(closure("narrower", root: a.bind(reaction), predicate: "broader"))
            ctes.append("""
                picked(cas, reaction) AS MATERIALIZED (
                    SELECT r.src, r.dst FROM (SELECT DISTINCT id FROM narrower) x
                    JOIN edge r ON r.dst = x.id AND r.predicate = 'has_reaction'\(affirmed("r"))
                )
                """)
        } else if let drug {
            ctes.append("""
                picked(cas, reaction) AS MATERIALIZED (
                    SELECT r.src, r.dst FROM edge s
                    CROSS JOIN edge r ON r.src = s.src AND r.predicate = 'has_reaction' AND r.dst IS NOT NULL\(affirmed("r"))
                    WHERE s.dst = \(a.bind(drug)) AND s.predicate IN ('suspect_drug', 'concomitant_drug')\(affirmed("s"))
                )
                """)
        }
        func single(_ predicate: String, _ expr: String = "x.value") -> String {
            "(SELECT \(expr) FROM edge x WHERE x.src = c.cas AND x.predicate = '\(predicate)'\(affirmed("x")) ORDER BY x.id LIMIT 1)"
        }
        // One value when the case's reactions agree ("positive"), else each with its reaction
        // ("cough: 3 days; pneumonitis: 10 days").
        func perReaction(_ predicate: String) -> String {
            """
            (SELECT CASE WHEN count(DISTINCT v) = 1 AND count(*) = (SELECT count(*) FROM picked q WHERE q.cas = c.cas)
                         THEN min(v) ELSE group_concat(n || ': ' || v, '; ') END FROM (
                    SELECT rn.name AS n, x.value || coalesce(' ' || x.unit, '') AS v FROM picked p JOIN node rn ON rn.id = p.reaction
                    JOIN edge x ON x.src = p.cas AND x.predicate = '\(predicate)' AND lower(x.about) = rn.key\(affirmed("x"))
                    WHERE p.cas = c.cas ORDER BY rn.name))
            """
        }
        var filters: [String] = []
        for condition in query.conditions {
            switch condition {
            case .age(let op, let years):
                filters.append("EXISTS (SELECT 1 FROM edge x WHERE x.src = c.cas AND x.predicate = 'has_age'\(affirmed("x")) AND CAST(x.value AS REAL) \(op.sql) \(a.bind(years)))")
            case .sex(let op, let sex):
                filters.append("\(op == .equal ? "" : "NOT ")EXISTS (SELECT 1 FROM edge x WHERE x.src = c.cas AND x.predicate = 'has_sex'\(affirmed("x")) AND lower(x.value) = \(a.bind(sex)))")
            case .onset(let op, let days):
                filters.append("""
                    EXISTS (SELECT 1 FROM picked p JOIN node rn ON rn.id = p.reaction
                        JOIN edge x ON x.src = p.cas AND x.predicate = 'has_onset' AND lower(x.about) = rn.key\(affirmed("x"))
                        WHERE p.cas = c.cas AND CAST(x.value AS REAL) \(op.sql) \(a.bind(days)))
                    """)
            case .scope:
                break
            }
        }
        let sql = """
            WITH RECURSIVE \(ctes.joined(separator: ",\n"))
            SELECT
                (SELECT dn.name FROM edge x JOIN node dn ON dn.id = x.dst
                 WHERE x.src = c.cas AND x.predicate = 'described_in' ORDER BY dn.name LIMIT 1) AS document,
                \(single("has_age", "printf('%g', CAST(x.value AS REAL))")) AS age,
                \(single("has_sex")) AS sex,
                (SELECT group_concat(name, ', ') FROM (
                    SELECT DISTINCT dn.name FROM edge x JOIN node dn ON dn.id = x.dst
                    WHERE x.src = c.cas AND x.predicate = 'suspect_drug'\(affirmed("x")) ORDER BY dn.name)) AS suspect_drug,
                (SELECT group_concat(name, ', ') FROM (
                    SELECT DISTINCT rn.name FROM picked p JOIN node rn ON rn.id = p.reaction
                    WHERE p.cas = c.cas ORDER BY rn.name)) AS reaction,
                \(perReaction("has_onset")) AS onset,
                \(perReaction("dechallenge")) AS dechallenge,
                \(perReaction("rechallenge")) AS rechallenge,
                \(perReaction("outcome")) AS outcome\(drawn(
                nodes: """
                    c.cas || coalesce(',' || (SELECT group_concat(x.dst) FROM edge x
                        WHERE x.src = c.cas AND x.dst IS NOT NULL\(affirmed("x"))), '')
                    """,
                edges: "(SELECT group_concat(x.id) FROM edge x WHERE x.src = c.cas AND x.dst IS NOT NULL\(affirmed("x")))"))
            FROM (SELECT DISTINCT cas FROM picked) c JOIN node cn ON cn.id = c.cas
            WHERE \(filters.isEmpty ? "1" : filters.joined(separator: "\n  AND "))
            ORDER BY document, cn.name
            \(limit(&a))
            """
        add(.rows, reaction != nil ? "one row per case that had the reaction (or a narrower one)"
                                   : "one row per case that took the drug", sql, a)
    }

    // MARK: Evidence

    mutating func evidence(subject: Int64, relation: Predicate, object: Int64) {
        var a = Arguments()
        let s = a.bind(subject)
        let p = a.bind(relation.rawValue)
        let o = a.bind(object)
        let sql = """
            SELECT DISTINCT v.sentence AS sentence,
                coalesce(dn.name, 'PMID:' || doc.pmid, doc.source) AS document,
                v.start AS start, v."end" AS "end",
                e.scope AS scope, e.assertion AS assertion, v.extractor AS source\(drawn(
                nodes: "\(s) || ',' || \(o) || coalesce(',' || dn.id, '')", edges: "e.id"))
            FROM edge e
            JOIN evidence v ON v.edge_id = e.id
            LEFT JOIN document doc ON doc.id = v.document_id
            LEFT JOIN node dn ON dn.id = doc.node_id
            WHERE e.src = \(s) AND e.predicate = \(p) AND e.dst = \(o)\(affirmed("e"))\(scope("e", &a))
            UNION ALL
            SELECT NULL, NULL, NULL, NULL, e.scope, e.assertion, b.extractor\(drawn(
                nodes: "\(s) || ',' || \(o)", edges: "e.id"))
            FROM edge e
            JOIN import_batch b ON e.id BETWEEN b.first_edge AND b.last_edge
            WHERE e.src = \(s) AND e.predicate = \(p) AND e.dst = \(o)\(affirmed("e"))\(scope("e", &a))
            UNION ALL
            SELECT NULL, NULL, NULL, NULL, 'reference', 'affirmed', l.extractor\(drawn(
                nodes: "\(s) || ',' || \(o)", edges: "l.edge_id"))
            FROM link_source l
            WHERE l.src = \(s) AND l.predicate = \(p) AND l.dst = \(o)\(linkScope(&a))
            ORDER BY document, start, sentence
            \(limit(&a))
            """
        // DISTINCT: a sentence naming the pair twice is one piece of evidence to read. An imported
        // fact has no sentence: each import that stated it is a row naming its source, whether
        // the fact is a link or (imported before m0004) an edge row in a batch's range.
        add(.rows, "the sentences (and sources) that support the triple", sql, a)
    }
}
