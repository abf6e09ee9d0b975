/// Closed sets of the graph's vocabulary: what a node is, how sure a statement is, whose it is.

/// The kind of a graph node.
public enum EntityKind: String, Codable, Sendable, CaseIterable, Comparable {
    case drug
    case target
    case targetFamily = "target_family"
    case reaction
    case indication
    case `case`
    case document
    /// A node imported from a reference graph whose kind has no Vigil equivalent
    /// (e.g. Hetionet's Anatomy or Pathway); its original kind is kept as an alias.
    case other

    public static func < (a: EntityKind, b: EntityKind) -> Bool { a.rawValue < b.rawValue }
}

/// Whether the text states a fact, denies it, or only entertains it.
public enum Assertion: String, Codable, Sendable, CaseIterable {
    case affirmed, negated, hypothetical, uncertain
}

/// Whose fact it is: the patient of the report, the literature the report cites, or a reference database.
public enum Scope: String, Codable, Sendable, CaseIterable {
    case `case`, literature, reference
}

/// An edge label. Open-ended: reference graphs bring predicates of their own, which keep their names.
public struct Predicate: RawRepresentable, Hashable, Codable, Sendable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (a: Predicate, b: Predicate) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    /// drug → target or target family.
    public static let targets: Predicate = "targets"
    /// drug → reaction.
    public static let causes: Predicate = "causes"
    /// target → target family.
    public static let memberOf: Predicate = "member_of"
    /// reaction → broader reaction.
    public static let broader: Predicate = "broader"
    /// case → drug the report suspects.
    public static let suspectDrug: Predicate = "suspect_drug"
    /// case → drug the patient also took.
    public static let concomitantDrug: Predicate = "concomitant_drug"
    /// case → reaction the patient had.
    public static let hasReaction: Predicate = "has_reaction"
    /// case → literal days from the suspect drug's start to the reaction.
    public static let hasOnset: Predicate = "has_onset"
    public static let hasAge: Predicate = "has_age"
    public static let hasSex: Predicate = "has_sex"
    /// case → indication (the disease the suspect drug was given for).
    public static let hasIndication: Predicate = "has_indication"
    public static let hasDose: Predicate = "has_dose"
    public static let dechallenge: Predicate = "dechallenge"
    public static let rechallenge: Predicate = "rechallenge"
    public static let outcome: Predicate = "outcome"
    /// case → the document that reports it.
    public static let describedIn: Predicate = "described_in"
}
