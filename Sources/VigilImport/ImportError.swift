import Foundation

/// Why an import stopped. Every case leaves the database as it was before the import began.
///
/// Messages are the catalogue: lower-case, no trailing period, the file first when there is one.
public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotRead(file: String, cause: String)
    case wrongFileCount(format: ImportFormat, given: Int)
    case missingColumns(file: String, columns: [String])
    case emptyFile(file: String)
    /// More bad lines than `--max-errors` allows; `lines` are the ones seen, the last one over the limit.
    case tooManyBadLines(limit: Int, lines: [BadLine])
    /// The store refused a write (disk full, database locked by another writer, …).
    case store(message: String)

    public var description: String {
        switch self {
        case .cannotRead(let file, let cause):
            return "\(file): cannot read: \(cause)"
        case .wrongFileCount(let format, let given):
            return "--format \(format.rawValue) takes \(format.fileRoles), given \(given) file\(given == 1 ? "" : "s")"
        case .missingColumns(let file, let columns):
            return "\(file): missing column\(columns.count == 1 ? "" : "s") \(columns.joined(separator: ", ")) in the header"
        case .emptyFile(let file):
            return "\(file): empty file"
        case .tooManyBadLines(let limit, _):
            return "more than \(limit) bad line\(limit == 1 ? "" : "s") (--max-errors \(limit)): nothing imported"
        case .store(let message):
            return "\(message): nothing imported"
        }
    }
}

/// A line the importer could not use, with where it is.
public struct BadLine: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var problem: LineProblem

    public init(file: String, line: Int, problem: LineProblem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    /// `FILE:LINE: problem`, the form compilers use, so editors can jump to it.
    public var description: String { "\(file):\(line): \(problem)" }
}

/// What is wrong with one input line.
public enum LineProblem: Equatable, Sendable, CustomStringConvertible {
    case fieldCount(expected: Int, found: Int)
    case emptyField(String)
    case unknownNode(String)
    case duplicateNode(String)

    public var description: String {
        switch self {
        case .fieldCount(let expected, let found):
            return "expected \(expected) tab-separated fields, found \(found)"
        case .emptyField(let name):
            return "empty \(name)"
        case .unknownNode(let id):
            return "unknown node '\(id)' (not in the nodes file)"
        case .duplicateNode(let id):
            return "node '\(id)' listed twice"
        }
    }
}
