/// Every text file of one analysis, ready to be written: the report, the metrics and the
/// DOT sources of the diagrams (which the Graphviz module renders to SVG and PNG).
public struct ReportBundle: Sendable {
    /// A file: a path relative to the output folder and its text.
    public struct File: Sendable, Hashable {
        public var path: String
        public var contents: String
    }

    /// `report.md`, `metrics.json` and the per-thread exports (GEXF, GraphML, CSV).
    public var documents: [File]
    /// DOT sources; each is rendered next to itself as `.svg` and `.png`.
    public var diagrams: [File]

    /// Diagrams and per-thread exports are written for at most this many threads of a multi-thread corpus (the ones
    /// with most comments) unless `detail` says otherwise; the report says so.
    public static let diagramThreadLimit = 10

    /// Builds every file for `analysis`.
    ///
    /// `comments.csv`, `authors.csv` and `edges.csv` beside the report cover every thread, with
    /// a `thread` column. A single-thread corpus gets `reply-tree.dot`, `authors.dot`,
    /// `authors.gexf`, `reply-tree.gexf` and `authors.graphml` beside the report too; a corpus
    /// of several threads gets those, and per-thread CSVs without the `thread` column, under
    /// `threads/<thread id>/` for its largest `detail` threads. A corpus of more than `detail`
    /// threads is in corpus mode: it also gets `corpus.md` (``CorpusReport``), its histograms
    /// under `corpus/` and `threads.csv` (one row per thread, ``ComparisonCSV``).
    ///
    /// Each drawn thread also gets its topics (``ThreadTopics``): `topics.dot` (the dictionary's
    /// topics when `topics` has a dictionary, else the automatic key terms), `topics.csv` (every
    /// pair with every measure), `author-topics.csv`, and with a dictionary `key-terms.dot` and
    /// `key-terms.csv` for the automatic key terms too.
    public init(_ analysis: CorpusAnalysis, provenance: Provenance, detail: Int = diagramThreadLimit, topics settings: TopicSettings = TopicSettings()) {
        var diagrams: [File] = []
        var exports: [File] = []
        var images: [String: MarkdownReport.Images] = [:]
        var topics: [String: ThreadTopics] = [:]
        let single = analysis.threads.count == 1
        let drawn = single ? Array(analysis.threads.indices) : Array(analysis.threads.enumerated()
            .sorted { ($1.element.comments.count, $0.offset) < ($0.element.comments.count, $1.offset) }
            .prefix(detail).map(\.offset))
        let metrics = ThreadMetrics.computeAll(analysis.threads)
        var usedFolders = Set<String>()
        for k in drawn {
            let t = analysis.threads[k]
            var folder = ""
            if !single {
                var name = Escaping.fileName(t.thread.id)
                var n = 2
                while usedFolders.contains(name) { name = Escaping.fileName(t.thread.id) + "-\(n)"; n += 1 }
                usedFolders.insert(name)
                folder = "threads/\(name)/"
            }
            diagrams.append(File(path: folder + "reply-tree.dot", contents: ReplyTreeDOT.write(t)))
            diagrams.append(File(path: folder + "authors.dot", contents: AuthorNetworkDOT.write(t)))
            exports += [
                File(path: folder + "authors.gexf", contents: GEXFWriter.write(t, metrics: metrics[k])),
                File(path: folder + "reply-tree.gexf", contents: GEXFWriter.writeReplyTree(t)),
                File(path: folder + "authors.graphml", contents: GraphMLWriter.write(t, metrics: metrics[k])),
            ]
            if !single {
                exports += [
                    File(path: folder + "comments.csv", contents: CSVWriter.comments(metrics[k])),
                    File(path: folder + "authors.csv", contents: CSVWriter.authors(metrics[k])),
                    File(path: folder + "edges.csv", contents: CSVWriter.edges(t)),
                ]
            }
            let threadTopics = ThreadTopics(t, settings: settings)
            topics[t.thread.id] = threadTopics
            diagrams.append(File(path: folder + "topics.dot", contents: TopicsDOT.write(threadTopics.primary)))
            diagrams.append(File(path: folder + "author-topics.dot", contents: AuthorTopicDOT.write(threadTopics.primary.authors)))
            exports += [
                File(path: folder + "topics.csv", contents: TopicsCSV.pairs(threadTopics.primary.cooccurrence)),
                File(path: folder + "author-topics.csv", contents: TopicsCSV.authorTopics(threadTopics.primary.authors)),
            ]
            if threadTopics.dictionary != nil {
                diagrams.append(File(path: folder + "key-terms.dot", contents: TopicsDOT.write(threadTopics.keyTerms)))
                exports.append(File(path: folder + "key-terms.csv", contents: TopicsCSV.pairs(threadTopics.keyTerms.cooccurrence)))
            }
            images[t.thread.id] = MarkdownReport.Images(replyTree: folder + "reply-tree.png", authors: folder + "authors.png",
                                                        topics: folder + "topics.png", authorTopics: folder + "author-topics.png", keyTerms: threadTopics.dictionary != nil ? folder + "key-terms.png" : nil)
        }
        self.documents = [
            File(path: "report.md", contents: MarkdownReport.write(analysis, metrics: metrics, provenance: provenance, images: images, detail: detail, topics: topics)),
            File(path: "metrics.json", contents: MetricsJSON.write(analysis, metrics: metrics, provenance: provenance, topics: topics)),
            // Every thread's rows, with a `thread` column, whatever the number of threads.
            File(path: "comments.csv", contents: CSVWriter.comments(analysis, metrics: metrics)),
            File(path: "authors.csv", contents: CSVWriter.authors(analysis, metrics: metrics)),
            File(path: "edges.csv", contents: CSVWriter.edges(analysis)),
        ] + exports + (analysis.threads.count > detail ? Self.corpusFiles(analysis, metrics: metrics, provenance: provenance, detail: detail) : [])
        self.diagrams = diagrams
    }
}
