import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How far a long run has come: the current phase, items done of a total, and when the phase
/// began. The core only counts (cheaply, from any thread); the command line decides whether
/// and how to show it.
///
/// ```swift
/// let progress = RunProgress()
/// progress.begin("metrics", total: threads.count)
/// for t in threads { …; progress.advance() }
/// progress.end()
/// progress.snapshot()   // nil between phases
/// ```
public final class RunProgress: Sendable {
    /// What a watcher sees at one moment.
    public struct Snapshot: Sendable {
        /// The phase's name (`reading`, `analysis`, `metrics`, `writing`).
        public var phase: String
        /// Items (or bytes) done so far in the phase.
        public var done: Int
        /// Items in the phase, when known.
        public var total: Int?
        /// The unit of `done` and `total` (`comments`, `threads`, `bytes`, `files`).
        public var unit: String
        /// When the phase began.
        public var started: ContinuousClock.Instant

        public init(phase: String, done: Int, total: Int?, unit: String, started: ContinuousClock.Instant) {
            self.phase = phase
            self.done = done
            self.total = total
            self.unit = unit
            self.started = started
        }

        /// One line for a person watching: `reading 120.5 MB of 332.1 MB (36%), 95.2 MB/s`,
        /// `metrics 1200 of 50000 threads, 812/s`; the rate once the phase has run for a fifth of
        /// a second.
        ///
        /// - Parameter now: the moment the line describes.
        public func line(at now: ContinuousClock.Instant) -> String {
            let elapsed = now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            var line = phase
            if unit == "bytes" {
                line += " " + Self.megabytes(done)
                if let total { line += " of \(Self.megabytes(total)) (\(total > 0 ? 100 * done / total : 100)%)" }
                if seconds >= 0.2 { line += ", " + Self.megabytes(Int(Double(done) / seconds)) + "/s" }
            } else if total != nil || done > 0 {
                line += " \(done)"
                if let total { line += " of \(total)" }
                if !unit.isEmpty { line += " " + unit }
                if seconds >= 0.2, done > 0 { line += ", \(Int(Double(done) / seconds))/s" }
            }
            return line
        }

        static func megabytes(_ bytes: Int) -> String {
            let tenths = (bytes + 50_000) / 100_000
            return "\(tenths / 10).\(tenths % 10) MB"
        }
    }

    /// A progress that counts nothing (for callers that show none).
    public static let silent = RunProgress(enabled: false)

    private let enabled: Bool
    private let done = Atomic<Int>(0)
    private let phase = Mutex<Snapshot?>(nil)
    private let finished = Mutex<[(phase: String, seconds: Double, peakMemory: Int)]>([])

    /// A progress that counts (`enabled`) or ignores every call.
    public init(enabled: Bool = true) { self.enabled = enabled }

    /// Starts a phase of `total` items (nil when unknown) counted in `unit`.
    public func begin(_ name: String, total: Int?, unit: String = "") {
        guard enabled else { return }
        done.store(0, ordering: .relaxed)
        let previous = phase.withLock { p -> Snapshot? in
            defer { p = Snapshot(phase: name, done: 0, total: total, unit: unit, started: .now) }
            return p
        }
        if let previous { record(previous) }
    }

    /// Counts `n` more items done in the current phase.
    @inline(__always)
    public func advance(_ n: Int = 1) {
        guard enabled else { return }
        done.wrappingAdd(n, ordering: .relaxed)
    }

    /// Ends the current phase.
    public func end() {
        guard enabled else { return }
        if let previous = phase.withLock({ p -> Snapshot? in defer { p = nil }; return p }) { record(previous) }
    }

    private func record(_ s: Snapshot) {
        let d = ContinuousClock.now - s.started
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        finished.withLock { $0.append((s.phase, seconds, Int(usage.ru_maxrss) * 1024)) }
    }

    /// Every phase ended so far, with its wall-clock duration in seconds and the process's
    /// peak resident memory in bytes when it ended, in order.
    public var phases: [(phase: String, seconds: Double, peakMemory: Int)] { finished.withLock { $0 } }

    /// The current phase and count; nil between phases.
    public func snapshot() -> Snapshot? {
        guard enabled else { return nil }
        return phase.withLock { s in
            guard var s else { return nil }
            s.done = done.load(ordering: .relaxed)
            return s
        }
    }
}
