/// One column of a comparison: a thread, where it came from and the label it is shown under.
public struct ComparedThread: Sendable {
    /// The short column label, unique within the comparison.
    public var label: String
    /// The input file name the thread was read from.
    public var source: String
    /// The thread's metrics (and through them, its analysis).
    public var metrics: ThreadMetrics

    public var analysis: ThreadAnalysis { metrics.analysis }

    public init(label: String, source: String, metrics: ThreadMetrics) {
        self.label = label
        self.source = source
        self.metrics = metrics
    }
}
