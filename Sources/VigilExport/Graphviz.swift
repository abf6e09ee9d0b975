import Foundation

/// Runs graphviz `dot` to turn DOT text into SVG or PNG.
public enum Graphviz {
    /// The `dot` program on `PATH`, or nil when graphviz is not installed.
    public static func executable(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("dot")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// The drawing of `dot` in `format` (`svg`, `png`, any `-T` format graphviz knows).
    public static func render(_ dot: String, format: String) throws -> Data {
        try run(dot, format: format).output
    }

    /// The drawing and what dot said on standard error (warnings, when it succeeds).
    static func run(_ dot: String, format: String) throws -> (output: Data, diagnostics: String) {
        guard let program = executable() else { throw ExportError.graphvizMissing(format: format) }
        // Files rather than pipes: a large graph would fill a pipe while dot waits for its input.
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigil-dot-\(ProcessInfo.processInfo.globallyUniqueString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("graph.dot")
        let output = dir.appendingPathComponent("graph.\(format)")
        let errors = dir.appendingPathComponent("stderr.txt")
        try Data(dot.utf8).write(to: input)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = program
        process.arguments = ["-T\(format)", input.path, "-o", output.path]
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        if process.terminationStatus != 0 {
            throw ExportError.graphvizFailed(status: process.terminationStatus,
                                             message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return (try Data(contentsOf: output), message)
    }
}
