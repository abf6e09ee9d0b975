import GRDB

/// `reactions shared with … via …` and `drugs sharing … with …`, run from Swift over index
/// probes: the sets are small (a drug's items, the drugs of a family) but SQL spends most of
/// its time in the temp b-trees that join, group and sort them, and in the names joined on
/// every row. Here sets are arrays indexed by node id, names are fetched once per node shown,
/// and sorting is done on the few rows that remain (Sources/vigil-bench/FINDINGS.md).
struct SharedNeighbours {
    let db: Database
    let procedure: Plan.Procedure
    let drawing: Bool
    /// The graph in memory, when the engine holds it and the procedure allows (`inMemory`).
    var adjacency: Adjacency? = nil

    /// The rows, and the node and edge ids of their drawing (empty unless `drawing`).
    struct Output {
        var columns: [String]
        var rows: [[Cell]] = []
        var nodes = OrderedIDs()
        var edges = OrderedIDs()
    }

    private func probe(_ name: String) throws -> IndexProbe { try IndexProbe(procedure.probes[name]!, db: db) }

    /// The names of `ids` (of drugs only, with the probe "drugNames"), by id, in one statement.
    private func names(_ ids: some Collection<Int64>, probe name: String = "names") throws -> [Int64: String] {
        var out: [Int64: String] = [:]
        out.reserveCapacity(ids.count)
        try probe(name).rows(Array(ids)) { row in out[row.integer(0)] = row.text(1) ?? "" }
        return out
    }

    /// Names in SQLite's default order (binary, which for UTF-8 is code point order). Swift's
    /// `<` on strings is code point order of the NFC form, so the same for the stored names.
    static func precedes(_ a: String, _ b: String) -> Bool { a < b }

    // MARK: reactions shared with … via …

    /// One `causes` edge, or the `has_reaction` edge of a case whose suspect drug it is.
    struct Caused { var drug: Int64, reaction: Int64, edge: Int64, scope: String }

    func reactionsShared(via target: Int64) throws -> Output {
        let drug = procedure.start
        var out = Output(columns: ["reaction", "drugs", "evidence", "scopes"])
        let members = try probe("members"), binders = try probe("binders")
        let causes = try probe("causes"), suspects = try probe("suspects"), caseReactions = try probe("caseReactions")

        // The family: the target and everything that reaches it through member_of.
        var family: [Int64] = [target], familyEdges: [Int64] = []
        var inFamily: Set<Int64> = [target]
        var depth = 0, level = [target]
        while !level.isEmpty, depth < Planner.closureDepth {
            var next: [Int64] = []
            for f in level {
                try members.rows(f) { row in
                    familyEdges.append(row.integer(1))
                    let m = row.integer(0)
                    if inFamily.insert(m).inserted { family.append(m); next.append(m) }
                    return false
                }
            }
            level = next
            depth += 1
        }
        // The drugs that target it, each with its `targets` edges (for the drawing).
        var others: [Int64] = [], targetEdges: [Int64: [Int64]] = [:]
        for f in family {
            try binders.rows(f) { row in
                let d = row.integer(0)
                if targetEdges[d] == nil, d != drug { others.append(d) }
                targetEdges[d, default: []].append(row.integer(1))
                return false
            }
        }

        func caused(by d: Int64, _ keep: (Int64) -> Bool, into list: inout [Caused]) throws {
            try causes.rows(d) { row in
                let r = row.integer(0)
                if keep(r) { list.append(Caused(drug: d, reaction: r, edge: row.integer(1), scope: row.text(2) ?? "")) }
                return false
            }
            try suspects.ids(d) { c in
                try caseReactions.rows(c) { row in
                    let r = row.integer(0)
                    if keep(r) { list.append(Caused(drug: d, reaction: r, edge: row.integer(1), scope: row.text(2) ?? "")) }
                    return false
                }
                return false
            }
        }
        var mine: [Caused] = []
        try caused(by: drug, { _ in true }, into: &mine)
        let myReactions = Set(mine.map(\.reaction))
        var theirs: [Caused] = []
        for d in others { try caused(by: d, { myReactions.contains($0) }, into: &theirs) }

        // Per reaction: the drugs that share it, and the facts behind it (the drug's and theirs).
        var perReaction: [Int64: (drugs: Set<Int64>, facts: [Caused])] = [:]
        for c in theirs {
            perReaction[c.reaction, default: ([], [])].drugs.insert(c.drug)
            perReaction[c.reaction]!.facts.append(c)
        }
        for c in mine where perReaction[c.reaction] != nil { perReaction[c.reaction]!.facts.append(c) }

        let evidence = try probe("evidence")
        // Evidence hangs off extracted edges; a reference graph has none, or none near these ids:
        // only edges inside the range of ids that have evidence are probed.
        let withEvidence = try Row.fetchOne(db.cachedStatement(sql: "SELECT min(edge_id), max(edge_id) FROM evidence"))
        let evidenced: ClosedRange<Int64>? = (withEvidence?[0] as Int64?).flatMap { lo in
            (withEvidence?[1] as Int64?).map { lo ... $0 }
        }
        let named = try names(Set(perReaction.keys).union(theirs.map(\.drug)))
        var rows: [(name: String, id: Int64, cells: [Cell])] = []
        for (reaction, shared) in perReaction {
            let drugNames = shared.drugs.map { named[$0] ?? "" }.sorted(by: Self.precedes)
            var counted: Set<Int64> = [], n: Int64 = 0
            for f in shared.facts where evidenced?.contains(f.edge) == true && counted.insert(f.edge).inserted {
                try evidence.rows(f.edge) { row in
                    n += row.integer(0)
                    return true
                }
            }
            let scopes = Set(shared.facts.map(\.scope)).sorted(by: Self.precedes)
            rows.append((named[reaction] ?? "", reaction,
                         [.text(drugNames.joined(separator: ", ")), .integer(n), .text(scopes.joined(separator: ", "))]))
        }
        rows.sort { Self.precedes($0.name, $1.name) || ($0.name == $1.name && $0.id < $1.id) }
        if let limit = procedure.limit, limit >= 0 { rows = Array(rows.prefix(limit)) }
        out.rows = rows.map { [.text($0.name)] + $0.cells }

        if drawing {
            // The reaction, the drugs that share it and their facts; the family; and the
            // `targets` edges into it of the drug and of the drugs shown, not of every drug
            // that targets the family.
            out.nodes.insert(drug)
            for f in familyEdges { out.edges.insert(f) }
            for f in family { out.nodes.insert(f) }
            for e in targetEdges[drug] ?? [] { out.edges.insert(e) }
            for r in rows {
                out.nodes.insert(r.id)
                for f in perReaction[r.id]!.facts {
                    out.nodes.insert(f.drug)
                    out.edges.insert(f.edge)
                    for e in targetEdges[f.drug] ?? [] { out.edges.insert(e) }
                }
            }
        }
        return out
    }

