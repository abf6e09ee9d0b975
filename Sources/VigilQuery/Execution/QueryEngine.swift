import GRDB
import VigilCore
import VigilStore

/// Parses, plans and runs queries against a store.
public struct QueryEngine: Sendable {
    /// The most nodes whose edges among them a drawing reads (the planner's `neighbors of` and
    /// `vigil export`'s default `--max-nodes`): a drawing of more says nothing, and on a large
    /// graph the edges among them are what cost.
    public static let drawableNodes = 2000

    public let store: GraphStore
    /// The graph in memory for walks and shared-neighbour counts, read on first use and again
    /// after the database changes.
    let adjacency = AdjacencyCache()

    public init(store: GraphStore) { self.store = store }

    /// The parsed query, or a `QueryError` with every diagnostic.
    public func parse(_ text: String, sourceName: String = "query", firstLine: Int = 1) throws -> Query {
        let (query, diagnostics) = Parser.parse(text, firstLine: firstLine)
        guard let query, diagnostics.isEmpty else {
            throw QueryError(diagnostics: diagnostics, source: text, sourceName: sourceName, firstLine: firstLine)
        }
        return query
    }

    /// The plan for a query text: parsed, names resolved, SQL written, nothing run. With
    /// `drawing`, the statements also return the ids a drawing of the result needs.
    public func plan(_ text: String, sourceName: String = "query", firstLine: Int = 1, drawing: Bool = false) throws -> Plan {
        try plan(try parse(text, sourceName: sourceName, firstLine: firstLine), text: text, sourceName: sourceName,
                 firstLine: firstLine, drawing: drawing)
    }

    func plan(_ query: Query, text: String, sourceName: String, firstLine: Int, drawing: Bool) throws -> Plan {
        try Self.planned(try Planner(drawing: drawing).plan(query, store: store), text: text, sourceName: sourceName,
                         firstLine: firstLine)
    }

    /// The plan, or a `QueryError` with the diagnostics of the names that resolve to nothing.
    static func planned(_ outcome: Result<Plan, UnresolvedNames>, text: String, sourceName: String,
                        firstLine: Int) throws -> Plan {
        switch outcome {
        case .success(let plan): return plan
        case .failure(let unresolved):
            throw QueryError(diagnostics: unresolved.diagnostics, source: text, sourceName: sourceName, firstLine: firstLine)
        }
    }

    /// Runs a query (or explains it, for `explain …`): names resolved, then the statements run,
    /// all in one read transaction. With `drawing`, the result carries the node and edge ids a
    /// drawing needs (`QueryResult.drawn`); tables and exports of rows do without.
    public func run(_ text: String, sourceName: String = "query", firstLine: Int = 1, drawing: Bool = false) throws -> Answer {
        try answer(try parse(text, sourceName: sourceName, firstLine: firstLine), text: text, sourceName: sourceName,
                   firstLine: firstLine, drawing: drawing)
    }

    func answer(_ query: Query, text: String, sourceName: String, firstLine: Int, drawing: Bool) throws -> Answer {
        try store.read { db in
            let plan = try Self.planned(try Planner(drawing: drawing).plan(query, db: db), text: text,
                                        sourceName: sourceName, firstLine: firstLine)
            return query.explain ? .explanation(try Self.explain(plan, db: db)) : .result(try execute(plan, db: db))
        }
    }

    /// `result` again with the ids a drawing needs, from its query run once more with `drawing`.
    /// A result that has them, or has no query, is returned as it is.
    public func drawn(_ result: QueryResult) throws -> QueryResult {
        guard !result.drawn, let query = result.query else { return result }
        var rows = query
        rows.explain = false
        guard case .result(let drawn) = try answer(rows, text: "", sourceName: "query", firstLine: 1, drawing: true) else {
            return result
        }
        return drawn
    }

    /// The rows of a planned query.
    public func execute(_ plan: Plan) throws -> QueryResult {
        try store.read { db in try execute(plan, db: db) }
    }

    /// SQL, arguments and SQLite's query plan of every statement.
    public func explain(_ plan: Plan) throws -> Explanation {
        try store.read { db in try Self.explain(plan, db: db) }
    }

