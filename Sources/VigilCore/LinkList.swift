/// The `ids` of a `reference_link` row (schema m0004): a node's neighbours of one predicate and
/// direction, as a JSON array of node ids in ascending order, `[12,407,9031]`. JSON so that SQL
/// reads it with `json_each`; written and read here without a JSON library, since an import
/// writes 2.8 million ids and a graph read parses them all.
public enum LinkList {
    /// Appends `[a,b,c]` to `out`.
    public static func encode(_ ids: [Int64], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (n, id) in ids.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            if id < 0 { out.append(UInt8(ascii: "-")) }
            var v = id.magnitude
            var width = 1
            var rest = v / 10
            while rest > 0 { width += 1; rest /= 10 }
            // The digits are written from the last: make room, then fill it.
            for _ in 0 ..< width { out.append(0) }
            var i = out.count - 1
            repeat {
                out[i] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: v % 10)
                v /= 10
                i -= 1
            } while v > 0
        }
        out.append(UInt8(ascii: "]"))
    }

    public static func encode(_ ids: [Int64]) -> String {
        var out: [UInt8] = []
        encode(ids, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Calls `body` with each id of an array's text, in order. Anything but digits, a minus sign,
    /// commas, brackets and blanks is not a list this module wrote: returns false. Inlinable: a
    /// graph read calls it for every link, and a call per id across modules cost a tenth of it.
    @inlinable @discardableResult
    public static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int64) throws -> Void) rethrows -> Bool {
        var value: Int64 = 0
        var negative = false
        var inNumber = false
        for b in bytes {
            switch b {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"):
                value = value &* 10 &+ Int64(b &- UInt8(ascii: "0"))
                inNumber = true
            case UInt8(ascii: "-") where !inNumber:
                negative = true
            case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "["):
                if inNumber { try body(negative ? -value : value) }
                value = 0; negative = false; inNumber = false
            default:
                return false
            }
        }
        if inNumber { try body(negative ? -value : value) }
        return true
    }

    /// The ids of an array's text.
    public static func decode(_ text: String) -> [Int64] {
        var ids: [Int64] = []
        var text = text
        text.withUTF8 { _ = forEach(in: $0) { ids.append($0) } }
        return ids
    }
}
