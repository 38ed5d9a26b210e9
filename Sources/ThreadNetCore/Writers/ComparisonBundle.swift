/// Every text file of one comparison, ready to be written: `comparison.md`, `.csv`, `.json`,
/// the dot plot `metrics.svg`, and the DOT sources of each thread's reply tree and author
/// network (`trees/<label>.dot`, `authors/<label>.dot`) with colours shared across threads
/// (``Palette/sharedColors(_:)``).
public struct ComparisonBundle: Sendable {
    /// Text documents (Markdown, CSV, JSON, SVG).
    public var documents: [ReportBundle.File]
    /// DOT sources; each is rendered next to itself as `.svg` and `.png`.
    public var diagrams: [ReportBundle.File]
    /// The numbers compared.
    public let table: ComparisonTable

    /// Metric ids drawn in the dot plot, in order, when the catalog has them.
    public static let chartMetrics = ["comments", "authors", "maxDepth", "structuralVirality", "repeatPosterCommentShare",
                                      "edgeReciprocity", "activityGini", "mentions"]
    /// At most this many metrics in the dot plot.
    public static let chartLimit = 7

    /// A bundle of ready files.
    init(documents: [ReportBundle.File], diagrams: [ReportBundle.File], table: ComparisonTable) {
        self.documents = documents
        self.diagrams = diagrams
        self.table = table
    }

    /// Builds every file for `threads` (in column order).
    ///
    /// - Parameter diagrams: whether to write the per-thread DOT files (pictures).
    /// - Parameter topics: with a dictionary, its topics side by side (``TopicComparison``).
    /// - Parameter options: what the pictures encode (`--color`).
    public init(_ threads: [ComparedThread], provenance: [Provenance], diagrams drawDiagrams: Bool = true, topics settings: TopicSettings = TopicSettings(),
                options: DiagramOptions = DiagramOptions()) {
        let table = ComparisonTable(threads)
        let analyses = threads.map(\.analysis)
        let overlap = AuthorOverlap(analyses)
        let vocabulary = VocabularyContrast(analyses, language: settings.options.language)
        let topics = TopicComparison(analyses, settings: settings)
        var diagrams: [ReportBundle.File] = []
        var pictures: ComparisonMarkdown.Pictures?
        if drawDiagrams {
            let colors = Palette.sharedColors(analyses)
            let names = ComparisonLabels.unique(threads.map { Escaping.fileName($0.label) })
            for (t, name) in zip(analyses, names) {
                diagrams.append(ReportBundle.File(path: "trees/\(name).dot", contents: ReplyTreeDOT(t, options: options, colors: colors).text))
                diagrams.append(ReportBundle.File(path: "authors/\(name).dot", contents: AuthorNetworkDOT(t, options: options, colors: colors).text))
            }
            pictures = ComparisonMarkdown.Pictures(replyTrees: names.map { "trees/\($0).png" }, authorNetworks: names.map { "authors/\($0).png" },
                                                   chart: "metrics.svg")
        }
        let chartRows = Self.chartMetrics.compactMap { id in table.rows.first { $0.metric.definition.id == id } }.prefix(Self.chartLimit)
        let chart = SVGChart.dotPlot(title: "Key metrics across threads", labels: threads.map(\.label),
                                     rows: chartRows.map { SVGChart.Series(name: $0.metric.definition.name, values: $0.values, isCount: $0.metric.isCount) })
        self.documents = [
            ReportBundle.File(path: "comparison.md", contents: ComparisonMarkdown.write(table, overlap: overlap, vocabulary: vocabulary, pictures: pictures ?? ComparisonMarkdown.Pictures(replyTrees: [], authorNetworks: [], chart: "metrics.svg"), provenance: provenance, topics: topics)),
            ReportBundle.File(path: "comparison.csv", contents: ComparisonCSV.write(table)),
            ReportBundle.File(path: "comparison.json", contents: ComparisonJSON.write(table, overlap: overlap, vocabulary: vocabulary, provenance: provenance, topics: topics)),
            ReportBundle.File(path: "metrics.svg", contents: chart),
        ]
        self.diagrams = diagrams
        self.table = table
    }
}
