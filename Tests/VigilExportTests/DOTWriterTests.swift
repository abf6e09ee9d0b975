import Foundation
import Testing
import VigilCore
@testable import VigilExport
import VigilStore

@Suite struct DOTWriterTests {
    /// The seed graph around sorafenib, depth 2, as `vigil export --around sorafenib --depth 2` draws it.
    static func sorafenibDOT(_ store: GraphStore) throws -> String {
        let sorafenib = try SeedGraph.id(store, "sorafenib", .drug)
        let subgraph = try store.subgraph(around: sorafenib, depth: 2)
        return DOTWriter(options: .init(focus: [sorafenib], title: "around sorafenib, depth 2")).render(subgraph)
    }

    @Test func theSeedGraphAroundSorafenibMatchesTheGoldenFile() throws {
        let dot = try Self.sorafenibDOT(try SeedGraph.store())
        let golden = Fixtures.directory.appendingPathComponent("sorafenib.dot")
        // VIGIL_UPDATE_GOLDEN=1 rewrites the file; review the diff before committing it.
        if ProcessInfo.processInfo.environment["VIGIL_UPDATE_GOLDEN"] != nil {
            try dot.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(dot == expected, "export differs from Fixtures/sorafenib.dot; rerun with VIGIL_UPDATE_GOLDEN=1 if intended")
        Fixtures.checkedByGraphviz(dot)
    }

    @Test func theGoldenFileItselfIsValidDOT() throws {
        Fixtures.checkedByGraphviz(try String(contentsOf: Fixtures.directory.appendingPathComponent("sorafenib.dot"),
                                              encoding: .utf8))
    }

    @Test func theSameFactsLoadedInAnotherOrderGiveTheSameText() throws {
        #expect(try Self.sorafenibDOT(try SeedGraph.store()) == Self.sorafenibDOT(try SeedGraph.store(reversed: true)))
        let whole = DOTWriter.render(try SeedGraph.store().subgraph())
        #expect(whole == DOTWriter.render(try SeedGraph.store(reversed: true).subgraph()))
        Fixtures.checkedByGraphviz(whole)
    }

    @Test func theLayoutRunsLeftToRightWithALegendOfTheKindsDrawn() throws {
        let dot = try Self.sorafenibDOT(try SeedGraph.store())
        #expect(dot.contains("graph [rankdir=\"LR\""))
        #expect(dot.contains("subgraph cluster_legend {"))
        #expect(dot.contains("\"legend:drug\" [label=\"drug\""))
        #expect(dot.contains("\"legend:target_family\" [label=\"target family\""))
        #expect(dot.contains("\"legend:case scope:from\" -> \"legend:case scope:to\""))
        #expect(dot.contains("\"legend:reference scope:from\""))
        // No document within depth 2 of sorafenib? There is: the case is one hop, its document two.
        #expect(dot.contains("\"legend:document\""))
        #expect(!dot.contains("\"legend:other\""))
        let noLegend = DOTWriter(options: .init(legend: false)).render(try SeedGraph.store().subgraph())
        #expect(!noLegend.contains("cluster_legend"))
    }

    @Test func kindsHaveTheirOwnShapesAndColours() throws {
        let dot = DOTWriter.render(try SeedGraph.store().subgraph())
        #expect(dot.contains("\"drug:sorafenib\" [label=\"sorafenib\", tooltip=\"drug: sorafenib\", shape=\"box\", style=\"rounded,filled\""))
        #expect(dot.contains("\"target:BRAF\" [label=\"BRAF\", tooltip=\"target: BRAF\", shape=\"ellipse\""))
        #expect(dot.contains("\"target_family:PDGFR\" [label=\"PDGFR\", tooltip=\"target family: PDGFR\", shape=\"hexagon\""))
        #expect(dot.contains("\"reaction:alopecia\" [label=\"alopecia\", tooltip=\"reaction: alopecia\", shape=\"octagon\""))
        #expect(dot.contains("\"document:PMID:24999999\" [label=\"PMID:24999999\", tooltip=\"document: PMID:24999999\", shape=\"note\""))
        #expect(dot.contains("\"indication:hepatocellular carcinoma\" [label=\"hepatocellular\\ncarcinoma\""))
        let shapes = DrawingStyle.kinds.map { DrawingStyle.node($0).first { $0.0 == "shape" }!.1 + DrawingStyle.node($0).first { $0.0 == "fillcolor" }!.1 }
        #expect(Set(shapes).count == DrawingStyle.kinds.count)
    }

    @Test func edgesAreLabelledWithThePredicateAndStyledByScope() throws {
        let dot = DOTWriter.render(try SeedGraph.store().subgraph())
        let caseEdge = try #require(dot.split(separator: "\n").first { $0.contains("\"drug:sorafenib\" -> \"reaction:coronary vasospasm\"") })
        #expect(caseEdge.contains("label=\"causes\""))
        #expect(caseEdge.contains("style=\"solid\""))
        let literature = try #require(dot.split(separator: "\n").first { $0.contains("\"drug:imatinib\" -> \"reaction:acute generalized exanthematous pustulosis\"") })
        #expect(literature.contains("style=\"dashed\""))
        let reference = try #require(dot.split(separator: "\n").first { $0.contains("\"target:PDGFRA\" -> \"target_family:PDGFR\"") })
        #expect(reference.contains("label=\"member_of\""))
        #expect(reference.contains("style=\"dotted\""))
    }

    @Test(arguments: [(1, "1"), (2, "2"), (3, "2"), (4, "3"), (5, "3"), (8, "4"), (16, "5"), (1000, "5")])
    func penwidthGrowsWithTheEvidenceCount(count: Int, width: String) {
        #expect(DrawingStyle.penwidth(count) == width)
    }

    @Test func moreEvidenceDrawsAThickerLine() throws {
        let dot = DOTWriter.render(try SeedGraph.store().subgraph())
        let pdgfr = try #require(dot.split(separator: "\n").first { $0.contains("\"drug:sorafenib\" -> \"target_family:PDGFR\"") })
        #expect(pdgfr.contains("penwidth=\"3\""))   // five sentences
        #expect(pdgfr.contains("evidence 5"))
        let once = try #require(dot.split(separator: "\n").first { $0.contains("\"drug:imatinib\" -> \"target_family:PDGFR\"") })
        #expect(once.contains("penwidth=\"1\""))
    }

    @Test func negatedFactsAreHiddenUnlessAskedFor() throws {
        let subgraph = try SeedGraph.store().subgraph()
        let sjs = "\"drug:sorafenib\" -> \"reaction:Stevens-Johnson syndrome\""
        let hidden = DOTWriter.render(subgraph)
        #expect(!hidden.contains(sjs))
        #expect(!hidden.contains("\"legend:negated:from\""))
        let shown = DOTWriter(options: .init(includeNegated: true)).render(subgraph)
        let line = try #require(shown.split(separator: "\n").first { $0.contains(sjs) })
        #expect(line.contains("label=\"not causes\""))
        #expect(line.contains("arrowhead=\"tee\""))
        #expect(shown.contains("\"legend:negated:from\""))
        Fixtures.checkedByGraphviz(shown)
    }

    @Test func literalFactsAreInTheTooltipByDefaultAndNodesOnRequest() throws {
        let subgraph = try SeedGraph.store().subgraph()
        let plain = DOTWriter.render(subgraph)
        #expect(!plain.contains("\"literal:"))
        let caseNode = try #require(plain.split(separator: "\n").first { $0.hasPrefix("  \"case:PMID:24999999 case 1\" [") })
        #expect(caseNode.contains("has_onset 28 days (acute generalized exanthematous pustulosis)"))
        #expect(caseNode.contains("has_age 55 years"))
        let drawn = DOTWriter(options: .init(includeLiterals: true)).render(subgraph)
        #expect(drawn.contains("\"literal:case:PMID:24999999 case 1:has_onset:acute generalized exanthematous pustulosis:28:days:case:affirmed\" [label=\"28 days\\n(acute generalized\\nexanthematous…\""))
        #expect(drawn.contains("shape=\"plaintext\""))
        Fixtures.checkedByGraphviz(drawn)
    }

    @Test func theFocusNodeHasADoubleOutline() throws {
        let dot = try Self.sorafenibDOT(try SeedGraph.store())
        let line = try #require(dot.split(separator: "\n").first { $0.hasPrefix("  \"drug:sorafenib\" [") })
        #expect(line.contains("peripheries=\"2\""))
    }

    @Test func anEmptyGraphIsStillAGraph() throws {
        let dot = DOTWriter.render(try GraphStore().subgraph())
        #expect(dot.hasPrefix("digraph vigil {\n"))
        #expect(dot.hasSuffix("}\n"))
        #expect(!dot.contains("cluster_legend"))
        Fixtures.checkedByGraphviz(dot)
    }
}

@Suite struct HostileNameTests {
    static let names = [
        "he said \"no\"",
        "\"",
        "ends with a backslash\\",
        "\\\"",
        "two\nlines",
        "<b>bold</b> {x} | y",
        "<<HTML>>",
        "β-blocker-induced éruption",
        "日本語 🙂 ℞",
        "\\N \\G \\E \\T \\H \\L \\l \\r",
        "digraph { a -> b }",
        "node",
        "tab\there\u{7}bell\u{0}nul",
        "a; b, c = d",
        "--> -- ->",
        String(repeating: "very long reaction name ", count: 40),
        String(repeating: "Z", count: 500),
    ]

