import ArgumentParser
import Foundation
import ThreadNetCore
import ThreadNetGraphviz

/// `threadnet compare INPUT... [--label NAME=INPUT]... [--out DIR]`: threads side by side.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare threads: one table of metrics, shared participants, distinctive words and pictures at one scale.",
        discussion: """
            Each thread of each input is a column (use --thread to pick one thread of \
            multi-thread files). An input written FILE@SINCE..UNTIL is FILE's comments in \
            that time window (ISO 8601, half-open, either side empty), so one thread can be \
            compared across windows: FILE@..2020-01-02 FILE@2020-01-02.. . Writes into --out: comparison.md, comparison.csv, \
            comparison.json, metrics.svg, and trees/<label>.dot/.svg/.png and \
            authors/<label>.dot/.svg/.png with one colour per author across all pictures.
            """
    )

    @Argument(help: "The thread files to compare, in any supported format (mixed).")
    var inputs: [String]

    @Option(name: .customLong("label"), help: ArgumentHelp("A column label for an input, as NAME=INPUT (repeatable); INPUT is the path as given or its file name.", valueName: "NAME=INPUT"))
    var labels: [String] = []

    @Option(name: .shortAndLong, help: "Output folder.")
    var out: String = "reports/comparison"

    @Flag(inversion: .prefixedNo, help: "Render the diagrams to SVG and PNG.")
    var images = true

    @OptionGroup var importArguments: ImportArguments
    @OptionGroup var analysisArguments: AnalysisArguments

    func validate() throws {
        if out.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--out is empty: name the folder to write the comparison into")
        }
    }

    func run() throws {
        CSVOutput.neutralizesFormulas.store(!analysisArguments.rawCSV, ordering: .relaxed)
        guard !inputs.isEmpty else { throw ValidationError("give at least one input") }
        let userLabels = try parseLabels()
        let options = try importArguments.importOptions()
        let settings = try analysisArguments.analysisOptions(policy: importArguments.policy())
        var columns: [(label: String?, source: String, analysis: ThreadAnalysis)] = []
        var provenance: [Provenance] = []
        for spec in inputs {
            let (path, window) = try Self.split(spec)
            let source = InputSource(path: path)
            var inputSettings = settings
            if let window { inputSettings.window = try Self.intersect(settings.window, window, spec: spec) }
            let sourceName = window == nil ? source.baseName : source.baseName + String(spec[spec.range(of: "@", options: .backwards)!.lowerBound...])
            let analysis: CorpusAnalysis
            do {
                let result = try Pipeline.analyze(source, options: options, analysis: inputSettings)
                analysis = result.analysis
                provenance.append(result.provenance)
            } catch {
                throw CLIError(error.description)
            }
            let user = userLabels[spec] ?? userLabels[sourceName]
            for t in analysis.threads {
                let label = user.map { analysis.threads.count == 1 ? $0 : "\($0)/\(t.thread.id)" }
                columns.append((label, sourceName, t))
            }
        }
        guard !columns.isEmpty else { throw CLIError("no threads to compare") }
        let threadsPerSource = Dictionary(columns.map { ($0.source, 1) }, uniquingKeysWith: +)
        let names = ComparisonLabels.unique(columns.map {
            $0.label ?? ComparisonLabels.derived(title: $0.analysis.thread.title, id: $0.analysis.thread.id,
                                                 source: $0.source, multiple: (threadsPerSource[$0.source] ?? 0) > 1)
        })
        let compared = zip(columns, names).map { ComparedThread(label: $1, source: $0.source, metrics: ThreadMetrics($0.analysis)) }
        let bundle = ComparisonBundle(compared, provenance: provenance, topics: settings.topics, options: settings.diagrams)

        var writer = AtomicWriter(manifestIn: out)
        try writer.add(documents: bundle.documents, diagrams: bundle.diagrams, under: out, images: images, limits: analysisArguments.renderLimits)
        try writer.commit()
        print("compared \(compared.count) thread\(compared.count == 1 ? "" : "s") from \(inputs.count) input\(inputs.count == 1 ? "" : "s"): \(names.joined(separator: ", "))")
        print("wrote \(out)/: comparison.md, comparison.csv, comparison.json, metrics.svg and \(bundle.diagrams.count) diagrams (DOT\(images ? ", SVG, PNG" : ""))")
    }

    /// `NAME=INPUT` pairs as INPUT → NAME; an INPUT that names no input (as given, or its
    /// file name with any `@SINCE..UNTIL`) is an error.
    func parseLabels() throws -> [String: String] {
        var out: [String: String] = [:]
        var known = Set(inputs)
        for spec in inputs {
            let (path, window) = (try? Self.split(spec)) ?? (spec, nil)
            let base = (path as NSString).lastPathComponent
            known.insert(window == nil ? base : base + String(spec[spec.range(of: "@", options: .backwards)!.lowerBound...]))
        }
        for l in labels {
            guard let eq = l.firstIndex(of: "="), eq != l.startIndex, l.index(after: eq) != l.endIndex else {
                throw ValidationError("--label must be NAME=INPUT, not \(l)")
            }
            let input = String(l[l.index(after: eq)...])
            guard known.contains(input) else {
                throw ValidationError("--label \(l): \(input) is not one of the inputs (\(inputs.joined(separator: ", "))); name an input as given or by its file name")
            }
            out[input] = String(l[..<eq])
        }
        return out
    }

    /// An input as given: a path, or `PATH@SINCE..UNTIL` for a time window of it (either
    /// bound may be empty; an existing file whose name holds `@` is always read as a path).
    static func split(_ spec: String) throws -> (path: String, window: TimeWindow?) {
        if FileManager.default.fileExists(atPath: spec) { return (spec, nil) }
        guard let at = spec.range(of: "@", options: .backwards) else { return (spec, nil) }
        let range = String(spec[at.upperBound...])
        guard range.contains("..") else { return (spec, nil) }
        guard let window = TimeWindow(range: range) else {
            throw ValidationError("\(spec): the time window after @ must be SINCE..UNTIL with ISO 8601 dates or times, either side empty (2020-01-01..2020-02-01, ..2020-01-02)")
        }
        return (String(spec[..<at.lowerBound]), window)
    }

    /// The window of one input within the global `--since`/`--until`.
    static func intersect(_ global: TimeWindow, _ own: TimeWindow, spec: String) throws -> TimeWindow {
        var w = own
        if let s = global.since { w.since = max(s, w.since ?? s) }
        if let u = global.until { w.until = min(u, w.until ?? u) }
        if let a = w.since, let b = w.until, a >= b {
            throw ValidationError("\(spec): the time window is empty (since must be before until)")
        }
        return w
    }
}
