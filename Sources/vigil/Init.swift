import ArgumentParser
import Foundation
import VigilIngest
import VigilStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the database (or bring its schema up to date) and load the reference seeds.")

    @OptionGroup var db: DatabaseOptions

    @Flag(help: "Create the schema only, without the reference seeds (target families, drug–target edges).")
    var empty = false

    func run() throws {
        let store = try db.open()
        if !empty {
            do {
                let seed = try ReferenceSeed.load(from: Lexicon.defaultDirectory)
                let r = try store.write(triples: seed.triples, extractor: ReferenceSeed.extractor)
                try store.addAliases(seed.aliases)
                try store.replaceVocabulary(seed.vocabulary)
                print("seeded \(r.newEdges) reference edges, \(r.newNodes) nodes, \(seed.vocabulary.count) vocabulary names")
            } catch { throw UserFacingError(error) }
        }
        print("\(store.path): schema \(GraphStore.knownMigrations.last ?? "")")
    }
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Nodes by kind, edges by predicate and scope, documents.")

    @OptionGroup var db: DatabaseOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let s: StoreStats
        do { s = try db.open().stats() } catch { throw UserFacingError(error) }
        if json {
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try enc.encode(s), as: UTF8.self))
            return
        }
        func section(_ title: String, _ counts: [String: Int]) {
            print(title)
            if counts.isEmpty { print("  (none)") }
            let width = counts.keys.map(\.count).max() ?? 0
            for (k, v) in counts.sorted(by: { $0.key < $1.key }) {
                print("  " + k.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(v)")
            }
        }
        section("nodes", s.nodesByKind)
        section("edges by predicate", s.edgesByPredicate)
        section("edges by scope", s.edgesByScope)
        print("documents  \(s.documents)")
        print("evidence   \(s.evidence)")
    }
}
