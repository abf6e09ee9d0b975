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
        let plan = try QueryEngine(store: store).plan(query)
        #expect(!plan.statements.isEmpty)
        try store.read { db in
            for s in plan.statements {
                let statement = try db.makeStatement(sql: s.sql)
                try statement.setArguments(s.statementArguments)
                _ = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + s.sql, arguments: s.statementArguments)
                _ = try Row.fetchAll(statement)
            }
        }
    }

    @Test(arguments: queries)
    func userTextIsNeverInTheSQL(_ query: String) throws {
        let plan = try QueryEngine(store: try SeedGraph.make()).plan(query)
        for b in plan.bindings {
            #expect(!plan.statements.contains { $0.sql.localizedCaseInsensitiveContains(b.name) })
        }
    }

    @Test func traversalsAreUnrolledNotPlainRecursive() throws {
        let engine = QueryEngine(store: try SeedGraph.make())
        let within = try engine.plan("nodes within 3 of sorafenib").statements
        #expect(within.count == 1)
        #expect(!within[0].sql.contains("RECURSIVE"))
        #expect(within[0].sql.contains("l2(n) AS MATERIALIZED"))
        #expect(within[0].sql.contains("EXCEPT SELECT n FROM lv2"))
        #expect(within[0].sql.contains("SELECT count(*) FROM node x WHERE x.id NOT IN (SELECT n FROM lv2)"))
        let distance = try engine.plan("distance from sorafenib to tardive dyskinesia").statements
        #expect(distance.map(\.role) == [.distance])
        #expect(distance[0].sql.contains("b2(n) AS MATERIALIZED"))
        #expect(!distance[0].sql.contains("RECURSIVE"))
        let paths = try engine.plan("path from sorafenib to coronary vasospasm max 3").statements
        #expect(paths.map(\.role) == [.distance, .paths(length: 1), .paths(length: 2), .paths(length: 3)])
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
