import Foundation

/// A one-line progress bar on stderr: phase, bar, rows/s and ETA. The caller shows it only when
/// stderr is a terminal; redraws are throttled to ten a second.
public final class ProgressBar: @unchecked Sendable {
    // @unchecked: the import calls `show` from one thread at a time; the lock guards the redraw clock anyway.
    private let lock = NSLock()
    private var lastDraw = 0.0
    private var phase: ImportProgress.Phase?
    private var phaseStart = 0.0
    private let width: Int

    public init(width: Int = 30) { self.width = width }

    public func show(_ p: ImportProgress) {
        lock.lock()
        defer { lock.unlock() }
        if p.elapsed - lastDraw < 0.1, p.done < p.total { return }
        lastDraw = p.elapsed
        if p.phase != phase { phase = p.phase; phaseStart = p.elapsed }
        var inPhase = p
        inPhase.elapsed = p.elapsed - phaseStart
        FileHandle.standardError.write(Data(("\r" + Self.line(inPhase, width: width) + "\u{1B}[K").utf8))
    }

    public func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// The text of the bar (`elapsed` counted from the start of the phase), e.g. `reading [=========>          ] 31%  412,000 rows  1.2M rows/s  ETA 2s`.
    public static func line(_ p: ImportProgress, width: Int = 30) -> String {
        let fraction = p.total > 0 ? min(1, Double(p.done) / Double(p.total)) : 0
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "=", count: filled) + (filled < width ? ">" : "")
            + String(repeating: " ", count: max(0, width - filled - 1))
        let rate = p.elapsed > 0 ? Double(p.rows) / p.elapsed : 0
        var text = "\(p.phase.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) [\(bar)] \(Int(fraction * 100))%  \(p.rows) rows"
        if rate > 0 { text += String(format: "  %.0f rows/s", rate) }
        if fraction > 0.01, fraction < 1, p.elapsed > 0 {
            // Time per fraction of this phase so far, applied to what is left.
            let eta = p.elapsed * (1 - fraction) / fraction
            text += String(format: "  ETA %.0fs", eta.rounded(.up))
        }
        return text
    }
}
