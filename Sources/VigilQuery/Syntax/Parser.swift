import VigilCore

/// Turns tokens into a `Query`. It collects every diagnostic it can and recovers at the next
/// clause, so one run reports several mistakes; a query with any diagnostic is not run.
public struct Parser {
    static let formWords = ["reactions", "targets", "drugs", "cases", "path", "distance", "neighbors", "nodes", "evidence"]
    static let clauseWords: Set<String> = ["where", "limit", "depth", "max", "including"]
    static let limitRange = 1...100_000
    static let depthRange = 1...6
    static let maxDepthRange = 1...8
    static let withinRange = 1...6

    var tokens: [Token]
    var i = 0
    var diagnostics: [Diagnostic]

    /// Parses one query. The query is nil when there is any diagnostic, lexer's or parser's.
    public static func parse(_ text: String, firstLine: Int = 1) -> (query: Query?, diagnostics: [Diagnostic]) {
        let (tokens, lexed) = Lexer().tokens(text, firstLine: firstLine)
        var p = Parser(tokens: tokens.filter { $0.kind != .invalid }, diagnostics: lexed)
        let q = p.query(lexerFailed: !lexed.isEmpty)
        return (p.diagnostics.isEmpty ? q : nil, p.diagnostics)
    }

    var current: Token { tokens[i] }
    var previous: Token { tokens[max(0, i - 1)] }

    mutating func advance() { if i < tokens.count - 1 { i += 1 } }

    mutating func diagnose(_ m: Message, at r: SourceRange, help: String? = nil) {
        diagnostics.append(Diagnostic(m, at: r, help: help))
    }

    mutating func query(lexerFailed: Bool) -> Query? {
        if current.kind == .end {
            if !lexerFailed { diagnose(.emptyQuery, at: current.range) }
            return nil
        }
        var explain = false
        if current.isWord("explain") {
            explain = true
            advance()
            if current.kind == .end {
                diagnose(.expected("a query", after: "explain"), at: current.range)
                return nil
            }
            if current.isWord("explain") {
                diagnose(.repeatedClause("explain"), at: current.range)
                advance()
            }
        }
        var q = form().map(Query.init(form:))
        q?.explain = explain
        if q == nil { skipToClause() }
        clauses(&q)
        return q
    }

    // MARK: Forms

    mutating func form() -> Form? {
        let head = current
        guard head.kind == .word else {
            diagnose(.unknownQuery(head.text), at: head.range, help: Self.formHelp)
            return nil
        }
        advance()
        switch head.lowered {
        case "reactions":
            if current.isWord("of") {
                advance()
                return name("a drug", stops: []).map(Form.reactionsOf)
            }
            if current.isWord("shared") {
                advance()
                guard expect("with", what: "'with'", after: "shared") else { return nil }
                guard let drug = name("a drug", stops: ["via"]) else { return nil }
                guard expect("via", what: "'via' and a target", after: drug.lastWord) else { return nil }
                guard let via = name("a target", stops: []) else { return nil }
                return .reactionsShared(drug: drug, via: via)
            }
            diagnose(.expected("'of' or 'shared with'", after: "reactions"), at: current.range)
        case "targets":
            guard expect("of", what: "'of'", after: "targets") else { return nil }
            return name("a drug", stops: []).map(Form.targetsOf)
        case "drugs":
            if current.isWord("that", "which") { advance() }
            let verb = current
            guard verb.kind == .word else {
                diagnose(.expected("causing, targeting or sharing", after: previous.text), at: verb.range)
                return nil
            }
            advance()
            switch verb.lowered {
            case "causing", "cause", "causes":
                return name("a reaction", stops: []).map(Form.drugsCausing)
            case "targeting", "target", "targets":
                return name("a target", stops: []).map(Form.drugsTargeting)
            case "sharing", "share", "shares":
                let what = current
                let shared: Form.Shared
                if what.isWord("targets") { shared = .targets } else if what.isWord("reactions") { shared = .reactions } else {
                    diagnose(.expected("'targets' or 'reactions'", after: verb.text), at: what.range)
                    return nil
                }
                advance()
                guard expect("with", what: "'with'", after: what.text) else { return nil }
                return name("a drug", stops: []).map { Form.drugsSharing(shared, with: $0) }
            default:
                diagnose(.unknownRelation(verb.text), at: verb.range, help: "use causing, targeting or sharing")
            }
        case "cases":
            if current.isWord("of") {
                advance()
                return name("a reaction", stops: []).map(Form.casesOf)
            }
            if current.isWord("with") {
                advance()
                return name("a drug or reaction", stops: []).map(Form.casesWith)
            }
            diagnose(.expected("'of' or 'with'", after: "cases"), at: current.range)
        case "path", "paths", "distance":
            guard expect("from", what: "'from'", after: head.text) else { return nil }
            guard let from = name("a", stops: ["to"]) else { return nil }
            guard expect("to", what: "'to' and a name", after: from.lastWord) else { return nil }
            guard let to = name("a", stops: []) else { return nil }
            return head.isWord("distance") ? .distance(from: from, to: to) : .path(from: from, to: to)
        case "neighbors", "neighbours":
            guard expect("of", what: "'of'", after: head.text) else { return nil }
            return name("a", stops: []).map { Form.neighbors(of: $0) }
        case "nodes":
            guard expect("within", what: "'within'", after: "nodes") else { return nil }
            guard let hops = integer(after: previous, what: "within", Self.withinRange) else { return nil }
            if current.isWord("hops", "hop") { advance() }
            guard expect("of", what: "'of'", after: previous.text) else { return nil }
            return name("a", stops: []).map { Form.nodesWithin(hops: hops, of: $0) }
        case "evidence":
            guard expect("for", what: "'for'", after: "evidence") else { return nil }
            guard let subject = name("a", stops: Self.relationWords) else { return nil }
            guard let relation = relation() else {
                diagnose(.expected("a relation (causes, targets, member of, broader)", after: subject.lastWord),
                         at: current.range)
                return nil
            }
            guard let object = name("a", stops: []) else { return nil }
            return .evidence(subject: subject, relation: relation, object: object)
        default:
            let near = Spelling.nearest(head.lowered, among: Self.formWords + ["explain"])
            diagnose(.unknownQuery(head.text), at: head.range,
                     help: near.map { "did you mean '\($0)'?" } ?? Self.formHelp)
        }
        return nil
    }

