import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import VigilCore

/// PubMed XML (`PubmedArticleSet`): one document per `PubmedArticle`, its text the title and the
/// abstract (labelled parts as "LABEL: text"), separated by a blank line.
enum PubMedXML {
    static func documents(text: String, file: String) throws -> [SourceDocument] {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = Collector()
        parser.delegate = collector
        let ok = parser.parse()
        // libxml2 behind FoundationXML may accept a mismatched end tag, so the collector checks nesting too.
        if !ok || parser.parserError != nil || collector.problem != nil || !collector.open.isEmpty {
            let cause = collector.problem?.cause
                ?? parser.parserError.map { "\($0.localizedDescription)" }
                ?? "unclosed element <\(collector.open.last ?? "")>"
            let line = collector.problem?.line ?? parser.lineNumber
            let column = collector.problem?.column ?? parser.columnNumber
            throw ReadError(file: file, cause: "XML does not parse at line \(line), column \(column): \(cause)")
        }
        return collector.articles.compactMap { a in
            guard let pmid = a.pmid else { return nil }
            let body = [a.title, a.abstract.joined(separator: "\n")].filter { !$0.isEmpty }.joined(separator: "\n\n")
            return SourceDocument(source: "PMID:\(pmid)", text: body, title: a.title.isEmpty ? nil : a.title,
                                  pmid: pmid, doi: a.doi, journal: a.journal, year: a.year)
        }
    }

    struct Article {
        var pmid: String?
        var title = ""
        var abstract: [String] = []
        var journal: String?
        var year: Int?
        var doi: String?
    }

    // XMLParser's delegate must be a class; it lives only for one parse on one thread.
    final class Collector: NSObject, XMLParserDelegate {
        var articles: [Article] = []
        /// The first nesting error: an end tag that does not close the open element.
        var problem: (line: Int, column: Int, cause: String)?
        /// The elements open at the point reached.
        var open: [String] { path }
        private var current: Article?
        private var path: [String] = []
        private var text = ""
        private var label: String?
        private var idType: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            path.append(name)
            if !Self.inline.contains(name) { text = "" }
            switch name {
            case "PubmedArticle", "PubmedBookArticle": current = Article()
            case "AbstractText": label = attributes["Label"]
            case "ArticleId": idType = attributes["IdType"]
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        static let inline: Set<String> = ["i", "b", "sup", "sub", "u"]

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if path.last != name {
                if problem == nil {
                    problem = (parser.lineNumber, parser.columnNumber,
                               "</\(name)> does not close <\(path.last ?? "")>")
                }
                parser.abortParsing()
                return
            }
            defer { path.removeLast() }
            guard current != nil else { return }
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            let parent = path.dropLast().last
            switch name {
            case "PMID" where parent == "MedlineCitation" && current?.pmid == nil: current?.pmid = value
            case "ArticleTitle", "BookTitle": current?.title = value
            case "AbstractText": current?.abstract.append(label.map { "\($0.uppercased()): \(value)" } ?? value)
            case "Title" where parent == "Journal": current?.journal = value
            case "Year" where parent == "PubDate": current?.year = Int(value)
            case "ArticleId" where idType == "doi": current?.doi = value
            case "PubmedArticle", "PubmedBookArticle":
                if let a = current { articles.append(a) }
                current = nil
            default: break
            }
            // Inline markup inside a title or abstract (<i>, <sup>) must not cut its text short.
            if Self.inline.contains(name) { return }
            text = ""
        }
    }
}
