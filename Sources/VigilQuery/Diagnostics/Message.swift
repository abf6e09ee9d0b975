/// Every diagnostic the query language gives, in one place: lower-case, no trailing period.
public enum Message: Hashable, Sendable {
    // Lexer
    case emptyQuery
    case tooLong(characters: Int, limit: Int)
    case unclosedQuote
    case unexpectedCharacter(Character)
    case controlCharacter(UInt32)
    // Parser
    case unknownQuery(String)
    case expected(String, after: String)
    case expectedName(what: String, after: String)
    case expectedNumber(after: String)
    case notANumber(String)
    case outOfRange(what: String, lowest: Int, highest: Int)
    case unknownRelation(String)
    case unknownField(String)
    case unknownScope(String)
    case unknownUnit(String)
    case expectedComparison(after: String)
    case comparisonNotAllowed(field: String)
    case clauseNotApplicable(clause: String, form: String)
    case conditionNotApplicable(field: String, form: String)
    case repeatedClause(String)
    case trailing(String)
    case unexpected(String)
    // Planner
    case unknownName(what: String, name: String)
    case wrongKind(what: String, name: String, actual: String)

    public var text: String {
        switch self {
        case .emptyQuery:
            return "empty query"
        case .tooLong(let n, let limit):
            return "query is too long (\(n) characters; at most \(limit))"
        case .unclosedQuote:
            return "unclosed quote"
        case .unexpectedCharacter(let c):
            return "unexpected character '\(c)'"
        case .controlCharacter(let scalar):
            return "control character U+\(Self.hex(scalar)) in the query"
        case .unknownQuery(let word):
            return "unknown query '\(word)'"
        case .expected(let what, let after):
            return "expected \(what) after '\(after)'"
        case .expectedName(let what, let after):
            return "expected \(what) name after '\(after)'"
        case .expectedNumber(let after):
            return "expected a number after '\(after)'"
        case .notANumber(let word):
            return "'\(word)' is not a number"
        case .outOfRange(let what, let lowest, let highest):
            return "\(what) must be between \(lowest) and \(highest)"
        case .unknownRelation(let word):
            return "unknown relation '\(word)'"
        case .unknownField(let word):
            return "unknown field '\(word)'"
        case .unknownScope(let word):
            return "unknown scope '\(word)'"
        case .unknownUnit(let word):
            return "unknown unit '\(word)'"
        case .expectedComparison(let after):
            return "expected a comparison (=, !=, <, <=, >, >=) after '\(after)'"
        case .comparisonNotAllowed(let field):
            return "'\(field)' can only be compared with = or !="
        case .clauseNotApplicable(let clause, let form):
            return "'\(clause)' does not apply to '\(form)'"
        case .conditionNotApplicable(let field, let form):
            return "cannot filter '\(form)' on '\(field)'"
        case .repeatedClause(let clause):
            return "'\(clause)' given twice"
        case .trailing(let word):
            return "unexpected '\(word)' after the end of the query"
        case .unexpected(let word):
            return "unexpected '\(word)'"
        case .unknownName(let what, let name):
            return "no \(what) named '\(name)'"
        case .wrongKind(let what, let name, let actual):
            return "'\(name)' is \(actual), not \(what)"
        }
    }

    static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
