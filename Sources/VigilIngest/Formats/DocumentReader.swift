import Foundation
import VigilCore

/// Why a file could not be read as documents. The message names the file and the cause.
public struct ReadError: Error, CustomStringConvertible, Hashable, Sendable {
    public let file: String
    public let cause: String
    public init(file: String, cause: String) {
        self.file = file
        self.cause = cause
    }
    public var description: String { "\(file): \(cause)" }
}

/// Turns files, directories and standard input into documents: plain text, PubMed XML
/// (`PubmedArticleSet`) or MEDLINE (`PMID- `), recognised by their content.
public struct DocumentReader: Sendable {
    /// Files larger than this are refused rather than read into memory.
    public var maxBytes: Int
    /// Every input line is its own document (the ADE corpus, one sentence per line).
    public var lines: Bool

    public init(maxBytes: Int = 32 << 20, lines: Bool = false) {
        self.maxBytes = maxBytes
        self.lines = lines
    }

    /// The endings of the files a directory walk picks up (a file named explicitly is always read).
    public static let documentExtensions: Set<String> = ["txt", "text", "xml", "medline", "nbib", ""]

    /// The files a path names: itself, or every visible document file below a directory, sorted.
    public func files(at path: String) throws -> [String] {
        if path == "-" { return ["-"] }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ReadError(file: path, cause: "no such file or directory")
        }
        guard isDir.boolValue else { return [path] }
        let root = URL(fileURLWithPath: path)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else {
            throw ReadError(file: path, cause: "cannot list the directory")
        }
        var out: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            && Self.documentExtensions.contains(url.pathExtension.lowercased()) {
            out.append(url.path)
        }
        return out.sorted()
    }

    /// The documents in one file (`-` for standard input).
    public func documents(in file: String) throws -> [SourceDocument] {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            // stat(2) directly: FileManager's attribute dictionary cost a hundredth of a report's time.
            var st = stat()
            let size = stat(file, &st) == 0 ? Int(st.st_size) : 0
            if size > maxBytes {
                throw ReadError(file: file, cause: "\(size) bytes is over the \(maxBytes >> 20) MiB limit")
            }
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw ReadError(file: file, cause: "cannot read: \(error.localizedDescription)")
            }
        }
        return try documents(data: data, file: file)
    }

    /// The documents in the bytes of a file named `file`.
    public func documents(data: Data, file: String) throws -> [SourceDocument] {
        if data.count > maxBytes {
            throw ReadError(file: file, cause: "\(data.count) bytes is over the \(maxBytes >> 20) MiB limit")
        }
        if data.isEmpty { throw ReadError(file: file, cause: "empty file") }
        if Self.hasNUL(data) { throw ReadError(file: file, cause: "binary file (contains NUL bytes)") }
        guard var text = Self.utf8String(data) else {
            throw ReadError(file: file, cause: "not UTF-8 text (invalid byte at offset \(Self.firstInvalidUTF8(data)))")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let stem = file == "-" ? "-" : ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        if lines {
            // Split on the bytes: a Character-level split costs more than the extraction of a short line.
            // On the buffer, not `utf8.split`: the generic split walked String indices byte by byte.
            var docs: [SourceDocument] = []
            text.withUTF8 { b in
                var start = 0, line = 1
                while start <= b.count {
                    var end = start
                    while end < b.count, b[end] != UInt8(ascii: "\n") { end += 1 }
                    let last = end > start && b[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
                    if last > start {
                        let bytes = UnsafeBufferPointer(rebasing: b[start..<last])
                        docs.append(SourceDocument(source: stem, text: String(decoding: bytes, as: UTF8.self), line: line))
                    }
                    start = end + 1
                    line += 1
                }
            }
            return docs
        }
        // The first byte that is not ASCII white space, rather than trimming a copy of the file;
        // past it, Unicode white space (no-break or ideographic spaces) is asked of Foundation.
        guard let b = text.utf8.first(where: { !Self.isASCIIWhiteSpace($0) }),
              b < 128 || !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ReadError(file: file, cause: "empty file (only white space)")
        }
        // A file whose first character after ASCII white space is a plain ASCII one other than "<"
        // and "P" is plain text: every format test below needs "<" or "PMID" first, and trimming
        // the head through NSString cost more than reading it.
        if b > 0x20, b < 128, b != UInt8(ascii: "<"), b != UInt8(ascii: "P") {
            return [SourceDocument(source: stem, text: text)]
        }
        let head = text.prefix(2000).trimmingCharacters(in: .whitespacesAndNewlines)
        if head.hasPrefix("<") && (head.contains("<PubmedArticleSet") || head.contains("<PubmedArticle")) {
            return try PubMedXML.documents(text: text, file: file)
        }
        if head.hasPrefix("<?xml") {
            throw ReadError(file: file, cause: "XML that is not a PubmedArticleSet")
        }
        if MEDLINE.looksLikeMEDLINE(head) {
            return try MEDLINE.documents(text: text, file: file)
        }
        return [SourceDocument(source: stem, text: text)]
    }

    private static func isASCIIWhiteSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    /// Whether the bytes hold a NUL (`memchr`, where `Data.contains` went through its iterator).
    private static func hasNUL(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return false }
            return memchr(base, 0, raw.count) != nil
        }
    }

    /// The text of UTF-8 bytes, nil when they are not valid UTF-8: what `String(data:encoding: .utf8)`
    /// gives (it drops one leading byte order mark too), validated on the buffer in one pass.
    static func utf8String(_ data: Data) -> String? {
        data.withUnsafeBytes { raw in
            var b = raw.bindMemory(to: UInt8.self)[...]
            if b.count >= 3, b[b.startIndex] == 0xEF, b[b.startIndex + 1] == 0xBB, b[b.startIndex + 2] == 0xBF {
                b = b.dropFirst(3)
            }
            return String(validating: UnsafeBufferPointer(rebasing: b), as: UTF8.self)
        }
    }

    static func firstInvalidUTF8(_ data: Data) -> Int {
        var i = 0
        let bytes = [UInt8](data)
        while i < bytes.count {
            let b = bytes[i]
            let n = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            if n == 0 || i + n > bytes.count { return i }
            if bytes[(i + 1)..<(i + n)].contains(where: { $0 >> 6 != 0b10 }) { return i }
            i += n
        }
        return i
    }
}
