/// Writes `comparison.md` for groups of threads (``GroupComparison``), and for many threads
/// without groups (one group: the distribution view).
///
/// Sections: the groups (threads, comments, authors, where they came from); with two groups
/// the metrics that differ beyond chance in a sentence each, then every metric ranked by
/// |Cliff's δ| with each group's median and quartiles, the difference of means with its
/// bootstrap interval, p, q, Cohen's d and δ; with more groups the metrics ranked by η²; with
/// one group each metric's distribution over the threads and its histogram; vocabulary
/// contrast between the groups; the glossary of metrics and statistics; provenance. Every
/// piece of user data is escaped with ``Escaping/markdown(_:)``.
public enum GroupComparisonMarkdown {
    /// Where the pictures are, relative to the report.
    public struct Pictures: Sendable {
        /// The dot plot of group medians (two or more groups).
        public var chart: String?
        /// Metric id → histogram path (one group).
        public var histograms: [String: String]
        public init(chart: String?, histograms: [String: String] = [:]) {
            self.chart = chart
            self.histograms = histograms
        }
    }

    /// The Markdown text.
    ///
    /// - Parameters:
    ///   - c: the comparison.
    ///   - table: the per-thread values it was computed from.
    ///   - sources: per group, the inputs its threads came from.
    ///   - leftOut: threads read but in no group.
    ///   - vocabulary: the contrast between the groups (nil: no section).
    ///   - pictures: the chart and histograms to link.
    ///   - provenance: the inputs' provenance.
    /// - Complexity: O(*m* · *g* + *t* + the vocabulary lists).
    public static func write(_ c: GroupComparison, table: ComparisonTable, sources: [[String]], leftOut: Int = 0,
                             vocabulary: VocabularyContrast?, pictures: Pictures, provenance: [Provenance]) -> String {
        var md = MarkdownText()
        let names = c.groups.map { Escaping.markdown($0.name) }
        let threads = c.groups.reduce(0) { $0 + $1.threads.count }
        if c.groups.count == 1 {
            md.line("# Comparison of \(threads) threads")
            md.blank()
            md.line("More threads than fit side by side, so each metric is shown as its distribution over the threads (as corpus mode does); every thread's values are in `comparison.csv` and `comparison.json`. Name groups with `--group NAME=INPUT,…` or `--by` to compare groups with intervals and p-values.")
        } else {
            md.line("# Comparison of \(c.groups.count) groups (\(threads) threads)")
        }
        md.blank()
        let comments = c.groups.map { g in g.threads.reduce(0) { $0 + table.columns[$1].analysis.comments.count } }
        let authors = c.groups.map { g in Set(g.threads.flatMap { table.columns[$0].analysis.network.names }).count }
        md.table(["Group", "Threads", "Comments", "Distinct authors", "From"], align: "|:---|---:|---:|---:|:---|", c.groups.indices.map { k in
            [names[k], "\(c.groups[k].threads.count)", "\(comments[k])", "\(authors[k])",
             sources[k].prefix(5).map { "`\(Escaping.codeSpan($0))`" }.joined(separator: ", ") + (sources[k].count > 5 ? " and \(sources[k].count - 5) more" : "")]
        })
        md.blank()
        if leftOut > 0 {
            md.line("\(leftOut) thread\(leftOut == 1 ? " was" : "s were") read but belong\(leftOut == 1 ? "s" : "") to no group, and \(leftOut == 1 ? "is" : "are") left out.")
            md.blank()
        }
        switch c.groups.count {
        case 1: distributions(c, pictures: pictures, into: &md)
        case 2: twoGroups(c, names: names, into: &md)
        default: manyGroups(c, names: names, into: &md)
        }
        if c.groups.count > 1, let chart = pictures.chart {
            md.line("![Dot plot of each group's median on the metrics with the largest effects](\(chart))")
            md.blank()
        }
        if let vocabulary { ComparisonMarkdown.vocabularySection(vocabulary, labels: names, into: &md) }

        md.line("## Glossary")
        md.blank()
        ComparisonMarkdown.glossary(c.rows.map(\.metric), into: &md)
        md.line("- **Median, quartiles**: \(quartileDefinition)")
        if c.groups.count == 2 {
            md.line("- **Difference and interval**: \(differenceDefinition(c.options))")
            md.line("- **p and q**: \(pDefinition(c.options))")
            md.line("- **Cohen's d**: \(cohensDefinition)")
            md.line("- **Cliff's δ**: \(cliffsDefinition)")
        } else if c.groups.count > 2 {
            md.line("- **η², p and q**: \(etaDefinition(c.options))")
        }
        if vocabulary != nil { md.line("- **Distinctive terms**: \(ComparisonMarkdown.vocabularyDefinition) A group's counts are the sum over its threads.") }
        md.blank()

        md.line("## Provenance")
        md.blank()
        for p in provenance.prefix(20) {
            md.line("- `\(Escaping.codeSpan(p.input))` (\(p.format)), SHA-256 `\(p.sha256)`")
        }
        if provenance.count > 20 { md.line("- and \(provenance.count - 20) more inputs (all in `comparison.json`)") }
        md.line("- ThreadNet: \(provenance.first?.version ?? ThreadNetVersion.current)")
        let options = Set(provenance.flatMap(\.options)).sorted()
        md.line("- Options: \(options.isEmpty ? "none" : options.map { "`\(Escaping.codeSpan($0))`" }.joined(separator: ", "))")
        if c.groups.count > 1 {
            md.line("- Resampling: \(c.options.resamples) resamples, seed \(c.options.seed), \(percent(c.options.confidence)) intervals, false-discovery rate \(percent(c.options.falseDiscoveryRate))")
        }
        return md.text
    }

