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
            SELECT s.name, e.predicate, d.name, e.assertion, e.scope FROM edges_from e JOIN node s ON s.id = e.src JOIN node d ON d.id = e.dst
            WHERE e.predicate IN ('targets', 'causes') AND s.name = 'imatinib' ORDER BY 2, 3
            """) == ["imatinib|causes|alopecia|affirmed|reference", "imatinib|causes|nausea|affirmed|reference",
                     "imatinib|targets|KIT|affirmed|reference", "imatinib|targets|PDGFRB|affirmed|reference"])
        // Other metaedges keep their Hetionet abbreviation.
        #expect(try rows(db, "SELECT DISTINCT predicate FROM edges_from WHERE predicate NOT IN ('targets', 'causes') ORDER BY 1")
                == ["AeG", "CtD", "DaG", "GiG", "GpBP", "GpPW", "Gr>G", "PCiC"])
    }

    @Test func keepsTheHetionetIdAndKindAsAnAlias() throws {
        let db = temporaryDatabase()
        _ = try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, edges])
        #expect(try rows(db, "SELECT n.kind, n.name, a.alias, a.source FROM alias a JOIN node n ON n.id = a.node_id WHERE a.key = 'anatomy::uberon:0002107'")
                == ["other|liver|Anatomy::UBERON:0002107|hetionet:Anatomy"])
        let store = try GraphStore(path: db)
        #expect(try store.resolve("Compound::DB00619").map(\.name) == ["imatinib"])
    }

    @Test func distinctHetionetNodesWithOneNameStayDistinct() throws {
        let db = temporaryDatabase()
        _ = try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, edges])
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
            SELECT e.scope FROM edges_from e JOIN node s ON s.id = e.src JOIN node d ON d.id = e.dst
            WHERE s.key = 'imatinib' AND e.predicate = 'causes' AND d.key = 'alopecia' ORDER BY 1
            """) == ["literature", "reference"])
    }

    @Test func gzipReadsLikePlainText() throws {
        let plain = temporaryDatabase(), gzipped = temporaryDatabase()
        _ = try ReferenceImporter(databasePath: plain).run(.hetionet, files: [nodes, edges])
        _ = try ReferenceImporter(databasePath: gzipped).run(.hetionet, files: [nodes, fixture("hetionet-edges.sif.gz")])
        let sql = "SELECT s.name, e.predicate, d.name FROM reference_edge e JOIN node s ON s.id = e.src JOIN node d ON d.id = e.dst ORDER BY 1, 2, 3"
        #expect(try rows(plain, sql) == rows(gzipped, sql))
        #expect(try rows(plain, sql).count == 19)
    }

    @Test func reimportAddsNothing() throws {
        let db = temporaryDatabase()
        _ = try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, edges])
        let again = try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, edges])
        #expect(again.nodesCreated == 0)
        #expect(again.edgesCreated == 0)
        #expect(again.edgesExisting == 20)
        #expect(try rows(db, "SELECT count(*) FROM node") == ["15"])
        #expect(try rows(db, "SELECT count(*) FROM reference_edge") == ["19"])
        #expect(try rows(db, "SELECT count(*) FROM edge") == ["0"])
        // Every link stays in the first batch's rows; the second stored none and added no evidence.
        #expect(try rows(db, "SELECT DISTINCT batch FROM reference_link") == ["1"])
        #expect(try rows(db, "SELECT count(*) FROM evidence") == ["0"])
    }

    @Test func provenanceIsOneBatchRowCoveringTheNewEdges() throws {
        let db = temporaryDatabase()
        _ = try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, edges])
        #expect(try rows(db, "SELECT id, format, extractor, files, first_edge, last_edge, edges_created, edges_existing FROM import_batch")
                == ["1|hetionet|hetionet-import/1|hetionet-nodes.tsv hetionet-edges.sif|NULL|NULL|19|1"])
        #expect(try rows(db, "SELECT count(*), count(DISTINCT edge_id) FROM link_source WHERE extractor = 'hetionet-import/1'")
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
        // It stays one fact, in `edge`: no link repeats it.
        #expect(try rows(db, """
            SELECT count(*) FROM edges_from e JOIN node s ON s.id = e.src JOIN node d ON d.id = e.dst
            WHERE s.key = 'imatinib' AND e.predicate = 'targets' AND d.key = 'pdgfrb'
            """) == ["1"])
    }

    /// The other order: a seed fact written after an import that linked it (`vigil init` on a
    /// database holding Hetionet) moves the fact out of the links into `edge`, keeping the import
    /// as one of its sources.
    @Test func aLinkedFactStatedAgainMovesIntoTheEdgeTable() throws {
        let db = temporaryDatabase()
        _ = try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, edges])
        let store = try GraphStore(path: db)
        try store.write(triples: [Triple(subject: Mention(kind: .drug, name: "imatinib"), predicate: .targets,
                                         object: .entity(Mention(kind: .target, name: "PDGFRB")), scope: .reference)],
                        extractor: "seed-vocab/1")
        let fact = """
            FROM %@ e JOIN node s ON s.id = e.src JOIN node d ON d.id = e.dst
            WHERE s.key = 'imatinib' AND e.predicate = 'targets' AND d.key = 'pdgfrb'
            """
        #expect(try rows(db, "SELECT count(*) " + fact.replacingOccurrences(of: "%@", with: "edge")) == ["1"])
        #expect(try rows(db, "SELECT count(*) " + fact.replacingOccurrences(of: "%@", with: "reference_edge")) == ["0"])
        #expect(try rows(db, "SELECT count(*) " + fact.replacingOccurrences(of: "%@", with: "reference_edge_in")) == ["0"])
        #expect(try rows(db, "SELECT v.extractor " + fact.replacingOccurrences(of: "%@", with: "edge")
                         .replacingOccurrences(of: "WHERE", with: "JOIN evidence v ON v.edge_id = e.id WHERE") + " ORDER BY 1")
                == ["hetionet-import/1", "seed-vocab/1"])
        // imatinib's other target is still a link; the graph still has 19 facts.
        #expect(try rows(db, "SELECT d.name FROM reference_edge e JOIN node s ON s.id = e.src JOIN node d ON d.id = e.dst WHERE s.key = 'imatinib' AND e.predicate = 'targets'")
                == ["KIT"])
        #expect(try rows(db, "SELECT (SELECT count(*) FROM edge) + (SELECT count(*) FROM reference_edge)") == ["19"])
    }

    /// A second source stating facts already linked: the links stay as they are, the source is
    /// recorded beside them (once, however often it is imported), and both sources follow a
    /// fact that moves into `edge`.
    @Test func aSecondSourceOfALinkedFactIsRecorded() throws {
        let db = temporaryDatabase()
        _ = try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, edges])
        let dc = try ReferenceImporter(databasePath: db).run(.drugcentral, files: [fixture("drugcentral.tsv")])
        #expect(dc.edgesExisting == 2)
        let sources = """
            SELECT d.name, group_concat(x.extractor, ' ') FROM link_source x JOIN node d ON d.id = x.dst
            WHERE x.src = (SELECT id FROM node WHERE key = 'imatinib') AND x.predicate = 'targets' GROUP BY 1 ORDER BY 1
            """
        #expect(try rows(db, sources) == ["KIT|hetionet-import/1 drugcentral-import/1",
                                          "PDGFRB|hetionet-import/1 drugcentral-import/1"])
        _ = try ReferenceImporter(databasePath: db).run(.drugcentral, files: [fixture("drugcentral.tsv")])
        #expect(try rows(db, "SELECT count(*) FROM reference_link_source") == ["2"])
        #expect(try rows(db, "SELECT count(*) FROM reference_edge WHERE predicate = 'targets'") == ["\(try rows(db, "SELECT count(*) FROM reference_edge_in WHERE predicate = 'targets'")[0])"])

        try GraphStore(path: db).write(triples: [Triple(subject: Mention(kind: .drug, name: "imatinib"), predicate: .targets,
                                                        object: .entity(Mention(kind: .target, name: "KIT")), scope: .reference)],
                                       extractor: "seed-vocab/1")
        #expect(try rows(db, """
            SELECT v.extractor FROM edge e JOIN evidence v ON v.edge_id = e.id
            JOIN node d ON d.id = e.dst WHERE d.name = 'KIT' ORDER BY 1
            """) == ["drugcentral-import/1", "hetionet-import/1", "seed-vocab/1"])
        #expect(try rows(db, sources) == ["PDGFRB|hetionet-import/1 drugcentral-import/1"])
    }

    /// More predicates than a link's id can number: refused by name, nothing written.
    @Test func tooManyPredicatesAreRefusedAndNothingIsWritten() throws {
        let dir = URL(fileURLWithPath: temporaryDatabase()).deletingLastPathComponent()
        let db = dir.appendingPathComponent("g.db").path
        _ = try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, edges])
        let before = try dump(db)
        var kgxNodes = "id\tcategory\tname\n", kgxEdges = "subject\tpredicate\tobject\n"
        kgxNodes += "X:1\tbiolink:Gene\tA\nX:2\tbiolink:Gene\tB\n"
        for p in 0 ..< 2048 { kgxEdges += "X:1\tbiolink:p\(p)\tX:2\n" }
        let np = dir.appendingPathComponent("n.tsv").path, ep = dir.appendingPathComponent("e.tsv").path
        try kgxNodes.write(toFile: np, atomically: true, encoding: .utf8)
        try kgxEdges.write(toFile: ep, atomically: true, encoding: .utf8)
        #expect(throws: ImportError.store(message: "more than 2,047 predicates ('biolink:p2047' is one too many): reference links take at most 2,047")) {
            try ReferenceImporter(databasePath: db).run(.kgx, files: [np, ep])
        }
        #expect(try dump(db) == before)
    }

    /// Each link is stored from both ends, and its id is the documented computation.
    @Test func eachLinkIsStoredFromBothEndsWithItsComputedID() throws {
        let db = temporaryDatabase()
        _ = try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, edges])
        let both = "SELECT id, src, predicate, dst FROM %@ ORDER BY 1"
        #expect(try rows(db, both.replacingOccurrences(of: "%@", with: "reference_edge"))
                == rows(db, both.replacingOccurrences(of: "%@", with: "reference_edge_in")))
        let link = try rows(db, """
            SELECT e.id, p.code, e.src, e.dst FROM reference_edge e JOIN reference_predicate p ON p.predicate = e.predicate
            JOIN node s ON s.id = e.src JOIN node d ON d.id = e.dst WHERE s.key = 'imatinib' AND d.key = 'kit'
            """)[0].split(separator: "|").map { Int64($0)! }
        #expect(link[0] == -(link[1] << 52 | link[2] << 26 | link[3]))
        #expect(link[0] < 0)
        // Ascending ids, no repeats, in every row.
        for list in try rows(db, "SELECT ids FROM reference_link") {
            let ids = LinkList.decode(list)
            #expect(ids == Array(Set(ids)).sorted())
        }
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

    /// An import into a graph that already has some of its facts as edges (seeds): those are
    /// found first (not linked, given an evidence row), the rest become links.
    @Test func aLargeImportIntoAGraphWithEdgesSkipsTheOnesItHas() throws {
        let g = try largeGraph()
        let db = g.dir.appendingPathComponent("g.db").path
        let store = try GraphStore(path: db)
        func gene(_ i: Int) -> Mention { Mention(kind: .target, name: "G\(i)") }
        // Three of the file's edges, stored by another source; one literature edge between the same genes.
        try store.write(triples: [(0, 3), (0, 6), (199, 1)].map {
            Triple(subject: gene($0.0), predicate: Predicate("GiG"), object: .entity(gene($0.1)), scope: .reference)
        } + [Triple(subject: gene(0), predicate: Predicate("GiG"), object: .entity(gene(3)), scope: .literature)], extractor: "seed/1")

        let s = try ReferenceImporter(databasePath: db).run(.hetionet, files: [g.nodes, g.edges])
        #expect(s.edgesExisting == 3)
        #expect(s.edgesCreated == g.lines.count - 3)
        #expect(try rows(db, "SELECT count(*) FROM edge") == ["4"])
        #expect(try rows(db, "SELECT count(*) FROM reference_edge") == ["\(g.lines.count - 3)"])
        #expect(try rows(db, "SELECT extractor, count(*) FROM evidence GROUP BY 1 ORDER BY 1") == ["hetionet-import/1|3", "seed/1|4"])
        #expect(try rows(db, "PRAGMA integrity_check") == ["ok"])
        // Every reference fact of the file once, in one table or the other.
        #expect(try rows(db, """
            SELECT count(*), count(DISTINCT src || ',' || dst) FROM edges_from WHERE scope = 'reference'
            """) == ["\(g.lines.count)|\(g.lines.count)"])
    }

    /// A second import into a graph of links stores only what is new, in rows of its own batch;
    /// edges the first import covers gain no evidence row.
    @Test func aSmallImportIntoALargeGraphAddsOnlyItsNewLinks() throws {
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
        #expect(try rows(db, "SELECT count(*) FROM reference_edge") == ["\(g.lines.count + 2)"])
        #expect(try rows(db, "SELECT edges_created FROM import_batch ORDER BY id") == ["\(g.lines.count)", "2"])
        // G0's two new links (GiG to G1, GcG to G3), from both ends.
        #expect(try rows(db, """
            SELECT n.name, a.inbound, a.predicate, a.ids FROM reference_link a JOIN node n ON n.id = a.node WHERE a.batch = 2 ORDER BY 1, 2, 3
            """) == ["G0|0|GcG|[4]", "G0|0|GiG|[2]", "G1|1|GiG|[1]", "G3|1|GcG|[1]"])
        #expect(try rows(db, "PRAGMA integrity_check") == ["ok"])
    }

    /// Over 10,000 edges into an empty graph: every edge arrives once, as one row per node and
    /// direction, in both directions, and nothing goes to `edge`.
    @Test func aLargeImportIntoAnEmptyGraphKeepsEveryEdge() throws {
        let g = try largeGraph()
        let db = g.dir.appendingPathComponent("g.db").path
        let s = try ReferenceImporter(databasePath: db).run(.hetionet, files: [g.nodes, g.edges])
        #expect(s.edgesCreated == g.lines.count)
        #expect(try rows(db, "SELECT count(*), count(DISTINCT src || ',' || dst) FROM reference_edge") == ["\(g.lines.count)|\(g.lines.count)"])
        #expect(try rows(db, "SELECT count(*) FROM reference_edge_in") == ["\(g.lines.count)"])
        #expect(try rows(db, "SELECT inbound, count(*) FROM reference_link GROUP BY 1") == ["0|200", "1|200"])
        #expect(try rows(db, "SELECT count(*) FROM edge") == ["0"])
        #expect(try rows(db, "PRAGMA integrity_check") == ["ok"])
        #expect(try rows(db, "SELECT d.name FROM reference_edge e JOIN node s ON s.id = e.src JOIN node d ON d.id = e.dst WHERE s.name = 'G199' ORDER BY e.dst LIMIT 2")
                == ["G1", "G4"])
    }
}
