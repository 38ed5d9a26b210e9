extension ReportBundle {
    /// The corpus-mode files: `corpus.md`, `threads.csv` and the histograms under `corpus/`.
    ///
    /// - Complexity: O(*t* · *m* + *t* log *t* + *c*) for *t* threads, *m* scalar metrics, *c* comments.
    static func corpusFiles(_ analysis: CorpusAnalysis, provenance: Provenance, detail: Int) -> [File] {
        let columns = analysis.threads.map { ComparedThread(label: $0.thread.id, source: provenance.input, metrics: ThreadMetrics($0)) }
        let table = ComparisonTable(columns)
        return [
            File(path: "corpus.md", contents: CorpusReport.write(analysis, table: table, provenance: provenance, detail: detail)),
            File(path: "threads.csv", contents: ComparisonCSV.write(table)),
        ] + CorpusReport.histogramFiles(table)
    }
}
