import ArgumentParser
import Foundation
import VigilStore

/// `vigil`: the command line. Thin: every command parses its options and calls a library.
@main
struct Vigil: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vigil",
        abstract: "A pharmacovigilance literature knowledge graph.",
        discussion: "The database is --db PATH, else $VIGIL_DB, else ./vigil.db.",
        version: "0.1.0",
        subcommands: [Init.self, Stats.self, Extract.self, Ingest.self, Export.self, Import.self, Query.self, Repl.self],
        // Plain `vigil` opens the prompt on a terminal, and reads queries from a pipe.
        defaultSubcommand: Repl.self
    )

    static func main() {
        LexiconLoad.begin(arguments: CommandLine.arguments)
        main(nil)
    }
}

/// The `--db` option every command that touches the store shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite file (default: $VIGIL_DB, else ./vigil.db).")
    var db: String?

    var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["VIGIL_DB"], !env.isEmpty { return env }
        return "vigil.db"
    }

    /// Opens the store, turning a store error into the one-line message the user sees.
    func open() throws -> GraphStore {
        do { return try GraphStore(path: path) } catch { throw UserFacingError(error) }
    }
}

/// An error shown as one line on stderr with a non-zero exit; the single place errors become text.
struct UserFacingError: Error, CustomStringConvertible {
    let message: String
    init(_ error: any Error) {
        message = String(describing: error)
    }
    init(message: String) { self.message = message }
    var description: String { message }
}
