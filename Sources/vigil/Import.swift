import ArgumentParser
import Foundation
import VigilImport

extension ImportFormat: ExpressibleByArgument {}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a reference graph (Hetionet, DrugCentral, KGX) in one transaction: all of it or nothing.",
        discussion: """
            hetionet: NODES.tsv EDGES.sif[.gz]; drugcentral: one or more drug-target TSV files; \
            kgx: NODES.tsv EDGES.tsv. Files may be gzipped. Names merge with the nodes the graph \
            already has, case-insensitively. See Sources/VigilImport/IMPORT.md.
            """)

    @OptionGroup var db: DatabaseOptions

    @Option(help: "hetionet, drugcentral or kgx.")
    var format: ImportFormat

    @Argument(help: "The input files, in the order the format names them.")
    var files: [String]

    @Option(help: "Skip and report up to this many bad lines; one more abandons the import.")
    var maxErrors = 0

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if maxErrors < 0 { throw ValidationError("--max-errors must be 0 or more") }
    }

    func run() throws {
        let bar: ProgressBar? = isatty(STDERR_FILENO) != 0 && !quiet ? ProgressBar() : nil
        var options = ImportOptions(maxErrors: maxErrors)
        if let bar { options.progress = { p in bar.show(p) } }
        let summary: ImportSummary
        do {
            summary = try ReferenceImporter(databasePath: db.path).run(format, files: files, options: options)
        } catch let e as ImportError {
            bar?.clear()
            if case .tooManyBadLines(_, let lines) = e {
                for l in lines { FileHandle.standardError.write(Data("vigil: \(l)\n".utf8)) }
            }
            throw UserFacingError(e)
        } catch {
            bar?.clear()
            throw UserFacingError(error)
        }
        bar?.clear()
        for l in summary.badLines { FileHandle.standardError.write(Data("vigil: \(l) (skipped)\n".utf8)) }
        if !quiet {
            print(String(format: "imported %@: nodes %d read, %d new, %d merged; edges %d read, %d new, %d already present; "
                         + "%d rows skipped, %d bad lines, %.2f s",
                         format.rawValue, summary.nodesRead, summary.nodesCreated, summary.nodesMerged, summary.edgesRead,
                         summary.edgesCreated, summary.edgesExisting, summary.rowsSkipped, summary.badLines.count, summary.seconds))
        }
    }
}
