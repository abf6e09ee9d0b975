import Crypto
import Foundation

/// The identity of a document's content: re-ingesting the same text is recognised by it.
public enum ContentHash {
    /// Hex SHA-256 of the UTF-8 text.
    public static func of(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
