/// Every file of one analysis, ready to be written: the report, the metrics, the exports and
/// the DOT sources of the diagrams (which the Graphviz module renders to SVG and PNG).
///
/// Building a bundle computes what the files say (each thread's metrics, the drawn threads'
/// topics, the corpus-wide author network); each file is then a writer that streams into a
/// ``TextOutput`` when asked (``OutputFile``), so no file is held in memory whole.
public struct ReportBundle: Sendable {
    /// A file: a path relative to the output folder and its writer.
    public typealias File = OutputFile

    /// `report.md`, `metrics.json` and the exports (GEXF, GraphML, node-link JSON, CSV, SVG charts).
    public var documents: [File]
    /// DOT sources; each is rendered next to itself as `.svg` and `.png`.
    public var diagrams: [File]
    /// Each thread's metrics, `metrics[i]` for `analysis.threads[i]`.
    public let metrics: [ThreadMetrics]
    /// The corpus-wide author network, for inputs of two or more threads (or in corpus mode).
    public let network: CorpusNetwork?
    /// The corpus-wide key terms and their co-occurrence, for the same inputs as ``network``.
    public let corpusTopics: CorpusTopics?
    /// Every comment and reply of the corpus pooled (``TimeProfile``), for the same inputs as ``network``.
    public let corpusTime: TimeProfile?

    /// Diagrams and per-thread exports are written for at most this many threads of a multi-thread corpus (the ones
    /// with most comments) unless `detail` says otherwise; the report says so.
    public static let diagramThreadLimit = 10

