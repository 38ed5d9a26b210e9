extension ReportBundle {
    /// The corpus-mode files: `corpus.md`, `threads.csv` and the histograms under `corpus/`.
    ///
    /// - Complexity: O(*t* · *m* + *t* log *t* + *c*) for *t* threads, *m* scalar metrics, *c* comments.
    static func corpusFiles(_ analysis: CorpusAnalysis, metrics: [ThreadMetrics], network: CorpusNetwork?, topics: CorpusTopics?, time: TimeProfile?,
                            provenance: Provenance, detail: Int) -> [File] {
        let columns = metrics.map { ComparedThread(label: $0.analysis.thread.id, source: provenance.input, metrics: $0) }
        let table = ComparisonTable(columns)
        return [
            File(path: "corpus.md") { $0.write(CorpusReport.write(analysis, table: table, network: network, topics: topics, time: time, provenance: provenance, detail: detail)) },
            File(path: "threads.csv") { ComparisonCSV.write(table, to: $0) },
        ] + CorpusReport.histogramFiles(table)
    }

    /// The corpus-wide topics' files: `corpus-terms.csv` and `corpus-topics.csv` (documents)
    /// and `corpus-topics.dot` (the diagram).
    public static func corpusTopicFiles(_ topics: CorpusTopics) -> (documents: [File], diagram: File) {
        ([File(path: "corpus-terms.csv") { CorpusTopicsWriter.terms(topics, to: $0) },
          File(path: "corpus-topics.csv") { CorpusTopicsWriter.pairs(topics, to: $0) }],
         File(path: "corpus-topics.dot") { $0.write(TopicsDOT.write(topics.cooccurrence, edges: topics.edges, selection: topics.selection)) })
    }

    /// The corpus-wide time charts: `corpus-timeline.svg` (with two or more timed comments),
    /// `corpus-latency.svg` (with a reply latency of 0 or more) and, with the author network,
    /// `corpus-growth.svg`.
    public static func corpusTimeCharts(_ time: TimeProfile, network: CorpusNetwork?) -> [File] {
        var files: [File] = []
        if let tl = time.timeline {
            files.append(File(path: "corpus-timeline.svg") { $0.write(SVGChart.timeline(title: "Comments over time, all threads", tl)) })
        }
        if time.timedReplies > time.negativeLatencies {
            files.append(File(path: "corpus-latency.svg") { $0.write(SVGChart.latency(title: "Reply latency, all threads", time)) })
        }
        if let network, let tl = time.timeline, let last = time.lastComment {
            files.append(File(path: "corpus-growth.svg") {
                $0.write(SVGChart.growth(title: "Growth of the corpus-wide author network", network.growth(tl, last: last)))
            })
        }
        return files
    }
}
