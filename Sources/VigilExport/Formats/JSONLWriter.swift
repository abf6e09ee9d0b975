import Foundation
import VigilCore
import VigilStore

/// Writes a subgraph as JSON Lines: one triple per line, in the triple shape of the extraction
/// contract (`subject`, `predicate`, `object`, `assertion`, `scope`, `evidence`), plus
/// `evidence_count`. Literal facts are included with `{"kind": "literal", …}` objects, negated
/// facts with `"assertion": "negated"`: this is data for other tools, not a picture.
public enum JSONLWriter {
    /// One stored fact as a `Triple`, with the first sentence stated for it as its evidence.
    public static func triples(_ subgraph: Subgraph) -> [(triple: Triple, evidenceCount: Int)] {
        var out: [(Triple, Int)] = []
        for e in subgraph.edges {
            guard let s = subgraph.node(e.src), let o = subgraph.node(e.dst) else { continue }
            out.append((Triple(subject: Mention(kind: s.kind, name: s.name), predicate: e.predicate,
                               object: .entity(Mention(kind: o.kind, name: o.name)), assertion: e.assertion,
                               scope: e.scope, evidence: e.evidence), e.evidenceCount))
        }
        for l in subgraph.literals {
            guard let s = subgraph.node(l.src) else { continue }
            out.append((Triple(subject: Mention(kind: s.kind, name: s.name), predicate: l.predicate,
                               object: .literal(l.literal), assertion: l.assertion, scope: l.scope,
                               evidence: l.evidence), l.evidenceCount))
        }
        return out
    }

    /// The JSON Lines text: keys sorted, one line per fact, each ending in a newline.
    public static func render(_ subgraph: Subgraph) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        for (t, n) in triples(subgraph) {
            out += String(decoding: try encoder.encode(Line(triple: t, evidenceCount: n)), as: UTF8.self) + "\n"
        }
        return out
    }

    /// A triple with its evidence count beside its own keys.
    private struct Line: Encodable {
        let triple: Triple
        let evidenceCount: Int
        enum Keys: String, CodingKey { case evidenceCount = "evidence_count" }
        func encode(to encoder: Encoder) throws {
            try triple.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(evidenceCount, forKey: .evidenceCount)
        }
    }
}
