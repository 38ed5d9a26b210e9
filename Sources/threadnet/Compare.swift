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

            Groups: --group NAME=INPUT[,INPUT...] (repeatable) compares groups of threads, \
            --by month groups the threads of the inputs by the month they started, --by \
            list:FILE by a CSV of thread,group lines. Each metric is summarised per group \
            (median, quartiles), with the difference between groups, a bootstrap interval, a \
            permutation p-value, its Benjamini-Hochberg q-value and effect sizes; writes \
            comparison.md, comparison.csv (with a group column), comparison.json, groups.csv, \
            differences.csv and metrics.svg. More than --max-columns threads without groups \
            are shown as distributions instead of side by side.
            """
    )

    @Argument(help: "The thread files to compare, in any supported format (mixed); optional with --group.")
    var inputs: [String] = []

    @Option(name: .customLong("group"), help: ArgumentHelp("A group of inputs, as NAME=INPUT[,INPUT...] (repeatable): compare groups of threads instead of threads.", valueName: "NAME=INPUTS"))
    var groupSpecs: [String] = []

    @Option(name: .customLong("by"), help: ArgumentHelp("Group the inputs' threads: month (the UTC month a thread started) or list:FILE (CSV lines thread,group; ids with or without t3_).", valueName: "month|list:FILE"))
    var by: String?

    @Option(help: "Bootstrap resamples and random permutations per metric in a group comparison.")
    var resamples: Int = GroupTests.Options().resamples

    @Option(name: .customLong("seed"), help: "Seed of the resampling in a group comparison.")
    var resamplingSeed: UInt64 = GroupTests.Options().seed

    @Option(help: "Most threads shown side by side; above, without groups, the report shows distributions.")
    var maxColumns: Int = 12

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
        if !groupSpecs.isEmpty && by != nil { throw ValidationError("--group and --by cannot be combined: use one way of grouping") }
        if let by, by != "month", !by.hasPrefix("list:") || by.count == 5 {
            throw ValidationError("--by \(by): expected month or list:FILE (subreddit is not kept by the importers; write a list of thread,group lines)")
        }
        if resamples < 1 { throw ValidationError("--resamples must be at least 1") }
        if maxColumns < 1 { throw ValidationError("--max-columns must be at least 1") }
    }

    func run() throws {
        CSVOutput.neutralizesFormulas.store(!analysisArguments.rawCSV, ordering: .relaxed)
        let groupInputs = try parseGroups()
        let allInputs = inputs + Self.unique(groupInputs.flatMap(\.inputs)).filter { !inputs.contains($0) }
        guard !allInputs.isEmpty else { throw ValidationError("give at least one input") }
        if !groupInputs.isEmpty, let loose = inputs.first(where: { i in !groupInputs.contains { $0.inputs.contains(i) } }) {
            throw ValidationError("\(loose) is in no --group: with --group, every input belongs to a group")
        }
        let userLabels = try parseLabels(allInputs)
        let options = try importArguments.importOptions()
        let settings = try analysisArguments.analysisOptions(policy: importArguments.policy())
        var columns: [(label: String?, source: String, spec: String, analysis: ThreadAnalysis)] = []
        var provenance: [Provenance] = []
        for spec in allInputs {
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
                columns.append((label, sourceName, spec, t))
            }
        }
        guard !columns.isEmpty else { throw CLIError("no threads to compare") }
        let threadsPerSource = Dictionary(columns.map { ($0.source, 1) }, uniquingKeysWith: +)
        let names = ComparisonLabels.unique(columns.map {
            $0.label ?? ComparisonLabels.derived(title: $0.analysis.thread.title, id: $0.analysis.thread.id,
                                                 source: $0.source, multiple: (threadsPerSource[$0.source] ?? 0) > 1)
        })
        let metrics = Parallel.map(columns, cost: { $0.analysis.comments.count }) { ThreadMetrics($0.analysis) }
        let compared = zip(zip(columns, names), metrics).map { ComparedThread(label: $0.1, source: $0.0.source, metrics: $1) }
        let resampling = GroupTests.Options(resamples: resamples, seed: resamplingSeed)

        // Groups: named, by month, by list, or one group of all threads when too many to show side by side.
        var groups: [GroupComparison.Group] = []
        var sources: [[String]] = []
        var leftOut = 0
        func inputsOf(_ members: [Int]) -> [String] { Self.unique(members.map { columns[$0].source }) }
        if !groupInputs.isEmpty {
            for g in groupInputs {
                let members = columns.indices.filter { g.inputs.contains(columns[$0].spec) }
                groups.append(GroupComparison.Group(name: g.name, threads: members))
                sources.append(inputsOf(members))
            }
        } else if by == "month" {
            groups = ThreadGrouping.byMonth(columns.map(\.analysis))
            sources = groups.map { inputsOf($0.threads) }
        } else if let by, by.hasPrefix("list:") {
            let file = String(by.dropFirst(5))
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch { throw CLIError("--by \(by): cannot read \(file) (\(error.localizedDescription))") }
            do {
                let list = try ThreadGrouping.parseList(text, file: file)
                let result = ThreadGrouping.byList(columns.map(\.analysis), assignment: list.assignment, order: list.order)
                groups = result.groups
                leftOut = result.unlisted.count
            } catch let e as ThreadGrouping.ListError { throw CLIError(e.description) }
            if groups.isEmpty { throw CLIError("--by \(by): no thread of the inputs is listed in \(file) (ids are matched with and without t3_)") }
            sources = groups.map { inputsOf($0.threads) }
        } else if compared.count > maxColumns {
            groups = [GroupComparison.Group(name: "all threads", threads: Array(compared.indices))]
            sources = [inputsOf(Array(compared.indices))]
        }
        if groupInputs.isEmpty, by != nil, groups.count < 2 {
            throw CLIError("--by \(by!): the threads fall into \(groups.count) group\(groups.count == 1 ? "" : "s") (\(groups.map(\.name).joined(separator: ", "))); a comparison needs two or more")
        }
        if let empty = groups.first(where: { $0.threads.isEmpty }) {
            throw CLIError("group \(empty.name) has no threads to compare")
        }

        let bundle = groups.isEmpty
            ? ComparisonBundle(compared, provenance: provenance, topics: settings.topics, options: settings.diagrams)
            : ComparisonBundle(compared, groups: groups, sources: sources, leftOut: leftOut, provenance: provenance, options: resampling,
                                language: settings.topics.options.language)
        var writer = AtomicWriter(manifestIn: out)
        try writer.add(documents: bundle.documents, diagrams: bundle.diagrams, under: out, images: images, limits: analysisArguments.renderLimits)
        try writer.commit()
        let threadCount = "\(compared.count) thread\(compared.count == 1 ? "" : "s") from \(allInputs.count) input\(allInputs.count == 1 ? "" : "s")"
        if groups.count > 1 {
            print("compared \(groups.count) groups of \(threadCount): \(groups.map { "\($0.name) (\($0.threads.count))" }.joined(separator: ", "))\(leftOut > 0 ? "; \(leftOut) not in any group" : "")")
        } else if groups.count == 1 {
            print("compared \(threadCount) as distributions (more than --max-columns \(maxColumns))")
        } else {
            print("compared \(threadCount): \(names.joined(separator: ", "))")
        }
        print("wrote \(out)/: \(bundle.documents.map(\.path).filter { !$0.contains("/") }.joined(separator: ", "))\(bundle.diagrams.isEmpty ? "" : " and \(bundle.diagrams.count) diagrams (DOT\(images ? ", SVG, PNG" : ""))")")
    }

    /// `--group NAME=INPUT[,INPUT...]` as (name, inputs), in order; a name or input used twice
    /// is an error.
    func parseGroups() throws -> [(name: String, inputs: [String])] {
        var out: [(name: String, inputs: [String])] = []
        var owner: [String: String] = [:]
        for spec in groupSpecs {
            guard let eq = spec.firstIndex(of: "="), eq != spec.startIndex else {
                throw ValidationError("--group must be NAME=INPUT[,INPUT...], not \(spec)")
            }
            let name = String(spec[..<eq])
            let members = spec[spec.index(after: eq)...].split(separator: ",").map { String($0) }.filter { !$0.isEmpty }
            guard !members.isEmpty else { throw ValidationError("--group \(name) names no input") }
            if out.contains(where: { $0.name == name }) { throw ValidationError("--group \(name) is given twice") }
            for m in members {
                if let other = owner[m] { throw ValidationError("\(m) is in --group \(other) and --group \(name): a thread belongs to one group") }
                owner[m] = name
            }
            out.append((name, members))
        }
        if out.count == 1 { throw ValidationError("--group \(out[0].name) is the only group: a comparison needs two or more") }
        return out
    }

    /// `items` without repeats, in first-seen order.
    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    /// `NAME=INPUT` pairs as INPUT → NAME; an INPUT that names no input (as given, or its
    /// file name with any `@SINCE..UNTIL`) is an error.
    func parseLabels(_ inputs: [String]) throws -> [String: String] {
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
