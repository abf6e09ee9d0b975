import Foundation
import VigilCore

/// Writes an `ExtractedDocument` as one line of JSON, byte for byte what `JSONEncoder` gives with
/// `[.sortedKeys, .withoutEscapingSlashes]`, without its boxing of every value: on a corpus of
/// short sentences the generic encoder cost more than the extraction.
///
/// Case facts are written here too when their numbers are whole; others (holding doubles whose
/// formatting is `JSONEncoder`'s own) go through a `JSONEncoder` with the same options.
public struct JSONLineWriter {
    private let caseEncoder: JSONEncoder

    public init() {
        caseEncoder = JSONEncoder()
        caseEncoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    /// Appends the document's JSON (without a line break) to `out`.
    public func write(_ d: ExtractedDocument, to out: inout [UInt8]) throws {
        // Room for a line of a few triples at once, rather than regrowing the array four times.
        out.reserveCapacity(out.count + 256 + 768 * d.triples.count)
        out.append(UInt8(ascii: "{"))
        key("cases", &out, first: true)
        if d.cases.isEmpty {
            out.append(contentsOf: "[]".utf8)
        } else if !cases(d.cases, &out) {
            out.append(contentsOf: try caseEncoder.encode(d.cases))
        }
        if !d.contentHash.isEmpty {  // none when not computed (`extract --lines`)
            key("content_hash", &out)
            string(d.contentHash, &out)
        }
        if let v = d.doi { key("doi", &out); string(v, &out) }
        if let v = d.journal { key("journal", &out); string(v, &out) }
        if let v = d.line { key("line", &out); int(v, &out) }
        if let v = d.pmid { key("pmid", &out); string(v, &out) }
        key("source", &out)
        string(d.source, &out)
        if let v = d.title { key("title", &out); string(v, &out) }
        key("triples", &out)
        out.append(UInt8(ascii: "["))
        for (i, t) in d.triples.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            triple(t, &out)
        }
        out.append(UInt8(ascii: "]"))
        if let v = d.year { key("year", &out); int(v, &out) }
        out.append(UInt8(ascii: "}"))
    }

    private func triple(_ t: Triple, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        key("assertion", &out, first: true)
        string(t.assertion.rawValue, &out)
        if let e = t.evidence {
            key("evidence", &out)
            out.append(UInt8(ascii: "{"))
            key("end", &out, first: true)
            int(e.end, &out)
            if let s = e.section { key("section", &out); string(s, &out) }
            key("start", &out)
            int(e.start, &out)
            key("text", &out)
            string(e.text, &out)
            out.append(UInt8(ascii: "}"))
        }
        key("object", &out)
        switch t.object {
        case .entity(let m): mention(m, &out)
        case .literal(let l):
            out.append(UInt8(ascii: "{"))
            var first = true
            if let a = l.about { key("about", &out, first: true); string(a, &out); first = false }
            key("kind", &out, first: first)
            string("literal", &out)
            if let u = l.unit { key("unit", &out); string(u, &out) }
            key("value", &out)
            string(l.value, &out)
            out.append(UInt8(ascii: "}"))
        }
        key("predicate", &out)
        string(t.predicate.rawValue, &out)
        key("scope", &out)
        string(t.scope.rawValue, &out)
        key("subject", &out)
        mention(t.subject, &out)
        out.append(UInt8(ascii: "}"))
    }

    private func mention(_ m: Mention, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        var first = true
        if let e = m.end { key("end", &out, first: true); int(e, &out); first = false }
        key("kind", &out, first: first)
        string(m.kind.rawValue, &out)
        key("name", &out)
        string(m.name, &out)
        if let s = m.start { key("start", &out); int(s, &out) }
        if let t = m.text { key("text", &out); string(t, &out) }
        out.append(UInt8(ascii: "}"))
    }

    /// Case facts written here when every number in them is a whole number (ages, days), which
    /// `JSONEncoder` writes without a fraction; false, with nothing written, when one is not.
    private func cases(_ cs: [CaseFacts], _ out: inout [UInt8]) -> Bool {
        func whole(_ x: Double?) -> Bool { x.map { $0 == $0.rounded() && abs($0) < 1e15 && !($0 == 0 && $0.sign == .minus) } ?? true }
        guard cs.allSatisfy({ c in
            whole(c.age) && (c.ageRange ?? []).allSatisfy(whole) && c.reactions.allSatisfy { whole($0.onsetDays) }
        }) else { return false }
        func number(_ x: Double) { int(Int(x), &out) }
        out.append(UInt8(ascii: "["))
        for (i, c) in cs.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            var first = true
            func field(_ k: StaticString) { key(k, &out, first: first); first = false }
            if let v = c.age { field("age"); number(v) }
            if let v = c.ageRange {
                field("age_range")
                out.append(UInt8(ascii: "["))
                for (j, x) in v.enumerated() {
                    if j > 0 { out.append(UInt8(ascii: ",")) }
                    number(x)
                }
                out.append(UInt8(ascii: "]"))
            }
            field("drugs")
            out.append(UInt8(ascii: "["))
            for (j, d) in c.drugs.enumerated() {
                if j > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "{"))
                var f = true
                if let v = d.dose { key("dose", &out, first: f); f = false; string(v, &out) }
                key("name", &out, first: f)
                string(d.name, &out)
                key("role", &out)
                string(d.role.rawValue, &out)
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
            if let v = c.indication { field("indication"); string(v, &out) }
            field("reactions")
            out.append(UInt8(ascii: "["))
            for (j, r) in c.reactions.enumerated() {
                if j > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "{"))
                key("dechallenge", &out, first: true)
                string(r.dechallenge.rawValue, &out)
                if let v = r.drug { key("drug", &out); string(v, &out) }
                key("name", &out)
                string(r.name, &out)
                if let v = r.onsetDays { key("onset_days", &out); number(v) }
                if let v = r.outcome { key("outcome", &out); string(v, &out) }
                key("rechallenge", &out)
                string(r.rechallenge.rawValue, &out)
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
            if let v = c.sex { field("sex"); string(v, &out) }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return true
    }

    @inline(__always)
    private func key(_ k: StaticString, _ out: inout [UInt8], first: Bool = false) {
        if !first { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\""))
        // Byte by byte: appending a key's few bytes as a buffer, or `"\":".utf8`, cost a few
        // hundred instructions each through the general `append(contentsOf:)`.
        k.withUTF8Buffer { for b in $0 { out.append(b) } }
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
    }

    private func int(_ v: Int, _ out: inout [UInt8]) {
        // Digits written in place, highest first: `String(v)` made a string for every offset.
        guard v >= 0 else { out.append(contentsOf: String(v).utf8); return }
        var unit = 1
        while unit <= v / 10 { unit *= 10 }
        var rest = v
        while unit > 0 {
            out.append(UInt8(truncatingIfNeeded: 48 + rest / unit))
            rest %= unit
            unit /= 10
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// JSON string escaping as Foundation's writer does it: `"` `\` and control characters only.
    func string(_ s: String, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape at all: copied in one piece.
        var s = s
        let plain = s.withUTF8 { u -> Bool in
            for b in u where b < 0x20 || b == 0x22 || b == 0x5C { return false }
            out.append(contentsOf: u)
            return true
        }
        if plain {
            out.append(UInt8(ascii: "\""))
            return
        }
        for b in s.utf8 {
            switch b {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(Self.hex[Int(b >> 4)])
                out.append(Self.hex[Int(b & 15)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
