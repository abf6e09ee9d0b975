import GRDB
import VigilCore

/// A piece of the graph to draw or export: nodes, the edges between them with their evidence
/// counts, and the literal facts (onset, age, dose…) of those nodes.
///
/// Everything is in a stable order (nodes by kind and name, edges by their ends' names), so two
/// exports of the same facts are identical whatever the row ids of the database.
public struct Subgraph: Hashable, Sendable {
    /// One stored fact: subject –predicate→ object, where the object is a node id (`Edge`) or a
    /// literal value (`LiteralEdge`, e.g. a case's onset of 14 days).
    public struct Fact<Object: Hashable & Sendable>: Hashable, Sendable {
        public var id: Int64
        public var src: Int64
        public var predicate: VigilCore.Predicate
        public var object: Object
        public var assertion: Assertion
        public var scope: Scope
        /// How many evidence rows support the fact (sentences, reference sources).
        public var evidenceCount: Int
        /// The first sentence stated for the fact (earliest publication, then earliest in the text),
        /// chosen by content so that it does not depend on the order facts were loaded in.
        public var evidence: Evidence?

        public init(id: Int64, src: Int64, predicate: VigilCore.Predicate, object: Object, assertion: Assertion = .affirmed,
                    scope: Scope, evidenceCount: Int = 1, evidence: Evidence? = nil) {
            self.id = id
            self.src = src
            self.predicate = predicate
            self.object = object
            self.assertion = assertion
            self.scope = scope
            self.evidenceCount = evidenceCount
            self.evidence = evidence
        }
    }

    /// subject –predicate→ object node.
    public typealias Edge = Fact<Int64>
    /// subject –predicate→ literal value.
    public typealias LiteralEdge = Fact<Literal>

    public private(set) var nodes: [Node]
    public private(set) var edges: [Edge]
    public private(set) var literals: [LiteralEdge]
    private var index: [Int64: Int]

    /// Sorts what it is given; edges whose ends are not among `nodes` are dropped.
    public init(nodes: [Node], edges: [Edge] = [], literals: [LiteralEdge] = []) {
        let sortedNodes = Set(nodes).sorted(by: Self.nodeOrder)
        var index: [Int64: Int] = [:]
        for (i, n) in sortedNodes.enumerated() { index[n.id] = i }
        self.nodes = sortedNodes
        self.index = index
        // Positions in the sorted node list stand for (kind, name), so ordering by them is
        // ordering by names without comparing strings again.
        func edgeKey(_ e: Edge) -> (Int, String, Int, String, String, Int64) {
            (index[e.src]!, e.predicate.rawValue, index[e.dst]!, e.scope.rawValue, e.assertion.rawValue, e.id)
        }
        func literalKey(_ e: LiteralEdge) -> (Int, String, String, String, String, Int64) {
            let l = e.literal
            return (index[e.src]!, e.predicate.rawValue, l.about ?? "", l.value,
                    [l.unit ?? "", e.scope.rawValue, e.assertion.rawValue].joined(separator: "\u{0}"), e.id)
        }
        self.edges = Set(edges).filter { index[$0.src] != nil && index[$0.dst] != nil }.sorted { edgeKey($0) < edgeKey($1) }
        self.literals = Set(literals).filter { index[$0.src] != nil }.sorted { literalKey($0) < literalKey($1) }
    }

    /// The node with this id, when it is part of the subgraph.
    public func node(_ id: Int64) -> Node? {
        index[id].map { nodes[$0] }
    }

    public var isEmpty: Bool { nodes.isEmpty }

    static func nodeOrder(_ a: Node, _ b: Node) -> Bool {
        (a.kind, a.name, a.id) < (b.kind, b.name, b.id)
    }
}

extension Subgraph.Fact where Object == Int64 {
    /// The object node's id.
    public var dst: Int64 { object }
}

extension Subgraph.Fact where Object == Literal {
    /// The literal value, with its unit and what it is about.
    public var literal: Literal { object }
}

