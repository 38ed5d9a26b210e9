/// Every comment's time and depth and every reply's latency, pooled over threads: what the
/// corpus-wide time profile (``TimeProfile/init(corpus:)``) is computed from. The profile
/// depends on these as multisets only (it sorts them), so pools of disjoint thread sets
/// concatenate into the pool of their union.
///
/// In a partial result, `times.ndjson` holds the pool in lines of up to ``lineLength`` entries,
/// `{"depths", "latencies", "times"}`: comments' depths and times (seconds since 1970, UTC,
/// null when untimed), parallel, and replies' `[depth, seconds]` (both comments timed).
public struct PooledTimes: Sendable, Equatable {
    /// Each comment's time (nil when untimed), over threads.
    public var times: [Double?] = []
    /// Each comment's depth, parallel to ``times``.
    public var depths: [Int32] = []
    /// Each timed reply's depth and latency (seconds), as ``TimeProfile/latencies(_:times:)``.
    public var latencyDepths: [Int32] = []
    public var latencySeconds: [Double] = []

    public init() {}

    /// Entries per line of `times.ndjson`.
    public static let lineLength = 4096

    /// One line of `times.ndjson`.
    struct Line: Codable {
        var depths: [Int32]
        var latencies: [[Double]]
        var times: [Double?]
    }

    /// The pool of `threads`, in their order.
    public init(_ threads: [ThreadAnalysis]) {
        for a in threads {
            let t = a.comments.map { $0.timestamp?.timeIntervalSince1970 }
            times += t
            depths += a.tree.depth
            for l in TimeProfile.latencies(a, times: t) {
                latencyDepths.append(l.depth)
                latencySeconds.append(l.seconds)
            }
        }
    }

    /// `times.ndjson`.
    func write(to out: TextOutput) {
        let json = JSONOutput(out)
        let n = Self.lineLength
        for k in stride(from: 0, to: max(times.count, latencySeconds.count), by: n) {
            json.object(inline: true) {
                json.field("depths", array: { for d in depths[min(k, depths.count)..<min(k + n, depths.count)] { json.value(d) } })
                json.field("latencies", array: {
                    for i in min(k, latencySeconds.count)..<min(k + n, latencySeconds.count) {
                        json.array(inline: true) { json.value(latencyDepths[i]); json.value(latencySeconds[i]) }
                    }
                })
                json.field("times", array: { for t in times[min(k, times.count)..<min(k + n, times.count)] { json.value(t) } })
            }
        }
    }

    /// Appends a line read back; nil when it is well formed, else what is wrong.
    mutating func add(_ line: Line) -> String? {
        guard line.depths.count == line.times.count else { return "\(line.depths.count) depths for \(line.times.count) times" }
        guard line.times.allSatisfy({ $0?.isFinite ?? true }), line.depths.allSatisfy({ $0 >= 0 }) else { return "a time or depth out of range" }
        for l in line.latencies {
            guard l.count == 2, let d = Int32(exactly: l[0]), d >= 0, l[1].isFinite else { return "a latency is not [depth, seconds]" }
        }
        times += line.times
        depths += line.depths
        for l in line.latencies {
            latencyDepths.append(Int32(l[0]))
            latencySeconds.append(l[1])
        }
        return nil
    }

    /// Appends another pool.
    public mutating func append(_ other: PooledTimes) {
        times += other.times
        depths += other.depths
        latencyDepths += other.latencyDepths
        latencySeconds += other.latencySeconds
    }

    /// The time profile of the pool, without a post time (time to the first comment is a per-thread measure).
    public var profile: TimeProfile {
        TimeProfile(times: times, depths: depths, latencies: zip(latencyDepths, latencySeconds).map { (depth: $0, seconds: $1) }, postTime: nil)
    }
}
