import Foundation
import VigilCore

/// MEDLINE/PubMed text format: `TAG - value` lines, continuations indented by six spaces,
/// records separated by blank lines.
enum MEDLINE {
    static func looksLikeMEDLINE(_ head: String) -> Bool {
        head.hasPrefix("PMID-") || head.hasPrefix("PMID -")
    }

    static func documents(text: String, file: String) throws -> [SourceDocument] {
        var records: [[(tag: String, value: String)]] = []
        var current: [(tag: String, value: String)] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw[...]
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { records.append(current); current = [] }
            } else if line.hasPrefix("      "), !current.isEmpty {
                current[current.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let dash = line.firstIndex(of: "-"), line.distance(from: line.startIndex, to: dash) <= 4 {
                let tag = line[..<dash].trimmingCharacters(in: .whitespaces)
                let value = line[line.index(after: dash)...].trimmingCharacters(in: .whitespaces)
                current.append((tag, value))
            } else {
                throw ReadError(file: file, cause: "line \(n + 1): not a MEDLINE field (expected 'TAG - value')")
            }
        }
        if !current.isEmpty { records.append(current) }
        return records.compactMap { r in
            func first(_ t: String) -> String? { r.first { $0.tag == t }?.value }
            guard let pmid = first("PMID") else { return nil }
            let title = first("TI")
            let abstract = r.filter { $0.tag == "AB" }.map(\.value).joined(separator: "\n")
            let doi = r.first { ($0.tag == "LID" || $0.tag == "AID") && $0.value.hasSuffix("[doi]") }
                .map { $0.value.replacingOccurrences(of: "[doi]", with: "").trimmingCharacters(in: .whitespaces) }
            let year = first("DP").flatMap { Int($0.prefix(4)) }
            let body = [title, abstract].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n\n")
            return SourceDocument(source: "PMID:\(pmid)", text: body, title: title, pmid: pmid, doi: doi,
                                  journal: first("JT") ?? first("TA"), year: year)
        }
    }
}
