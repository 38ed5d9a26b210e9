import Foundation

/// When a discussion happened: the arrival of its comments and how fast replies came, for one
/// thread or pooled over a corpus. The definitions are ``Metrics/timeScalars``'.
///
/// Times are seconds since 1970-01-01T00:00:00Z (UTC); durations are seconds. Only comments
/// with a timestamp take part; ``untimedComments`` says how many had none. Hours are clock
/// hours in UTC (`10:00:00Z` up to but not including `11:00:00Z`).
///
/// - Complexity: O(*n* log *n*) to build for *n* timed comments (two sorts); memory O(*n*)
///   while building, O(depth) kept.
public struct TimeProfile: Sendable, Equatable {
    /// Comments with a timestamp, and without one.
    public var timedComments = 0
    public var untimedComments = 0
    /// The earliest and latest comment times.
    public var firstComment: Double?
    public var lastComment: Double?
    /// The root post's time, when known (threads only).
    public var postTime: Double?
    /// `lastComment − firstComment`.
    public var duration: Double?
    /// `firstComment − postTime`.
    public var timeToFirstComment: Double?
    /// Timed comments per hour of ``duration``; `nil` when the duration is 0.
    public var commentsPerHour: Double?
    /// The most comments in one clock hour, and the start of the first hour with that many.
    public var peakHourComments = 0
    public var peakHourStart: Double?
    /// From the first comment to the ⌈*n*/2⌉-th comment in time order.
    public var timeToHalfComments: Double?
    /// Reply latencies: for each comment that replies to a comment (not to the root post),
    /// both timed, its time minus its parent's. Negative ones (a clock or import glitch) are
    /// counted apart and left out of the statistics.
    public var timedReplies = 0
    public var negativeLatencies = 0
    public var latencyMedian: Double?
    public var latencyQ1: Double?
    public var latencyQ3: Double?
    public var latencyP90: Double?
    /// Shares of the latencies (negative ones excluded) at most 3,600 s and at most 86,400 s.
    public var repliesWithinHour: Double?
    public var repliesWithinDay: Double?
    /// Replies and median latency by the depth of the reply (2 = a reply to a top-level
    /// comment), in depth order.
    public var latencyByDepth: [DepthLatency] = []
    /// Gaps between consecutive comments in time order: median, mean and the burstiness
    /// coefficient (σ − μ) / (σ + μ) with the population σ (Goh & Barabási 2008): −1 for a
    /// perfectly regular sequence, 0 for a Poisson process, towards 1 for bursts.
    public var interArrivalMedian: Double?
    public var interArrivalMean: Double?
    public var burstiness: Double?

    public init() {}

