import Dispatch

/// The whole pipeline of `threadnet analyze`, in one place so that the command line and the
/// golden tests on `reports/` cannot drift apart: import, analyze, describe, write text.
public enum Pipeline {
    /// Reads and analyzes `input` and describes where it came from: the steps every command
    /// that reads threads shares (`analyze` then builds a report, `compare` a comparison).
    public static func analyze(_ input: InputSource, options: ImportOptions, analysis settings: AnalysisOptions = AnalysisOptions(),
                               progress: RunProgress = .silent) throws(ImportError) -> (analysis: CorpusAnalysis, provenance: Provenance) {
        // The input's SHA-256 is computed on another thread while the importer reads it.
        let hashing = DispatchQueue(label: "threadnet.digest")
        nonisolated(unsafe) var digestResult: Result<String, ImportError> = .success("")
        hashing.async {
            do { digestResult = .success(try Provenance.sha256(of: input.openRaw())) } catch let error as ImportError {
                digestResult = .failure(error)
            } catch {}
        }
        var corpus: Corpus
        do throws(ImportError) {
            corpus = try Importers.read(input, options: options, progress: progress)
            if !settings.window.isUnbounded {
                corpus = settings.window.apply(to: corpus)
                guard !corpus.threads.isEmpty else {
                    throw ImportError(.empty, at: SourceLocation(file: input.baseName),
                                      "no comment of the input falls in the time window (\(settings.window.descriptions.joined(separator: " "))); comments without a time are left out whenever --since or --until is given")
                }
            }
        } catch {
            hashing.sync {}
            throw error
        }
        progress.begin("digest", total: nil)
        hashing.sync {}
        let digest = try digestResult.get()
        let analysis = CorpusAnalysis(corpus: corpus, policy: settings.policy, threadID: options.threadID, identity: settings.identity,
                                      progress: progress)
        let provenance = Provenance(input: input.baseName, sha256: digest, format: corpus.format.rawValue,
                                    options: Provenance.options(options, policy: settings.policy, extra: settings.descriptions))
        return (analysis, provenance)
    }

    /// Reads, analyzes and describes `input` the way `threadnet analyze` does: the one
    /// pipeline the command line and the golden tests share.
    public static func run(_ input: InputSource, options: ImportOptions, analysis settings: AnalysisOptions = AnalysisOptions(), detail: Int = ReportBundle.diagramThreadLimit,
                           progress: RunProgress = .silent) throws(ImportError) -> (analysis: CorpusAnalysis, provenance: Provenance, bundle: ReportBundle) {
        let (analysis, provenance) = try analyze(input, options: options, analysis: settings, progress: progress)
        return (analysis, provenance, ReportBundle(analysis, provenance: provenance, detail: detail, topics: settings.topics,
                                                               dynamicGEXF: settings.dynamicGEXF, diagrams: settings.diagrams,
                                                               images: settings.images, progress: progress))
    }
}
