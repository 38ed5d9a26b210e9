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
}
