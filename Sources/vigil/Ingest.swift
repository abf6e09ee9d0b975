import ArgumentParser
import Foundation
import VigilCore
import VigilIngest
import VigilStore

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract documents and store them: one transaction per document, nothing partial.",
        discussion: "A document already stored (same content hash or PMID) is skipped and counted.")

    @OptionGroup var db: DatabaseOptions
    @OptionGroup var input: InputOptions

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let load = LexiconLoad.take()
        let store = try db.open()
        let extractor: Extractor
        do { extractor = Extractor(lexicon: try load.get()) } catch { throw UserFacingError(error) }
        let files = input.files()
        let progress = files.count > 20 && isatty(STDERR_FILENO) != 0
        var documents = 0, duplicates = 0, triples = 0, evidence = 0
        var failures: [String] = []
        for (n, (file, error)) in files.enumerated() {
            if progress { FileHandle.standardError.write(Data("\r\(n + 1)/\(files.count) \(file)\u{1B}[K".utf8)) }
            do {
                if let error { throw error }
                for doc in try input.reader.documents(in: file) {
                    let r = try store.ingest(extractor.extract(doc), extractor: Extractor.version)
                    if r.stored { documents += 1 } else { duplicates += 1 }
                    triples += r.newEdges
                    evidence += r.newEvidence
                }
            } catch {
                failures.append("\(error)")
            }
        }
        if progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        for f in failures { FileHandle.standardError.write(Data("vigil: \(f)\n".utf8)) }
        if !quiet {
            print("documents stored \(documents), duplicates skipped \(duplicates), new triples \(triples), new evidence \(evidence), failed files \(failures.count)")
        }
        if !failures.isEmpty { throw ExitCode(1) }
    }
}
