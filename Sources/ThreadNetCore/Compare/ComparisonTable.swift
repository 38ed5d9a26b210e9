import Foundation

/// The numbers of a comparison: one row per scalar metric (``Metrics/scalars``), one column
/// per thread.
///
/// New per-thread metrics appear here, in the report, CSV and JSON as soon as they are in
/// ``Metrics/scalars``.
public struct ComparisonTable: Sendable {
    /// One metric across the threads.
    public struct Row: Sendable {
        public var metric: ScalarMetric
        /// The value for each column (nil where the metric is undefined).
        public var values: [Double?]
        /// The defined values.
        public var defined: [Double] { values.compactMap { $0 } }
        /// The median of the defined values (``ComparisonStats/median(_:)``).
        public var median: Double? { ComparisonStats.median(defined) }
        /// Each column's z-score among the defined values (``ComparisonStats/zScore(_:in:)``).
        ///
        /// - Complexity: O(*t*).
        public var zScores: [Double?] {
            let d = defined
            guard let m = ComparisonStats.mean(d), let sd = ComparisonStats.standardDeviation(d), sd > 0 else { return values.map { _ in nil } }
            return values.map { $0.map { ($0 - m) / sd } }
        }
        /// Each column's percentile rank (``ComparisonStats/percentileRank(_:in:)``).
        ///
        /// - Complexity: O(*t* log *t*).
        public var percentiles: [Double?] {
            let s = defined.sorted()
            return values.map { v in
                v.map { x in
                    let below = GroupTests.lowerBound(s, x), equal = GroupTests.upperBound(s, x) - below
                    return 100 * (Double(below) + 0.5 * Double(equal)) / Double(s.count)
                }
            }
        }
        /// Whether two defined values differ.
        public var differs: Bool { Set(defined).count > 1 }
    }

    /// The threads, in column order.
    public let columns: [ComparedThread]
    /// One row per entry of ``Metrics/scalars``, in that order.
    public let rows: [Row]

    /// Computes every scalar metric for every column.
    ///
    /// - Complexity: O(*m* · *t*) metric evaluations for *m* metrics and *t* threads.
    public init(_ columns: [ComparedThread], metrics: [ScalarMetric] = Metrics.scalars) {
        self.columns = columns
        self.rows = metrics.map { m in
            // A catalog metric is read from each thread's cached values.
            if let k = Metrics.scalarIndex[m.definition.id], Metrics.scalars[k].group == m.group {
                return Row(metric: m, values: columns.map { $0.metrics.scalarValues[k] })
            }
            return Row(metric: m, values: columns.map { m.value($0.metrics) })
        }
    }

    /// Whether the corpus statistics (median, z-scores, percentiles) are shown: with 3 or more threads.
    public var showsCorpusStatistics: Bool { columns.count >= 3 }

    /// A metric value as text: counts without decimals, other values rounded to 2 decimals,
    /// "–" when undefined.
    /// A metric's value for a table cell: durations (unit `seconds`) in minutes, hours or
    /// days, others as ``format(_:isCount:)``.
    public static func format(_ value: Double?, metric: ScalarMetric) -> String {
        if metric.definition.unit == "seconds", let value { return TimeMarkdown.duration(value) }
        return format(value, isCount: metric.isCount)
    }

    public static func format(_ value: Double?, isCount: Bool) -> String {
        guard let v = value else { return "–" }
        if isCount, v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        // Two significant digits below 0.1 (a density of 0.0041 is not 0), else 2 decimals.
        if v != 0, abs(v) < 0.1, abs(v) >= 1e-6 {
            let decimals = Int(-log10(abs(v)).rounded(.down)) + 2
            return String(format: "%.\(decimals)f", v)
        }
        let r = (v * 100).rounded() / 100
        if r == r.rounded(), abs(r) < 1e15 { return String(Int(r)) }
        return String(r)
    }
}