    static let formHelp = "a query starts with reactions, targets, drugs, cases, path, distance, neighbors, nodes or evidence"
    static let relationWords: Set<String> = ["causes", "cause", "causing", "targets", "target", "targeting", "member", "broader"]

    mutating func relation() -> Predicate? {
        guard current.kind == .word else { return nil }
        switch current.lowered {
        case "causes", "cause", "causing": advance(); return .causes
        case "targets", "target", "targeting": advance(); return .targets
        case "broader": advance(); return .broader
        case "member":
            advance()
            if current.isWord("of") { advance() }
            return .memberOf
        default: return nil
        }
    }

    /// Consumes `word` or reports what was expected instead.
    mutating func expect(_ word: String, what: String, after: String) -> Bool {
        if current.isWord(word) { advance(); return true }
        diagnose(.expected(what, after: after), at: current.range)
        return false
    }

    /// A quoted name, or the words up to the next keyword that may follow here.
    mutating func name(_ what: String, stops: Set<String>) -> Name? {
        if current.kind == .quoted {
            let t = current
            advance()
            return Name(text: t.text, range: t.range, quoted: true)
        }
        var words: [Token] = []
        while true {
            let t = current
            let isNamePart: Bool
            switch t.kind {
            case .word: isNamePart = !Self.clauseWords.contains(t.lowered) && !stops.contains(t.lowered)
            case .number: isNamePart = true
            default: isNamePart = false
            }
            guard isNamePart else { break }
            words.append(t)
            advance()
        }
        guard let first = words.first, let last = words.last else {
            diagnose(.expectedName(what: what, after: previous.text), at: current.range)
            return nil
        }
        return Name(text: words.map(\.text).joined(separator: " "), range: first.range.through(last.range), quoted: false)
    }

