/// Every metric of one thread, computed once: the analysis plus the derived measures that
/// several outputs read (report, metrics.json, CSV, comparisons).
///
/// Build it once per thread and pass it around; its fields are plain values.
public struct ThreadMetrics: Sendable {
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
    }
}

import Dispatch
import Synchronization

extension ThreadMetrics {
    /// The metrics of every thread, `result[i]` for `threads[i]`, computed on all cores.
    ///
    /// The values do not depend on scheduling: each thread's metrics are computed on their own.
    public static func computeAll(_ threads: [ThreadAnalysis]) -> [ThreadMetrics] {
        guard threads.count > 1 else { return threads.map(ThreadMetrics.init) }
        let results = Mutex([ThreadMetrics?](repeating: nil, count: threads.count))
        DispatchQueue.concurrentPerform(iterations: threads.count) { i in
            let m = ThreadMetrics(threads[i])
            results.withLock { $0[i] = m }
        }
        return results.withLock { $0.map { $0! } }
    }
}
