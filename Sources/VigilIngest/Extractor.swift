import Foundation
import VigilCore

/// Reads a case report or a sentence and says what it states: triples with evidence, and the
/// facts of each case it describes.
public struct Extractor: Sendable {
    /// Version recorded with every evidence row this extractor writes.
    public static let version = "vigil-extract/1"

    public let lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Extracts one document. Never throws: text it cannot use yields fewer triples, not an error.
    public func extract(_ doc: SourceDocument) -> ExtractedDocument {
        // Placeholder until the extractor lands: no triples, no cases.
        ExtractedDocument(source: doc.source, line: doc.line, title: doc.title, pmid: doc.pmid, doi: doc.doi,
                          journal: doc.journal, year: doc.year, contentHash: ContentHash.of(doc.text))
    }
}
