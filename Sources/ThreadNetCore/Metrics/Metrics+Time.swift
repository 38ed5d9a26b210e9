/// Time metrics: computed by ``TimeProfile`` from the comments' timestamps, defined here.
///
/// Times are UTC; durations are in seconds (the report shows them in minutes, hours or days).
/// Only comments with a timestamp take part, so a thread without timestamps has these
/// undefined. The corpus figures (`corpus.time` in metrics.json) pool every comment and reply
/// of every thread.
extension Metrics {
    public static let timeScalars: [ScalarMetric] = [
        ScalarMetric("timedComments", "Comments with a time", unit: "comments", isCount: true,
            "Comments that have a timestamp; only these take part in the time measures.", time: { Double($0.timedComments) }),
        ScalarMetric("duration", "Duration", unit: "seconds",
            "The latest comment time minus the earliest (0 with one timed comment; undefined with none).", time: { $0.duration }),
        ScalarMetric("timeToFirstComment", "Time to first comment", unit: "seconds",
            "The earliest comment time minus the root post's time; undefined when the post has no time (pasted text, CSV, Pushshift comments without their submission).", time: { $0.timeToFirstComment }),
        ScalarMetric("commentsPerHour", "Comments per hour", unit: "comments per hour",
            "Comments with a time divided by the duration in hours (undefined when the duration is 0).", time: { $0.commentsPerHour }),
        ScalarMetric("peakHourComments", "Comments in the peak hour", unit: "comments", isCount: true,
            "The most comments in one clock hour (UTC, from hh:00:00 up to but not including the next hour); the hour itself is `peakHourStart` in metrics.json.", time: { Double($0.peakHourComments) }),
        ScalarMetric("timeToHalfComments", "Time to half the comments", unit: "seconds",
            "The time from the earliest comment until the ⌈n/2⌉-th comment in time order arrived, n the comments with a time.", time: { $0.timeToHalfComments }),
        ScalarMetric("replyLatencyMedian", "Reply latency (median)", unit: "seconds",
            "Reply latency is the time from a comment to each of its direct replies (a reply's time minus its parent comment's; replies to the root post are not counted, see time to first comment; negative latencies, from clock or import glitches, are left out and counted as `negativeLatencies`). This is their median; quantiles interpolate linearly between order statistics (type 7, NumPy's and R's default).", time: { $0.latencyMedian }),
        ScalarMetric("replyLatencyQ1", "Reply latency (first quartile)", unit: "seconds",
            "The 0.25 quantile of the reply latencies (type 7).", time: { $0.latencyQ1 }),
        ScalarMetric("replyLatencyQ3", "Reply latency (third quartile)", unit: "seconds",
            "The 0.75 quantile of the reply latencies (type 7).", time: { $0.latencyQ3 }),
        ScalarMetric("replyLatencyP90", "Reply latency (90th percentile)", unit: "seconds",
            "The 0.9 quantile of the reply latencies (type 7).", time: { $0.latencyP90 }),
        ScalarMetric("repliesWithinHour", "Replies within an hour", unit: "fraction",
            "The share of reply latencies of at most 3,600 seconds.", time: { $0.repliesWithinHour }),
        ScalarMetric("repliesWithinDay", "Replies within a day", unit: "fraction",
            "The share of reply latencies of at most 86,400 seconds.", time: { $0.repliesWithinDay }),
        ScalarMetric("interArrivalMedian", "Inter-arrival time (median)", unit: "seconds",
            "The median gap between consecutive comments in time order (n − 1 gaps for n timed comments; undefined below 2).", time: { $0.interArrivalMedian }),
        ScalarMetric("burstiness", "Burstiness", unit: "index −1–1", source: "Goh & Barabási 2008",
            "(σ − μ) / (σ + μ) of the inter-arrival gaps, μ their mean and σ their population standard deviation: −1 for evenly spaced comments, about 0 for random (Poisson) arrivals, towards 1 for bursts separated by long silences. Undefined below 2 timed comments or when every comment has the same time.", time: { $0.burstiness }),
    ]

    /// The time fields of metrics.json that are not per-thread numbers of ``timeScalars``.
    public static let timeColumns: [MetricDefinition] = [
        MetricDefinition(id: "latencyByDepth", name: "Reply latency by depth", definition: "For each depth of the reply (2 = a reply to a top-level comment): the number of timed replies and their median latency in seconds.", unit: "seconds", scope: .thread),
        MetricDefinition(id: "negativeLatencies", name: "Negative reply latencies", definition: "Replies timed before the comment they answer: left out of the latency statistics.", unit: "replies", scope: .thread),
        MetricDefinition(id: "activeSpan", name: "Active span", definition: "The author's latest comment time minus their earliest (0 for one timed comment; absent when none has a time).", unit: "seconds", scope: .author),
    ]
}
