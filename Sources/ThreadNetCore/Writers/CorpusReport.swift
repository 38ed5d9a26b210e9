/// Writes `corpus.md`, the report of an input with many threads (corpus mode): totals,
/// distributions across threads as histograms with summary statistics, the largest and
/// deepest threads, and the most active authors across threads.
///
/// The distributions cover the metrics of ``distributionMetrics`` that ``Metrics/scalars``
/// has; their histograms (``Histogram``, ``SVGChart/histogram(title:axisLabel:_:)``) are
/// separate SVG files whose paths the caller chooses.
public enum CorpusReport {
    /// Metric ids whose distribution across threads is shown, when the catalog has them.
    public static let distributionMetrics = ["comments", "maxDepth", "authors", "edgeReciprocity", "meanDepth", "structuralVirality", "repeatPosterShare",
                                             "timeToFirstComment", "replyLatencyMedian"]
    /// Rows in the largest/deepest thread lists and in the most-active-authors list.
    public static let listed = 10, authorsListed = 20

    /// The distributions shown: each metric's row with its histogram (metrics undefined in
    /// every thread, such as the time to the first comment of comments without their posts,
    /// are left out).
    public static func distributions(_ table: ComparisonTable) -> [(row: ComparisonTable.Row, histogram: Histogram)] {
        distributions(table.rows)
    }

    /// The distributions shown, from a table's rows (or rows of merged partial results).
    public static func distributions(_ rows: [ComparisonTable.Row]) -> [(row: ComparisonTable.Row, histogram: Histogram)] {
        distributionMetrics.compactMap { id in rows.first { $0.metric.definition.id == id && !$0.defined.isEmpty } }
            .map { ($0, Histogram($0.defined, isCount: $0.metric.isCount)) }
    }

    /// The histogram SVG files, as `<folder>/<metric id>.svg` (`corpus/` by default).
    public static func histogramFiles(_ table: ComparisonTable, folder: String = "corpus") -> [ReportBundle.File] {
        histogramFiles(table.rows, folder: folder)
    }

    /// The histogram SVG files of the distributions of `rows`.
    public static func histogramFiles(_ rows: [ComparisonTable.Row], folder: String = "corpus") -> [ReportBundle.File] {
        distributions(rows).map { row, h in
            let d = row.metric.definition
            return ReportBundle.File(path: "\(folder)/\(Escaping.fileName(d.id)).svg",
                                     contents: SVGChart.histogram(title: "\(d.name) across \(row.defined.count) threads", axisLabel: d.unit, h))
        }
    }

    /// What `corpus.md` says of the corpus besides its metrics: its format, empty threads and
    /// each thread's id, title, size and depth (from the analysis, or from merged partial
    /// results).
    public struct Summary: Sendable {
        /// The input format's display name.
        public var format: String
        /// Threads without comments (counted, not listed).
        public var emptyThreads: Int
        /// The threads in corpus order.
        public var threads: [Thread]

        /// One thread: id, title, comments, distinct authors (``Metrics/authors``) and maximum depth.
        public struct Thread: Sendable {
            public var id: String
            public var title: String
            public var comments: Int
            public var authors: Int
            public var maxDepth: Int
            /// Repairs made in the thread (``Finding``).
            public var findings: Int

            public init(id: String, title: String, comments: Int, authors: Int, maxDepth: Int, findings: Int = 0) {
                self.id = id
                self.title = title
                self.comments = comments
                self.authors = authors
                self.maxDepth = maxDepth
                self.findings = findings
            }
        }

        /// Distinct authors across the threads, when known without the corpus-wide network (0 if not).
        public var distinctAuthors: Int

        public init(format: String, emptyThreads: Int, threads: [Thread], distinctAuthors: Int = 0) {
            self.format = format
            self.emptyThreads = emptyThreads
            self.threads = threads
            self.distinctAuthors = distinctAuthors
        }

        /// The summary of an analysed corpus.
        public init(_ corpus: CorpusAnalysis) {
            self.init(format: corpus.corpus.format.displayName, emptyThreads: corpus.corpus.emptyThreadCount, threads: corpus.threads.map {
                Thread(id: $0.thread.id, title: $0.thread.title, comments: $0.comments.count, authors: $0.network.count, maxDepth: Metrics.maxDepth($0),
                       findings: $0.findings.count)
            })
        }
    }