extension GraphStore {
    /// The whole graph. Meant for export: it reads every node and edge into memory.
    ///
    /// `checkingNodes` is given the number of nodes before any edge is read, and may throw to
    /// stop there (a drawing too large to be of use).
    public func subgraph(checkingNodes: (Int) throws -> Void = { _ in }) throws -> Subgraph {
        try read { db in
            let nodes = try Node.fetchAll(db, sql: "SELECT id, kind, name FROM node")
            try checkingNodes(nodes.count)
            let (stored, literals) = try fetchEdges(db, where: "1")
            var edges = stored
            // Every link once, from its subject's outbound row.
            try fetchLinks(db, sql: "SELECT a.code, a.node, j.value FROM reference_link a, json_each(a.ids) j WHERE a.inbound = 0",
                           into: &edges)
            return Subgraph(nodes: nodes, edges: edges, literals: literals)
        }
    }

    /// The nodes within `depth` hops of `id` (either direction, through edges that are not negated)
    /// and every edge among them, negated ones included, with the literals of those nodes.
    public func subgraph(around id: Int64, depth: Int) throws -> Subgraph {
        try subgraph(around: [id], depth: depth)
    }

    /// The union of the neighbourhoods of several nodes, e.g. every node a name resolves to.
    /// `checkingNodes` is given the number of nodes before any edge is read, as for `subgraph()`.
    public func subgraph(around ids: [Int64], depth: Int, checkingNodes: (Int) throws -> Void = { _ in }) throws -> Subgraph {
        var nodeIDs = Set<Int64>()
        for id in ids {
            for r in try neighbourhood(of: id, depth: depth) { nodeIDs.insert(r.node.id) }
        }
        try checkingNodes(nodeIDs.count)
        return try subgraph(nodeIDs: nodeIDs.sorted(), edgeIDs: [], connecting: true)
    }

    /// The subgraph spanned by query results: the given nodes, the given edges and their ends.
    /// A negative edge id is a reference link's (`ReferenceLinkID`); one not stored is ignored.
    ///
    /// With `connecting`, every edge between two of those nodes is added too, so that a result
    /// made of nodes alone still draws as a graph. The literals of the nodes come along.
    public func subgraph(nodeIDs: [Int64], edgeIDs: [Int64], connecting: Bool = false) throws -> Subgraph {
        try read { db in
            // json_each turns one bound JSON array into a table: no SQL built from values, and no
            // limit on the number of bound parameters.
            let edgeList = Self.jsonArray(edgeIDs)
            let (stored, givenLiterals) = try fetchEdges(db, where: "e.id IN (SELECT value FROM json_each(?))",
                                                         arguments: [edgeList])
            var given = stored
            // Links named by id: each id decoded in SQL (as `ReferenceLinkID`: 67108863 is 2^26 - 1),
            // kept when its subject's row lists the object.
            try fetchLinks(db, sql: """
                SELECT g.code, g.src, g.dst
                FROM (SELECT -value >> 52 AS code, (-value >> 26) & 67108863 AS src, -value & 67108863 AS dst
                      FROM json_each(?) WHERE value < 0) g
                CROSS JOIN reference_predicate p ON p.code = g.code
                CROSS JOIN reference_link a ON a.node = g.src AND a.inbound = 0 AND a.predicate = p.predicate
                WHERE EXISTS (SELECT 1 FROM json_each(a.ids) j WHERE j.value = g.dst)
                """, arguments: [edgeList], into: &given)
            var ids = Set(nodeIDs)
            for e in given { ids.insert(e.src); ids.insert(e.dst) }
            for l in givenLiterals { ids.insert(l.src) }
            let nodeList = Self.jsonArray(Array(ids))
            let nodes = try Node.fetchAll(db, sql: """
                SELECT id, kind, name FROM node WHERE id IN (SELECT value FROM json_each(?))
                """, arguments: [nodeList])
            var edges = given
            if connecting {
                edges += try fetchEdges(db, where: """
                    e.dst IS NOT NULL AND e.src IN (SELECT value FROM json_each(?1))
                    AND e.dst IN (SELECT value FROM json_each(?1))
                    """, arguments: [nodeList]).edges
                // The links among them: each node's outbound rows, the other ends kept when listed.
                try fetchLinks(db, sql: """
                    SELECT a.code, a.node, j.value
                    FROM json_each(?1) n
                    CROSS JOIN reference_link a ON a.node = n.value AND a.inbound = 0
                    CROSS JOIN json_each(a.ids) j
                    WHERE j.value IN (SELECT value FROM json_each(?1))
                    """, arguments: [nodeList], into: &edges)
            }
            let literals = try fetchEdges(db, where: """
                e.dst IS NULL AND e.src IN (SELECT value FROM json_each(?))
                """, arguments: [nodeList]).literals
            return Subgraph(nodes: nodes, edges: edges, literals: givenLiterals + literals)
        }
    }

