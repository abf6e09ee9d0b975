import Foundation

/// The state one import carries through its readers: the loader, the bad lines, the progress clock.
struct ImportRun {
    var loader: GraphLoader
    var badLines: BadLineLimit
    let progress: (@Sendable (ImportProgress) -> Void)?
    let started: Date
    /// Bytes of all input files, and bytes of the files finished so far, for one bar across files.
    let inputBytes: Int64
    var finishedBytes: Int64 = 0
    var rows = 0

    /// Reports a bad line; throws once there are too many.
    mutating func bad(_ reader: LineReader, _ problem: LineProblem) throws {
        try badLines.report(BadLine(file: reader.path, line: reader.lineNumber, problem: problem))
    }

    /// Counts a line read; every 64k lines, tells the progress handler.
    mutating func tick(_ reader: LineReader) {
        rows += 1
        if rows & 0xFFFF == 0, let progress {
            progress(ImportProgress(phase: .reading, rows: rows, done: finishedBytes + reader.bytesRead,
                                    total: inputBytes, elapsed: Date().timeIntervalSince(started)))
        }
    }

    mutating func finished(_ reader: LineReader) { finishedBytes += reader.byteCount }
}

/// A header line: column name → index, refused when a required column is missing.
func columns(of fields: Fields, in file: String, required: [String], uppercased: Bool = false) throws -> [String: Int] {
    var column: [String: Int] = [:]
    for i in 0 ..< fields.count { column[uppercased ? fields.string(i).uppercased() : fields.string(i)] = i }
    let missing = required.filter { column[$0] == nil }
    if !missing.isEmpty { throw ImportError.missingColumns(file: file, columns: missing) }
    return column
}

extension UnsafeBufferPointer where Element == UInt8 {
    var string: String { String(decoding: self, as: UTF8.self) }
}
