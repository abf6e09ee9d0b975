import Testing
@testable import VigilExport

@Suite struct DOTTextTests {
    @Test(arguments: [
        ("plain", "\"plain\""),
        ("say \"no\"", "\"say \\\"no\\\"\""),
        ("back\\slash\\", "\"back\\\\slash\\\\\""),
        ("two\nlines", "\"two\\nlines\""),
        ("cr\r\nlf", "\"cr\\nlf\""),
        ("tab\tbell\u{7}", "\"tab bell \""),
        ("<b>{x}|y</b>", "\"<b>{x}|y</b>\""),
        ("β-blocker é", "\"β-blocker é\""),
        ("\\N \\G \\l", "\"\\\\N \\\\G \\\\l\""),
    ])
    func quotingEscapesWhatDOTWouldReadAsSyntax(name: String, quoted: String) {
        #expect(DOTText.quoted(name) == quoted)
    }

    @Test func shortNamesStayOnOneLine() {
        #expect(DOTText.wrapped("sorafenib", width: 22, maxLines: 3) == "sorafenib")
    }

    @Test func namesWrapBetweenWords() {
        #expect(DOTText.wrapped("acute generalized exanthematous pustulosis", width: 22, maxLines: 3)
                == "acute generalized\nexanthematous\npustulosis")
    }

    @Test func whatDoesNotFitEndsInAnEllipsis() {
        let long = String(repeating: "interstitial pneumonitis ", count: 20)
        let label = DOTText.wrapped(long, width: 22, maxLines: 3)
        let lines = label.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.count <= 22 })
        #expect(label.hasSuffix("…"))
    }

    @Test func aWordLongerThanALineIsBroken() {
        let label = DOTText.wrapped(String(repeating: "x", count: 50), width: 20, maxLines: 3)
        #expect(label == String(repeating: "x", count: 20) + "\n" + String(repeating: "x", count: 20) + "\n"
                + String(repeating: "x", count: 10))
        let longer = DOTText.wrapped(String(repeating: "y", count: 70), width: 20, maxLines: 3)
        #expect(longer.split(separator: "\n").last == Substring(String(repeating: "y", count: 19) + "…"))
    }

    @Test func whitespaceAndLineBreaksInANameBecomeSingleSpaces() {
        #expect(DOTText.wrapped("a\n\tb  c", width: 22, maxLines: 3) == "a b c")
    }
}
