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

    @Argument(help: "The thread file to read (.txt, .xml, .json, .ndjson, .csv; optionally .gz or .zst).")
    var input: String

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
    }

    func run() throws {
        CSVOutput.neutralizesFormulas.store(!analysisArguments.rawCSV, ordering: .relaxed)
        let options = try importArguments.importOptions()
        var settings = try analysisArguments.analysisOptions(policy: importArguments.policy())
        settings.dynamicGEXF = dynamic
        settings.images = images
        guard detail >= 0 else { throw ValidationError("--detail must be 0 or more") }
        let source = InputSource(path: input)
        let display = ProgressDisplay(quiet: quiet, timings: timings)
        defer { display.finish() }
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
