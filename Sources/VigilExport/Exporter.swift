import Foundation
import VigilQuery
import VigilStore

/// The formats `vigil export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// GraphViz DOT text.
    case dot
    /// The DOT drawn by graphviz.
    case svg, png
    /// One triple per line.
    case jsonl
    /// KGX TSV: a directory with `nodes.tsv` and `edges.tsv`.
    case kgx

    /// Whether the export is a directory of files rather than one stream.
    public var isDirectory: Bool { self == .kgx }

    /// Whether the export is a drawing (DOT, or DOT drawn by graphviz), which says nothing past
    /// a few thousand nodes and takes graphviz minutes.
    public var isDrawing: Bool { self == .dot || self == .svg || self == .png }
}

/// How many nodes a drawing may have: `vigil export --max-nodes` and the REPL's `.dot`.
public struct DrawingLimit: Sendable, Equatable {
    /// At most this many nodes; `nil` for no limit.
    public var maxNodes: Int?

    public init(maxNodes: Int? = DrawingLimit.defaultMaxNodes) { self.maxNodes = maxNodes }

    /// The query planner's limit for drawing the edges among the nodes reached.
    public static let defaultMaxNodes = QueryEngine.drawableNodes
    public static let none = DrawingLimit(maxNodes: nil)

    /// Throws `tooLargeToDraw` when `nodes` is over the limit. Checked before any edge is read:
    /// the edges among a large node set are what cost (a 2-hop neighbourhood in Hetionet has
    /// close to a million).
    public func check(nodes: Int) throws {
        if let maxNodes, nodes > maxNodes { throw ExportError.tooLargeToDraw(nodes: nodes, limit: maxNodes) }
    }
}

/// Turns a subgraph into the bytes of one export format.
public enum Exporter {
    /// The export as one stream of bytes; `kgx`, which is two files, goes through `write(_:as:to:)`.
    public static func data(_ subgraph: Subgraph, as format: ExportFormat,
                            options: DOTWriter.Options = .init()) throws -> Data {
        switch format {
        case .dot: return Data(DOTWriter(options: options).render(subgraph).utf8)
        case .svg, .png: return try Graphviz.render(DOTWriter(options: options).render(subgraph), format: format.rawValue)
        case .jsonl: return Data(try JSONLWriter.render(subgraph).utf8)
        case .kgx: throw ExportError.needsDirectory(format: format.rawValue)
        }
    }

    /// Writes the export to `url`: a file, or for `kgx` a directory.
    public static func write(_ subgraph: Subgraph, as format: ExportFormat, to url: URL,
                             options: DOTWriter.Options = .init()) throws {
        if format == .kgx {
            try KGXWriter.write(subgraph, to: url)
        } else {
            try data(subgraph, as: format, options: options).write(to: url)
        }
    }
}
