import Foundation
import VigilCore

/// The reference knowledge `vigil init` loads from `Seeds/vocab`: target families and their members,
/// drug–target edges (DrugCentral, scope `reference`), and the aliases that name those nodes.
public struct ReferenceSeed: Sendable {
    public static let extractor = "seed-vocab/1"

    public var triples: [Triple] = []
    public var aliases: [NodeAlias] = []
    /// Every name of every vocabulary term: drugs, targets, target families, reactions.
    public var vocabulary: [NodeAlias] = []

    /// Reads `target_families.tsv` and `drug_targets.tsv` from the vocabulary folder.
    public static func load(from directory: URL) throws -> ReferenceSeed {
        var seed = ReferenceSeed()
        for row in try TSV.rows(directory.appendingPathComponent("target_families.tsv")) {
            let family = Mention(kind: .targetFamily, name: row["family"])
            for member in row.list("members") {
                seed.triples.append(Triple(subject: Mention(kind: .target, name: member), predicate: .memberOf,
                                           object: .entity(family), scope: .reference))
            }
            for a in row.list("aliases") {
                seed.aliases.append(NodeAlias(kind: .targetFamily, name: family.name, alias: a, source: "vocab"))
            }
        }
        for row in try TSV.rows(directory.appendingPathComponent("drug_targets.tsv")) {
            seed.triples.append(Triple(subject: Mention(kind: .drug, name: row["drug"]), predicate: .targets,
                                       object: .entity(Mention(kind: .target, name: row["target"])),
                                       scope: .reference,
                                       evidence: nil))
        }
        for (file, kind, nameColumn, synonymColumn) in [("drugs.tsv", EntityKind.drug, "name", "synonyms"),
                                                        ("targets.tsv", .target, "symbol", "aliases"),
                                                        ("target_families.tsv", .targetFamily, "family", "aliases"),
                                                        ("reactions.tsv", .reaction, "name", "synonyms")] {
            for row in try TSV.rows(directory.appendingPathComponent(file)) {
                let name = row[nameColumn]
                for alias in [name] + row.list(synonymColumn) {
                    seed.vocabulary.append(NodeAlias(kind: kind, name: name, alias: alias, source: file))
                }
            }
        }
        return seed
    }
}

/// A tab-separated file with a header line; `|` separates the values of a multi-valued column.
public enum TSV {
    public struct Row {
        let fields: [String: String]
        public subscript(_ column: String) -> String { fields[column] ?? "" }
        public func list(_ column: String) -> [String] {
            self[column].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    public struct FormatError: Error, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let cause: String
        public var description: String { "\(file):\(line): \(cause)" }
    }

    /// Every row of the file; an unreadable file or a row with the wrong number of columns is an
    /// error naming the file and line.
    public static func rows(_ url: URL) throws -> [Row] {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw FormatError(file: url.path, line: 0, cause: "cannot read: \(error.localizedDescription)")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let header = lines.first else { throw FormatError(file: url.path, line: 1, cause: "empty file") }
        let columns = header.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        var out: [Row] = []
        for (i, line) in lines.dropFirst().enumerated() where !line.isEmpty {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == columns.count else {
                throw FormatError(file: url.path, line: i + 2, cause: "expected \(columns.count) columns, found \(f.count)")
            }
            out.append(Row(fields: Dictionary(zip(columns, f), uniquingKeysWith: { a, _ in a })))
        }
        return out
    }
}