    // MARK: Sections

    static func distributions(_ c: GroupComparison, pictures: Pictures, into md: inout MarkdownText) {
        md.line("## Distributions across threads")
        md.blank()
        md.line("Each metric over the threads where it is defined. Quartiles by linear interpolation (type 7, as R and NumPy).")
        md.blank()
        md.table(["Metric", "Threads", "Min", "Q1", "Median", "Mean", "Q3", "Max"], align: "|:---|---:|---:|---:|---:|---:|---:|---:|",
                 c.rows.compactMap { row in
            guard let s = row.summaries[0] else { return nil }
            let f = { (x: Double) in value(x, row.metric) }
            return [metricLink(row.metric), "\(s.count)", f(s.min), f(s.q1), f(s.median), f(s.mean), f(s.q3), f(s.max)]
        })
        md.blank()
        for row in c.rows {
            guard let path = pictures.histograms[row.metric.definition.id] else { continue }
            md.line("![Histogram of \(Escaping.markdown(row.metric.definition.name)) across threads](\(path))")
            md.blank()
        }
    }

    static func twoGroups(_ c: GroupComparison, names: [String], into md: inout MarkdownText) {
        let (a, b) = (names[0], names[1])
        md.line("## Differences beyond chance")
        md.blank()
        let differing = c.ranked.filter { c.differs($0) }
        let tested = c.rows.count { $0.q != nil }
        if differing.isEmpty {
            md.line("No metric differs beyond chance between \(a) and \(b): no q-value is below \(c.options.falseDiscoveryRate) among the \(tested) metrics tested (permutation tests, Benjamini–Hochberg; definitions in the glossary).")
        } else {
            md.line("\(differing.count) of the \(tested) metrics tested differ between \(a) and \(b) beyond chance (q < \(c.options.falseDiscoveryRate): permutation test, Benjamini–Hochberg over all metrics), largest effect first:")
            md.blank()
            for row in differing {
                guard let sa = row.summaries[0], let sb = row.summaries[1], let delta = row.cliffsDelta else { continue }
                let higher = delta > 0 ? b : a
                md.line("- \(metricLink(row.metric)): higher in \(higher) (median \(value(sa.median, row.metric)) in \(a), \(value(sb.median, row.metric)) in \(b); mean difference \(b) − \(a) \(signedValue(row.difference, row.metric))\(interval(row)); Cliff's δ \(signed2(delta)), \(GroupTests.magnitude(ofCliffsDelta: delta)); q \(pValue(row.q)))")
            }
        }
        md.blank()
        md.line("## Every metric, by effect size")
        md.blank()
        md.line("Ranked by |Cliff's δ| (how often a thread of \(b) exceeds one of \(a), minus the reverse). Median [Q1–Q3] over each group's threads; the difference is mean(\(b)) − mean(\(a)) with its \(percent(c.options.confidence)) bootstrap interval; p from \(c.options.resamples) permutations (or all of them when fewer, marked \\*); q adjusts p for the \(tested) metrics tested. Bold: q < \(c.options.falseDiscoveryRate).")
        md.blank()
        md.table(["Metric", a, b, "Difference [\(percent(c.options.confidence)) interval]", "p", "q", "Cohen's d", "Cliff's δ"],
                 align: "|:---|---:|---:|---:|---:|---:|---:|---:|", c.ranked.map { row in
            let bold = c.differs(row)
            let name = bold ? "**\(metricLink(row.metric))**" : metricLink(row.metric)
            return [name, summary(row.summaries[0], row.metric), summary(row.summaries[1], row.metric),
                    row.difference == nil ? "–" : signedValue(row.difference, row.metric) + interval(row),
                    row.p.map { pValue($0) + (row.exact ? "\\*" : "") } ?? "–", pValue(row.q),
                    row.cohensD.map(signed2) ?? "–", row.cliffsDelta.map(signed2) ?? "–"]
        })
        md.blank()
    }

