import Foundation
import VigilCore

/// The vocabularies that name drugs, targets, target families and reactions (`Seeds/vocab/*.tsv`).
public struct Lexicon: Sendable {
    /// Where the vocabularies are read from: `$VIGIL_SEEDS/vocab` when set, else the `Seeds/vocab`
    /// folder of the checkout this binary was built from.
    public static var defaultDirectory: URL {
        if let env = ProcessInfo.processInfo.environment["VIGIL_SEEDS"], !env.isEmpty {
            return URL(fileURLWithPath: env).appendingPathComponent("vocab")
        }
        // Sources/VigilIngest/Lexicon.swift → the package root.
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Seeds/vocab")
    }

    public let directory: URL

    public init(directory: URL = Lexicon.defaultDirectory) throws {
        self.directory = directory
    }
}
