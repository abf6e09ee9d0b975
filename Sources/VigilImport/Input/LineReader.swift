import CZlib
import Foundation

/// Reads a text file line by line, gzip or plain (zlib passes plain files through), in fixed-size
/// chunks: memory stays flat whatever the file size.
///
/// Lines are handed out as byte slices of the reader's buffer, valid only during the callback:
/// the importer maps ids without making a `String` per field.
final class LineReader {
    let path: String
    /// The file's size on disk (compressed size for .gz), for progress.
    let byteCount: Int64
    private let file: gzFile
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var atEOF = false
    /// The number of the line last handed out, from 1.
    private(set) var lineNumber = 0

    init(path: String, chunkSize: Int = 1 << 20) throws(ImportError) {
        self.path = path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else {
            throw .cannotRead(file: path, cause: "no such file")
        }
        guard let f = gzopen(path, "rb") else { throw .cannotRead(file: path, cause: String(cString: strerror(errno))) }
        gzbuffer(f, 1 << 17)
        file = f
        byteCount = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        capacity = chunkSize
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        gzclose(file)
        buffer.deallocate()
    }

    /// Bytes of the file consumed so far (compressed bytes for .gz).
    var bytesRead: Int64 { Int64(gzoffset(file)) }

    /// Calls `body` with each line, without its line ending (LF or CRLF); stops early when it returns false.
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>) throws -> Bool) throws {
        while true {
            if let nl = findNewline() {
                var lineEnd = nl
                if lineEnd > start, buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                lineNumber += 1
                let line = UnsafeBufferPointer(start: buffer + start, count: lineEnd - start)
                start = nl + 1
                if try !body(line) { return }
                continue
            }
            if atEOF {
                if start < end {
                    lineNumber += 1
                    var lineEnd = end
                    if buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                    let line = UnsafeBufferPointer(start: buffer + start, count: lineEnd - start)
                    start = end
                    _ = try body(line)
                }
                return
            }
            try refill()
        }
    }

    private func findNewline() -> Int? {
        guard start < end, let p = memchr(buffer + start, Int32(UInt8(ascii: "\n")), end - start) else { return nil }
        return buffer.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }

    private func refill() throws {
        // Keep the unfinished line, growing the buffer when a single line fills it.
        let pending = end - start
        if start > 0 {
            if pending > 0 { memmove(buffer, buffer + start, pending) }
            start = 0
            end = pending
        }
        if end == capacity {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = bigger
            capacity *= 2
        }
        let n = gzread(file, buffer + end, UInt32(capacity - end))
        if n < 0 {
            var code: Int32 = 0
            let message = gzerror(file, &code).map { String(cString: $0) } ?? "read error"
            throw ImportError.cannotRead(file: path, cause: message)
        }
        if n == 0 { atEOF = true }
        end += Int(n)
    }
}

/// The tab-separated fields of one line, as byte slices.
struct Fields {
    private(set) var ranges: [UnsafeBufferPointer<UInt8>] = []

    /// Splits `line` at tabs; `into` is reused between lines to avoid allocating.
    static func split(_ line: UnsafeBufferPointer<UInt8>, into fields: inout Fields) {
        fields.ranges.removeAll(keepingCapacity: true)
        guard let base = line.baseAddress else { fields.ranges.append(line); return }
        var p = base
        let stop = base + line.count
        while true {
            let rest = stop - p
            if rest > 0, let tab = memchr(p, Int32(UInt8(ascii: "\t")), rest) {
                let t = UnsafePointer(tab.assumingMemoryBound(to: UInt8.self))
                fields.ranges.append(UnsafeBufferPointer(start: p, count: t - p))
                p = t + 1
            } else {
                fields.ranges.append(UnsafeBufferPointer(start: p, count: rest))
                return
            }
        }
    }

    var count: Int { ranges.count }
    subscript(i: Int) -> UnsafeBufferPointer<UInt8> { ranges[i] }

    /// Field `i` as text, with one pair of surrounding double quotes removed (DrugCentral quotes its fields).
    func string(_ i: Int) -> String {
        var f = ranges[i]
        if f.count >= 2, f.first == UInt8(ascii: "\""), f.last == UInt8(ascii: "\"") {
            f = UnsafeBufferPointer(rebasing: f[1 ..< f.count - 1])
        }
        return String(decoding: f, as: UTF8.self)
    }
}
