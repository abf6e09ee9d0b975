import GRDB
import VigilCore
import VigilStore

/// What a name in a query should stand for: "a drug" after `reactions of`, anything after `path from`.
struct Expectation: Hashable, Sendable {
    /// For messages: "drug", "reaction", "target", "node".
    var what: String
    /// Kinds in order of preference; empty means any kind.
    var kinds: [EntityKind]

    static let drug = Expectation(what: "drug", kinds: [.drug])
    static let reaction = Expectation(what: "reaction", kinds: [.reaction])
    static let target = Expectation(what: "target", kinds: [.targetFamily, .target])
    static let drugOrReaction = Expectation(what: "drug or reaction", kinds: [.drug, .reaction])
    /// Any node; when a name names several, drugs come first, documents last.
    static let any = Expectation(what: "node", kinds: [])
    static let preference: [EntityKind] = [.drug, .target, .targetFamily, .reaction, .indication, .other, .case, .document]

    static func forSubject(of relation: Predicate) -> Expectation {
        switch relation {
        case .causes, .targets: .drug
        case .memberOf: Expectation(what: "target", kinds: [.target, .targetFamily])
        case .broader: .reaction
        default: .any
        }
    }

    static func forObject(of relation: Predicate) -> Expectation {
        switch relation {
        case .causes, .broader: .reaction
        case .targets: .target
        case .memberOf: Expectation(what: "target family", kinds: [.targetFamily, .target])
        default: .any
        }
    }

    var article: String { what.first.map { "aeiou".contains($0) } == true ? "an \(what)" : "a \(what)" }
}

/// Looks names up, on a connection inside the caller's read: node key, alias, then the
/// vocabulary, case-insensitively. An unknown name gets the store's "did you mean" suggestions.
struct NameResolver {
    let db: Database

    /// The node a name stands for, or the diagnostic that says why there is none.
    func resolve(_ name: Name, as expected: Expectation) throws -> Result<Node, Diagnostic> {
        let key = name.text.lowercased()
        let found = try GraphStore.resolve(name.text, in: db)
        let order = expected.kinds.isEmpty ? Expectation.preference : expected.kinds
        let ranked = found
            .filter { order.contains($0.kind) }
            .sorted { a, b in
                let ka = order.firstIndex(of: a.kind)!, kb = order.firstIndex(of: b.kind)!
                if ka != kb { return ka < kb }
                let ea = a.name.lowercased() == key, eb = b.name.lowercased() == key
                if ea != eb { return ea }
                return a.id < b.id
            }
        if let best = ranked.first { return .success(best) }
        if let other = found.first {
            let kind = Expectation(what: other.kind.rawValue.replacingOccurrences(of: "_", with: " "), kinds: [])
            return .failure(Diagnostic(.wrongKind(what: expected.article, name: name.text, actual: kind.article),
                                       at: name.range))
        }
        let suggestions = try GraphStore.suggestions(for: name.text, kind: expected.kinds.count == 1 ? expected.kinds[0] : nil,
                                                     in: db)
        var help = suggestions.isEmpty ? nil : "did you mean " + Self.list(suggestions.map { "'\($0)'" }) + "?"
        if help == nil, try !GraphStore.hasVocabulary(in: db) {
            // A database that `vigil ingest` created knows only the names its documents wrote.
            help = "this database has no vocabulary (brand names, synonyms): `vigil init` loads it"
        }
        return .failure(Diagnostic(.unknownName(what: expected.what, name: name.text), at: name.range, help: help))
    }

    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " or " + items.last!
    }
}
