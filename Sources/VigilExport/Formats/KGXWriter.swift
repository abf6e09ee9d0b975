import Foundation
import VigilCore
import VigilStore

/// Writes a subgraph as KGX TSV (`nodes.tsv`, `edges.tsv`), the Biolink Model exchange format.
///
/// Node ids are CURIEs in a local `VIGIL` prefix (`VIGIL:drug/sorafenib`, the name
/// percent-encoded), since the store keeps names, not external identifiers. Vigil's own kind,
/// predicate, assertion and scope stay in `vigil_*` columns so nothing is lost in the mapping.
/// Literal facts (onset, age…) have no Biolink edge form and are left out: use JSON Lines for those.
public enum KGXWriter {
    public static let nodeColumns = ["id", "category", "name", "vigil_kind", "provided_by"]
    public static let edgeColumns = [
        "id", "subject", "predicate", "object", "negated", "vigil_predicate", "vigil_assertion", "vigil_scope",
        "evidence_count", "knowledge_level", "agent_type", "primary_knowledge_source",
    ]
    static let source = "infores:vigil"

    /// The Biolink category of a node kind.
    public static func category(_ kind: EntityKind) -> String {
        switch kind {
        case .drug: return "biolink:Drug"
        // Targets are named by HGNC symbol but what a drug binds is the gene's product.
        case .target: return "biolink:Protein"
        case .targetFamily: return "biolink:GeneFamily"
        // Adverse reactions range from syndromes (DRESS) to findings (alopecia).
        case .reaction: return "biolink:DiseaseOrPhenotypicFeature"
        case .indication: return "biolink:Disease"
        case .case: return "biolink:Case"
        case .document: return "biolink:Publication"
        case .other: return "biolink:NamedThing"
        }
    }

    /// The Biolink predicate of a Vigil predicate; `biolink:related_to` when there is no closer one.
    public static func predicate(_ p: VigilCore.Predicate) -> String {
        switch p {
        case .causes: return "biolink:has_adverse_event"
        case .targets: return "biolink:interacts_with"
        case .memberOf: return "biolink:member_of"
        case .broader: return "biolink:subclass_of"
        case .hasReaction: return "biolink:has_phenotype"
        case .describedIn: return "biolink:mentioned_by"
        default: return "biolink:related_to"
        }
    }

    /// The local CURIE of a node: `VIGIL:kind/name`, the name percent-encoded.
    public static func curie(_ n: Node) -> String {
        "VIGIL:\(n.kind.rawValue)/" + percentEncoded(n.name)
    }

    /// The text of `nodes.tsv`.
    public static func nodesTSV(_ subgraph: Subgraph) -> String {
        var out = nodeColumns.joined(separator: "\t") + "\n"
        for n in subgraph.nodes {
            out += row([curie(n), category(n.kind), n.name, n.kind.rawValue, source])
        }
        return out
    }

    /// The text of `edges.tsv`.
    public static func edgesTSV(_ subgraph: Subgraph) -> String {
        var out = edgeColumns.joined(separator: "\t") + "\n"
        for e in subgraph.edges {
            guard let s = subgraph.node(e.src), let o = subgraph.node(e.dst) else { continue }
            let subject = curie(s), object = curie(o)
            // The id is a hash of the fact itself, so it is the same in every export of it.
            let id = "VIGIL:edge/" + fnv1a([subject, e.predicate.rawValue, object, e.assertion.rawValue,
                                             e.scope.rawValue].joined(separator: "\u{1F}"))
            out += row([id, subject, predicate(e.predicate), object, e.assertion == .negated ? "True" : "False",
                        e.predicate.rawValue, e.assertion.rawValue, e.scope.rawValue, String(e.evidenceCount),
                        e.scope == .case ? "observation" : "knowledge_assertion",
                        e.scope == .reference ? "manual_agent" : "text_mining_agent", source])
        }
        return out
    }

    /// Writes `nodes.tsv` and `edges.tsv` into `directory`, creating it when needed.
    public static func write(_ subgraph: Subgraph, to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(nodesTSV(subgraph).utf8).write(to: directory.appendingPathComponent("nodes.tsv"))
        try Data(edgesTSV(subgraph).utf8).write(to: directory.appendingPathComponent("edges.tsv"))
    }

    /// A TSV line; tabs and line breaks inside a value would break the row, so they become spaces.
    static func row(_ fields: [String]) -> String {
        fields.map { f in
            String(f.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : Character($0) })
        }.joined(separator: "\t") + "\n"
    }

    static func percentEncoded(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// 64-bit FNV-1a, as 16 hex digits: short, stable across runs and platforms (unlike `Hasher`).
    static func fnv1a(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return String(h, radix: 16).leftPadded(to: 16)
    }
}

extension String {
    fileprivate func leftPadded(to n: Int) -> String {
        count >= n ? self : String(repeating: "0", count: n - count) + self
    }
}
