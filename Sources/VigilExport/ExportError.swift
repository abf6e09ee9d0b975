/// Why an export could not be made, phrased for the person at the command line.
public enum ExportError: Error, CustomStringConvertible, Equatable {
    case graphvizMissing(format: String)
    case graphvizFailed(status: Int32, message: String)
    case queryUnavailable
    case explainHasNoGraph
    case needsDirectory(format: String)
    case tooLargeToDraw(nodes: Int, limit: Int)

    public var description: String {
        switch self {
        case .graphvizMissing(let format):
            return "--format \(format) needs graphviz's 'dot' on PATH: install it (Debian/Ubuntu: apt-get install graphviz) or use --format dot"
        case .graphvizFailed(let status, let message):
            return "graphviz dot failed (exit \(status))" + (message.isEmpty ? "" : ": \(message)")
        case .queryUnavailable:
            return "query language not available in this build: use --around NAME or export the whole graph"
        case .explainHasNoGraph:
            return "an explained query has a plan, not a graph: export the query without 'explain'"
        case .needsDirectory(let format):
            return "--format \(format) writes nodes.tsv and edges.tsv: give a directory with -o"
        case .tooLargeToDraw(let nodes, let limit):
            return "the drawing would have \(nodes) nodes, over the limit of \(limit) (vigil export --max-nodes, "
                + "0 for none): narrow it with 'limit N' in the query or a smaller --depth, "
                + "or export the data as --format jsonl or kgx"
        }
    }
}