    /// Builds the profile from comment times (`nil` for an untimed comment) and the reply
    /// latencies already taken (`depth` of the reply, seconds).
    ///
    /// - Parameters:
    ///   - times: one entry per comment.
    ///   - latencies: one entry per timed reply to a timed comment (any sign).
    ///   - postTime: the root post's time, for ``timeToFirstComment``.
    public init(times: [Double?], latencies: [(depth: Int32, seconds: Double)], postTime: Double?) {
        var sorted = times.compactMap { $0 }
        untimedComments = times.count - sorted.count
        timedComments = sorted.count
        self.postTime = postTime
        sorted.sort()
        if let first = sorted.first, let last = sorted.last {
            firstComment = first
            lastComment = last
            duration = last - first
            if let postTime { timeToFirstComment = first - postTime }
            if last > first { commentsPerHour = Double(sorted.count) / ((last - first) / 3600) }
            timeToHalfComments = sorted[(sorted.count + 1) / 2 - 1] - first
            // Clock hours: runs of equal ⌊t / 3600⌋ in the sorted times.
            var k = 0
            while k < sorted.count {
                let hour = (sorted[k] / 3600).rounded(.down)
                var j = k + 1
                while j < sorted.count, (sorted[j] / 3600).rounded(.down) == hour { j += 1 }
                if j - k > peakHourComments { peakHourComments = j - k; peakHourStart = hour * 3600 }
                k = j
            }
        }
        if sorted.count >= 2 {
            var gaps = [Double](unsafeUninitializedCapacity: sorted.count - 1) { buffer, count in
                for i in 1..<sorted.count { buffer[i - 1] = sorted[i] - sorted[i - 1] }
                count = sorted.count - 1
            }
            let mean = gaps.reduce(0, +) / Double(gaps.count)
            let sd = (gaps.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(gaps.count)).squareRoot()
            interArrivalMean = mean
            if sd + mean > 0 { burstiness = (sd - mean) / (sd + mean) }
            gaps.sort()
            interArrivalMedian = Self.quantile(sorted: gaps, 0.5)
        }

        timedReplies = latencies.count
        var kept = latencies.filter { $0.seconds >= 0 }
        negativeLatencies = latencies.count - kept.count
        kept.sort { ($0.depth, $0.seconds) < ($1.depth, $1.seconds) }
        var k = 0
        while k < kept.count {
            var j = k + 1
            while j < kept.count, kept[j].depth == kept[k].depth { j += 1 }
            let values = kept[k..<j].map(\.seconds)
            latencyByDepth.append(DepthLatency(depth: Int(kept[k].depth), replies: j - k, median: Self.quantile(sorted: values, 0.5)!))
            k = j
        }
        var all = kept.map(\.seconds)
        all.sort()
        if !all.isEmpty {
            latencyMedian = Self.quantile(sorted: all, 0.5)
            latencyQ1 = Self.quantile(sorted: all, 0.25)
            latencyQ3 = Self.quantile(sorted: all, 0.75)
            latencyP90 = Self.quantile(sorted: all, 0.9)
            repliesWithinHour = Double(all.count { $0 <= 3600 }) / Double(all.count)
            repliesWithinDay = Double(all.count { $0 <= 86_400 }) / Double(all.count)
        }
    }

    /// The profile of one thread's analysis.
    ///
    /// - Complexity: O(*n* log *n*).
    public init(_ a: ThreadAnalysis) {
        let times = a.comments.map { $0.timestamp?.timeIntervalSince1970 }
        self.init(times: times, latencies: Self.latencies(a, times: times), postTime: a.thread.root.timestamp?.timeIntervalSince1970)
    }

    /// The reply latencies of a thread: each comment that replies to a comment, both timed.
    public static func latencies(_ a: ThreadAnalysis, times: [Double?]) -> [(depth: Int32, seconds: Double)] {
        var out: [(depth: Int32, seconds: Double)] = []
        for i in times.indices {
            let p = a.tree.parent[i]
            guard p >= 0, let t = times[i], let tp = times[Int(p)] else { continue }
            out.append((a.tree.depth[i], t - tp))
        }
        return out
    }

    /// The profile of a whole corpus: every timed comment and reply of every thread pooled
    /// (no post time: time to the first comment is a per-thread measure).
    ///
    /// - Complexity: O(*N* log *N*) for *N* comments in all.
    public init(corpus threads: [ThreadAnalysis]) {
        var times: [Double?] = []
        var latencies: [(depth: Int32, seconds: Double)] = []
        times.reserveCapacity(threads.reduce(0) { $0 + $1.comments.count })
        for a in threads {
            let t = a.comments.map { $0.timestamp?.timeIntervalSince1970 }
            latencies += Self.latencies(a, times: t)
            times += t
        }
        self.init(times: times, latencies: latencies, postTime: nil)
    }

    /// The replies at one depth and their median latency (seconds).
    public struct DepthLatency: Sendable, Equatable {
        public var depth: Int
        public var replies: Int
        public var median: Double
    }

    /// The `q`-quantile of sorted values by linear interpolation (type 7, as NumPy's and R's
    /// default); `nil` when empty.
    static func quantile(sorted s: some RandomAccessCollection<Double>, _ q: Double) -> Double? {
        guard !s.isEmpty else { return nil }
        let h = Double(s.count - 1) * q
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, s.count - 1)
        let a = s[s.index(s.startIndex, offsetBy: lo)], b = s[s.index(s.startIndex, offsetBy: hi)]
        return a + (h - Double(lo)) * (b - a)
    }
}