    /// A whole number in `allowed`, after the keyword `after`.
    mutating func integer(after: Token, what: String, _ allowed: ClosedRange<Int>) -> Int? {
        let t = current
        switch t.kind {
        case .number(let v):
            advance()
            guard v == v.rounded(), v <= 1e9, allowed.contains(Int(v)) else {
                diagnose(.outOfRange(what: what, lowest: allowed.lowerBound, highest: allowed.upperBound), at: t.range)
                return nil
            }
            return Int(v)
        case .word where t.text.first.map { $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." } ?? false:
            advance()
            diagnose(.notANumber(t.text), at: t.range)
            return nil
        default:
            diagnose(.expectedNumber(after: after.text), at: t.range)
            return nil
        }
    }

    /// A number, possibly fractional, for a condition's value.
    mutating func value(after: Token) -> Double? {
        let t = current
        switch t.kind {
        case .number(let v):
            advance()
            return v
        case .word where t.text.first.map { $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." } ?? false:
            advance()
            diagnose(.notANumber(t.text), at: t.range)
            return nil
        default:
            diagnose(.expectedNumber(after: after.text), at: t.range)
            return nil
        }
    }

    // MARK: Clauses

    mutating func skipToClause() {
        while current.kind != .end, current.kind != .semicolon,
              !(current.kind == .word && Self.clauseWords.contains(current.lowered)) {
            advance()
        }
    }

    mutating func clauses(_ q: inout Query?) {
        var seen: Set<String> = []
        while true {
            let t = current
            switch t.kind {
            case .end:
                return
            case .semicolon:
                advance()
                if current.kind != .end {
                    diagnose(.trailing(current.text), at: current.range.through(tokens[tokens.count - 2].range))
                }
                return
            case .word where Self.clauseWords.contains(t.lowered):
                let clause = t.lowered
                advance()
                if seen.contains(clause) {
                    diagnose(.repeatedClause(clause), at: t.range,
                             help: clause == "where" ? "join conditions with 'and'" : nil)
                }
                seen.insert(clause)
                if let form = q?.form, !Self.applies(clause, to: form) {
                    diagnose(.clauseNotApplicable(clause: clause == "including" ? "including negated" : clause,
                                                  form: form.title), at: t.range)
                }
                let ok: Bool
                switch clause {
                case "where":
                    ok = conditions(after: t, into: &q)
                case "limit":
                    let n = integer(after: t, what: "limit", Self.limitRange)
                    q?.limit = n
                    ok = n != nil
                case "depth":
                    let n = integer(after: t, what: "depth", Self.depthRange)
                    q?.depth = n
                    ok = n != nil
                case "max":
                    let n = integer(after: t, what: "max", Self.maxDepthRange)
                    q?.maxDepth = n
                    ok = n != nil
                default: // including
                    ok = expect("negated", what: "'negated'", after: "including")
                    if ok { q?.includingNegated = true }
                }
                if !ok { skipToClause() }
            default:
                diagnose(.unexpected(t.text), at: t.range,
                         help: "a query may end with where, limit, depth, max or including negated")
                advance()
                skipToClause()
            }
        }
    }

    static func applies(_ clause: String, to form: Form) -> Bool {
        switch (clause, form) {
        case ("depth", .neighbors): true
        case ("depth", _): false
        case ("max", .path), ("max", .distance): true
        case ("max", _): false
        case ("limit", .distance), ("limit", .nodesWithin): false
        case ("where", .path), ("where", .distance), ("where", .neighbors), ("where", .nodesWithin): false
        default: true
        }
    }

    mutating func conditions(after keyword: Token, into q: inout Query?) -> Bool {
        var joiner = keyword
        while true {
            guard let c = condition(after: joiner, form: q?.form) else { return false }
            q?.conditions.append(c)
            guard current.isWord("and") else { return true }
            joiner = current
            advance()
        }
    }

    mutating func condition(after: Token, form: Form?) -> Condition? {
        let field = current
        guard field.kind == .word else {
            diagnose(.expected("a condition", after: after.text), at: field.range)
            return nil
        }
        let name = field.lowered
        guard ["onset", "scope", "age", "sex"].contains(name) else {
            diagnose(.unknownField(field.text), at: field.range, help: "filter on onset, scope, age or sex")
            return nil
        }
        advance()
        guard case .comparison(let op) = current.kind else {
            diagnose(.expectedComparison(after: field.text), at: current.range)
            return nil
        }
        let opToken = current
        advance()
        if (name == "scope" || name == "sex"), op != .equal, op != .notEqual {
            diagnose(.comparisonNotAllowed(field: name), at: opToken.range)
            return nil
        }
        let condition: Condition
        switch name {
        case "onset":
            guard let v = value(after: opToken) else { return nil }
            var days = v
            if current.kind == .word, !Self.clauseWords.contains(current.lowered), !current.isWord("and") {
                switch current.lowered {
                case "day", "days", "d": break
                case "week", "weeks", "w": days *= 7
                default:
                    diagnose(.unknownUnit(current.text), at: current.range, help: "use days or weeks")
                    return nil
                }
                advance()
            }
            condition = .onset(op, days: days)
        case "age":
            guard let v = value(after: opToken) else { return nil }
            if current.isWord("years", "year", "y") { advance() }
            condition = .age(op, years: v)
        case "sex":
            guard current.kind == .word || current.kind == .quoted else {
                diagnose(.expected("female or male", after: opToken.text), at: current.range)
                return nil
            }
            let v = current.lowered
            advance()
            condition = .sex(op, ["f", "woman", "women"].contains(v) ? "female" : ["m", "man", "men"].contains(v) ? "male" : v)
        default: // scope
            let t = current
            guard t.kind == .word || t.kind == .quoted else {
                diagnose(.expected("case, literature or reference", after: opToken.text), at: t.range)
                return nil
            }
            advance()
            guard let s = Scope(rawValue: t.lowered) else {
                diagnose(.unknownScope(t.text), at: t.range, help: "use case, literature or reference")
                return nil
            }
            condition = .scope(op, s)
        }
        if let form, !Self.allows(condition, in: form) {
            diagnose(.conditionNotApplicable(field: condition.field, form: form.title), at: field.range)
        }
        return condition
    }

    static func allows(_ c: Condition, in form: Form) -> Bool {
        switch (c, form) {
        case (.onset, .reactionsOf), (.onset, .drugsCausing), (.onset, .casesOf), (.onset, .casesWith): true
        case (.age, .casesOf), (.age, .casesWith), (.sex, .casesOf), (.sex, .casesWith): true
        case (.scope, .casesOf), (.scope, .casesWith): false
        case (.scope, _): true
        default: false
        }
    }
}

extension Name {
    /// The last word, for "expected … after 'imatinib'".
    var lastWord: String { quoted ? "\"\(text)\"" : String(text.split(separator: " ").last ?? "") }
}
