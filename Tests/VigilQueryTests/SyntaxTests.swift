import Testing
import VigilCore
@testable import VigilQuery

/// The lexer and the parser on well-formed queries.
struct SyntaxTests {
    @Test func lexerKeepsNamePunctuationAndNumbers() {
        let (tokens, diagnostics) = Lexer().tokens("drugs targeting CDK4/6 where onset <= 2.5 days; \"PDGF receptor\"")
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.text) == ["drugs", "targeting", "CDK4/6", "where", "onset", "<=", "2.5", "days", ";", "PDGF receptor", ""])
        #expect(tokens[6].kind == .number(2.5))
        #expect(tokens[9].kind == .quoted)
        #expect(tokens.last?.kind == .end)
    }

    @Test func lexerNeverThrowsOnGarbage() {
        let (tokens, diagnostics) = Lexer().tokens("@#$\u{0}\u{1B}[31m{}")
        #expect(diagnostics.count == tokens.filter { $0.kind == .invalid }.count)
        #expect(tokens.last?.kind == .end)
    }

    @Test func lexerCountsLinesAndColumns() {
        let (tokens, _) = Lexer().tokens("reactions\n  of  sorafenib", firstLine: 7)
        #expect(tokens.map(\.range.line) == [7, 8, 8, 8])
        #expect(tokens.map(\.range.column) == [1, 3, 7, 16])
    }

    static let forms: [(String, Form)] = [
        ("reactions of sorafenib", .reactionsOf(Name(text: "sorafenib", range: SourceRange(start: 13, length: 9, line: 1, column: 14), quoted: false))),
        ("REACTIONS OF Sorafenib", .reactionsOf(Name(text: "Sorafenib", range: SourceRange(start: 13, length: 9, line: 1, column: 14), quoted: false))),
    ]

    @Test func keywordsAreCaseInsensitiveAndNamesKeptAsWritten() {
        for (text, form) in Self.forms {
            #expect(Parser.parse(text).query?.form == form)
        }
    }

    @Test func multiWordNamesEndAtKeywords() throws {
        let q = try #require(Parser.parse("path from hand-foot skin reaction to coronary vasospasm max 3").query)
        guard case .path(let from, let to) = q.form else { Issue.record("\(q.form)"); return }
        #expect(from.text == "hand-foot skin reaction")
        #expect(to.text == "coronary vasospasm")
        #expect(q.maxDepth == 3)
    }

    @Test func clausesAndConditions() throws {
        let q = try #require(Parser.parse("explain reactions of sorafenib where onset <= 2 weeks and scope != literature including negated limit 5;").query)
        #expect(q.explain)
        #expect(q.includingNegated)
        #expect(q.limit == 5)
        #expect(q.conditions == [.onset(.lessOrEqual, days: 14), .scope(.notEqual, .literature)])
    }

    @Test func evidenceRelations() throws {
        let q = try #require(Parser.parse("evidence for PDGFRB member of PDGFR").query)
        guard case .evidence(let s, let r, let o) = q.form else { Issue.record("\(q.form)"); return }
        #expect([s.text, r.rawValue, o.text] == ["PDGFRB", "member_of", "PDGFR"])
    }
}