    /// Builds every file for `analysis`.
    ///
    /// `comments.csv`, `authors.csv` and `edges.csv` beside the report cover every thread, with
    /// a `thread` column. A single-thread corpus gets `reply-tree.dot`, `authors.dot`,
    /// `authors.gexf`, `reply-tree.gexf` and `authors.graphml` (every typed link, with a `kind`)
    /// beside the report too, with `authors-replies.gexf`, `authors-replies.graphml` and the
    /// node-link `authors.json` (the reply graph alone, the one `metrics.json` measures); a corpus
    /// of several threads gets those, and per-thread CSVs without the `thread` column, under
    /// `threads/<thread id>/` for its largest `detail` threads, and the corpus-wide author
    /// network (``CorpusNetwork``): `corpus-network.json` (its measures), `corpus-authors.csv` (every author), `corpus-authors.gexf`
    /// and `.graphml` (the ``CorpusNetworkWriter/exportLimit`` most active authors and the
    /// edges among them) and the diagram `corpus-authors.dot`. A corpus of more than `detail`
    /// threads is in corpus mode: it also gets `corpus.md` (``CorpusReport``), its histograms
    /// under `corpus/` and `threads.csv` (one row per thread, ``ComparisonCSV``).
    ///
    /// Each drawn thread also gets its topics (``ThreadTopics``): `topics.dot` (the dictionary's
    /// topics when `topics` has a dictionary, else the automatic key terms), `topics.csv` (every
    /// pair with every measure), `author-topics.csv`, and with a dictionary `key-terms.dot` and
    /// `key-terms.csv` for the automatic key terms too.
    ///
    /// - Complexity: the threads' metrics (``ThreadMetrics``, on all cores), the drawn threads'
    ///   topics, and ``CorpusNetwork``; the files cost nothing until written.
    public init(_ analysis: CorpusAnalysis, provenance: Provenance, detail: Int = diagramThreadLimit,
                topics settings: TopicSettings = TopicSettings(), dynamicGEXF: Bool = false,
                diagrams diagramOptions: DiagramOptions = DiagramOptions(), images drawsImages: Bool = true, progress: RunProgress = .silent) {
        let threads = analysis.threads
        let single = threads.count == 1
        let drawn = single ? Array(threads.indices) : Self.detailed(threads.map(\.comments.count), detail: detail)
        // The text phases come first: their working memory (tokens, counts) is freed before the
        // metrics, which stay until the files are written, so the peaks do not add up.
        progress.begin("topics", total: drawn.count, unit: "threads")
        let drawnTopics = Parallel.map(drawn, cost: { threads[$0].comments.count }) { k -> ThreadTopics in
            defer { progress.advance() }
            return ThreadTopics(threads[k], settings: settings)
        }
        let corpusWide = threads.count > 1 || threads.count > detail
        let corpusTopics = corpusWide ? CorpusTopics(threads, options: settings.options, selection: settings.selection, progress: progress) : nil
        progress.begin("metrics", total: threads.count, unit: "threads")
        let metrics = ThreadMetrics.computeAll(threads, progress: progress)
        var corpusNetwork: CorpusNetwork?
        if corpusWide {
            progress.begin("corpus network", total: nil)
            corpusNetwork = CorpusNetwork(threads)
        }
        let network = corpusNetwork
        let corpusTime = corpusWide ? TimeProfile(corpus: threads) : nil
        progress.end()

        var diagrams: [File] = [], corpusDiagrams: [File] = []
        var exports: [File] = []
        var images: [String: MarkdownReport.Images] = [:]
        var topics: [String: ThreadTopics] = [:]
        let folders = single ? [""] : Self.folderNames(drawn.map { threads[$0].thread.id }).map { "threads/\($0)/" }
        for ((k, threadTopics), folder) in zip(zip(drawn, drawnTopics), folders) {
            let t = threads[k]
            let files = Self.threadFiles(t, metrics: metrics[k], topics: threadTopics, folder: folder, diagrams: diagramOptions,
                                         dynamicGEXF: dynamicGEXF, images: drawsImages)
            diagrams += files.diagrams
            exports += files.exports
            topics[t.thread.id] = threadTopics
            images[t.thread.id] = files.images
        }
        let detailedSet = Set(drawn)
        let allTopics = topics
        let allImages = images
        var documents: [File] = [
            File(path: "report.md") {
                $0.write(MarkdownReport.write(analysis, metrics: metrics, provenance: provenance, images: allImages, detail: detail,
                                              topics: allTopics, network: network, corpusTopics: corpusTopics, corpusTime: corpusTime))
            },
            File(path: "metrics.json") {
                MetricsJSON.write(analysis, metrics: metrics, provenance: provenance, topics: allTopics, network: network,
                                  corpusTopics: corpusTopics, corpusTime: corpusTime, detailed: detailedSet, to: $0)
            },
            // Every thread's rows, with a `thread` column, whatever the number of threads.
            File(path: "comments.csv") { CSVWriter.writeComments(metrics, threadColumn: true, to: $0) },
            File(path: "authors.csv") { CSVWriter.writeAuthors(metrics, threadColumn: true, to: $0) },
            File(path: "edges.csv") { CSVWriter.writeEdges(threads, threadColumn: true, to: $0) },
        ]
        if let network {
            documents += [
                File(path: "corpus-authors.csv") { CorpusNetworkWriter.csv(network, to: $0) },
                File(path: "corpus-authors.gexf") { CorpusNetworkWriter.gexf(network, title: provenance.input, to: $0) },
                File(path: "corpus-authors.graphml") { CorpusNetworkWriter.graphML(network, to: $0) },
                File(path: "corpus-network.json") {
                    CorpusNetworkWriter.json(network, comments: threads.reduce(0) { $0 + $1.comments.count }, threads: threads.count, to: $0)
                },
            ]
            corpusDiagrams.append(File(path: "corpus-authors.dot") { CorpusNetworkWriter.dot(network, to: $0) })
        }
        if let corpusTopics {
            let files = Self.corpusTopicFiles(corpusTopics)
            documents += files.documents
            corpusDiagrams.append(files.diagram)
        }
        if let corpusTime { documents += Self.corpusTimeCharts(corpusTime, network: network) }
        documents += exports
        if threads.count > detail {
            documents += Self.corpusFiles(analysis, metrics: metrics, network: network, topics: corpusTopics, time: corpusTime, provenance: provenance, detail: detail)
        }
        self.documents = documents
        // The corpus-wide diagrams first, as a merge draws them: a force-directed layout drawn
        // after other layouts in the same process can come out differently from run to run.
        self.diagrams = corpusDiagrams + diagrams
        self.metrics = metrics
        self.network = network
        self.corpusTopics = corpusTopics
        self.corpusTime = corpusTime
    }
}
