import VigilCore
import VigilStore

/// Writes a subgraph as GraphViz DOT: shapes and colours by node kind, a legend, one line per
/// node and edge in a stable order so that two exports of the same facts diff cleanly.
public struct DOTWriter: Sendable {
    /// What to draw besides the affirmed facts between nodes.
    public struct Options: Hashable, Sendable {
        /// Draw negated edges (red, `not causes`); by default the picture shows what is asserted.
        public var includeNegated: Bool
        /// Draw literal facts (onset 14 days, age 55 years) as small text nodes. By default they are
        /// left out of the picture and listed in the tooltip of their subject instead.
        public var includeLiterals: Bool
        /// Draw the key to shapes, colours and line styles.
        public var legend: Bool
        /// Nodes to mark (a double outline), e.g. the entity an `--around` export is centred on.
        public var focus: Set<Int64>
        /// A caption above the drawing.
        public var title: String?
        /// Labels are wrapped at about this many characters…
        public var labelWidth: Int
        /// …on at most this many lines, the rest cut with an ellipsis.
        public var labelLines: Int

        public init(includeNegated: Bool = false, includeLiterals: Bool = false, legend: Bool = true,
                    focus: Set<Int64> = [], title: String? = nil, labelWidth: Int = 22, labelLines: Int = 3) {
            self.includeNegated = includeNegated
            self.includeLiterals = includeLiterals
            self.legend = legend
            self.focus = focus
            self.title = title
            self.labelWidth = max(labelWidth, 2)
            self.labelLines = max(labelLines, 1)
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The DOT text of `subgraph` with the default options (what the REPL's `.dot FILE` writes).
    public static func render(_ subgraph: Subgraph) -> String {
        DOTWriter().render(subgraph)
    }

    /// The DOT text of `subgraph`.
    public func render(_ subgraph: Subgraph) -> String {
        var out = "digraph vigil {\n"
        var graphAttributes: [(String, String)] = [
            ("rankdir", "LR"), ("fontname", "Helvetica"), ("fontsize", "12"), ("nodesep", "0.25"), ("ranksep", "0.5"),
        ]
        if let title = options.title { graphAttributes += [("label", title), ("labelloc", "t")] }
        out += "  graph" + Self.attributes(graphAttributes) + ";\n"
        out += "  node" + Self.attributes([("fontname", "Helvetica"), ("fontsize", "11"), ("margin", "0.08,0.04")]) + ";\n"
        out += "  edge" + Self.attributes([("fontname", "Helvetica"), ("fontsize", "9"), ("arrowsize", "0.7")]) + ";\n"

        let edges = subgraph.edges.filter { options.includeNegated || $0.assertion != .negated }
        let literals = subgraph.literals.filter { options.includeNegated || $0.assertion != .negated }
        let literalsBySubject = Dictionary(grouping: literals, by: \.src)

        for kind in DrawingStyle.kinds {
            let nodes = subgraph.nodes.filter { $0.kind == kind }
            if nodes.isEmpty { continue }
            out += "\n  // \(DrawingStyle.label(kind))\n"
            for n in nodes {
                var tooltip = "\(DrawingStyle.label(kind)): \(n.name)"
                if !options.includeLiterals, let facts = literalsBySubject[n.id] {
                    // Literal facts stay out of the picture but not out of reach: hover the node.
                    tooltip += facts.map { "\n" + Self.describe($0) }.joined()
                }
                var attributes = [("label", DOTText.wrapped(n.name, width: options.labelWidth, maxLines: options.labelLines)),
                                  ("tooltip", tooltip)]
                attributes += DrawingStyle.node(kind)
                if options.focus.contains(n.id) { attributes += [("peripheries", "2"), ("penwidth", "2")] }
                out += "  " + Self.nodeID(n) + Self.attributes(attributes) + ";\n"
            }
        }

        if !edges.isEmpty { out += "\n  // edges\n" }
        for e in edges {
            guard let src = subgraph.node(e.src), let dst = subgraph.node(e.dst) else { continue }
            var tooltip = "\(src.name) \(DrawingStyle.label(e.predicate, e.assertion)) \(dst.name)\n"
                + "\(e.scope.rawValue), evidence \(e.evidenceCount)"
            if let sentence = e.evidence?.text { tooltip += "\n“" + String(sentence.prefix(300)) + "”" }
            var attributes = [("label", DrawingStyle.label(e.predicate, e.assertion)), ("tooltip", tooltip),
                              ("penwidth", DrawingStyle.penwidth(e.evidenceCount))]
            attributes += DrawingStyle.edge(e.scope)
            attributes += DrawingStyle.assertion(e.assertion)
            out += "  " + Self.nodeID(src) + " -> " + Self.nodeID(dst) + Self.attributes(Self.merged(attributes)) + ";\n"
        }

        if options.includeLiterals && !literals.isEmpty {
            out += "\n  // literal facts\n"
            for l in literals {
                guard let src = subgraph.node(l.src) else { continue }
                let id = Self.literalID(src, l)
                // The value, then what it is about on its own lines: "28 days" over "(AGEP)".
                var label = DOTText.wrapped(l.literal.value + (l.literal.unit.map { " " + $0 } ?? ""),
                                            width: options.labelWidth, maxLines: options.labelLines)
                if let about = l.literal.about {
                    label += "\n" + DOTText.wrapped("(" + about + ")", width: options.labelWidth, maxLines: 2)
                }
                out += "  " + id + Self.attributes([
                    ("label", label),
                    ("tooltip", Self.describe(l)), ("shape", "plaintext"), ("fontsize", "9"), ("fontcolor", "#555555"),
                ]) + ";\n"
                var attributes = [("label", DrawingStyle.label(l.predicate, l.assertion)),
                                  ("penwidth", DrawingStyle.penwidth(l.evidenceCount)), ("arrowhead", "none")]
                attributes += DrawingStyle.edge(l.scope)
                attributes += DrawingStyle.assertion(l.assertion)
                out += "  " + Self.nodeID(src) + " -> " + id + Self.attributes(Self.merged(attributes)) + ";\n"
            }
        }

        if options.legend && !subgraph.nodes.isEmpty {
            out += legend(kinds: Set(subgraph.nodes.map(\.kind)),
                          scopes: Set(edges.map(\.scope) + (options.includeLiterals ? literals.map(\.scope) : [])),
                          negated: edges.contains { $0.assertion == .negated })
        }
        return out + "}\n"
    }

    /// A cluster with one sample node per kind drawn and one sample edge per scope drawn.
    private func legend(kinds: Set<EntityKind>, scopes: Set<Scope>, negated: Bool) -> String {
        var out = "\n  subgraph cluster_legend {\n"
        out += "    graph" + Self.attributes([("label", "legend"), ("style", "rounded"), ("color", "#bbbbbb"),
                                                ("fontsize", "10"), ("labelloc", "t")]) + ";\n"
        for kind in DrawingStyle.kinds where kinds.contains(kind) {
            out += "    " + DOTText.quoted("legend:" + kind.rawValue)
                + Self.attributes([("label", DrawingStyle.label(kind)), ("tooltip", "node kind")]
                                  + DrawingStyle.node(kind) + [("fontsize", "9")]) + ";\n"
        }
        var samples: [(name: String, attributes: [(String, String)])] = []
        for scope in Scope.allCases where scopes.contains(scope) {
            samples.append(("\(scope.rawValue) scope", DrawingStyle.edge(scope)))
        }
        if negated { samples.append(("negated", DrawingStyle.edge(.case) + DrawingStyle.assertion(.negated))) }
        for s in samples {
            let a = DOTText.quoted("legend:" + s.name + ":from"), b = DOTText.quoted("legend:" + s.name + ":to")
            let point = Self.attributes([("label", ""), ("shape", "point"), ("width", "0.05"), ("color", "#999999")])
            out += "    " + a + point + ";\n    " + b + point + ";\n"
            out += "    " + a + " -> " + b + Self.attributes(Self.merged([("label", s.name), ("tooltip", "edge scope")]
                                                                        + s.attributes)) + ";\n"
        }
        return out + "  }\n"
    }

    /// Node ids are the kind and the name, not the row id, so that a picture does not change when
    /// the same facts are loaded into another database in another order.
    static func nodeID(_ n: Node) -> String {
        DOTText.quoted(n.kind.rawValue + ":" + n.name)
    }

    static func literalID(_ src: Node, _ l: Subgraph.LiteralEdge) -> String {
        DOTText.quoted(["literal", src.kind.rawValue, src.name, l.predicate.rawValue, l.literal.about ?? "",
                        l.literal.value, l.literal.unit ?? "", l.scope.rawValue, l.assertion.rawValue]
                        .joined(separator: ":"))
    }

    /// "has_onset 14 days (acute generalized exanthematous pustulosis)".
    static func describe(_ l: Subgraph.LiteralEdge) -> String {
        var s = DrawingStyle.label(l.predicate, l.assertion) + " " + l.literal.value
        if let unit = l.literal.unit { s += " " + unit }
        if let about = l.literal.about { s += " (" + about + ")" }
        return s
    }

    /// Later values win, so an assertion's colour overrides its scope's.
    static func merged(_ attributes: [(String, String)]) -> [(String, String)] {
        var out: [(String, String)] = []
        for (k, v) in attributes {
            if let i = out.firstIndex(where: { $0.0 == k }) { out[i].1 = v } else { out.append((k, v)) }
        }
        return out
    }

    static func attributes(_ list: [(String, String)]) -> String {
        " [" + list.map { $0.0 + "=" + DOTText.quoted($0.1) }.joined(separator: ", ") + "]"
    }
}
