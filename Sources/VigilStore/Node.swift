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
