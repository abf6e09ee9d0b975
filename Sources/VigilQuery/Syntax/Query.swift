import VigilCore

/// A name as the query writes it: a drug, a reaction, a target…, resolved later against the store.
public struct Name: Hashable, Sendable {
    /// The words, single-spaced, or the inside of the quotes.
    public var text: String
    public var range: SourceRange
    /// Quoted names are taken as written; unquoted ones are words that ended at a keyword.
    public var quoted: Bool
}

/// The question a query asks.
public enum Form: Hashable, Sendable {
    /// `reactions of sorafenib`
    case reactionsOf(Name)
    /// `reactions shared with imatinib via PDGFR`
    case reactionsShared(drug: Name, via: Name)
    /// `targets of sorafenib`
    case targetsOf(Name)
    /// `drugs targeting VEGFR`
    case drugsTargeting(Name)
    /// `drugs causing AGEP`
    case drugsCausing(Name)
    /// `drugs sharing targets with sorafenib`, `drugs sharing reactions with sorafenib`
    case drugsSharing(Shared, with: Name)
    /// `cases of DRESS`
    case casesOf(Name)
    /// `cases with sorafenib`
    case casesWith(Name)
    /// `path from sorafenib to coronary vasospasm`
    case path(from: Name, to: Name)
    /// `distance from sorafenib to tardive dyskinesia`
    case distance(from: Name, to: Name)
    /// `neighbors of sorafenib`
    case neighbors(of: Name)
    /// `nodes within 3 of sorafenib`
    case nodesWithin(hops: Int, of: Name)
    /// `evidence for sorafenib causes AGEP`
    case evidence(subject: Name, relation: Predicate, object: Name)

    public enum Shared: String, Hashable, Sendable { case targets, reactions }

    /// The form's words without its names, for messages: `reactions of`, `drugs sharing targets with`.
    public var title: String {
        switch self {
        case .reactionsOf: "reactions of"
        case .reactionsShared: "reactions shared with"
        case .targetsOf: "targets of"
        case .drugsTargeting: "drugs targeting"
        case .drugsCausing: "drugs causing"
        case .drugsSharing(let s, _): "drugs sharing \(s.rawValue) with"
        case .casesOf: "cases of"
        case .casesWith: "cases with"
        case .path: "path from"
        case .distance: "distance from"
        case .neighbors: "neighbors of"
        case .nodesWithin: "nodes within"
        case .evidence: "evidence for"
        }
    }
}

/// A `where` condition.
public enum Condition: Hashable, Sendable {
    /// Days from the suspect drug's start to the reaction, from case reports.
    case onset(Comparison, days: Double)
    /// `scope = case`: the edges' scope.
    case scope(Comparison, Scope)
    /// Patient age in years.
    case age(Comparison, years: Double)
    case sex(Comparison, String)

    var field: String {
        switch self {
        case .onset: "onset"
        case .scope: "scope"
        case .age: "age"
        case .sex: "sex"
        }
    }
}

/// A parsed query: the form, its clauses, and whether to explain it instead of running it.
public struct Query: Hashable, Sendable {
    public var form: Form
    public var conditions: [Condition] = []
    public var limit: Int?
    /// `depth n` of `neighbors of`.
    public var depth: Int?
    /// `max n` of `path` and `distance`.
    public var maxDepth: Int?
    /// `including negated`: negated triples count too.
    public var includingNegated = false
    public var explain = false

    public init(form: Form) { self.form = form }

    /// Default depth limits: one hop for neighbours, four edges for paths.
    public static let defaultNeighbourDepth = 1
    public static let defaultMaxDepth = 4
}
