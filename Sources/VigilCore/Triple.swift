/// A graph node as text names it: its kind, its canonical name, and where the text says it.
public struct Mention: Codable, Hashable, Sendable {
    public var kind: EntityKind
    /// Canonical name: lower-case generic name for drugs, HGNC symbol or family name for targets,
    /// preferred term for reactions.
    public var name: String
    /// The words as written, when the mention comes from text.
    public var text: String?
    /// Offsets in Unicode code points from the start of the document (or line), end exclusive.
    public var start: Int?
    public var end: Int?

    public init(kind: EntityKind, name: String, text: String? = nil, start: Int? = nil, end: Int? = nil) {
        self.kind = kind
        self.name = name
        self.text = text
        self.start = start
        self.end = end
    }
}

/// A literal object of a triple, e.g. an onset of 14 days or an age of 55 years.
public struct Literal: Codable, Hashable, Sendable {
    public var value: String
    public var unit: String?
    /// What the value is about when its subject has several candidates, e.g. the reaction an onset
    /// belongs to in a case with two reactions.
    public var about: String?
    public init(value: String, unit: String? = nil, about: String? = nil) {
        self.value = value
        self.unit = unit
        self.about = about
    }
}

/// What a triple points at: another node, or a literal value.
public enum TripleObject: Hashable, Sendable, Codable {
    case entity(Mention)
    case literal(Literal)

    public var mention: Mention? {
        if case .entity(let m) = self { return m }
        return nil
    }

    private enum Keys: String, CodingKey { case kind, value, unit, about }

    // A literal is written as {"kind": "literal", "value": …, "unit": …}; an entity as a Mention.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        if try c.decode(String.self, forKey: .kind) == "literal" {
            self = .literal(Literal(value: try c.decode(String.self, forKey: .value),
                                    unit: try c.decodeIfPresent(String.self, forKey: .unit),
                                    about: try c.decodeIfPresent(String.self, forKey: .about)))
        } else {
            self = .entity(try Mention(from: decoder))
        }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .entity(let m): try m.encode(to: encoder)
        case .literal(let l):
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode("literal", forKey: .kind)
            try c.encode(l.value, forKey: .value)
            try c.encodeIfPresent(l.unit, forKey: .unit)
            try c.encodeIfPresent(l.about, forKey: .about)
        }
    }
}

/// The sentence that supports a triple, with its offsets in the document.
public struct Evidence: Codable, Hashable, Sendable {
    public var text: String
    public var start: Int
    public var end: Int
    /// The section the sentence stands in (abstract, case, discussion…), when known.
    public var section: String?

    public init(text: String, start: Int, end: Int, section: String? = nil) {
        self.text = text
        self.start = start
        self.end = end
        self.section = section
    }
}

/// One statement: subject –predicate→ object, how it is asserted, whose it is, and why we believe it.
public struct Triple: Codable, Hashable, Sendable {
    public var subject: Mention
    public var predicate: Predicate
    public var object: TripleObject
    public var assertion: Assertion
    public var scope: Scope
    public var evidence: Evidence?

    public init(subject: Mention, predicate: Predicate, object: TripleObject,
                assertion: Assertion = .affirmed, scope: Scope, evidence: Evidence? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.assertion = assertion
        self.scope = scope
        self.evidence = evidence
    }
}

/// Another name for a node (synonym, abbreviation, brand name).
public struct NodeAlias: Hashable, Sendable {
    public var kind: EntityKind
    public var name: String
    public var alias: String
    public var source: String
    public init(kind: EntityKind, name: String, alias: String, source: String) {
        self.kind = kind
        self.name = name
        self.alias = alias
        self.source = source
    }
}
