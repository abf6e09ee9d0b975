/// Where something stands in the query text: a run of characters on one line.
public struct SourceRange: Hashable, Sendable {
    /// Offset of the first character from the start of the text, in characters.
    public var start: Int
    /// Characters covered; at least 1 so that the caret always shows.
    public var length: Int
    /// 1-based line and column of the first character.
    public var line: Int
    public var column: Int

    public init(start: Int, length: Int, line: Int, column: Int) {
        self.start = start
        self.length = max(1, length)
        self.line = line
        self.column = column
    }

    /// From the start of `self` to the end of `other` (both on one line).
    func through(_ other: SourceRange) -> SourceRange {
        guard other.line == line else { return self }
        return SourceRange(start: start, length: other.start + other.length - start, line: line, column: column)
    }
}

/// One problem found in a query, with where it is and how to fix it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: Message
    public var range: SourceRange
    /// Suggestions shown under the caret, e.g. "did you mean 'sorafenib'?".
    public var help: String?

    public init(_ message: Message, at range: SourceRange, help: String? = nil) {
        self.message = message
        self.range = range
        self.help = help
    }

    public var description: String { message.text }
}

/// A query that could not be run: its diagnostics, rendered against its text.
public struct QueryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var source: String
    /// What the text is called in the `-->` line: `query`, a file name, `repl`.
    public var sourceName: String
    /// The line number of the first line of `source` (a query read from line 12 of a file).
    public var firstLine: Int

    public init(diagnostics: [Diagnostic], source: String, sourceName: String, firstLine: Int = 1) {
        self.diagnostics = diagnostics
        self.source = source
        self.sourceName = sourceName
        self.firstLine = firstLine
    }

    /// The diagnostics as the user sees them; tested as literal strings.
    public var description: String {
        DiagnosticRenderer(source: source, name: sourceName, firstLine: firstLine).render(diagnostics)
    }
}

/// Renders diagnostics with the line, the column and a caret under the problem:
///
///     error: unknown relation 'treats'
///      --> query:1:12
///     1 | drugs that treats AGEP
///       |            ^~~~~~
public struct DiagnosticRenderer: Sendable {
    /// Lines longer than this are shown as a window around the caret.
    static let widest = 100
    static let window = 80

    let lines: [[Character]]
    let name: String
    let firstLine: Int

    public init(source: String, name: String, firstLine: Int = 1) {
        // Split on the same line breaks the lexer counts, keeping empty lines.
        var lines: [[Character]] = [[]]
        for c in source {
            if c == "\n" || c == "\r\n" { lines.append([]) } else { lines[lines.count - 1].append(c) }
        }
        self.lines = lines
        self.name = name
        self.firstLine = firstLine
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined(separator: "\n\n")
    }

    public func render(_ d: Diagnostic) -> String {
        let lineNumber = String(d.range.line)
        let gutter = String(repeating: " ", count: lineNumber.count)
        let index = d.range.line - firstLine
        let text = lines.indices.contains(index) ? lines[index] : []
        var shown = text.map(Self.printable)
        var caretColumn = d.range.column
        var caretLength = d.range.length
        if shown.count > Self.widest {
            let from = max(0, min(caretColumn - 1 - Self.window / 2, shown.count - Self.window))
            let to = min(shown.count, from + Self.window)
            var window = Array(shown[from..<to])
            caretColumn -= from
            if from > 0 { window.insert("…", at: 0); caretColumn += 1 }
            if to < shown.count { window.append("…") }
            caretLength = min(caretLength, window.count - caretColumn + 1)
            shown = window
        }
        let pad = String(repeating: " ", count: max(0, caretColumn - 1))
        let caret = "^" + String(repeating: "~", count: max(0, caretLength - 1))
        var out = """
            error: \(d.message.text)
            \(gutter)--> \(name):\(d.range.line):\(d.range.column)
            \(lineNumber) | \(String(shown))
            \(gutter) | \(pad)\(caret)
            """
        // No trailing spaces on a line that shows an empty query.
        out = out.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix(" ") ? String($0.dropLast(while: { $0 == " " })) : String($0) }
            .joined(separator: "\n")
        if let help = d.help { out += "\n\(gutter) = help: \(help)" }
        return out
    }

    /// Control characters and tabs would move the caret or the terminal: show them as one glyph.
    static func printable(_ c: Character) -> Character {
        if c == "\t" { return " " }
        if c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return "\u{FFFD}" }
        return c
    }
}

extension Substring {
    fileprivate func dropLast(while predicate: (Character) -> Bool) -> Substring {
        var s = self
        while let last = s.last, predicate(last) { s = s.dropLast() }
        return s
    }
}
