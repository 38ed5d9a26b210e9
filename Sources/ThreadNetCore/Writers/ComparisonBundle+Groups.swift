extension ComparisonBundle {
    /// The files of a group comparison (``GroupComparison``), or of many threads shown as
    /// distributions (one group): `comparison.md` (``GroupComparisonMarkdown``),
    /// `comparison.csv` (one row per thread, with its `group`), `comparison.json` (per thread
    /// and per group), `groups.csv` and, with two or more groups, `differences.csv`
    /// (``GroupComparisonCSV``) and the dot plot of group medians on the metrics with the largest effects, `metrics.svg`; with one
    /// group, the histograms `distributions/<metric id>.svg`. No per-thread pictures.
    ///
    /// - Parameters:
    ///   - threads: every thread read, in column order.
    ///   - groups: the groups, as indices into `threads`.
    ///   - sources: each group's inputs, as shown.
    ///   - leftOut: threads read but in no group (said in the report).
    ///   - provenance: the inputs' provenance.
    ///   - options: resamples, seed, confidence and false-discovery rate.
    ///   - language: whose stop words the vocabulary contrast leaves out (nil: detected).
    /// - Complexity: O(*m* · *R* · *t*) for the resampling, plus the text for the vocabulary.
    public init(_ threads: [ComparedThread], groups: [GroupComparison.Group], sources: [[String]], leftOut: Int = 0,
                provenance: [Provenance], options: GroupTests.Options = GroupTests.Options(), language: TopicLanguage? = nil) {
        let table = ComparisonTable(threads)
        let comparison = GroupComparison(table, groups: groups, options: options)
        let vocabulary = groups.count >= 2 ? VocabularyContrast(threads.map(\.analysis), groups: groups.map(\.threads), language: language) : nil
        var groupOf = [String](repeating: "", count: threads.count)
        for g in groups { for k in g.threads { groupOf[k] = g.name } }
        var documents: [ReportBundle.File] = []
        var histograms: [String: String] = [:]
        var chart: String?
        if groups.count == 1 {
            documents = CorpusReport.histogramFiles(table, folder: "distributions")
            for (row, _) in CorpusReport.distributions(table) {
                histograms[row.metric.definition.id] = "distributions/\(Escaping.fileName(row.metric.definition.id)).svg"
            }
        } else {
            // The metrics with the largest effects, where every group defines them.
            let rows = comparison.ranked.filter { $0.effect != nil && !$0.summaries.contains(where: { $0 == nil }) }.prefix(Self.chartLimit)
            documents.append(ReportBundle.File(path: "metrics.svg", contents: SVGChart.dotPlot(
                title: "Median per group: the \(rows.count) metrics with the largest effects", labels: groups.map(\.name),
                rows: rows.map { SVGChart.Series(name: $0.metric.definition.name, values: $0.summaries.map { $0?.median }, isCount: false) })))
            chart = "metrics.svg"
        }
        let markdown = GroupComparisonMarkdown.write(comparison, table: table, sources: sources, leftOut: leftOut, vocabulary: vocabulary,
                                                     pictures: GroupComparisonMarkdown.Pictures(chart: chart, histograms: histograms), provenance: provenance)
        documents = [
            ReportBundle.File(path: "comparison.md", contents: markdown),
            ReportBundle.File(path: "comparison.csv") { [groupOf] in ComparisonCSV.write(table, groups: groups.count > 1 ? groupOf : nil, to: $0) },
            ReportBundle.File(path: "comparison.json", contents: ComparisonJSON.write(table, overlap: nil, vocabulary: vocabulary, provenance: provenance,
                                                                                       groups: comparison, sources: sources)),
            ReportBundle.File(path: "groups.csv") { GroupComparisonCSV.writeSummaries(comparison, to: $0) },
        ] + (groups.count > 1 ? [ReportBundle.File(path: "differences.csv") { GroupComparisonCSV.writeDifferences(comparison, to: $0) }] : []) + documents
        self.init(documents: documents, diagrams: [], table: table)
    }
}