    /// The Markdown text. `table` has one column per thread of `corpus` (in the same order);
    /// `detail` is how many threads have detailed sections in `report.md`.
    ///
    /// - Complexity: O(*t* log *t* + *c*) for *t* threads and *c* comments.
    public static func write(_ corpus: CorpusAnalysis, table: ComparisonTable, network: CorpusNetwork? = nil, topics: CorpusTopics? = nil,
                             time: TimeProfile? = nil, provenance: Provenance, detail: Int) -> String {
        write(Summary(corpus), rows: table.rows, network: network ?? CorpusNetwork(corpus.threads), topics: topics,
              time: time ?? TimeProfile(corpus: corpus.threads), provenance: provenance, detail: detail)
    }

    /// The Markdown text from a summary of the corpus and one row per metric (each with every
    /// thread's value, in the summary's order).
    public static func write(_ summary: Summary, rows: [ComparisonTable.Row], network: CorpusNetwork, topics: CorpusTopics? = nil,
                             time pooled: TimeProfile, provenance: Provenance, detail: Int) -> String {
        var md = MarkdownText()
        let threads = summary.threads
        md.line("# Corpus report: \(Escaping.markdown(provenance.input))")
        md.blank()
        md.line("Source: `\(Escaping.codeSpan(provenance.input))` (\(summary.format)), analyzed by ThreadNet \(provenance.version). `threads.csv` has one row per thread and one column per metric; `report.md` has detailed sections, and `threads/` the diagrams, for the \(min(detail, threads.count)) threads with most comments.")
        md.blank()

        // Authors across threads: comments and threads per name.
        let comments = threads.reduce(0) { $0 + $1.comments }
        md.line("## Totals")
        md.blank()
        md.table(["Measure", "Value"], align: "|:---|---:|", [
            ["Threads with comments", "\(threads.count)"],
            ["Empty threads (counted, not listed)", "\(summary.emptyThreads)"],
            ["Comments", "\(comments)"],
            ["Distinct authors across threads", "\(network.count)"],
            ["Authors in 2 or more threads", "\(network.threads.count { $0 >= 2 })"],
            ["Maximum depth", "\(threads.map(\.maxDepth).max() ?? 0)"],
        ])
        md.blank()

        md.line("## Distributions across threads")
        md.blank()
        md.line("Quartiles by linear interpolation (type 7, as R and NumPy); SD is the population standard deviation. Count metrics are binned in powers of two (1, 2–3, 4–7, …).")
        md.blank()
        let dists = distributions(rows)
        md.table(["Metric", "Threads", "Min", "Q1", "Median", "Mean", "Q3", "Max", "SD"], align: "|:---|---:|---:|---:|---:|---:|---:|---:|---:|",
                 dists.map { row, _ in
            let v = row.defined
            let seconds = row.metric.definition.unit == "seconds"
            let f = { (x: Double?) in seconds ? ComparisonTable.format(x, metric: row.metric) : ComparisonTable.format(x, isCount: false) }
            return [Escaping.markdown(row.metric.definition.name), "\(v.count)", f(v.min()), f(ComparisonStats.quantile(v, 0.25)), f(ComparisonStats.median(v)),
                    f(ComparisonStats.mean(v)), f(ComparisonStats.quantile(v, 0.75)), f(v.max()), f(ComparisonStats.standardDeviation(v))]
        })
        md.blank()
        for (row, _) in dists {
            md.line("![Histogram of \(Escaping.markdown(row.metric.definition.name)) across threads](corpus/\(Escaping.fileName(row.metric.definition.id)).svg)")
            md.blank()
        }

        let byComments = threads.indices.sorted { (threads[$1].comments, $0) < (threads[$0].comments, $1) }
        let byDepth = threads.indices.sorted { (threads[$1].maxDepth, threads[$1].comments, $0) < (threads[$0].maxDepth, threads[$0].comments, $1) }
        func listing(_ order: [Int]) -> [[String]] {
            order.prefix(listed).map { i in
                let t = threads[i]
                return [Escaping.markdown(t.id), Escaping.markdown(Escaping.excerpt(t.title, limit: 60)), "\(t.comments)", "\(t.authors)", "\(t.maxDepth)"]
            }
        }
        md.line("## Largest threads")
        md.blank()
        md.table(["Thread", "Title", "Comments", "Authors", "Maximum depth"], align: "|:---|:---|---:|---:|---:|", listing(byComments))
        md.blank()
        md.line("## Deepest threads")
        md.blank()
        md.table(["Thread", "Title", "Comments", "Authors", "Maximum depth"], align: "|:---|:---|---:|---:|---:|", listing(byDepth))
        md.blank()

        md.line("## Most active authors across threads")
        md.blank()
        let active = network.top(authorsListed) { Double(network.comments[$0]) * 1e9 + Double(network.threads[$0]) }
        if active.isEmpty {
            md.line("No known authors.")
        } else {
            md.table(["Author", "Comments", "Threads"], align: "|:---|---:|---:|",
                     active.map { [Escaping.markdown(network.names[$0]), "\(network.comments[$0])", "\(network.threads[$0])"] })
        }
        md.blank()
        TimeMarkdown.section(pooled, title: "Time across the corpus", level: "##", pooled: true,
                             timeline: pooled.timeline == nil ? nil : "corpus-timeline.svg",
                             latency: pooled.timedReplies > pooled.negativeLatencies ? "corpus-latency.svg" : nil, into: &md)
        if network.count > 0 { networkSection(network, level: "##", growth: pooled.timeline != nil, into: &md) }
        if let topics { CorpusTopicsWriter.section(topics, level: "##", into: &md) }
        md.line("## Definitions")
        md.blank()
        for (row, _) in dists {
            let d = row.metric.definition
            md.line("- **\(Escaping.markdown(d.name))** (`\(d.id)`, \(Escaping.markdown(d.unit))): \(d.definition)")
        }
        return md.text
    }