    /// A drug and a reaction named `name`, the drug causing the reaction and a literal about it.
    static func store(_ name: String) throws -> GraphStore {
        let store = try GraphStore()
        try store.write(triples: [
            Triple(subject: Mention(kind: .drug, name: name), predicate: .causes,
                   object: .entity(Mention(kind: .reaction, name: name)), scope: .case,
                   evidence: Evidence(text: name, start: 0, end: 1)),
            Triple(subject: Mention(kind: .drug, name: name), predicate: .targets,
                   object: .entity(Mention(kind: .target, name: "KDR")), scope: .literature),
            Triple(subject: Mention(kind: .case, name: name), predicate: .hasOnset,
                   object: .literal(Literal(value: name, unit: name, about: name)), scope: .case),
            Triple(subject: Mention(kind: .case, name: name), predicate: VigilCore.Predicate(name),
                   object: .entity(Mention(kind: .drug, name: name)), scope: .case),
        ], extractor: "test")
        return store
    }

    @Test(arguments: names)
    func anyNameGivesValidDOT(name: String) throws {
        let subgraph = try Self.store(name).subgraph()
        for options in [DOTWriter.Options(), DOTWriter.Options(includeNegated: true, includeLiterals: true)] {
            let dot = DOTWriter(options: options).render(subgraph)
            // One statement per line: a name never breaks a line of the output.
            let lines = dot.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.allSatisfy { $0.isEmpty || $0.hasPrefix("  ") || $0 == "digraph vigil {" || $0 == "}" })
            if let svg = Fixtures.checkedByGraphviz(dot) {
                // Every node and edge survived as itself: 4 nodes (drug, reaction, target, case) and
                // 3 edges; the legend adds 4 kinds and 2 scopes (2 points and an edge each).
                let drawnNodes = svg.components(separatedBy: "class=\"node\"").count - 1
                let drawnEdges = svg.components(separatedBy: "class=\"edge\"").count - 1
                let literal = options.includeLiterals ? 1 : 0
                #expect(drawnNodes == 4 + literal + 4 + 2 * 2)
                #expect(drawnEdges == 3 + literal + 2)
            }
        }
    }

    @Test func aLongNameIsCutInTheLabelAndWholeInTheTooltip() throws {
        let name = String(repeating: "very long reaction name ", count: 40).trimmingCharacters(in: .whitespaces)
        let dot = DOTWriter.render(try Self.store(name).subgraph())
        let line = try #require(dot.split(separator: "\n").first { $0.hasPrefix("  \"reaction:") })
        #expect(line.contains("label=\"very long reaction\\nname very long\\nreaction name very…\""))
        #expect(line.contains("tooltip=\"reaction: \(name)\""))
    }

    @Test func namesThatDifferOnlyInEscapedCharactersStayDistinctNodes() throws {
        let store = try GraphStore()
        let names = ["a\\nb", "a\nb", "a\"b", "a\\\"b"]
        try store.write(triples: names.map {
            Triple(subject: Mention(kind: .drug, name: $0), predicate: .causes,
                   object: .entity(Mention(kind: .reaction, name: "rash")), scope: .case)
        }, extractor: "test")
        let dot = DOTWriter(options: .init(legend: false)).render(try store.subgraph())
        if let svg = Fixtures.checkedByGraphviz(dot) {
            #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == 5)
        }
    }
}
