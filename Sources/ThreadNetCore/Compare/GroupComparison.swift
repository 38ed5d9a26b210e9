/// Groups of threads compared metric by metric: each metric summarised over each group's
/// threads, and the difference between the groups with its uncertainty (``GroupTests``).
///
/// With **two groups** (*a* first, *b* second) every metric gets the difference of means
/// *b* − *a*, its percentile bootstrap interval, a two-sided permutation-test p-value, the
/// Benjamini–Hochberg q-value over all metrics tested, Cohen's d and Cliff's δ; a metric
/// *differs beyond chance* when q < ``GroupTests/Options/falseDiscoveryRate``. With **three or
/// more** groups every metric gets η² (the share of its variance the grouping explains) with
/// a permutation p-value and q-value. With **one group** (many threads, no grouping) only the
/// summaries: the distribution view.
///
/// Threads where a metric is undefined are left out of that metric (each summary says how
/// many threads it covers). Every statistic depends only on the values and the options: rows
/// are computed on all cores, each with its own freshly seeded generator.
public struct GroupComparison: Sendable {
    /// One group: a name and its threads (indices into the table's columns).
    public struct Group: Hashable, Sendable {
        public var name: String
        public var threads: [Int]
        public init(name: String, threads: [Int]) {
            self.name = name
            self.threads = threads
        }
    }

    /// A metric's distribution over one group's threads (defined values only).
    public struct Summary: Hashable, Sendable, Encodable {
        /// Threads where the metric is defined.
        public var count: Int
        public var min: Double, q1: Double, median: Double, mean: Double, q3: Double, max: Double

        /// nil when `values` is empty. Quartiles are type 7 (``ComparisonStats/quantile(_:_:)``).
        public init?(_ values: [Double]) {
            guard !values.isEmpty else { return nil }
            let s = values.sorted()
            func q(_ p: Double) -> Double {
                let h = Double(s.count - 1) * p
                let lo = Int(h.rounded(.down)), hi = Swift.min(lo + 1, s.count - 1)
                return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
            }
            count = s.count
            min = s[0]
            max = s[s.count - 1]
            q1 = q(0.25)
            median = q(0.5)
            q3 = q(0.75)
            mean = GroupTests.sum(values) / Double(values.count)
        }
    }

    /// One metric across the groups.
    public struct Row: Sendable {
        public var metric: ScalarMetric
        /// One per group (nil where no thread of the group defines the metric).
        public var summaries: [Summary?]
        /// Two groups: mean(*b*) − mean(*a*).
        public var difference: Double?
        /// Two groups: the bootstrap interval of ``difference``.
        public var interval: (low: Double, high: Double)?
        /// Two groups: the permutation p-value of the difference of means; more: of η².
        public var p: Double?
        /// Whether ``p`` enumerated every relabelling.
        public var exact = false
        /// The Benjamini–Hochberg q-value of ``p`` over every metric with a p-value.
        public var q: Double?
        /// Two groups: Cohen's d and Cliff's δ of *b* against *a*.
        public var cohensD: Double?
        public var cliffsDelta: Double?
        /// Three or more groups: η².
        public var etaSquared: Double?

        /// The effect the rows are ranked by: |Cliff's δ| with two groups, η² with more.
        public var effect: Double? { cliffsDelta.map(abs) ?? etaSquared }
    }

    public let groups: [Group]
    /// One per metric, in catalog order.
    public let rows: [Row]
    public let options: GroupTests.Options

    /// Compares `groups` of `table`'s columns on every row of the table.
    ///
    /// - Complexity: O(*m* · *R* · *n*) for *m* metrics, *R* resamples and *n* threads in the
    ///   groups, spread over all cores.
    public init(_ table: ComparisonTable, groups: [Group], options: GroupTests.Options = GroupTests.Options()) {
        self.groups = groups
        self.options = options
        var rows = Parallel.map(table.rows) { tableRow -> Row in
            let values = groups.map { g in g.threads.compactMap { tableRow.values[$0] }.filter(\.isFinite) }
            var row = Row(metric: tableRow.metric, summaries: values.map(Summary.init))
            if values.count == 2 {
                let (a, b) = (values[0], values[1])
                row.difference = GroupTests.meanDifference(a, b)
                row.interval = GroupTests.bootstrapInterval(a, b, options: options)
                if let test = GroupTests.permutationPValue(a, b, options: options) {
                    (row.p, row.exact) = (test.p, test.exact)
                }
                row.cohensD = GroupTests.cohensD(a, b)
                row.cliffsDelta = GroupTests.cliffsDelta(a, b)
            } else if values.count > 2 {
                row.etaSquared = GroupTests.etaSquared(values)
                row.p = GroupTests.permutationPValue(groups: values, options: options)
            }
            return row
        }
        let q = GroupTests.benjaminiHochberg(rows.map(\.p))
        for i in rows.indices { rows[i].q = q[i] }
        self.rows = rows
    }

    /// Whether a row's q-value is below the false-discovery rate.
    public func differs(_ row: Row) -> Bool { row.q.map { $0 < options.falseDiscoveryRate } ?? false }

    /// Rows with an effect, largest first (ties in catalog order), then the rest in catalog order.
    public var ranked: [Row] {
        rows.indices.sorted { i, j in
            switch (rows[i].effect, rows[j].effect) {
            case let (x?, y?): x != y ? x > y : i < j
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): i < j
            }
        }.map { rows[$0] }
    }
}
