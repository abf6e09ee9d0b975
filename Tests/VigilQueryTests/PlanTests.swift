import Foundation
import GRDB
import Testing
import VigilQuery
import VigilStore

/// The planner's SQL for every form, prepared against a real database file.
struct PlanTests {
    static let queries = [
        "reactions shared with imatinib via PDGFR",
        "reactions shared with imatinib via PDGFRB where scope = literature limit 5",
        "reactions of sorafenib",
        "reactions of sorafenib where onset <= 14 days and scope = case",
        "reactions of sorafenib including negated",
        "targets of sorafenib",
        "drugs targeting VEGFR",
        "drugs causing AGEP where onset < 3 weeks",
        "cases of DRESS where age > 50 and sex = female",
        "cases with sorafenib limit 1",
        "path from sorafenib to coronary vasospasm",
        "path from sorafenib to coronary vasospasm max 3",
        "distance from sorafenib to tardive dyskinesia",
        "neighbors of sorafenib depth 2",
        "nodes within 3 of sorafenib",
        "evidence for sorafenib causes AGEP",
        "drugs sharing targets with sorafenib",
        "drugs sharing reactions with sorafenib limit 10",
    ]

    /// A store in a file, as the CLI opens one.
    static func fileStore() throws -> (GraphStore, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (try SeedGraph.make(path: dir.appendingPathComponent("plan.db").path), dir)
    }

    @Test(arguments: queries)
    func everyStatementPreparesAndExplains(_ query: String) throws {
        let (store, dir) = try Self.fileStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        for drawing in [false, true] {
            let plan = try QueryEngine(store: store).plan(query, drawing: drawing)
            let statements = plan.statements + (plan.procedure?.probes.values.map { $0 } ?? [])
            #expect(!statements.isEmpty)
            #expect(plan.statements.isEmpty == (plan.procedure != nil))
            try store.read { db in
                for s in statements {
                    let statement = try db.makeStatement(sql: s.sql)
                    try statement.setArguments(s.statementArguments)
                    _ = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + s.sql, arguments: s.statementArguments)
                    _ = try Row.fetchAll(statement)
                }
            }
        }
    }

    @Test(arguments: queries)
    func userTextIsNeverInTheSQL(_ query: String) throws {
        let plan = try QueryEngine(store: try SeedGraph.make()).plan(query, drawing: true)
        let sql = plan.statements.map(\.sql) + (plan.procedure?.probes.values.map(\.sql) ?? [])
        for b in plan.bindings {
            #expect(!sql.contains { $0.localizedCaseInsensitiveContains(b.name) })
        }
    }

    /// Drawing adds ids, never rows: every form gives the same table either way.
    @Test(arguments: queries)
    func drawingChangesNoRow(_ query: String) throws {
        let engine = QueryEngine(store: try SeedGraph.make())
        guard case .result(let table) = try engine.run(query), case .result(let drawn) = try engine.run(query, drawing: true) else {
            Issue.record("not a result"); return
        }
        #expect(table.columns == drawn.columns)
        #expect(table.rows == drawn.rows)
        #expect(!table.drawn && drawn.drawn)
        #expect(table.nodeIDs.isEmpty && table.edgeIDs.isEmpty)
        #expect(!drawn.nodeIDs.isEmpty)
        // Without a drawing the SQL carries no drawing columns and no statements for edges.
        let plan = try engine.plan(query)
        #expect(!plan.statements.contains { $0.sql.contains("_nodes") || $0.sql.contains("_edges") || $0.role == .edges })
    }

    @Test func walksAndSharedFormsRunFromSwift() throws {
        let engine = QueryEngine(store: try SeedGraph.make())
        let within = try engine.plan("nodes within 3 of sorafenib")
        #expect(within.statements.isEmpty)
        #expect(within.procedure?.goal == .count(hops: 3))
        #expect(within.procedure?.probes["neighbours"]?.sql == """
            SELECT src FROM edge WHERE dst = ?1 AND assertion <> 'negated'
            UNION ALL SELECT j.value FROM reference_link a, json_each(a.ids) j WHERE a.node = ?1 AND a.inbound = 1
            UNION ALL SELECT dst FROM edge WHERE src = ?1 AND dst IS NOT NULL AND assertion <> 'negated'
            UNION ALL SELECT j.value FROM reference_link a, json_each(a.ids) j WHERE a.node = ?1 AND a.inbound = 0
            """)
        let distance = try engine.plan("distance from sorafenib to tardive dyskinesia max 5")
        guard case .distance(_, let maxDepth) = distance.procedure?.goal else { Issue.record("no walk"); return }
        #expect(maxDepth == 5)
        let negated = try engine.plan("nodes within 2 of sorafenib including negated")
        #expect(negated.procedure?.probes["neighbours"]?.sql.contains("negated") == false)
        #expect(try engine.plan("drugs sharing reactions with sorafenib limit 10").procedure?.limit == 10)
        #expect(try engine.plan("reactions shared with imatinib via PDGFR where scope = literature")
            .procedure?.probes["causes"]?.arguments == [.null, "literature".databaseValue])
        let paths = try engine.plan("path from sorafenib to coronary vasospasm max 3").statements
        #expect(paths.map(\.role) == [.distance, .paths(length: 1), .paths(length: 2), .paths(length: 3)])
        #expect(!paths[0].sql.contains("RECURSIVE"))
    }

    @Test func argumentsAreNumberedOnce() throws {
        let plan = try QueryEngine(store: try SeedGraph.make()).plan("reactions of sorafenib where onset <= 14 days")
        let s = plan.statements[0]
        // The drug id, the onset bound (twice in the SQL, bound once) and the limit.
        #expect(s.arguments.count == 3)
        #expect(s.sql.contains("?1") && s.sql.contains("?2") && s.sql.contains("?3"))
        #expect(!s.sql.contains("?4"))
    }
}
