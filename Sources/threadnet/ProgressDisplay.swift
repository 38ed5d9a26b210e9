import Foundation
import ThreadNetCore

/// Shows a run's ``RunProgress`` on stderr while it lasts: phase, items done of total, rate and
/// elapsed time, redrawn in place a few times a second.
///
/// Nothing is shown when stderr is not a terminal (scripts and CI logs stay clean), with
/// `--quiet`, or in the run's first second.
final class ProgressDisplay: @unchecked Sendable {
    let progress: RunProgress
    private let start = ContinuousClock.now
    private let lock = NSLock()
    private var running = true
    private var shown = false
    private var thread: Thread?
    private let timings: Bool
    /// How long a run lasts before its progress is shown (`THREADNET_PROGRESS_AFTER` seconds
    /// overrides the second, for tests).
    private let delay: Duration = .milliseconds(Int(1000 * (Double(ProcessInfo.processInfo.environment["THREADNET_PROGRESS_AFTER"] ?? "") ?? 1)))

    /// A display of a new progress; `quiet` or a non-terminal stderr make it show nothing.
    /// With `timings`, the phases are timed (and listed by ``finish()``) whatever is shown.
    init(quiet: Bool, timings: Bool = false) {
        let active = !quiet && isatty(STDERR_FILENO) != 0
        self.timings = timings
        progress = RunProgress(enabled: active || timings)
        guard active else { return }
        let thread = Thread { [weak self] in
            while let self, self.tick() { Thread.sleep(forTimeInterval: 0.25) }
        }
        thread.stackSize = 1 << 18
        self.thread = thread
        thread.start()
    }

    /// Stops drawing and clears the line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard running else { return }
        running = false
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if timings {
            progress.end()
            let lines = progress.phases.map { "threadnet: \($0.phase): \(String(format: "%.3f", $0.seconds)) s, peak \($0.peakMemory >> 20) MB\n" }
            FileHandle.standardError.write(Data(lines.joined().utf8))
        }
    }

    /// Draws once; false when finished.
    private func tick() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard running else { return false }
        let now = ContinuousClock.now
        let elapsed = now - start
        guard elapsed > delay, let s = progress.snapshot() else { return true }
        let total = elapsed.components.seconds
        let line = "threadnet: " + s.line(at: now) + ", \(total / 60):\(String(format: "%02d", total % 60)) elapsed"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        shown = true
        return true
    }

}
