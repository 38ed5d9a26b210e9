import Synchronization

/// Every metric of one thread, computed once: the analysis plus the derived measures that
/// several outputs read (report, metrics.json, CSV, comparisons).
///
/// Build it once per thread and pass it around; its fields are plain values.
public final class ThreadMetrics: Sendable {
    /// The analysis the metrics describe.
    public let analysis: ThreadAnalysis
    /// The reply tree's shape.
    public let shape: ThreadShape
    /// How comments are spread over authors.
    public let participation: Participation
    /// The reply graph between authors, self-loops removed.
    public let graph: WeightedDigraph
    /// The author-network measures of ``graph``.
    public let network: NetworkMeasures
    /// When the comments arrived and how fast replies came.
    public let time: TimeProfile
    /// Per-author comments, replies and degrees (``Metrics/authorStats``), in author-id order.
    public let authorStats: [AuthorStats]
    /// Every per-thread number, computed once on first use.
    private let scalarCache = Mutex<[Double?]?>(nil)

    /// The value of every metric of ``Metrics/scalars`` for this thread, in that order (`nil`
    /// where undefined), computed on first use and kept.
    ///
    /// - Complexity: O(*m* · *n*) the first time for *m* metrics (most read a stored value),
    ///   O(1) after.
    public var scalarValues: [Double?] {
        scalarCache.withLock { cache in
            if let cache { return cache }
            let values = Metrics.scalars.map { $0.value(self) }
            cache = values
            return values
        }
    }

    /// Computes every metric of `analysis`.
    ///
    /// - Complexity: O(*n* log *n*) for the shape and participation; the author-network
    ///   measures dominate (see ``NetworkMeasures``).
    public init(_ analysis: ThreadAnalysis) {
        self.analysis = analysis
        self.shape = ThreadShape(analysis)
        self.participation = Participation(analysis)
        self.graph = WeightedDigraph(replyEdgesOf: analysis.network)
        self.network = NetworkMeasures(graph)
        self.authorStats = Metrics.authorStats(analysis)
        self.time = TimeProfile(analysis)
    }
}

extension ThreadMetrics {
    /// The metrics of every thread, `result[i]` for `threads[i]`, computed on all cores.
    ///
    /// The values do not depend on scheduling: each thread's metrics are computed on their own.
    public static func computeAll(_ threads: [ThreadAnalysis], progress: RunProgress = .silent) -> [ThreadMetrics] {
        Parallel.map(threads, cost: { $0.comments.count }) { t in
            defer { progress.advance() }
            return ThreadMetrics(t)
        }
    }
}
