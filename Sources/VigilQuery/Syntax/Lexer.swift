/// Splits query text into tokens. It never throws: a bad character becomes an invalid token and
/// a diagnostic, and lexing goes on, so the parser can report everything at once.
public struct Lexer: Sendable {
    /// Longer queries are cut here: no question needs more, and a pasted document should not
    /// reach the planner.
    public static let maxCharacters = 4096

    /// Punctuation that may stand inside a name: "CDK4/6", "(s)-nicardipine", "prinzmetal's angina".
    static let nameSymbols: Set<Character> = ["-", "_", "/", "'", "’", ".", "+", "(", ")", ",", ":", "&", "%", "*"]
    static let quotes: [Character: Character] = ["\"": "\"", "“": "”"]

    public init() {}

    /// The tokens of `text`, always ending with an `.end` token, and the problems found.
    /// `firstLine` numbers the lines of a query that starts further down a file.
    public func tokens(_ text: String, firstLine: Int = 1) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var chars = Array(text)
        var diagnostics: [Diagnostic] = []
        var tokens: [Token] = []
        var i = 0, line = firstLine, column = 1

        func range(from start: Int, line l: Int, column c: Int) -> SourceRange {
            SourceRange(start: start, length: i - start, line: l, column: c)
        }

        if chars.count > Self.maxCharacters {
            // Report where the cut falls, on the line it falls on.
            var l = firstLine, c = 1
            for ch in chars[..<Self.maxCharacters] {
                if ch == "\n" || ch == "\r\n" { l += 1; c = 1 } else { c += 1 }
            }
            diagnostics.append(Diagnostic(.tooLong(characters: chars.count, limit: Self.maxCharacters),
                                          at: SourceRange(start: Self.maxCharacters, length: 1, line: l, column: c)))
            chars = Array(chars[..<Self.maxCharacters])
        }

        while i < chars.count {
            let c = chars[i]
            let start = i, startLine = line, startColumn = column
            if c == "\n" || c == "\r\n" || c == "\r" {
                i += 1; line += 1; column = 1
                continue
            }
            if c == " " || c == "\t" || c.isWhitespace {
                i += 1; column += 1
                continue
            }
            if let close = Self.quotes[c] {
                i += 1; column += 1
                var inside: [Character] = []
                var closed = false
                while i < chars.count, chars[i] != "\n", chars[i] != "\r\n" {
                    let d = chars[i]
                    i += 1; column += 1
                    if d == close || (close == "”" && d == "\"") { closed = true; break }
                    inside.append(d)
                }
                let r = range(from: start, line: startLine, column: startColumn)
                if !closed { diagnostics.append(Diagnostic(.unclosedQuote, at: r)) }
                if let bad = inside.first(where: Self.isControl) {
                    diagnostics.append(Diagnostic(.controlCharacter(bad.unicodeScalars.first!.value), at: r))
                }
                tokens.append(Token(kind: .quoted, text: String(inside), range: r))
                continue
            }
            if c == ";" {
                i += 1; column += 1
                tokens.append(Token(kind: .semicolon, text: ";", range: range(from: start, line: startLine, column: startColumn)))
                continue
            }
            if "<>=!".contains(c) {
                var op = String(c)
                i += 1; column += 1
                if i < chars.count, chars[i] == "=" || (c == "<" && chars[i] == ">") {
                    op.append(chars[i]); i += 1; column += 1
                }
                let r = range(from: start, line: startLine, column: startColumn)
                let comparison: Comparison? = switch op {
                case "=", "==": .equal
                case "!=", "<>": .notEqual
                case "<": .less
                case "<=": .lessOrEqual
                case ">": .greater
                case ">=": .greaterOrEqual
                default: nil
                }
                if let comparison {
                    tokens.append(Token(kind: .comparison(comparison), text: op, range: r))
                } else {
                    diagnostics.append(Diagnostic(.unexpectedCharacter(c), at: r))
                    tokens.append(Token(kind: .invalid, text: op, range: r))
                }
                continue
            }
            if Self.isControl(c) {
                i += 1; column += 1
                let r = range(from: start, line: startLine, column: startColumn)
                diagnostics.append(Diagnostic(.controlCharacter(c.unicodeScalars.first!.value), at: r))
                tokens.append(Token(kind: .invalid, text: String(c), range: r))
                continue
            }
            if Self.isNameCharacter(c) {
                while i < chars.count, Self.isNameCharacter(chars[i]) { i += 1; column += 1 }
                let word = String(chars[start..<i])
                let r = range(from: start, line: startLine, column: startColumn)
                if let n = Self.number(word) {
                    tokens.append(Token(kind: .number(n), text: word, range: r))
                } else {
                    tokens.append(Token(kind: .word, text: word, range: r))
                }
                continue
            }
            i += 1; column += 1
            let r = range(from: start, line: startLine, column: startColumn)
            diagnostics.append(Diagnostic(.unexpectedCharacter(c), at: r))
            tokens.append(Token(kind: .invalid, text: String(c), range: r))
        }
        let end = SourceRange(start: i, length: 1, line: line, column: column)
        tokens.append(Token(kind: .end, text: "", range: end))
        return (tokens, diagnostics)
    }

    static func isControl(_ c: Character) -> Bool {
        c.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    static func isNameCharacter(_ c: Character) -> Bool {
        if nameSymbols.contains(c) { return true }
        guard let s = c.unicodeScalars.first else { return false }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// `14`, `2.5`: digits with an optional fraction. `2x`, `-3`, `1e5` are words.
    static func number(_ word: String) -> Double? {
        var seenDot = false, digits = 0
        for c in word {
            if c.isASCII, c.isNumber { digits += 1; continue }
            if c == ".", !seenDot, digits > 0 { seenDot = true; continue }
            return nil
        }
        guard digits > 0, word.last != "." else { return nil }
        return Double(word)
    }
}
