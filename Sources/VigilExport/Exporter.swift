import Foundation
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
