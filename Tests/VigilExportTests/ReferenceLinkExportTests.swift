import Foundation
import GRDB
import Testing
import VigilCore
@testable import VigilExport
import VigilStore

/// Exports of a store holding both forms of edge: the seed graph (`edge` rows) and two reference
/// links packed as m0004 stores an import (sorafenib targets FLT3; FLT3 member_of the RTK III family).
@Suite struct ReferenceLinkExportTests {
    static func store() throws -> GraphStore {
        let store = try SeedGraph.store()
        try store.write { db in
            try db.execute(sql: """
                INSERT INTO node (kind, name, key) VALUES ('target', 'FLT3', 'flt3'), ('target_family', 'RTK III', 'rtk iii');
                INSERT INTO import_batch (format, extractor, files, nodes_created, edges_created, edges_existing)
                VALUES ('hetionet', 'hetionet-import/1', 'links.sif', 2, 2, 0);
                INSERT INTO reference_predicate (code, predicate) VALUES (7, 'targets'), (9, 'member_of');
                """)
            func id(_ sql: String) throws -> Int64 { try #require(try Int64.fetchOne(db, sql: sql)) }
            let batch = try id("SELECT max(id) FROM import_batch")
            let sorafenib = try id("SELECT id FROM node WHERE kind = 'drug' AND key = 'sorafenib'")
            let flt3 = try id("SELECT id FROM node WHERE kind = 'target' AND key = 'flt3'")
            let family = try id("SELECT id FROM node WHERE kind = 'target_family' AND key = 'rtk iii'")
            for (node, inbound, predicate, code, other) in [(sorafenib, 0, "targets", 7, flt3), (flt3, 1, "targets", 7, sorafenib),
                                                            (flt3, 0, "member_of", 9, family), (family, 1, "member_of", 9, flt3)] {
                try db.execute(sql: "INSERT INTO reference_link VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [node, inbound, predicate, code, batch, "[\(other)]"])
            }
        }
        return store
    }

    @Test func theDrawingShowsALinkDotted() throws {
        let store = try Self.store()
        let sorafenib = try SeedGraph.id(store, "sorafenib", .drug)
        for subgraph in [try store.subgraph(), try store.subgraph(around: sorafenib, depth: 1)] {
            let dot = DOTWriter.render(subgraph)
            let line = try #require(dot.split(separator: "\n").first { $0.hasPrefix("  \"drug:sorafenib\" -> \"target:FLT3\"") })
            #expect(line.contains("style=\"dotted\""))
            #expect(line.contains("reference, evidence 0"))
            Fixtures.checkedByGraphviz(dot)
        }
        // FLT3's family is two hops from sorafenib.
        let near = DOTWriter.render(try store.subgraph(around: sorafenib, depth: 1))
        #expect(!near.contains("RTK III"))
        #expect(DOTWriter.render(try store.subgraph(around: sorafenib, depth: 2)).contains("\"target:FLT3\" -> \"target_family:RTK III\""))
    }

    @Test func jsonLinesHaveTheLinksWithScopeReference() throws {
        let text = try JSONLWriter.render(try Self.store().subgraph())
        let lines = text.split(separator: "\n").filter { $0.contains("FLT3") }
        #expect(lines == [
            #"{"assertion":"affirmed","evidence_count":0,"object":{"kind":"target","name":"FLT3"},"predicate":"targets","scope":"reference","subject":{"kind":"drug","name":"sorafenib"}}"#,
            #"{"assertion":"affirmed","evidence_count":0,"object":{"kind":"target_family","name":"RTK III"},"predicate":"member_of","scope":"reference","subject":{"kind":"target","name":"FLT3"}}"#,
        ])
    }

    @Test func kgxEdgesHaveTheLinks() throws {
        let tsv = KGXWriter.edgesTSV(try Self.store().subgraph())
        let row = try #require(tsv.split(separator: "\n").first { $0.contains("\tVIGIL:target/FLT3\t") })
        let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        #expect(fields[1...] == ["VIGIL:drug/sorafenib", "biolink:interacts_with", "VIGIL:target/FLT3", "False", "targets",
                                 "affirmed", "reference", "0", "knowledge_assertion", "manual_agent", "infores:vigil"])
    }
}
