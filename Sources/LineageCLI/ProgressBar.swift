import Foundation

/// A progress bar on standard error for work that may take more than about a second.
///
/// It draws nothing unless standard error is a terminal (so logs and pipes stay clean) and nothing
/// until the work has lasted `delay` seconds (so quick runs stay quiet); it redraws at most ten
/// times a second and erases itself when done. Call ``update(_:of:)`` as work advances and
/// ``finish()`` at the end.
final class ProgressBar {
    let label: String
    private let enabled: Bool
    private let delay: Double
    private let write: (String) -> Void
    private let started: Double
    private var lastDrawn: Double?

    /// `enabled` defaults to whether standard error is a terminal; `write` to writing to it.
    init(_ label: String, enabled: Bool = Terminal.standardError.isTerminal, delay: Double = 1.0,
         write: @escaping (String) -> Void = { Terminal.standardError.write($0) }) {
        self.label = Terminal.sanitize(label).replacingOccurrences(of: "\n", with: " ")
        self.enabled = enabled
        self.delay = delay
        self.write = write
        started = ProgressBar.now
    }

    private static var now: Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    func update(_ done: Int, of total: Int) {
        guard enabled else { return }
        let now = ProgressBar.now
        guard now - started >= delay else { return }
        if let last = lastDrawn, now - last < 0.1, done < total { return }
        lastDrawn = now
        write("\r\u{1B}[K" + ProgressBar.line(label, done: done, total: total))
    }

    /// Erases the bar if it was drawn.
    func finish() {
        if lastDrawn != nil { write("\r\u{1B}[K") }
        lastDrawn = nil
    }

    /// `label [##########..........]  5/10`.
    static func line(_ label: String, done: Int, total: Int, width: Int = 28) -> String {
        let fraction = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 0
        let filled = Int((fraction * Double(width)).rounded(.down))
        return "\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(done)/\(total)"
    }
}