    func execute(_ plan: Plan, db: Database) throws -> QueryResult {
        var result = QueryResult(columns: [], rows: [], query: plan.query)
        result.drawn = plan.drawing
        var nodes = OrderedIDs(), edges = OrderedIDs()
        for b in plan.bindings { nodes.insert(b.node.id) }
        if let procedure = plan.procedure {
            var out: SharedNeighbours.Output
            let memory = procedure.inMemory ? try adjacency.adjacency(db) : nil
            let shared = SharedNeighbours(db: db, procedure: procedure, drawing: plan.drawing, adjacency: memory)
            switch procedure.goal {
            case .count(let hops):
                let n = try GraphWalk(procedure, db: db, adjacency: memory).count(hops: hops)
                out = .init(columns: ["nodes"], rows: [[.integer(Int64(n))]])
            case .distance(let goal, let maxDepth):
                let d = try GraphWalk(procedure, db: db, adjacency: memory).distance(to: goal, maxDepth: maxDepth)
                out = .init(columns: ["distance"], rows: [[d.map { .integer(Int64($0)) } ?? .null]])
            case .reactionsShared(let via): out = try shared.reactionsShared(via: via)
            case .drugsSharing(let what): out = try shared.drugsSharing(what)
            }
            result.columns = out.columns
            result.rows = out.rows
            if plan.drawing {
                for id in out.nodes.ids { nodes.insert(id) }
                result.nodeIDs = nodes.ids
                result.edgeIDs = out.edges.ids
            }
            return result
        }

        func collect(_ statement: Plan.Statement) throws {
            // Cached: the SQL holds no names or values (all bound), so a query asked again, or
            // another of the same form, reuses the prepared statement.
            let prepared = try db.cachedStatement(sql: statement.sql)
            let cursor = try Row.fetchCursor(prepared, arguments: statement.statementArguments)
            while let row = try cursor.next() {
                var cells: [Cell] = []
                var visible: [String] = []
                for (column, value) in row {
                    switch column {
                    case "_nodes": nodes.insert(list: value)
                    case "_edges": edges.insert(list: value)
                    default:
                        visible.append(column)
                        cells.append(Cell(value))
                    }
                }
                if statement.role != .edges {
                    if result.columns.isEmpty { result.columns = visible }
                    result.rows.append(cells)
                }
            }
            if statement.role != .edges, result.columns.isEmpty {
                // No rows: still name the columns, from the prepared statement.
                result.columns = prepared.columnNames.filter { !$0.hasPrefix("_") }
            }
        }

        let distanceStep = plan.statements.first { $0.role == .distance }
        let wantsPaths = plan.statements.contains { if case .paths = $0.role { return true } else { return false } }
        if let distanceStep, wantsPaths {
            let d = try Int.fetchOne(db.cachedStatement(sql: distanceStep.sql), arguments: distanceStep.statementArguments)
            if let d, let step = plan.statements.first(where: { $0.role == .paths(length: d) }) {
                try collect(step)
            } else {
                result.columns = ["path", "length"]
                if d == 0 { result.rows = [[.text(plan.bindings.first?.node.name ?? ""), .integer(0)]] }
            }
        } else {
            for s in plan.statements { try collect(s) }
        }
        if plan.drawing {
            result.nodeIDs = nodes.ids
            result.edgeIDs = edges.ids
        }
        return result
    }

    static func explain(_ plan: Plan, db: Database) throws -> Explanation {
        let bindings = plan.bindings.map { "'\($0.name)' is node \($0.node.id) (\($0.node.kind.rawValue) \($0.node.name))" }
        func step(_ s: Plan.Statement) throws -> Explanation.Step {
            let rows = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + s.sql, arguments: s.statementArguments)
            var depth: [Int: Int] = [0: -1]
            let lines = rows.map { row -> String in
                let id: Int = row["id"], parent: Int = row["parent"]
                let d = (depth[parent] ?? -1) + 1
                depth[id] = d
                return String(repeating: "  ", count: d) + (row["detail"] as String)
            }
            let args = s.arguments.enumerated().map { "?\($0.offset + 1) = \($0.element.description)" }
            return Explanation.Step(purpose: s.purpose, sql: s.sql, arguments: args, queryPlan: lines)
        }
        // A procedure is shown as its purpose, then each of its probes with its SQLite plan.
        let procedure = try plan.procedure.map { p -> [Explanation.Step] in
            let head = Explanation.Step(purpose: p.purpose, sql: "-- from Swift, starting at node \(p.start); it runs:",
                                        arguments: [], queryPlan: [])
            return try [head] + p.probes.sorted { $0.key < $1.key }.map { name, s in
                var probe = try step(s)
                probe.purpose = "probe '\(name)': \(s.purpose)"
                probe.arguments[0] = "?1 = the node probed"
                return probe
            }
        }
        return Explanation(bindings: bindings, steps: try procedure ?? plan.statements.map(step))
    }
}

/// Ids in first-seen order, each once. Edge ids may be negative: those are reference links
/// (m0004_reference_link.sql), kept like any other.
struct OrderedIDs {
    private(set) var ids: [Int64] = []
    private var seen: Set<Int64> = []

    mutating func insert(_ id: Int64) {
        if seen.insert(id).inserted { ids.append(id) }
    }

    /// A comma-separated list, a single integer, or null.
    mutating func insert(list value: DatabaseValue) {
        switch value.storage {
        case .int64(let i): insert(i)
        case .string(let s): for part in s.split(separator: ",") { if let i = Int64(part) { insert(i) } }
        default: break
        }
    }
}
