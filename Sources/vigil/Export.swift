import ArgumentParser
import Foundation
import VigilExport
import VigilQuery
import VigilStore

extension ExportFormat: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the graph, the neighbourhood of an entity or a query's result as DOT, SVG, PNG, JSON Lines or KGX.",
        discussion: """
            Without --query or --around the whole graph is exported. svg and png run graphviz's dot. \
            kgx writes nodes.tsv and edges.tsv into the directory -o names. Conventions: Sources/VigilExport/EXPORT.md.
            """)

    @OptionGroup var db: DatabaseOptions

    @Option(help: "dot, svg, png, jsonl or kgx.")
    var format: ExportFormat = .dot

    @Option(help: "Export the result of a query.")
    var query: String?

    @Option(help: "Export the neighbourhood of the nodes this name (or alias) names.")
    var around: String?

    @Option(help: "Hops from --around, edges taken in either direction (default: 1).")
    var depth: Int?

    @Option(name: [.short, .customLong("output")], help: "The file to write (a directory for kgx); standard output when absent.")
    var output: String?

    @Flag(help: "Draw negated facts too (red, 'not causes').")
    var includeNegated = false

    @Flag(help: "Draw literal facts (onset, age, dose) as small text nodes instead of listing them in tooltips.")
    var literals = false

    @Flag(help: "Leave out the legend.")
    var noLegend = false

    @Option(help: "Refuse a dot, svg or png drawing of more nodes than this (0: no limit; default: \(DrawingLimit.defaultMaxNodes)).")
    var maxNodes: Int = DrawingLimit.defaultMaxNodes

    func validate() throws {
        if query != nil && around != nil { throw ValidationError("give --query or --around, not both") }
        if let depth {
            if around == nil { throw ValidationError("--depth goes with --around") }
            if depth < 0 { throw ValidationError("--depth must be 0 or more") }
        }
        if format == .png && output == nil && isatty(STDOUT_FILENO) != 0 {
            throw ValidationError("--format png is binary: give a file with -o or redirect standard output")
        }
        if maxNodes < 0 { throw ValidationError("--max-nodes must be 0 (no limit) or more") }
        if format.isDirectory && output == nil { throw ValidationError(ExportError.needsDirectory(format: format.rawValue).description) }
    }

    func run() throws {
        do {
            // Exporting must not create an empty database where the user mistyped a path.
            if db.path != ":memory:" && !FileManager.default.fileExists(atPath: db.path) {
                throw UserFacingError(message: "\(db.path): no such database (create it with vigil init)")
            }
            let store = try db.open()
            var options = DOTWriter.Options(includeNegated: includeNegated, includeLiterals: literals, legend: !noLegend)
            // Only drawings are limited: jsonl and kgx carry data of any size.
            let limit = format.isDrawing && maxNodes > 0 ? DrawingLimit(maxNodes: maxNodes) : .none
            let subgraph: Subgraph
            if let query {
                options.title = query
                subgraph = try QuerySubgraph.fetch(query, from: store, limit: limit)
            } else if let around {
                let nodes = try store.resolve(around)
                if nodes.isEmpty { throw StoreError.unknownNode(name: around) }
                options.focus = Set(nodes.map(\.id))
                options.title = "around \(around), depth \(depth ?? 1)"
                subgraph = try store.subgraph(around: nodes.map(\.id), depth: depth ?? 1, checkingNodes: limit.check)
            } else {
                subgraph = try store.subgraph(checkingNodes: limit.check)
            }
            if let output {
                try Exporter.write(subgraph, as: format, to: URL(fileURLWithPath: output), options: options)
            } else {
                FileHandle.standardOutput.write(try Exporter.data(subgraph, as: format, options: options))
            }
        } catch let e as UserFacingError {
            throw e
        } catch let e as QueryError {
            // Diagnostics come rendered with the line and a caret; they are the whole message.
            FileHandle.standardError.write(Data((e.description + "\n").utf8))
            throw ExitCode.failure
        } catch {
            throw UserFacingError(error)
        }
    }
}