    // MARK: drugs sharing … with …

    func drugsSharing(_ shared: Form.Shared) throws -> Output {
        let drug = procedure.start
        var out = Output(columns: ["drug", "shared", shared.rawValue])
        let size = try adjacency?.size ?? db.nodeIDBound()
        let edges = try SharedEdges(self, predicate: shared == .targets ? "targets" : "causes")

        // The drug's items, each once, with its edges to them (for the drawing).
        var items: [Int64] = [], myEdges: [Int64: [Int64]] = [:]
        try edges.items(of: drug) { i, edge in
            if myEdges[i] == nil { items.append(i) }
            myEdges[i, default: []].append(edge)
        }
        // Every other node with an edge to one of them: the number of distinct items per node,
        // and the (node, item, edge) links. `seen[n] == k + 1` once n is counted for item k.
        var count = [Int32](repeating: 0, count: size)
        var seen = [Int32](repeating: 0, count: size)
        var candidates: [Int64] = []
        var links: [(node: Int64, item: Int32, edge: Int64)] = []
        for (k, item) in items.enumerated() {
            let mark = Int32(k + 1)
            try edges.sharers(of: item) { n, edge in
                let i = Int(n)
                guard n != drug, i >= 0, i < size else { return }
                links.append((n, Int32(k), edge))
                if seen[i] != mark {
                    seen[i] = mark
                    if count[i] == 0 { candidates.append(n) }
                    count[i] += 1
                }
            }
        }
        // Ranked by count, then name; only drugs. With a limit, names are fetched only for the
        // candidates down to the count at which the limit is reached.
        candidates.sort { count[Int($0)] > count[Int($1)] }
        var ranked: [(id: Int64, name: String, n: Int32)] = []
        var i = 0
        let limit = procedure.limit.flatMap { $0 >= 0 ? $0 : nil }
        if limit == nil {
            // Every candidate is shown: all drug names in one statement.
            let named = try names(candidates, probe: "drugNames")
            ranked = candidates.compactMap { c in named[c].map { (c, $0, count[Int(c)]) } }
            i = candidates.count
        }
        let drugName = try probe("drug")
        while i < candidates.count {
            let n = count[Int(candidates[i])]
            if let limit, ranked.count >= limit, limit == 0 || n < ranked[limit - 1].n { break }
            if let name = try drugName.text(candidates[i]) { ranked.append((candidates[i], name, n)) }
            i += 1
        }
        ranked.sort { $0.n != $1.n ? $0.n > $1.n : Self.precedes($0.name, $1.name) }
        if let limit { ranked = Array(ranked.prefix(limit)) }

        // The shared items of each drug shown, by name, each name once.
        var row = [Int32](repeating: -1, count: size)
        for (r, d) in ranked.enumerated() { row[Int(d.id)] = Int32(r) }
        var linked = [[(item: Int32, edge: Int64)]](repeating: [], count: ranked.count)
        for l in links where row[Int(l.node)] >= 0 { linked[Int(row[Int(l.node)])].append((l.item, l.edge)) }
        // The names of the items shown, sorted once: each row then sorts small integers (its
        // items' places in that order), and equal names share a place, so each shows once.
        var shownItems = Set<Int32>()
        for list in linked { for l in list { shownItems.insert(l.item) } }
        let itemNames = try names(shownItems.map { items[Int($0)] })
        let names = shownItems.map { (k: $0, name: itemNames[items[Int($0)]] ?? "") }
            .sorted { Self.precedes($0.name, $1.name) }
        var place = [Int32](repeating: 0, count: items.count)
        var distinct: [String] = []
        for n in names {
            if distinct.last != n.name { distinct.append(n.name) }
            place[Int(n.k)] = Int32(distinct.count - 1)
        }
        for (r, d) in ranked.enumerated() {
            var places = linked[r].map { place[Int($0.item)] }
            places.sort()
            var shown: [String] = []
            shown.reserveCapacity(places.count)
            var last: Int32 = -1
            for p in places where p != last {
                shown.append(distinct[Int(p)])
                last = p
            }
            out.rows.append([.text(d.name), .integer(Int64(d.n)), .text(shown.joined(separator: ", "))])
            if drawing {
                out.nodes.insert(drug)
                out.nodes.insert(d.id)
                for l in linked[r] {
                    out.nodes.insert(items[Int(l.item)])
                    out.edges.insert(l.edge)
                    for e in myEdges[items[Int(l.item)]] ?? [] { out.edges.insert(e) }
                }
            }
        }
        return out
    }
}

