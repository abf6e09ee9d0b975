/// A piece of query text: a word, a number, a quoted name, a comparison, `;`, or something invalid.
public struct Token: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Keywords and the words of unquoted names; matched case-insensitively.
        case word
        /// Digits with an optional fraction, e.g. `14` or `2.5`.
        case number(Double)
        /// A name in double quotes; `text` is the inside.
        case quoted
        /// `=`, `!=`, `<`, `<=`, `>`, `>=`.
        case comparison(Comparison)
        case semicolon
        /// A character the language has no use for; the lexer has already reported it.
        case invalid
        case end
    }

    public var kind: Kind
    /// The text as written (inside the quotes for a quoted name).
    public var text: String
    public var range: SourceRange

    /// The text lower-cased, for keyword comparison.
    var lowered: String { text.lowercased() }

    func isWord(_ keywords: String...) -> Bool {
        kind == .word && keywords.contains(lowered)
    }
}

/// How a condition compares a field with a value.
public enum Comparison: String, Hashable, Sendable, CaseIterable {
    case less = "<"
    case lessOrEqual = "<="
    case equal = "="
    case notEqual = "!="
    case greaterOrEqual = ">="
    case greater = ">"

    /// The SQL operator.
    var sql: String { rawValue }
}
