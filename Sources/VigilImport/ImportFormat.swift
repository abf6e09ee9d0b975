import Foundation

/// The reference graphs `vigil import` reads.
public enum ImportFormat: String, CaseIterable, Sendable {
    /// Hetionet v1.0: a nodes TSV (`id name kind`) and an edges SIF (`source metaedge target`), .gz or not.
    case hetionet
    /// DrugCentral drug–target tables (`DRUG_NAME … GENE …`, quoted or not).
    case drugcentral
    /// KGX TSV: a nodes file (`id category name …`) and an edges file (`subject predicate object …`).
    case kgx

    /// How many files the format takes.
    public var fileCount: ClosedRange<Int> {
        switch self {
        case .hetionet, .kgx: return 2 ... 2
        case .drugcentral: return 1 ... 16
        }
    }

    var fileRoles: String {
        switch self {
        case .hetionet: return "NODES.tsv EDGES.sif[.gz]"
        case .drugcentral: return "one or more drug-target TSV files"
        case .kgx: return "NODES.tsv EDGES.tsv"
        }
    }

    /// The extractor name that provenance rows carry.
    public var extractor: String { "\(rawValue)-import/1" }
}

/// How to run an import.
public struct ImportOptions: Sendable {
    /// Bad lines are skipped and reported up to this many; one more and the import is abandoned.
    public var maxErrors: Int
    /// Called now and then with how far the import has gone (for a progress bar).
    public var progress: (@Sendable (ImportProgress) -> Void)?

    public init(maxErrors: Int = 0, progress: (@Sendable (ImportProgress) -> Void)? = nil) {
        self.maxErrors = maxErrors
        self.progress = progress
    }
}

/// How far an import has gone.
public struct ImportProgress: Sendable {
    public enum Phase: String, Sendable { case reading, writing }
    public var phase: Phase
    /// Rows (lines read, or edges written) so far.
    public var rows: Int
    /// Of the input: bytes consumed so far and in all (compressed bytes for .gz); of writing: rows done and in all.
    public var done: Int64
    public var total: Int64
    /// Seconds since the import began.
    public var elapsed: Double

    public init(phase: Phase, rows: Int, done: Int64, total: Int64, elapsed: Double) {
        self.phase = phase
        self.rows = rows
        self.done = done
        self.total = total
        self.elapsed = elapsed
    }
}

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var format: ImportFormat
    public var nodesRead = 0
    public var nodesCreated = 0
    /// Nodes of the file that turned out to be nodes the graph already had (same kind and name, or same external id).
    public var nodesMerged = 0
    public var edgesRead = 0
    public var edgesCreated = 0
    /// Edges already in the graph (or repeated in the input): they gain provenance, not a second row.
    public var edgesExisting = 0
    /// Rows read but deliberately not imported (e.g. non-human DrugCentral targets), not errors.
    public var rowsSkipped = 0
    public var badLines: [BadLine] = []
    public var seconds = 0.0

    init(format: ImportFormat) { self.format = format }
}