/// The edges of `drugs sharing …`: a drug's items and the nodes with an edge to an item, from
/// the adjacency in memory when there is one, else from the probes "items" and "sharers".
private struct SharedEdges {
    private let probes: (items: IndexProbe, sharers: IndexProbe)?
    private let adjacency: Adjacency?
    /// The tag an entry must have once its negated bit is masked off, and that mask.
    private let tag: UInt8, mask: UInt8

    init(_ shared: SharedNeighbours, predicate: String) throws {
        adjacency = shared.adjacency
        if let adjacency = shared.adjacency {
            probes = nil
            // A predicate no edge has: a tag no entry has.
            tag = adjacency.code(of: predicate) ?? .max
            mask = shared.procedure.includingNegated ? ~Adjacency.negated : .max
        } else {
            probes = (try IndexProbe(shared.procedure.probes["items"]!, db: shared.db),
                      try IndexProbe(shared.procedure.probes["sharers"]!, db: shared.db))
            tag = 0
            mask = 0
        }
    }

    /// Calls `body` with each item of `drug` and the edge to it (0 from memory: no drawing then).
    func items(of drug: Int64, _ body: (Int64, Int64) throws -> Void) throws {
        try each(of: drug, outgoing: true, probes?.items, body)
    }

    /// Calls `body` with each node with an edge to `item`, and that edge (0 from memory, and
    /// from the probe unless drawing).
    func sharers(of item: Int64, _ body: (Int64, Int64) throws -> Void) throws {
        try each(of: item, outgoing: false, probes?.sharers, body)
    }

    private func each(of node: Int64, outgoing: Bool, _ probe: IndexProbe?, _ body: (Int64, Int64) throws -> Void) throws {
        if let adjacency {
            let wanted = tag | (outgoing ? Adjacency.outgoing : 0)
            try adjacency.entries(of: node) { n, t in
                if t & mask == wanted { try body(Int64(n), 0) }
                return false
            }
        } else if let probe {
            try probe.rows(node) { row in
                try body(row.integer(0), row.integer(1))
                return false
            }
        }
    }
}
