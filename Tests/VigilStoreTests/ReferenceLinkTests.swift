import Foundation
import GRDB
import Testing
import VigilCore
@testable import VigilStore

/// Stores reference links the way m0004 packs them, with SQL (the importer's code is not under
/// test here): one import batch, the predicates numbered from 1 in order of appearance, each link
/// in its subject's outbound row and its object's inbound row, the other ends ascending.
func storeLinks(_ links: [(Mention, VigilCore.Predicate, Mention)], in store: GraphStore) throws {
    struct Row: Hashable { var node: Int64, inbound: Int, predicate: String }
    try store.write { db in
        try db.execute(sql: """
            INSERT INTO import_batch (format, extractor, files, nodes_created, edges_created, edges_existing)
            VALUES ('hetionet', 'hetionet-import/1', 'links.sif', 0, ?, 0)
            """, arguments: [links.count])
        let batch = db.lastInsertedRowID
        func node(_ m: Mention) throws -> Int64 {
            try db.execute(sql: "INSERT OR IGNORE INTO node (kind, name, key) VALUES (?, ?, ?)",
                           arguments: [m.kind.rawValue, m.name, m.name.lowercased()])
            return try Int64.fetchOne(db, sql: "SELECT id FROM node WHERE kind = ? AND key = ?",
                                      arguments: [m.kind.rawValue, m.name.lowercased()])!
        }
        var codes: [String: Int] = [:]
        var rows: [Row: [Int64]] = [:]
        for (s, p, o) in links {
            if codes[p.rawValue] == nil {
                codes[p.rawValue] = codes.count + 1
                try db.execute(sql: "INSERT INTO reference_predicate (code, predicate) VALUES (?, ?)",
                               arguments: [codes.count, p.rawValue])
            }
            let src = try node(s), dst = try node(o)
            rows[Row(node: src, inbound: 0, predicate: p.rawValue), default: []].append(dst)
            rows[Row(node: dst, inbound: 1, predicate: p.rawValue), default: []].append(src)
        }
        for (row, ids) in rows {
            try db.execute(sql: """
                INSERT INTO reference_link (node, inbound, predicate, code, batch, ids) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [row.node, row.inbound, row.predicate, codes[row.predicate], batch,
                                 "[" + ids.sorted().map(String.init).joined(separator: ",") + "]"])
        }
    }
}

/// A store holding both forms of edge: what reports state (`edge` rows, through the store's own
/// writer) and an imported reference graph (links).
@Suite struct ReferenceLinks {
    static let upregulates = VigilCore.Predicate("upregulates")

    /// Edges: sorafenib causes AGEP (case), imatinib causes AGEP (literature), sorafenib does not
    /// cause fever. Links: sorafenib targets PDGFRB and KDR; imatinib targets and upregulates
    /// PDGFRA (two links between the same nodes); PDGFRA, PDGFRB member_of PDGFR; sorafenib
    /// causes alopecia.
    func sample() throws -> GraphStore {
        let store = try GraphStore(path: temporaryDatabasePath())
        try store.write(triples: [
            causes("sorafenib", "AGEP"), causes("imatinib", "AGEP", scope: .literature),
            causes("sorafenib", "fever", assertion: .negated),
        ], extractor: "test")
        let family = Mention(kind: .targetFamily, name: "PDGFR")
        try storeLinks([
            (drug("sorafenib"), .targets, target("PDGFRB")), (drug("sorafenib"), .targets, target("KDR")),
            (drug("imatinib"), .targets, target("PDGFRA")), (drug("imatinib"), Self.upregulates, target("PDGFRA")),
            (target("PDGFRA"), .memberOf, family), (target("PDGFRB"), .memberOf, family),
            (drug("sorafenib"), .causes, reaction("alopecia")),
        ], in: store)
        return store
    }

    func id(_ s: GraphStore, _ name: String) throws -> Int64 { try #require(try s.resolve(name).first).id }

    func linkID(_ s: GraphStore, _ src: String, _ predicate: VigilCore.Predicate, _ dst: String) throws -> Int64 {
        let code = try #require(try s.read { db in
            try Int64.fetchOne(db, sql: "SELECT code FROM reference_predicate WHERE predicate = ?", arguments: [predicate.rawValue])
        })
        return ReferenceLinkID(code: code, src: try id(s, src), dst: try id(s, dst)).id
    }

    @Test func statsCountEdgesAndLinksTogether() throws {
        let stats = try sample().stats()
        #expect(stats.edgesByPredicate == ["causes": 4, "targets": 3, "upregulates": 1, "member_of": 2])
        #expect(stats.edgesByScope == ["case": 2, "literature": 1, "reference": 7])
        #expect(stats.evidence == 3)
    }

    @Test func aLinkIDNamesItsPredicateAndEnds() throws {
        let id = ReferenceLinkID(code: 2047, src: (1 << 26) - 1, dst: 5)
        #expect(id.id < 0)
        #expect(ReferenceLinkID(id.id) == id)
        #expect(ReferenceLinkID(42) == nil)
        #expect(ReferenceLinkID(-5) == nil)   // code 0: no predicate has it
    }

    @Test func aNegativeIDResolvesToItsLinkWhenTheLinkIsStored() throws {
        let s = try sample()
        let targets = try linkID(s, "imatinib", .targets, "PDGFRA")
        let upregulates = try linkID(s, "imatinib", Self.upregulates, "PDGFRA")
        #expect(targets != upregulates)
        let e = try #require(try s.edge(id: targets))
        #expect(e.src == (try id(s, "imatinib")))
        #expect(e.dst == (try id(s, "PDGFRA")))
        #expect(e.predicate == .targets)
        #expect(e.scope == .reference)
        #expect(e.assertion == .affirmed)
        #expect(e.value == nil)
        #expect(try s.edge(id: upregulates)?.predicate == Self.upregulates)
        // Well-formed ids of links that are not stored: another target, an unused predicate code.
        #expect(try s.edge(id: try linkID(s, "sorafenib", .targets, "PDGFRA")) == nil)
        #expect(try s.edge(id: ReferenceLinkID(code: 99, src: try id(s, "sorafenib"), dst: try id(s, "KDR")).id) == nil)
        // Edge rows are found as before.
        let agep = try #require(try s.read { db in try Int64.fetchOne(db, sql: "SELECT min(id) FROM edge") })
        #expect(try s.edge(id: agep)?.scope == .case)
    }

    @Test func neighbourhoodsWalkLinksInBothDirections() throws {
        let s = try sample()
        let two = try s.neighbourhood(of: try id(s, "sorafenib"), depth: 2)
        #expect(Set(two.filter { $0.depth == 1 }.map(\.node.name)) == ["PDGFRB", "KDR", "AGEP", "alopecia"])
        #expect(Set(two.filter { $0.depth == 2 }.map(\.node.name)) == ["PDGFR", "imatinib"])
        #expect(!two.map(\.node.name).contains("fever"))
        #expect(two.count == Set(two.map(\.node.id)).count)
        // PDGFR is only ever an object: its neighbours come from its inbound rows.
        let family = try s.neighbourhood(of: try id(s, "PDGFR"), depth: 1)
        #expect(family.map(\.node.name) == ["PDGFR", "PDGFRA", "PDGFRB"])
    }

    @Test func familyClosureReadsLinks() throws {
        let s = try sample()
        let c = try s.closure(of: try id(s, "PDGFR"))
        #expect(c.map(\.node.name) == ["PDGFR", "PDGFRA", "PDGFRB"])
        #expect(c.map(\.depth) == [0, 1, 1])
        #expect(try s.closure(of: try id(s, "PDGFR"), through: .targets).map(\.node.name) == ["PDGFR"])
    }

    @Test func shortestPathsMixLinksAndEdges() throws {
        let s = try sample()
        let paths = try s.shortestPaths(from: try id(s, "KDR"), to: try id(s, "imatinib"))
        #expect(paths.map { $0.nodes.map(\.name) } == [["KDR", "sorafenib", "AGEP", "imatinib"]])
        let first = try #require(paths.first?.edges.first)
        #expect(first.id == (try linkID(s, "sorafenib", .targets, "KDR")))
        #expect(first.src == (try id(s, "sorafenib")))
        #expect(first.dst == (try id(s, "KDR")))
        #expect(first.scope == .reference)
        #expect(paths[0].edges.map(\.scope) == [.reference, .case, .literature])
        // Two links join imatinib and PDGFRA: two paths through the same nodes.
        let twice = try s.shortestPaths(from: try id(s, "PDGFR"), to: try id(s, "imatinib"))
        #expect(twice.map { $0.nodes.map(\.name) } == [["PDGFR", "PDGFRA", "imatinib"], ["PDGFR", "PDGFRA", "imatinib"]])
        #expect(Set(twice.map { $0.edges[1].predicate }) == [.targets, Self.upregulates])
        // The other way, each link read from its subject's outbound row.
        let out = try s.shortestPaths(from: try id(s, "imatinib"), to: try id(s, "PDGFR"))
        let memberOf = try linkID(s, "PDGFRA", .memberOf, "PDGFR")
        #expect(Set(out.map { $0.edges.map(\.id) }) == [[try linkID(s, "imatinib", .targets, "PDGFRA"), memberOf],
                                                        [try linkID(s, "imatinib", Self.upregulates, "PDGFRA"), memberOf]])
    }

    @Test func linksHaveNoEvidence() throws {
        let s = try sample()
        #expect(try s.evidenceCount(subject: try id(s, "sorafenib"), predicate: .targets, object: try id(s, "KDR")) == 0)
        #expect(try s.evidenceCount(subject: try id(s, "sorafenib"), predicate: .causes, object: try id(s, "AGEP")) == 1)
    }

    @Test func theWholeGraphHasEveryLinkOnce() throws {
        let g = try sample().subgraph()
        #expect(g.edges.count == 10)   // 3 edge rows, 7 links
        #expect(Set(g.edges.map(\.id)).count == 10)
        let links = g.edges.filter { $0.id < 0 }
        #expect(links.count == 7)
        #expect(links.allSatisfy { $0.scope == .reference && $0.assertion == .affirmed && $0.evidenceCount == 0 && $0.evidence == nil })
        #expect(Set(links.map(\.predicate)) == [.targets, .memberOf, .causes, Self.upregulates])
        #expect(g.edges.filter { $0.id > 0 }.allSatisfy { $0.evidenceCount == 1 })
    }

    @Test func aResultsLinkBringsItsEnds() throws {
        let s = try sample()
        let link = try linkID(s, "imatinib", Self.upregulates, "PDGFRA")
        let g = try s.subgraph(nodeIDs: [], edgeIDs: [link])
        #expect(g.nodes.map(\.name) == ["imatinib", "PDGFRA"])
        #expect(g.edges.map(\.id) == [link])
        #expect(g.edges.first?.predicate == Self.upregulates)
        // A well-formed id of a link that is not stored is ignored, like an unknown edge id.
        #expect(try s.subgraph(nodeIDs: [], edgeIDs: [try linkID(s, "sorafenib", .targets, "PDGFRA")]).isEmpty)
    }

    @Test func connectingFindsTheLinksAmongTheNodes() throws {
        let s = try sample()
        let ids = try ["sorafenib", "PDGFRB", "KDR", "PDGFR", "AGEP"].map { try id(s, $0) }
        let g = try s.subgraph(nodeIDs: ids, edgeIDs: [], connecting: true)
        #expect(Set(g.edges.map { g.node($0.src)!.name + " " + $0.predicate.rawValue + " " + g.node($0.dst)!.name })
                == ["sorafenib targets PDGFRB", "sorafenib targets KDR", "PDGFRB member_of PDGFR", "sorafenib causes AGEP"])
        let around = try s.subgraph(around: try id(s, "PDGFR"), depth: 1)
        #expect(around.nodes.map(\.name) == ["PDGFRA", "PDGFRB", "PDGFR"])   // targets, then the family
        #expect(around.edges.map(\.predicate) == [.memberOf, .memberOf])
    }
}
