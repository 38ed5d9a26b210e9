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
    /// Comments over time for the timeline chart (``Timeline``); `nil` below 2 timed comments,
    /// and for a thread's profile unless asked for (``timeline(of:)`` draws one when needed:
    /// kept for every thread of a large corpus, the bins would cost more than the rest).
    public var timeline: Timeline?
    /// Reply latencies (negative ones left out) counted in ``latencyBins``.
    public var latencyCounts: [Int] = []

    /// The bins of the latency chart: upper bounds in seconds (the last bin is open).
    public static let latencyBins: [(upper: Double, label: String)] = [
        (60, "< 1 min"), (300, "1–5 min"), (900, "5–15 min"), (3600, "15–60 min"), (10_800, "1–3 h"),
        (43_200, "3–12 h"), (86_400, "12–24 h"), (604_800, "1–7 d"), (.infinity, "> 7 d"),
    ]

    /// Comments per time bin, stacked by depth (1, 2, 3, 4 or more), from the first comment to
    /// the one by which 95 % had arrived (so late stragglers do not flatten the chart;
    /// the rest are counted in ``later``). The bin is the shortest of 1, 5, 15 min, 1, 6 h,
    /// 1 day, 1 week, 30 days giving at most 120 bins.
    public struct Timeline: Sendable, Equatable {
        /// The first bin's start (seconds since 1970, UTC, a multiple of ``binSeconds``).
        public var start: Double
        public var binSeconds: Double
        /// `counts[b][g]`: comments in bin `b` at depth group `g` (0 = depth 1, …, 3 = depth 4+).
        public var counts: [[Int]]
        /// Comments after the last bin.
        public var later: Int
    }

    public init() {}

    /// Builds the profile from comment times (`nil` for an untimed comment) and the reply
    /// latencies already taken (`depth` of the reply, seconds).
    ///
    /// - Parameters:
    ///   - times: one entry per comment.
    ///   - latencies: one entry per timed reply to a timed comment (any sign).
    ///   - postTime: the root post's time, for ``timeToFirstComment``.
    ///   - depths: each comment's depth, for the timeline's stacking (empty: all depth 1).
    ///   - withTimeline: whether to bin the comments for ``timeline``.
    public init(times: [Double?], depths: [Int32] = [], latencies: [(depth: Int32, seconds: Double)], postTime: Double?,
                withTimeline: Bool = true) {
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

        if withTimeline, sorted.count >= 2 { timeline = Self.timeline(times: times, depths: depths, sorted: sorted) }
        timedReplies = latencies.count
        var kept = latencies.filter { $0.seconds >= 0 }
        latencyCounts = [Int](repeating: 0, count: Self.latencyBins.count)
        for l in kept { latencyCounts[Self.latencyBins.firstIndex { l.seconds < $0.upper }!] += 1 }
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

    /// The timeline of ``Timeline``'s rule.
    static func timeline(times: [Double?], depths: [Int32], sorted: [Double]) -> Timeline {
        let first = sorted[0]
        let last = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.95).rounded(.up)) - 1)]
        let candidates: [Double] = [60, 300, 900, 3600, 21_600, 86_400, 604_800, 2_592_000]
        var bin = candidates.first { ((last / $0).rounded(.down) - (first / $0).rounded(.down)) < 120 } ?? candidates.last!
        if ((last / bin).rounded(.down) - (first / bin).rounded(.down)) >= 400 { bin = ((last - first) / 120).rounded(.up) }
        let start = (first / bin).rounded(.down) * bin
        let count = Int(((last - start) / bin).rounded(.down)) + 1
        var counts = [[Int]](repeating: [0, 0, 0, 0], count: count)
        var later = 0
        for (i, t) in times.enumerated() {
            guard let t else { continue }
            let b = Int(((t - start) / bin).rounded(.down))
            guard b < count else { later += 1; continue }
            let d = i < depths.count ? Int(depths[i]) : 1
            counts[b][min(max(d, 1), 4) - 1] += 1
        }
        return Timeline(start: start, binSeconds: bin, counts: counts, later: later)
    }

    /// The profile of one thread's analysis.
    ///
    /// - Complexity: O(*n* log *n*).
    public init(_ a: ThreadAnalysis, withTimeline: Bool = false) {
        let times = a.comments.map { $0.timestamp?.timeIntervalSince1970 }
        self.init(times: times, depths: a.tree.depth, latencies: Self.latencies(a, times: times), postTime: a.thread.root.timestamp?.timeIntervalSince1970,
                  withTimeline: withTimeline)
    }

    /// A thread's timeline (``Timeline``), for its chart; `nil` below 2 timed comments.
    ///
    /// - Complexity: O(*n* log *n*).
    public static func timeline(of a: ThreadAnalysis) -> Timeline? {
        let times = a.comments.map { $0.timestamp?.timeIntervalSince1970 }
        var sorted = times.compactMap { $0 }
        guard sorted.count >= 2 else { return nil }
        sorted.sort()
        return timeline(times: times, depths: a.tree.depth, sorted: sorted)
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
        self = PooledTimes(threads).profile
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
