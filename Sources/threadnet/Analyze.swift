import ArgumentParser
import Foundation
import ThreadNetCore
import ThreadNetGraphviz

/// `threadnet analyze INPUT [--out DIR]`: the report, metrics and diagrams of a thread.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyze a thread file: report.md, metrics.json, reply-tree and author-network diagrams.",
        discussion: """
            Writes into --out (default: reports/<input name>/): report.md, metrics.json, \
            reply-tree.dot/.svg/.png, authors.dot/.svg/.png, topics.dot/.svg/.png (the \
            --topics dictionary, else automatic key terms; with a dictionary key-terms.* too), \
            author-topics.dot/.svg/.png, CSV (comments, authors, edges, topic pairs), GEXF and \
            GraphML. Multi-thread files get threads/<id>/… for the --detail largest threads, \
            and corpus.md when they have more. Files are written atomically: a failed run \
            leaves no half-written file.
            """
    )

    @Argument(help: "The thread file to read (.txt, .xml, .json, .ndjson, .csv; optionally .gz or .zst), or - for standard input.")
    var input: String

    @Option(name: .customLong("partial"), help: ArgumentHelp("Write a partial result for these threads into DIR instead of the report, for threadnet merge (one shard of a corpus split by thread).", valueName: "DIR"))
    var partialFolder: String?

    @Option(name: .customLong("topics-round"), help: ArgumentHelp("With --partial: count one round of the corpus-wide topics for these threads (FILE from threadnet merge --topics-next) into DIR/topics-N.ndjson, leaving the rest of DIR as it is.", valueName: "FILE"))
    var topicsRound: String?

    @Option(name: .customLong("input-name"), help: ArgumentHelp("The input's name in the report and provenance (default: the file name; 'stdin' for -).", valueName: "NAME"))
    var inputName: String?

    @Option(name: .shortAndLong, help: "Output folder (default: reports/<input name>/).")
    var out: String?

    @Flag(inversion: .prefixedNo, help: "Render the diagrams to SVG and PNG.")
    var images = true

    @Option(help: "Multi-thread inputs: detailed report sections and diagrams for the N threads with most comments; more threads than N also get corpus.md, threads.csv and histograms.")
    var detail: Int = ReportBundle.diagramThreadLimit

    @Flag(help: "Write reply-tree.gexf as a dynamic graph: each comment and reply from its time on, so Gephi's timeline plays the thread.")
    var dynamic = false

    @Flag(help: "Show no progress on stderr (progress is shown only when stderr is a terminal and the run lasts over a second).")
    var quiet = false

    @Flag(help: .hidden) var timings = false

    @OptionGroup var importArguments: ImportArguments
    @OptionGroup var analysisArguments: AnalysisArguments

    func validate() throws {
        if let out, out.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--out is empty: name the folder to write the report into")
        }
        if let partialFolder, partialFolder.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--partial is empty: name the folder to write the partial result into")
        }
        if topicsRound != nil, partialFolder == nil {
            throw ValidationError("--topics-round counts into a partial result's folder: give --partial DIR too")
        }
        if partialFolder != nil, out != nil {
            throw ValidationError("--partial writes a partial result instead of a report: give --partial DIR or --out DIR, not both")
        }
    }

    func run() throws {
        CSVOutput.neutralizesFormulas.store(!analysisArguments.rawCSV, ordering: .relaxed)
        let options = try importArguments.importOptions()
        var settings = try analysisArguments.analysisOptions(policy: importArguments.policy())
        settings.dynamicGEXF = dynamic
        settings.images = images
        guard detail >= 0 else { throw ValidationError("--detail must be 0 or more") }
        let source = try Self.source(input, name: inputName)
        let display = ProgressDisplay(quiet: quiet, timings: timings)
        defer { display.finish() }
        if let partialFolder {
            try writePartial(source, options: options, settings: settings, into: partialFolder, display: display)
            return
        }
        let analysis: CorpusAnalysis
        let bundle: ReportBundle
        do {
            (analysis, _, bundle) = try Pipeline.run(source, options: options, analysis: settings, detail: detail, progress: display.progress)
        } catch {
            throw CLIError(error.description)
        }
        let corpus = analysis.corpus
        let folder = out ?? "reports/" + Self.defaultFolderName(for: source.baseName)

        var writer = AtomicWriter(manifestIn: folder)
        let svgs = try writer.add(documents: bundle.documents, diagrams: bundle.diagrams, under: folder, images: images,
                                  limits: analysisArguments.renderLimits, progress: display.progress, timings: timings)
        // report.html: report.md with the diagrams and charts inline.
        if let report = bundle.documents.first(where: { $0.path == "report.md" }) {
            var charts = svgs
            for chart in bundle.documents where chart.path.hasSuffix(".svg") { charts[chart.path] = chart.contents }
            let pictures = charts
            let markdown = report.contents
            let title = analysis.threads.count == 1 ? analysis.threads[0].thread.title : source.baseName
            writer.add(folder + "/report.html", writer: { HTMLReport.write(markdown: markdown, title: title, svgs: pictures, to: $0) })
        }
        try writer.commit(progress: display.progress, timings: timings)
        display.finish()

        let comments = analysis.threads.reduce(0) { $0 + $1.comments.count }
        let findings = analysis.corpus.findings.count + analysis.threads.reduce(0) { $0 + $1.findings.count }
        print("\(input): \(corpus.format.displayName), \(analysis.threads.count) thread\(analysis.threads.count == 1 ? "" : "s"), \(comments) comment\(comments == 1 ? "" : "s"), \(findings) finding\(findings == 1 ? "" : "s")")
        let corpusMode = bundle.documents.contains { $0.path == "corpus.md" }
        let exports = bundle.documents.count { $0.path.hasSuffix(".csv") || $0.path.hasSuffix(".gexf") || $0.path.hasSuffix(".graphml") }
        print("wrote \(folder)/: report.md, report.html, metrics.json, \(corpusMode ? "corpus.md (corpus mode), " : "")\(exports) exports (GEXF, GraphML, node-link JSON, CSV) and \(bundle.diagrams.count) diagrams (DOT\(images ? ", SVG, PNG" : ""))")
        // Everything is written: leave without freeing the analysis piece by piece (a corpus of
        // millions of comments takes a noticeable fraction of a second to tear down).
        fflush(nil)
        Foundation.exit(EXIT_SUCCESS)
    }

    /// The input: a file, or for `-` standard input (a Spark partition piped in), spooled.
    static func source(_ path: String, name: String?) throws -> InputSource {
        var source = path == "-" ? try spooledStandardInput() : InputSource(path: path)
        if let name { source.name = name } else if path == "-" { source.name = "stdin" }
        return source
    }

    /// Standard input copied through a 1 MiB buffer into an unnamed file in `$TMPDIR` (else
    /// `/tmp`), which the run reads (more than once: the digest, the format's detection, the
    /// import) through `/proc/self/fd`: the input is never held whole in memory, and the file,
    /// unlinked as soon as it is made, is gone when the run ends however it ends.
    static func spooledStandardInput() throws -> InputSource {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder + "/.threadnet-stdin-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw CLIError("cannot spool standard input into \(folder): \(String(cString: strerror(errno))) (set TMPDIR to a writable folder)") }
        unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw CLIError("cannot read standard input: \(String(cString: strerror(errno)))")
            }
            var written = 0
            while written < n {
                let w = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + written, n - written) }
                if w < 0 {
                    if errno == EINTR { continue }
                    throw CLIError("cannot spool standard input into \(folder): \(String(cString: strerror(errno))) (set TMPDIR to a folder with room)")
                }
                written += w
            }
        }
        return InputSource(path: "/proc/self/fd/\(fd)")
    }

    /// `--partial DIR`: the threads' metric rows and author tally (``PartialResult``), for `threadnet merge`.
    func writePartial(_ source: InputSource, options: ImportOptions, settings: AnalysisOptions, into folder: String, display: ProgressDisplay) throws {
        // A round file is read before the input, so that a bad one costs no analysis.
        let round = try topicsRound.map(Self.readRound)
        let analysis: CorpusAnalysis, provenance: Provenance
        do {
            (analysis, provenance) = try Pipeline.analyze(source, options: options, analysis: settings, progress: display.progress)
        } catch {
            throw CLIError(error.description)
        }
        if let round, let topicsRound {
            try countTopics(analysis, provenance: provenance, settings: settings, round: round, path: topicsRound, into: folder, display: display)
            return
        }
        display.progress.begin("metrics", total: analysis.threads.count, unit: "threads")
        let metrics = ThreadMetrics.computeAll(analysis.threads, progress: display.progress)
        let result = PartialResult(analysis, metrics: metrics, provenance: provenance, detail: detail, rawCSV: analysisArguments.rawCSV)
        var writer = AtomicWriter(manifestIn: folder)
        let folders = PartialFolders.files(analysis, metrics: metrics, settings: settings, detail: detail, progress: display.progress)
        let sample = PartialTopics.sampleFile(analysis.threads, settings: settings.topics)
        for file in result.files + [sample] + PartialRows.files(metrics) + PartialReport.files(analysis, metrics: metrics) + folders {
            writer.add(folder + "/" + file.path, writer: file.write)
        }
        try writer.commit(progress: display.progress, timings: timings)
        display.finish()
        let m = result.manifest
        print("\(source.name): \(m.threads) thread\(m.threads == 1 ? "" : "s"), \(m.comments) comment\(m.comments == 1 ? "" : "s"), \(m.authors) authors, \(m.replies) author pairs")
        print("wrote \(folder)/: partial result (\((PartialResult.fileNames + [PartialTopics.sampleFileName] + PartialRows.fileNames + PartialReport.fileNames + [PartialFolders.fileName]).joined(separator: ", ")), threads/); combine partial results with threadnet merge")
    }

    /// `--partial DIR --topics-round FILE`: one round of the corpus-wide topics counted over
    /// these threads (``PartialTopics``) into `DIR/topics-N.ndjson`.
    func countTopics(_ analysis: CorpusAnalysis, provenance: Provenance, settings: AnalysisOptions, round: (round: TopicRound, digest: String),
                     path: String, into folder: String, display: ProgressDisplay) throws {
        let (round, digest) = round
        guard round.options == provenance.options else {
            throw CLIError("\(path): the round was made for partials analyzed with \(round.options.joined(separator: " ")), not \(provenance.options.joined(separator: " ")): count every shard with the options of its partial result")
        }
        display.progress.begin("topics round \(round.round)", total: nil)
        let counts = PartialTopics.countFile(analysis.threads, options: settings.topics.options, round: round, digest: digest, input: provenance.sha256)
        var writer = AtomicWriter()
        writer.add(folder + "/" + counts.file.path, writer: counts.file.write)
        try writer.commit(progress: display.progress, timings: timings)
        display.finish()
        print("wrote \(folder)/\(counts.file.path): topics round \(round.round), \(counts.lines) counts; sum them with threadnet merge")
    }

    /// The round file at `path` (`--topics-round`) and its digest.
    static func readRound(_ path: String) throws -> (round: TopicRound, digest: String) {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(path): cannot be read (missing, or not a file)") }
        do { return (try TopicRound.read(data, path: path), TopicRound.digest(of: data)) } catch { throw CLIError(error.description) }
    }

    /// `seed.txt` → `seed`, `RC_2019-01.ndjson.zst` → `RC_2019-01`, made safe for a file name.
    static func defaultFolderName(for baseName: String) -> String {
        var name = baseName
        for ext in [".gz", ".zst"] where name.hasSuffix(ext) { name.removeLast(ext.count) }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        return Escaping.fileName(name)
    }
}

extension Graphviz {
    /// Checks the plugins, as a one-line CLI error.
    static func checkPluginsOrExplain() throws {
        do { try checkPlugins() } catch { throw CLIError(error.description) }
    }
}
