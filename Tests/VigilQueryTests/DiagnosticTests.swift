import Testing
import VigilQuery
import VigilCore

/// The rendered diagnostics are a contract: each malformed query and its exact text.
struct DiagnosticTests {
    static let cases: [(query: String, rendered: String)] = [
        ("", """
            error: empty query
             --> query:1:1
            1 |
              | ^
            """),
        ("   ", """
            error: empty query
             --> query:1:4
            1 |
              |    ^
            """),
        ("frobnicate sorafenib", """
            error: unknown query 'frobnicate'
             --> query:1:1
            1 | frobnicate sorafenib
              | ^~~~~~~~~~
              = help: a query starts with reactions, targets, drugs, cases, path, distance, neighbors, nodes or evidence
            """),
        ("reaction of sorafenib", """
            error: unknown query 'reaction'
             --> query:1:1
            1 | reaction of sorafenib
              | ^~~~~~~~
              = help: did you mean 'reactions'?
            """),
        ("reactions of", """
            error: expected a drug name after 'of'
             --> query:1:13
            1 | reactions of
              |             ^
            """),
        ("reactions sorafenib", """
            error: expected 'of' or 'shared with' after 'reactions'
             --> query:1:11
            1 | reactions sorafenib
              |           ^~~~~~~~~
            """),
        ("reactions of \"sorafenib", """
            error: unclosed quote
             --> query:1:14
            1 | reactions of "sorafenib
              |              ^~~~~~~~~~
            """),
        ("neighbors of sorafenib depth two", """
            error: expected a number after 'depth'
             --> query:1:30
            1 | neighbors of sorafenib depth two
              |                              ^~~
            """),
        ("neighbors of sorafenib depth 2x", """
            error: '2x' is not a number
             --> query:1:30
            1 | neighbors of sorafenib depth 2x
              |                              ^~
            """),
        ("neighbors of sorafenib depth 0", """
            error: depth must be between 1 and 6
             --> query:1:30
            1 | neighbors of sorafenib depth 0
              |                              ^
            """),
        ("reactions of sorafenib limit 0", """
            error: limit must be between 1 and 100000
             --> query:1:30
            1 | reactions of sorafenib limit 0
              |                              ^
            """),
        ("reactions of sorafenib where onset <= abc days", """
            error: expected a number after '<='
             --> query:1:39
            1 | reactions of sorafenib where onset <= abc days
              |                                       ^~~
            """),
        ("reactions of sorafenib where onset <= 2 years", """
            error: unknown unit 'years'
             --> query:1:41
            1 | reactions of sorafenib where onset <= 2 years
              |                                         ^~~~~
              = help: use days or weeks
            """),
        ("reactions of sorafenib where colour = red", """
            error: unknown field 'colour'
             --> query:1:30
            1 | reactions of sorafenib where colour = red
              |                              ^~~~~~
              = help: filter on onset, scope, age or sex
            """),
        ("reactions of sorafenib where scope = planet", """
            error: unknown scope 'planet'
             --> query:1:38
            1 | reactions of sorafenib where scope = planet
              |                                      ^~~~~~
              = help: use case, literature or reference
            """),
        ("reactions of sorafenib where scope case", """
            error: expected a comparison (=, !=, <, <=, >, >=) after 'scope'
             --> query:1:36
            1 | reactions of sorafenib where scope case
              |                                    ^~~~
            """),
        ("reactions of sorafenib where", """
            error: expected a condition after 'where'
             --> query:1:29
            1 | reactions of sorafenib where
              |                             ^
            """),
        ("reactions of sorafenib where onset < 14 days and", """
            error: expected a condition after 'and'
             --> query:1:49
            1 | reactions of sorafenib where onset < 14 days and
              |                                                 ^
            """),
        ("reactions of sorafenib; extra words", """
            error: unexpected 'extra' after the end of the query
             --> query:1:25
            1 | reactions of sorafenib; extra words
              |                         ^~~~~~~~~~~
            """),
        ("path from sorafenib", """
            error: expected 'to' and a name after 'sorafenib'
             --> query:1:20
            1 | path from sorafenib
              |                    ^
            """),
        ("path from to AGEP", """
            error: expected a name after 'from'
             --> query:1:11
            1 | path from to AGEP
              |           ^~
            """),
        ("path from sorafenib to AGEP max 99", """
            error: max must be between 1 and 8
             --> query:1:33
            1 | path from sorafenib to AGEP max 99
              |                                 ^~
            """),
        ("evidence for sorafenib AGEP", """
            error: expected a relation (causes, targets, member of, broader) after 'AGEP'
             --> query:1:28
            1 | evidence for sorafenib AGEP
              |                            ^
            """),
        ("drugs that treats AGEP", """
            error: unknown relation 'treats'
             --> query:1:12
            1 | drugs that treats AGEP
              |            ^~~~~~
              = help: use causing, targeting or sharing
            """),
        ("drugs sharing enzymes with sorafenib", """
            error: expected 'targets' or 'reactions' after 'sharing'
             --> query:1:15
            1 | drugs sharing enzymes with sorafenib
              |               ^~~~~~~
            """),
        ("reactions of sorafenib @ 3", """
            error: unexpected character '@'
             --> query:1:24
            1 | reactions of sorafenib @ 3
              |                        ^
            """),
        ("reactions of sora\u{7}fenib", """
            error: control character U+0007 in the query
             --> query:1:18
            1 | reactions of sora\u{FFFD}fenib
              |                  ^
            """),
        ("targets of sorafenib depth 2", """
            error: 'depth' does not apply to 'targets of'
             --> query:1:22
            1 | targets of sorafenib depth 2
              |                      ^~~~~
            """),
        ("cases of", """
            error: expected a reaction name after 'of'
             --> query:1:9
            1 | cases of
              |         ^
            """),
        ("reactions of sorafenib where onset <= 14 days where scope = case", """
            error: 'where' given twice
             --> query:1:47
            1 | reactions of sorafenib where onset <= 14 days where scope = case
              |                                               ^~~~~
              = help: join conditions with 'and'
            """),
        ("nodes within of sorafenib", """
            error: expected a number after 'within'
             --> query:1:14
            1 | nodes within of sorafenib
              |              ^~
            """),
        ("reactions shared with imatinib", """
            error: expected 'via' and a target after 'imatinib'
             --> query:1:31
            1 | reactions shared with imatinib
              |                               ^
            """),
        ("reactions of sorafenib including", """
            error: expected 'negated' after 'including'
             --> query:1:33
            1 | reactions of sorafenib including
              |                                 ^
            """),
        ("explain", """
            error: expected a query after 'explain'
             --> query:1:8
            1 | explain
              |        ^
            """),
        ("reactions of sorafenib limit 10 limit 5", """
            error: 'limit' given twice
             --> query:1:33
            1 | reactions of sorafenib limit 10 limit 5
              |                                 ^~~~~
            """),
        ("distance from sorafenib to", """
            error: expected a name after 'to'
             --> query:1:27
            1 | distance from sorafenib to
              |                           ^
            """),
        ("reactions of sorafenib where onset >= -3 days", """
            error: '-3' is not a number
             --> query:1:39
            1 | reactions of sorafenib where onset >= -3 days
              |                                       ^~
            """),
        ("cases of DRESS where scope = case", """
            error: cannot filter 'cases of' on 'scope'
             --> query:1:22
            1 | cases of DRESS where scope = case
              |                      ^~~~~
            """),
        ("cases with sorafenib where sex < female", """
            error: 'sex' can only be compared with = or !=
             --> query:1:32
            1 | cases with sorafenib where sex < female
              |                                ^
            """),
        ("reactions of sorafenib depth 2 @", """
            error: unexpected character '@'
             --> query:1:32
            1 | reactions of sorafenib depth 2 @
              |                                ^

            error: 'depth' does not apply to 'reactions of'
             --> query:1:24
            1 | reactions of sorafenib depth 2 @
              |                        ^~~~~
            """),
        ("reactions of sorafenib\nwhere colour = red", """
            error: unknown field 'colour'
             --> query:2:7
            2 | where colour = red
              |       ^~~~~~
              = help: filter on onset, scope, age or sex
            """),
        ("neighbors of sorafenib depth 2 3", """
            error: unexpected '3'
             --> query:1:32
            1 | neighbors of sorafenib depth 2 3
              |                                ^
              = help: a query may end with where, limit, depth, max or including negated
            """),
    ]

