/// The whole pipeline of `threadnet analyze`, in one place so that the command line and the
/// golden tests on `reports/` cannot drift apart: import, analyze, describe, write text.
public enum Pipeline {
    /// Reads and analyzes `input` and describes where it came from: the steps every command
    /// that reads threads shares (`analyze` then builds a report, `compare` a comparison).
    public static func analyze(_ input: InputSource, options: ImportOptions, analysis settings: AnalysisOptions = AnalysisOptions()) throws(ImportError) -> (analysis: CorpusAnalysis, provenance: Provenance) {
        let corpus = try Importers.read(input, options: options)
        let digest = try Provenance.sha256(of: input.openRaw())
        let analysis = CorpusAnalysis(corpus: corpus, policy: settings.policy, threadID: options.threadID, identity: settings.identity)
        let provenance = Provenance(input: input.baseName, sha256: digest, format: corpus.format.rawValue,
                                    options: Provenance.options(options, policy: settings.policy, extra: settings.descriptions))
        return (analysis, provenance)
    }

    /// Reads, analyzes and describes `input` the way `threadnet analyze` does: the one
    /// pipeline the command line and the golden tests share.
    public static func run(_ input: InputSource, options: ImportOptions, analysis settings: AnalysisOptions = AnalysisOptions(), detail: Int = ReportBundle.diagramThreadLimit) throws(ImportError) -> (analysis: CorpusAnalysis, provenance: Provenance, bundle: ReportBundle) {
        let (analysis, provenance) = try analyze(input, options: options, analysis: settings)
        return (analysis, provenance, ReportBundle(analysis, provenance: provenance, detail: detail, topics: settings.topics))
    }
}
