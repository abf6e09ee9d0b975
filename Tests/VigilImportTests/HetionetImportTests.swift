import Foundation
import GRDB
import Testing
import VigilCore
import VigilImport
import VigilStore

@Suite struct HetionetImportTests {
    let nodes = fixture("hetionet-nodes.tsv")
    let edges = fixture("hetionet-edges.sif")

    @Test func mapsKindsAndPredicates() throws {
        let db = temporaryDatabase()
        let s = try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, edges])
        #expect(s.nodesCreated == 15)
        #expect(s.edgesRead == 20)
        #expect(s.edgesCreated == 19)   // the last line repeats imatinib causes alopecia
        #expect(s.edgesExisting == 1)
        #expect(try rows(db, "SELECT kind, name FROM node WHERE name IN ('imatinib', 'PDGFRB', 'alopecia', 'colorectal cancer', 'liver') ORDER BY kind")
                == ["drug|imatinib", "indication|colorectal cancer", "other|liver", "reaction|alopecia", "target|PDGFRB"])
        #expect(try rows(db, """
            SELECT s.name, e.predicate, d.name, e.assertion, e.scope FROM edge e JOIN node s ON s.id = e.src JOIN node d ON d.id = e.dst
            WHERE e.predicate IN ('targets', 'causes') AND s.name = 'imatinib' ORDER BY 2, 3
            """) == ["imatinib|causes|alopecia|affirmed|reference", "imatinib|causes|nausea|affirmed|reference",
                     "imatinib|targets|KIT|affirmed|reference", "imatinib|targets|PDGFRB|affirmed|reference"])
        // Other metaedges keep their Hetionet abbreviation.
        #expect(try rows(db, "SELECT DISTINCT predicate FROM edge WHERE predicate NOT IN ('targets', 'causes') ORDER BY 1")
                == ["AeG", "CtD", "DaG", "GiG", "GpBP", "GpPW", "Gr>G", "PCiC"])
    }

    @Test func keepsTheHetionetIdAndKindAsAnAlias() throws {
        let db = temporaryDatabase()
        try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, edges])
        #expect(try rows(db, "SELECT n.kind, n.name, a.alias, a.source FROM alias a JOIN node n ON n.id = a.node_id WHERE a.key = 'anatomy::uberon:0002107'")
                == ["other|liver|Anatomy::UBERON:0002107|hetionet:Anatomy"])
        let store = try GraphStore(path: db)
        #expect(try store.resolve("Compound::DB00619").map(\.name) == ["imatinib"])
    }

    @Test func distinctHetionetNodesWithOneNameStayDistinct() throws {
        let db = temporaryDatabase()
        try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, edges])
        #expect(try rows(db, "SELECT name FROM node WHERE key LIKE 'ffar2%' ORDER BY id") == ["FFAR2", "FFAR2 [Gene::105372382]"])
        #expect(try rows(db, "SELECT name FROM node WHERE key LIKE 'dna replication%' ORDER BY id")
                == ["DNA replication", "DNA Replication [Pathway::PC7_2951]"])
        // The plain name still finds both.
        #expect(try GraphStore(path: db).resolve("ffar2").count == 2)
    }

    @Test func mergesWithNodesTheLiteratureMade() throws {
        let db = temporaryDatabase()
        let store = try GraphStore(path: db)
        try store.write(triples: [Triple(subject: Mention(kind: .drug, name: "imatinib"), predicate: .causes,
                                         object: .entity(Mention(kind: .reaction, name: "alopecia")), scope: .literature)],
                        extractor: "test")
        let before = try rows(db, "SELECT id FROM node WHERE kind = 'drug' AND key = 'imatinib'")
        let s = try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, edges])
        #expect(s.nodesMerged == 2)
        #expect(try rows(db, "SELECT id FROM node WHERE kind = 'drug' AND key = 'imatinib'") == before)
        // The literature edge and the reference edge are two facts (different scope) between the same nodes.
        #expect(try rows(db, """
            SELECT e.scope FROM edge e JOIN node s ON s.id = e.src JOIN node d ON d.id = e.dst
            WHERE s.key = 'imatinib' AND e.predicate = 'causes' AND d.key = 'alopecia' ORDER BY 1
            """) == ["literature", "reference"])
    }

    @Test func gzipReadsLikePlainText() throws {
        let plain = temporaryDatabase(), gzipped = temporaryDatabase()
        try ReferenceImporter(databasePath: plain).run(.hetionet, files: [nodes, edges])
        try ReferenceImporter(databasePath: gzipped).run(.hetionet, files: [nodes, fixture("hetionet-edges.sif.gz")])
        let sql = "SELECT s.name, e.predicate, d.name FROM edge e JOIN node s ON s.id = e.src JOIN node d ON d.id = e.dst ORDER BY 1, 2, 3"
        #expect(try rows(plain, sql) == rows(gzipped, sql))
        #expect(try rows(plain, sql).count == 19)
    }

    @Test func reimportAddsNothing() throws {
        let db = temporaryDatabase()
        try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, edges])
        let again = try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, edges])
        #expect(again.nodesCreated == 0)
        #expect(again.edgesCreated == 0)
        #expect(again.edgesExisting == 20)
        #expect(try rows(db, "SELECT count(*) FROM node") == ["15"])
        #expect(try rows(db, "SELECT count(*) FROM edge") == ["19"])
        // The first batch already covers every edge: no evidence rows are added for the second.
        #expect(try rows(db, "SELECT count(*) FROM evidence") == ["0"])
    }

    @Test func provenanceIsOneBatchRowCoveringTheNewEdges() throws {
        let db = temporaryDatabase()
        try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, edges])
        #expect(try rows(db, "SELECT format, extractor, files, first_edge, last_edge, edges_created FROM import_batch")
                == ["hetionet|hetionet-import/1|hetionet-nodes.tsv hetionet-edges.sif|1|19|19"])
        #expect(try rows(db, "SELECT count(*), count(DISTINCT edge_id) FROM edge_source WHERE extractor = 'hetionet-import/1'")
                == ["19|19"])
    }

    @Test func anEdgeAlreadyStoredGainsAnEvidenceRow() throws {
        let db = temporaryDatabase()
        let store = try GraphStore(path: db)
        try store.write(triples: [Triple(subject: Mention(kind: .drug, name: "imatinib"), predicate: .targets,
                                         object: .entity(Mention(kind: .target, name: "PDGFRB")), scope: .reference)],
                        extractor: "seed-vocab/1")
        let s = try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, edges])
        #expect(s.edgesExisting == 2)
        #expect(try store.evidenceCount(subject: try store.resolve("imatinib")[0].id, predicate: .targets,
                                        object: try store.resolve("PDGFRB")[0].id) == 2)
    }
}

@Suite struct BulkPathTests {
    /// A graph of 200 genes and `count` GiG edges (over 10,000, not a multiple of 64) in a fresh directory.
    func largeGraph() throws -> (dir: URL, nodes: String, edges: String, lines: [String]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-bulk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var nodes = "id\tname\tkind\n", lines: [String] = []
        for i in 0 ..< 200 { nodes += "Gene::\(i)\tG\(i)\tGene\n" }
        for a in 0 ..< 200 { for b in stride(from: a % 3, to: 200, by: 3) { lines.append("Gene::\(a)\tGiG\tGene::\(b)") } }
        let np = dir.appendingPathComponent("n.tsv").path, ep = dir.appendingPathComponent("e.sif").path
        try nodes.write(toFile: np, atomically: true, encoding: .utf8)
        try ("source\tmetaedge\ttarget\n" + lines.joined(separator: "\n") + "\n").write(toFile: ep, atomically: true, encoding: .utf8)
        return (dir, np, ep, lines)
    }

    /// The bulk path into a graph that already has edges: the ones it has are found first (not
    /// inserted, given an evidence row), the rest go in 64 per statement, and the indexes end up
    /// exactly as the schema defines them.
    @Test func aLargeImportIntoAGraphWithEdgesSkipsTheOnesItHas() throws {
        let g = try largeGraph()
        let db = g.dir.appendingPathComponent("g.db").path
        let fresh = g.dir.appendingPathComponent("fresh.db").path
        _ = try GraphStore(path: fresh)
        let store = try GraphStore(path: db)
        func gene(_ i: Int) -> Mention { Mention(kind: .target, name: "G\(i)") }
        // Three of the file's edges, stored by another source; one literature edge between the same genes.
        try store.write(triples: [(0, 3), (0, 6), (199, 1)].map {
            Triple(subject: gene($0.0), predicate: Predicate("GiG"), object: .entity(gene($0.1)), scope: .reference)
        } + [Triple(subject: gene(0), predicate: Predicate("GiG"), object: .entity(gene(3)), scope: .literature)], extractor: "seed/1")

        let s = try ReferenceImporter(databasePath: db).run(.hetionet, files: [g.nodes, g.edges])
        #expect(s.edgesExisting == 3)
        #expect(s.edgesCreated == g.lines.count - 3)
        #expect(try rows(db, "SELECT count(*) FROM edge") == ["\(g.lines.count + 1)"])
        #expect(try rows(db, "SELECT first_edge, last_edge FROM import_batch") == ["5|\(4 + g.lines.count - 3)"])
        #expect(try rows(db, "SELECT extractor, count(*) FROM evidence GROUP BY 1 ORDER BY 1") == ["hetionet-import/1|3", "seed/1|4"])
        let indexes = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'edge' ORDER BY name"
        #expect(try rows(db, indexes) == rows(fresh, indexes))
        #expect(try rows(db, "PRAGMA integrity_check") == ["ok"])
        #expect(try rows(db, "SELECT count(*) FROM edge WHERE scope = 'reference'") == ["\(g.lines.count)"])
    }

    /// The bulk path leaves `edge_literal_fact` in place (an import writes no literal edge): a
    /// literal edge the graph had is still in that index afterwards, and a second copy of it is
    /// still refused.
    @Test func aLargeImportKeepsTheLiteralEdgesIndex() throws {
        let g = try largeGraph()
        let db = g.dir.appendingPathComponent("g.db").path
        let store = try GraphStore(path: db)
        let dose = Triple(subject: Mention(kind: .target, name: "G0"), predicate: Predicate("dose"),
                          object: .literal(Literal(value: "400", unit: "mg")), scope: .literature)
        try store.write(triples: [dose], extractor: "seed/1")

        let s = try ReferenceImporter(databasePath: db).run(.hetionet, files: [g.nodes, g.edges])
        #expect(s.edgesCreated == g.lines.count)
        #expect(try rows(db, "SELECT count(*) FROM edge INDEXED BY edge_literal_fact WHERE dst IS NULL AND src > 0") == ["1"])
        #expect(try rows(db, "PRAGMA integrity_check") == ["ok"])
        let queue = try DatabaseQueue(path: db)
        #expect(throws: DatabaseError.self) {
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO edge (src, predicate, value, unit, assertion, scope)
                    SELECT src, predicate, value, unit, assertion, scope FROM edge WHERE dst IS NULL
                    """)
            }
        }
    }

    /// A small import into a graph many times its size probes for each edge instead of reading
    /// the table; edges an earlier import of the same source covers gain no evidence row.
    @Test func aSmallImportIntoALargeGraphProbes() throws {
        let g = try largeGraph()
        let db = g.dir.appendingPathComponent("g.db").path
        _ = try ReferenceImporter(databasePath: db).run(.hetionet, files: [g.nodes, g.edges])
        let small = g.dir.appendingPathComponent("small.sif").path
        try ("source\tmetaedge\ttarget\n" + g.lines[..<5].joined(separator: "\n") + "\nGene::0\tGiG\tGene::1\nGene::0\tGcG\tGene::3\n")
            .write(toFile: small, atomically: true, encoding: .utf8)
        let s = try ReferenceImporter(databasePath: db).run(.hetionet, files: [g.nodes, small])
        #expect(s.edgesExisting == 5)
        #expect(s.edgesCreated == 2)
        #expect(try rows(db, "SELECT count(*) FROM evidence") == ["0"])
        #expect(try rows(db, "SELECT count(*) FROM edge") == ["\(g.lines.count + 2)"])
        #expect(try rows(db, "SELECT last_edge - first_edge + 1 FROM import_batch ORDER BY id") == ["\(g.lines.count)", "2"])
        #expect(try rows(db, "PRAGMA integrity_check") == ["ok"])
    }

    /// Over 10,000 edges into an empty graph takes the bulk path (indexes rebuilt, 64 rows per
    /// INSERT): every edge arrives once, the leftover rows after the last full block too, and the
    /// indexes come back exactly as the schema defines them.
    @Test func aLargeImportIntoAnEmptyGraphKeepsEveryEdgeAndIndex() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-bulk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var nodes = "id\tname\tkind\n", edges = "source\tmetaedge\ttarget\n"
        for i in 0 ..< 200 { nodes += "Gene::\(i)\tG\(i)\tGene\n" }
        var count = 0
        for a in 0 ..< 200 { for b in stride(from: a % 3, to: 200, by: 3) { edges += "Gene::\(a)\tGiG\tGene::\(b)\n"; count += 1 } }
        #expect(count > 10_000 && count % 64 != 0)
        let np = dir.appendingPathComponent("n.tsv").path, ep = dir.appendingPathComponent("e.sif").path
        try nodes.write(toFile: np, atomically: true, encoding: .utf8)
        try edges.write(toFile: ep, atomically: true, encoding: .utf8)

        let db = dir.appendingPathComponent("g.db").path
        let fresh = dir.appendingPathComponent("fresh.db").path
        _ = try GraphStore(path: fresh)
        let s = try ReferenceImporter(databasePath: db).run(.hetionet, files: [np, ep])
        #expect(s.edgesCreated == count)
        #expect(try rows(db, "SELECT count(*), count(DISTINCT src || ',' || dst) FROM edge") == ["\(count)|\(count)"])
        #expect(try rows(db, "SELECT first_edge, last_edge FROM import_batch") == ["1|\(count)"])
        let indexes = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'edge' ORDER BY name"
        #expect(try rows(db, indexes) == rows(fresh, indexes))
        #expect(try rows(db, "PRAGMA integrity_check") == ["ok"])
        #expect(try rows(db, "SELECT d.name FROM edge e JOIN node s ON s.id = e.src JOIN node d ON d.id = e.dst WHERE s.name = 'G199' ORDER BY e.dst LIMIT 2")
                == ["G1", "G4"])
    }
}