    @Test(arguments: cases)
    func rendered(_ c: (query: String, rendered: String)) {
        let (query, diagnostics) = Parser.parse(c.query)
        #expect(query == nil)
        let text = QueryError(diagnostics: diagnostics, source: c.query, sourceName: "query").description
        #expect(text == c.rendered, "\(c.query)")
    }

    @Test func veryLongInputIsCutAndShownAsAWindow() {
        let long = "reactions of " + String(repeating: "a", count: 5000)
        let (query, diagnostics) = Parser.parse(long)
        #expect(query == nil)
        let text = QueryError(diagnostics: diagnostics, source: long, sourceName: "query").description
        let window = "…" + String(repeating: "a", count: 80) + "…"
        #expect(text == """
            error: query is too long (5013 characters; at most 4096)
             --> query:1:4097
            1 | \(window)
              | \(String(repeating: " ", count: 41))^
            """)
    }

    /// Names that resolve to nothing are reported with the same caret, after parsing succeeds.
    static let unresolved: [(query: String, rendered: String)] = [
        ("reactions of sorafenb", """
            error: no drug named 'sorafenb'
             --> query:1:14
            1 | reactions of sorafenb
              |              ^~~~~~~~
              = help: did you mean 'sorafenib'?
            """),
        ("drugs causing PDGFR", """
            error: 'PDGFR' is a target family, not a reaction
             --> query:1:15
            1 | drugs causing PDGFR
              |               ^~~~~
            """),
        // The seed graph has no vocabulary table: with no suggestion, the help says how to load one.
        ("path from sorafenib to qwxyzzy", """
            error: no node named 'qwxyzzy'
             --> query:1:24
            1 | path from sorafenib to qwxyzzy
              |                        ^~~~~~~
              = help: this database has no vocabulary (brand names, synonyms): `vigil init` loads it
            """),
        ("reactions shared with imatnib via PDGFX", """
            error: no drug named 'imatnib'
             --> query:1:23
            1 | reactions shared with imatnib via PDGFX
              |                       ^~~~~~~
              = help: did you mean 'imatinib'?

            error: no target named 'PDGFX'
             --> query:1:35
            1 | reactions shared with imatnib via PDGFX
              |                                   ^~~~~
              = help: did you mean 'PDGFR'?
            """),
    ]

    /// With a vocabulary loaded, a name it cannot place gets no hint to load one.
    @Test func unknownNameWithAVocabularyHasNoLoadingHint() throws {
        let store = try SeedGraph.make()
        try store.replaceVocabulary([NodeAlias(kind: .drug, name: "sorafenib", alias: "Nexavar", source: "vocab")])
        do {
            _ = try QueryEngine(store: store).run("path from sorafenib to qwxyzzy")
            Issue.record("ran")
        } catch let e as QueryError {
            #expect(e.description.hasPrefix("error: no node named 'qwxyzzy'"))
            #expect(!e.description.contains("vigil init"))
        }
    }

    @Test(arguments: unresolved)
    func unknownNames(_ c: (query: String, rendered: String)) throws {
        let engine = QueryEngine(store: try SeedGraph.make())
        do {
            _ = try engine.run(c.query)
            Issue.record("\(c.query) ran")
        } catch let e as QueryError {
            #expect(e.description == c.rendered)
        }
    }
}
