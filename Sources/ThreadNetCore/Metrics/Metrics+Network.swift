/// Author-network metrics: computed by ``NetworkMeasures``, defined here.
extension Metrics {
    public static let networkScalars: [ScalarMetric] = []

    /// Per-author network columns (in metrics.json `authors` and `authors.csv`).
    public static let authorNetworkColumns: [MetricDefinition] = []
}
