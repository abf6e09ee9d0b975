import GRDB
import VigilCore

/// A node of the stored graph.
public struct Node: Hashable, Sendable, Codable, FetchableRecord {
    public var id: Int64
    public var kind: EntityKind
    public var name: String

    public init(id: Int64, kind: EntityKind, name: String) {
        self.id = id
        self.kind = kind
        self.name = name
    }

    public init(row: Row) {
        id = row["id"]
        kind = EntityKind(rawValue: row["kind"]) ?? .other
        name = row["name"]
    }
}

/// A node reached by a traversal, with its distance from where the walk began.
public struct Reached: Hashable, Sendable {
    public var node: Node
    public var depth: Int
}

/// A stored edge: subject –predicate→ object node or literal.
public struct Edge: Hashable, Sendable {
    public var id: Int64
    public var src: Int64
    public var predicate: Predicate
    public var dst: Int64?
    public var value: String?
    public var unit: String?
    public var assertion: Assertion
    public var scope: Scope
}

/// The id of a reference link (m0004): negative and computed from the link itself,
/// `-(code · 2^52 + src · 2^26 + dst)`, so it never meets an `edge` id and needs no row of its own.
public struct ReferenceLinkID: Hashable, Sendable {
    /// The predicate's number in `reference_predicate`, 1…2047.
    public var code: Int64
    public var src: Int64
    public var dst: Int64

    static let nodeBits: Int64 = 26
    static let nodeMask: Int64 = 1 << nodeBits - 1
    /// Node ids a link can name: below 2^26.
    public static let nodeLimit: Int64 = 1 << nodeBits
    /// The predicate codes a link can carry.
    public static let codes: ClosedRange<Int64> = 1 ... 2047

    public init(code: Int64, src: Int64, dst: Int64) {
        self.code = code
        self.src = src
        self.dst = dst
    }

    /// The parts of a link's id; nil for an `edge` id (zero or positive) or one out of range.
    public init?(_ id: Int64) {
        guard id < 0, id != .min else { return nil }
        let v = -id
        code = v >> (2 * Self.nodeBits)
        src = (v >> Self.nodeBits) & Self.nodeMask
        dst = v & Self.nodeMask
        guard Self.codes.contains(code) else { return nil }
    }

    /// The edge id the store gives this link.
    public var id: Int64 { -(code << (2 * Self.nodeBits) | src << Self.nodeBits | dst) }

    /// The same computation in SQL over the SQL expressions of the code, subject and object.
    /// Bracketed: in SQLite `<<` and `|` bind equally, left to right, so `c << 52 | s << 26 | o`
    /// would shift the code out of the id.
    public static func sql(code: String, src: String, dst: String) -> String {
        "-((\(code) << \(2 * nodeBits)) | (\(src) << \(nodeBits)) | \(dst))"
    }
}

/// One shortest path: its nodes in order and the edges between them.
public struct GraphPath: Hashable, Sendable {
    public var nodes: [Node]
    public var edges: [Edge]
}

/// What the store holds, for `vigil stats`.
public struct StoreStats: Hashable, Sendable, Codable {
    public var nodesByKind: [String: Int]
    public var edgesByPredicate: [String: Int]
    public var edgesByScope: [String: Int]
    public var documents: Int
    public var evidence: Int
}

/// What writing one batch did.
public struct WriteResult: Hashable, Sendable {
    /// False when the document was already stored (same content hash or PMID): nothing was written.
    public var stored: Bool
    public var newEdges: Int
    public var newEvidence: Int
    public var newNodes: Int

    public static let duplicate = WriteResult(stored: false, newEdges: 0, newEvidence: 0, newNodes: 0)
}