    /// Rows of the most-central-authors table.
    public static let centralAuthorsListed = 20

    /// The corpus-wide author network: its measures (the network metrics of the catalog,
    /// computed on the merged reply graph), the most central authors by PageRank and the
    /// diagram of the most active authors.
    static func networkSection(_ n: CorpusNetwork, level h: String, growth: Bool = false, into md: inout MarkdownText) {
        let m = n.measures
        md.line("\(h) Corpus-wide author network")
        md.blank()
        md.line("Every reply between known authors across all threads: an edge replier → replied-to, weighted by replies, self-replies (\(n.selfReplies)) counted apart and removed; deleted and anonymous authors are not nodes. The measures are those of a thread's network (definitions in the report's glossary), computed on the merged graph. Per-author figures for all \(n.count) authors are in `corpus-authors.csv`; `corpus-authors.gexf` and `.graphml` hold the \(min(n.count, CorpusNetworkWriter.exportLimit)) most active authors and the edges among them.")
        md.blank()
        md.table(["Measure", "Value", "Unit"], align: "|:---|---:|:---|", Metrics.networkScalars.map { s in
            [Escaping.markdown(s.definition.name), MarkdownReport.format(s.networkValue.map { $0(m) }, s), Escaping.markdown(s.definition.unit)]
        })
        md.blank()
        md.line(m.betweennessSampled
            ? "Betweenness and harmonic closeness are estimated from \(m.betweennessSources) source authors chosen with a fixed seed (the network has more than \(Betweenness.Options.standard.exactLimit) authors)."
            : "Betweenness and harmonic closeness are exact (breadth-first searches from every author).")
        md.blank()
        md.line("Most central authors by PageRank:")
        md.blank()
        let top = n.top(centralAuthorsListed) { m.pageRank[$0] }
        md.table(["Author", "Comments", "Threads", "In-degree", "Out-degree", "PageRank", "Betweenness", "Harmonic closeness", "Hub", "Authority", "Reciprocity", "Core number", "Community"],
                 align: "|:---|" + String(repeating: "---:|", count: 12),
                 top.map { k in
            [Escaping.markdown(n.names[k]), "\(n.comments[k])", "\(n.threads[k])", "\(m.inDegree[k])", "\(m.outDegree[k])",
             MarkdownReport.significant(m.pageRank[k]), MarkdownReport.significant(m.betweenness[k]), MarkdownReport.significant(m.harmonicCloseness[k]),
             MarkdownReport.significant(m.hubScore[k]), MarkdownReport.significant(m.authorityScore[k]),
             m.reciprocity[k].isFinite ? MarkdownReport.significant(m.reciprocity[k]) : "—", "\(m.coreNumber[k])", "\(m.community[k])"]
        })
        md.blank()
        md.line("![Corpus-wide author network: the \(min(n.count, CorpusNetworkWriter.drawnLimit)) most active authors and the heaviest reply edges among them](corpus-authors.png)")
        md.blank()
        if growth {
            md.line("How the network grew: \(n.authorArrivals.count) authors with a timed comment and \(n.edgeArrivals.count) reply edges, each counted from its first timed comment or reply (`growth` in metrics.json).")
            md.blank()
            md.line("![Growth of the corpus-wide author network: authors and reply edges that had appeared by each time](corpus-growth.svg)")
            md.blank()
        }
    }
}
