/// A document as read from a file, before extraction.
public struct SourceDocument: Hashable, Sendable {
    /// File name without extension, `-` for standard input, or `PMID:n` for an article of a PubMed file.
    public var source: String
    public var text: String
    public var title: String?
    public var pmid: String?
    public var doi: String?
    public var journal: String?
    public var year: Int?
    /// 1-based line number in `--lines` mode.
    public var line: Int?

    public init(source: String, text: String, title: String? = nil, pmid: String? = nil, doi: String? = nil,
                journal: String? = nil, year: Int? = nil, line: Int? = nil) {
        self.source = source
        self.text = text
        self.title = title
        self.pmid = pmid
        self.doi = doi
        self.journal = journal
        self.year = year
        self.line = line
    }
}

/// A drug the patient of a case took.
public struct CaseDrug: Codable, Hashable, Sendable {
    public enum Role: String, Codable, Sendable { case suspect, concomitant }
    public var name: String
    public var role: Role
    public var dose: String?
    public init(name: String, role: Role, dose: String? = nil) {
        self.name = name
        self.role = role
        self.dose = dose
    }
}

public enum Dechallenge: String, Codable, Sendable, CaseIterable { case positive, negative, unknown }
public enum Rechallenge: String, Codable, Sendable, CaseIterable {
    case positive, negative
    case notDone = "not_done"
}

/// A reaction the patient of a case had, with the facts that tie it to its drug.
public struct CaseReaction: Codable, Hashable, Sendable {
    public var name: String
    public var drug: String?
    public var onsetDays: Double?
    public var dechallenge: Dechallenge
    public var rechallenge: Rechallenge
    public var outcome: String?

    enum CodingKeys: String, CodingKey {
        case name, drug, dechallenge, rechallenge, outcome
        case onsetDays = "onset_days"
    }

    public init(name: String, drug: String?, onsetDays: Double? = nil, dechallenge: Dechallenge = .unknown,
                rechallenge: Rechallenge = .notDone, outcome: String? = nil) {
        self.name = name
        self.drug = drug
        self.onsetDays = onsetDays
        self.dechallenge = dechallenge
        self.rechallenge = rechallenge
        self.outcome = outcome
    }
}

/// One patient described by a report.
public struct CaseFacts: Codable, Hashable, Sendable {
    /// Age in years (the middle of the range when the text gives a range, e.g. "in her 50s" → 55).
    public var age: Double?
    /// The range the text gave, e.g. [50, 59].
    public var ageRange: [Double]?
    public var sex: String?
    public var indication: String?
    public var drugs: [CaseDrug]
    public var reactions: [CaseReaction]

    enum CodingKeys: String, CodingKey {
        case age, sex, indication, drugs, reactions
        case ageRange = "age_range"
    }

    public init(age: Double? = nil, ageRange: [Double]? = nil, sex: String? = nil, indication: String? = nil,
                drugs: [CaseDrug] = [], reactions: [CaseReaction] = []) {
        self.age = age
        self.ageRange = ageRange
        self.sex = sex
        self.indication = indication
        self.drugs = drugs
        self.reactions = reactions
    }
}

/// What extraction found in one document: the shape `vigil extract` prints and `vigil ingest` stores.
public struct ExtractedDocument: Codable, Hashable, Sendable {
    public var source: String
    public var line: Int?
    public var title: String?
    public var pmid: String?
    public var doi: String?
    public var journal: String?
    public var year: Int?
    /// Hex SHA-256 of the document's text, the key that makes re-ingesting a no-op; empty when
    /// not computed (`extract --lines`), and then left out of the JSON.
    public var contentHash: String
    public var cases: [CaseFacts]
    public var triples: [Triple]

    enum CodingKeys: String, CodingKey {
        case source, line, title, pmid, doi, journal, year, cases, triples
        case contentHash = "content_hash"
    }

    public init(source: String, line: Int? = nil, title: String? = nil, pmid: String? = nil, doi: String? = nil,
                journal: String? = nil, year: Int? = nil, contentHash: String,
                cases: [CaseFacts] = [], triples: [Triple] = []) {
        self.source = source
        self.line = line
        self.title = title
        self.pmid = pmid
        self.doi = doi
        self.journal = journal
        self.year = year
        self.contentHash = contentHash
        self.cases = cases
        self.triples = triples
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(source: try c.decode(String.self, forKey: .source), line: try c.decodeIfPresent(Int.self, forKey: .line),
                  title: try c.decodeIfPresent(String.self, forKey: .title), pmid: try c.decodeIfPresent(String.self, forKey: .pmid),
                  doi: try c.decodeIfPresent(String.self, forKey: .doi), journal: try c.decodeIfPresent(String.self, forKey: .journal),
                  year: try c.decodeIfPresent(Int.self, forKey: .year),
                  contentHash: try c.decodeIfPresent(String.self, forKey: .contentHash) ?? "",
                  cases: try c.decode([CaseFacts].self, forKey: .cases), triples: try c.decode([Triple].self, forKey: .triples))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encodeIfPresent(line, forKey: .line)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(pmid, forKey: .pmid)
        try c.encodeIfPresent(doi, forKey: .doi)
        try c.encodeIfPresent(journal, forKey: .journal)
        try c.encodeIfPresent(year, forKey: .year)
        if !contentHash.isEmpty { try c.encode(contentHash, forKey: .contentHash) }
        try c.encode(cases, forKey: .cases)
        try c.encode(triples, forKey: .triples)
    }
}
