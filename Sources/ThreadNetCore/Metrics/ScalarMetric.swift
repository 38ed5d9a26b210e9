/// A metric with one number per thread: the rows of comparison tables, the columns of
/// `comparison.csv` and the distributions of a corpus report.
public struct ScalarMetric: Sendable {
    /// Which part of the report a metric belongs to.
    public enum Group: String, CaseIterable, Sendable {
        case counts, shape, participation, network
    }

    /// Its id (a unique column name, the `metrics.json` field name where it has one), name, definition and unit.
    public let definition: MetricDefinition
    public let group: Group
    /// Whether the value is a count (shown without decimals).
    public let isCount: Bool
    /// The value for one thread; `nil` when undefined there (for example a ratio over no pairs).
    public let value: @Sendable (ThreadMetrics) -> Double?

    /// - Parameter key: the column name when it differs from the definition's id (which may
    ///   be short inside a JSON group, as `max` inside `depth`).
    public init(_ definition: MetricDefinition, key: String? = nil, group: Group, isCount: Bool = false, value: @escaping @Sendable (ThreadMetrics) -> Double?) {
        var definition = definition
        if let key { definition.id = key }
        self.definition = definition
        self.group = group
        self.isCount = isCount
        self.value = value
    }
}

extension Metrics {
    /// Every per-thread number, in report order.
    public static let scalars: [ScalarMetric] = [
        ScalarMetric(comments.definition, group: .counts, isCount: true) { Double(comments($0.analysis)) },
        ScalarMetric(topLevel.definition, group: .counts, isCount: true) { Double(topLevel($0.analysis)) },
        ScalarMetric(replies.definition, group: .counts, isCount: true) { Double(replies($0.analysis)) },
        ScalarMetric(authors.definition, group: .counts, isCount: true) { Double(authors($0.analysis)) },
        ScalarMetric(selfReplies.definition, group: .counts, isCount: true) { Double(selfReplies($0.analysis)) },
        ScalarMetric(mentions.definition, group: .counts, isCount: true) { Double(mentions($0.analysis)) },
        ScalarMetric(quotes.definition, group: .counts, isCount: true) { Double(quotes($0.analysis)) },
        ScalarMetric(maxDepth.definition, key: "maxDepth", group: .shape, isCount: true) { Double(maxDepth($0.analysis)) },
        ScalarMetric(meanDepth.definition, key: "meanDepth", group: .shape) { meanDepth($0.analysis) },
        ScalarMetric(commentsPerAuthor.definition, group: .participation) { commentsPerAuthor($0.analysis) },
        ScalarMetric(repeatPosterShare.definition, group: .participation) { repeatPosterShare($0.analysis) },
        ScalarMetric(repeatPosterCommentShare.definition, group: .participation) { repeatPosterCommentShare($0.analysis) },
    ]
}