    private static func jsonArray(_ ids: [Int64]) -> String {
        "[" + ids.sorted().map(String.init).joined(separator: ",") + "]"
    }

    /// Appends the reference links `sql` lists as rows of (predicate code, src, dst): affirmed,
    /// scope reference, no evidence. The predicate comes from the code, so a row reads three
    /// integers (the whole of Hetionet is 1.4 million rows).
    private func fetchLinks(_ db: Database, sql: String, arguments: StatementArguments = [],
                            into edges: inout [Subgraph.Edge]) throws {
        var predicates: [Int64: VigilCore.Predicate] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT code, predicate FROM reference_predicate") {
            predicates[row[0]] = VigilCore.Predicate(row[1] as String)
        }
        if predicates.isEmpty { return }
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let r = try rows.next() {
            let code: Int64 = r[0], src: Int64 = r[1], dst: Int64 = r[2]
            guard let predicate = predicates[code] else { continue }
            edges.append(Subgraph.Edge(id: ReferenceLinkID(code: code, src: src, dst: dst).id, src: src,
                                       predicate: predicate, object: dst, assertion: .affirmed, scope: .reference,
                                       evidenceCount: 0, evidence: nil))
        }
    }

    /// Edges matching a condition on `e`, with their evidence counts and first stated sentence.
    private func fetchEdges(_ db: Database, where condition: String, arguments: StatementArguments = [])
        throws -> (edges: [Subgraph.Edge], literals: [Subgraph.LiteralEdge]) {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT e.id, e.src, e.predicate, e.dst, e.value, e.unit, e.about, e.assertion, e.scope,
                   (SELECT count(*) FROM evidence c WHERE c.edge_id = e.id) AS evidence_count,
                   v.sentence, v.start, v."end", v.section
            FROM edge e
            LEFT JOIN evidence v ON v.id = (
                SELECT f.id FROM evidence f LEFT JOIN document d ON d.id = f.document_id
                WHERE f.edge_id = e.id AND f.sentence IS NOT NULL
                ORDER BY d.year IS NULL, d.year, d.pmid IS NULL, d.pmid, d.content_hash, f.start, f.sentence, f.id
                LIMIT 1)
            WHERE \(condition)
            """, arguments: arguments)
        var edges: [Subgraph.Edge] = []
        var literals: [Subgraph.LiteralEdge] = []
        while let r = try rows.next() {
            let evidence: Evidence? = (r["sentence"] as String?).map {
                Evidence(text: $0, start: r["start"] ?? 0, end: r["end"] ?? 0, section: r["section"])
            }
            let assertion = Assertion(rawValue: r["assertion"]) ?? .affirmed
            let scope = Scope(rawValue: r["scope"]) ?? .case
            let predicate = VigilCore.Predicate(r["predicate"] as String)
            if let dst: Int64 = r["dst"] {
                edges.append(Subgraph.Edge(id: r["id"], src: r["src"], predicate: predicate, object: dst,
                                           assertion: assertion, scope: scope,
                                           evidenceCount: r["evidence_count"], evidence: evidence))
            } else {
                let literal = Literal(value: r["value"] ?? "", unit: r["unit"], about: r["about"])
                literals.append(Subgraph.LiteralEdge(id: r["id"], src: r["src"], predicate: predicate,
                                                     object: literal, assertion: assertion, scope: scope,
                                                     evidenceCount: r["evidence_count"], evidence: evidence))
            }
        }
        return (edges, literals)
    }
}
