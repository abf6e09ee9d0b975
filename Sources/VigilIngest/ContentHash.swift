import Crypto
import Foundation

/// The identity of a document's content: re-ingesting the same text is recognised by it.
public enum ContentHash {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Hex SHA-256 of the UTF-8 text. Encoded from a table: `String(format:)` per byte cost a
    /// quarter of the extraction time of a short sentence.
    public static func of(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in SHA256.hash(data: Data(text.utf8)) {
            out.append(hex[Int(b >> 4)])
            out.append(hex[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
