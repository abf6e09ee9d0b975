/// Collects bad lines and stops the import once there are more than `--max-errors`.
struct BadLineLimit {
    let maxErrors: Int
    private(set) var lines: [BadLine] = []

    init(maxErrors: Int) { self.maxErrors = maxErrors }

    mutating func report(_ line: BadLine) throws(ImportError) {
        lines.append(line)
        if lines.count > maxErrors { throw .tooManyBadLines(limit: maxErrors, lines: lines) }
    }
}