    static func manyGroups(_ c: GroupComparison, names: [String], into md: inout MarkdownText) {
        md.line("## Metrics by effect size")
        md.blank()
        let differing = c.rows.count { c.differs($0) }
        let tested = c.rows.count { $0.q != nil }
        md.line("\(differing == 0 ? "None" : "\(differing)") of the \(tested) metrics tested differ\(differing == 1 ? "s" : "") between the groups beyond chance (q < \(c.options.falseDiscoveryRate), in bold). Ranked by η², the share of a metric's variance across threads that the grouping explains; median [Q1–Q3] over each group's threads; p from \(c.options.resamples) random relabellings of the threads into groups of the same sizes; q adjusts p for the metrics tested.")
        md.blank()
        md.table(["Metric"] + names + ["η²", "p", "q"], align: "|:---|" + String(repeating: "---:|", count: names.count + 3), c.ranked.map { row in
            let name = c.differs(row) ? "**\(metricLink(row.metric))**" : metricLink(row.metric)
            return [name] + row.summaries.map { summary($0, row.metric) } + [row.etaSquared.map { ComparisonTable.format($0, isCount: false) } ?? "–", pValue(row.p), pValue(row.q)]
        })
        md.blank()
    }

    // MARK: Formatting

    static func metricLink(_ m: ScalarMetric) -> String {
        "[\(Escaping.markdown(m.definition.name))](#\(ComparisonMarkdown.anchor(m.definition.id)))"
    }

    /// A value for a table: durations as durations, other values with 2 decimals (counts
    /// summarised over threads are not whole).
    static func value(_ x: Double, _ m: ScalarMetric) -> String {
        m.definition.unit == "seconds" ? ComparisonTable.format(x, metric: m) : ComparisonTable.format(x, isCount: false)
    }

    static func summary(_ s: GroupComparison.Summary?, _ m: ScalarMetric) -> String {
        guard let s else { return "–" }
        return "\(value(s.median, m)) [\(value(s.q1, m))–\(value(s.q3, m))]"
    }

    static func signedValue(_ x: Double?, _ m: ScalarMetric) -> String {
        guard let x else { return "–" }
        let v = value(abs(x), m)
        return (x > 0 && v != "0" ? "+" : x < 0 && v != "0" ? "−" : "") + v
    }

    static func interval(_ row: GroupComparison.Row) -> String {
        guard let i = row.interval else { return "" }
        return " [\(signedValue(i.low, row.metric)), \(signedValue(i.high, row.metric))]"
    }

    /// A signed number with 2 decimals.
    static func signed2(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        let s = String(format: "%.2f", abs(r))
        return (r > 0 ? "+" : r < 0 ? "−" : "") + s
    }

    /// A p- or q-value: 3 significant decimals, "< 0.001" below that.
    static func pValue(_ p: Double?) -> String {
        guard let p else { return "–" }
        return p < 0.001 ? "< 0.001" : String(format: "%.3f", p)
    }

    static func percent(_ x: Double) -> String {
        let v = x * 100
        return (v == v.rounded() ? String(Int(v)) : String(v)) + " %"
    }

    // MARK: Definitions

    static let quartileDefinition = "over the threads of a group where the metric is defined; linear interpolation between order statistics (type 7, as R and NumPy)."
    static func differenceDefinition(_ o: GroupTests.Options) -> String {
        "the mean over the second group's threads minus the mean over the first's; the interval is the percentile bootstrap interval (Efron & Tibshirani 1993): \(o.resamples) times, each group's threads are drawn with replacement and the difference recomputed; the interval holds the middle \(percent(o.confidence)) of those differences."
    }
    static func pDefinition(_ o: GroupTests.Options) -> String {
        "p is the two-sided permutation test of the difference of means: the share of relabellings of the pooled threads into groups of the same sizes whose |difference| is at least the observed one — every relabelling when there are at most \(o.resamples) (exact, marked \\*), else \(o.resamples) random ones with p = (1 + hits) / (1 + \(o.resamples)) (Phipson & Smyth 2010). q is the Benjamini–Hochberg adjustment of p over every metric tested (Benjamini & Hochberg 1995; R's `p.adjust(method = \"BH\")`): a metric with q < \(o.falseDiscoveryRate) differs beyond chance, with at most \(percent(o.falseDiscoveryRate)) of such findings expected to be false. Seed \(o.seed): the same inputs give the same numbers."
    }
    static let cohensDefinition = "the difference of means divided by the pooled standard deviation √(((n₁ − 1)s₁² + (n₂ − 1)s₂²)/(n₁ + n₂ − 2)) (Cohen 1988); it assumes roughly normal values, which thread metrics seldom are: read Cliff's δ first."
    static let cliffsDefinition = "P(a thread of the second group has a higher value than one of the first) − P(lower), over every pair of threads (Cliff 1993), from −1 to +1; robust to skewed values. |δ| below 0.147 is negligible, below 0.33 small, below 0.474 medium, else large (Romano et al. 2006)."
    static func etaDefinition(_ o: GroupTests.Options) -> String {
        "η² is the between-group sum of squares over the total sum of squares of the threads' values (0: the grouping explains nothing, 1: everything); p is the share of \(o.resamples) random relabellings of the threads into groups of the same sizes with η² at least the observed, (1 + hits)/(1 + \(o.resamples)); q is its Benjamini–Hochberg adjustment over the metrics tested (a metric with q < \(o.falseDiscoveryRate) differs beyond chance). Seed \(o.seed)."
    }
}
