import VigilCore

/// How each kind of node and each scope of edge is drawn. The legend is built from the same table,
/// so the picture and its key cannot disagree.
enum DrawingStyle {
    /// Shape, fill and outline of a node kind; colours are colour-blind-safe (Okabe–Ito, lightened).
    static func node(_ kind: EntityKind) -> [(String, String)] {
        switch kind {
        case .drug: return [("shape", "box"), ("style", "rounded,filled"), ("fillcolor", "#cde3f5"), ("color", "#0072b2")]
        case .target: return [("shape", "ellipse"), ("style", "filled"), ("fillcolor", "#d2eee4"), ("color", "#009e73")]
        case .targetFamily:
            return [("shape", "hexagon"), ("style", "filled"), ("fillcolor", "#a6dcc7"), ("color", "#009e73")]
        case .reaction:
            return [("shape", "octagon"), ("style", "filled"), ("fillcolor", "#f6d5c2"), ("color", "#d55e00")]
        case .indication:
            return [("shape", "ellipse"), ("style", "filled,dashed"), ("fillcolor", "#f3e1ec"), ("color", "#cc79a7")]
        case .case: return [("shape", "folder"), ("style", "filled"), ("fillcolor", "#fbefc4"), ("color", "#e69f00")]
        case .document: return [("shape", "note"), ("style", "filled"), ("fillcolor", "#e8e8e8"), ("color", "#666666")]
        case .other: return [("shape", "ellipse"), ("style", "filled"), ("fillcolor", "#ffffff"), ("color", "#999999")]
        }
    }

    /// The order kinds appear in the output and the legend: the flow of the domain, not the alphabet.
    static let kinds: [EntityKind] = [.drug, .target, .targetFamily, .reaction, .indication, .case, .document, .other]

    static func label(_ kind: EntityKind) -> String {
        kind == .targetFamily ? "target family" : kind.rawValue
    }

    /// Case facts solid, literature dashed, reference knowledge dotted and grey.
    static func edge(_ scope: Scope) -> [(String, String)] {
        switch scope {
        case .case: return [("style", "solid"), ("color", "#333333")]
        case .literature: return [("style", "dashed"), ("color", "#333333")]
        case .reference: return [("style", "dotted"), ("color", "#777777")]
        }
    }

    /// Negated facts (shown only on request) are red with a bar for a head; hedged ones are grey.
    static func assertion(_ a: Assertion) -> [(String, String)] {
        switch a {
        case .affirmed: return []
        case .negated: return [("color", "#c0392b"), ("fontcolor", "#c0392b"), ("arrowhead", "tee")]
        case .hypothetical, .uncertain: return [("color", "#999999"), ("fontcolor", "#777777")]
        }
    }

    /// The edge label: the predicate, marked when the text denies or only entertains it.
    static func label(_ predicate: VigilCore.Predicate, _ a: Assertion) -> String {
        switch a {
        case .affirmed: return predicate.rawValue
        case .negated: return "not " + predicate.rawValue
        case .hypothetical, .uncertain: return predicate.rawValue + "?"
        }
    }

    /// 1 for one piece of evidence, one more per doubling, at most 5.
    static func penwidth(_ evidenceCount: Int) -> String {
        var w = 1
        var n = max(evidenceCount, 1)
        while n > 1 && w < 5 { n /= 2; w += 1 }
        return "\(w)"
    }
}
