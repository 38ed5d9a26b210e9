import ArgumentParser
import Foundation
import ThreadNetCore
import ThreadNetGraphviz

/// `threadnet merge DIR... --out OUT`: partial results of the shards of one corpus combined
/// into what `threadnet analyze` writes for the whole corpus.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine partial results (threadnet analyze --partial) into the corpus-wide files of the whole input.",
        discussion: """
            Each DIR is the partial result of one shard of a corpus (whole threads; every thread \
            in one shard), made with the same ThreadNet and options. Writes into --out the files \
            threadnet analyze writes for the whole corpus from its per-thread rows and author \
            network, byte for byte: threads.csv and the histograms under corpus/ (more threads \
            than --detail), the rows of \
            comments.csv, authors.csv and edges.csv, and the corpus-wide author network, \
            corpus-network.json, corpus-authors.csv, .gexf, .graphml and corpus-authors.dot \
            (with SVG and PNG), and the folders of the --detail largest threads under threads/; \
            once every shard has counted the three topics rounds (--topics-next FILE writes the \
            next round; threadnet analyze SHARD --partial DIR --topics-round FILE counts it), \
            the corpus-wide topics corpus-terms.csv, corpus-topics.csv and corpus-topics.dot, \
            corpus.md (more threads than --detail), and report.md, report.html and metrics.json \
            (the same but for the input's SHA-256, which a merge cannot know, and the repairs' \
            line numbers, which are the shards'). Files are written atomically, with manifest.json.
            """
    )

    @Argument(help: "Partial result folders (threadnet analyze INPUT --partial DIR).")
    var partials: [String]

    @Option(name: .shortAndLong, help: "Output folder.")
    var out: String?

    @Option(name: .customLong("topics-next"), help: ArgumentHelp("Instead of merging, write the next round of the corpus-wide topics into FILE, for every shard to count (threadnet analyze SHARD --partial DIR --topics-round FILE); three rounds, then merge with --out.", valueName: "FILE"))
    var topicsNext: String?

    @Option(name: .customLong("topic-counts"), help: ArgumentHelp("A round's topic counts already summed over all the shards (topics-N.ndjson lines, e.g. from Spark's reduceByKey), used instead of each partial's topics-N.ndjson; repeat for each round.", valueName: "FILE"))
    var topicCounts: [String] = []

    @Option(name: .customLong("input-name"), help: ArgumentHelp("The whole input's name in the files (default: the name the partials share).", valueName: "NAME"))
    var inputName: String?

    @Option(help: ArgumentHelp("Author pairs already summed over all the partials (replies.ndjson lines, e.g. from Spark's reduceByKey), used instead of each partial's replies.ndjson.", valueName: "FILE"))
    var replies: String?

    @Flag(inversion: .prefixedNo, help: "Render the diagram to SVG and PNG.")
    var images = true

    @Option(name: .customLong("max-partial-mib"), help: ArgumentHelp("Refuse a partial result's file (but the row files, which are streamed) larger than N MiB.", valueName: "N"))
    var maxPartialMiB: Int = PartialResult.defaultMaxFileBytes >> 20

    @Flag(help: "Show no progress on stderr (progress is shown only when stderr is a terminal and the run lasts over a second).")
    var quiet = false

    @Option(name: .customLong("max-diagram-nodes"), help: ArgumentHelp("Draw no diagram with more than N nodes.", valueName: "N"))
    var maxDiagramNodes: Int = RenderLimits().maxNodes

    func validate() throws {
        if partials.isEmpty { throw ValidationError("name at least one partial result folder") }
        if out == nil, topicsNext == nil { throw ValidationError("name the output folder with --out (or the next topics round's file with --topics-next)") }
        if out != nil, topicsNext != nil { throw ValidationError("--topics-next writes a round file instead of merging: give --out DIR or --topics-next FILE, not both") }
        if let out, out.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--out is empty: name the folder to write into") }
        if maxPartialMiB < 1 { throw ValidationError("--max-partial-mib must be 1 or more") }
    }

    func run() throws {
        let display = ProgressDisplay(quiet: quiet, timings: false)
        defer { display.finish() }
        let progress = display.progress
        let merged: MergedCorpus
        var inputDigests: [String] = []
        var folderCopies: [PartialFolders.Copy]?
        var folderIndexes: [[Int: PartialFolders.Entry]]?
        var dots: [OutputFile] = []
        do {
            // The partials read on all cores (each file is parsed whole); the first error in
            // the order given is the one reported.
            progress.begin("reading", total: partials.count, unit: "partials")
            let bound = maxPartialMiB << 20, threadsOnly = topicsNext != nil
            let read = Parallel.map(partials) { folder -> Result<PartialResult, PartialError> in
                defer { progress.advance() }
                return Result { () throws(PartialError) in try PartialResult.read(folder: folder, maxFileBytes: bound, threadsOnly: threadsOnly) }
            }
            var parts: [PartialResult] = []
            for result in read { parts.append(try result.get()) }
            progress.begin("corpus network", total: nil)
            merged = try MergedCorpus(parts, names: partials, inputName: inputName, replies: replies, network: topicsNext == nil)
            inputDigests = parts.map(\.manifest.provenance.sha256)
            progress.end()
            // The detailed threads' folders, when every partial has them: DOT sources read now
            // (to be rendered), the other files checked now and copied as they are written.
            folderIndexes = topicsNext == nil ? try PartialFolders.indexes(folders: partials, maxBytes: maxPartialMiB << 20) : nil
            folderCopies = try folderIndexes.map { indexes throws(PartialError) in try PartialFolders.copies(merged, indexes: indexes, folders: partials) }
            for copy in folderCopies ?? [] where copy.isDiagram { dots.append(try PartialFolders.diagram(copy)) }
        } catch {
            throw CLIError(error.description)
        }
        let corpusWide = merged.isCorpusWide
        let topicRounds: (merge: PartialTopics.Merge, counts: [PartialTopics.Counts])?
        do { topicRounds = corpusWide ? try readTopicRounds(merged, inputs: inputDigests) : nil } catch { throw CLIError(error.description) }
        if let topicsNext {
            try writeNextRound(topicRounds, to: topicsNext, corpusWide: corpusWide)
            return
        }
        guard let out else { return }
        var topicFiles: (documents: [OutputFile], diagram: OutputFile)?
        var report: MergedReport?
        if let topicRounds, topicRounds.counts.count == PartialTopics.rounds.count {
            do {
                let topics = try topicRounds.merge.topics(counts: topicRounds.counts)
                topicFiles = ReportBundle.corpusTopicFiles(topics)
                // report.md and metrics.json hold the topics too.
                if let missing = MergedReport.missing(merged, folders: partials) {
                    FileHandle.standardError.write(Data("threadnet merge: report.md, report.html and metrics.json left out: \(missing)\n".utf8))
                } else if let folderIndexes {
                    report = try MergedReport(merged, folders: partials, indexes: folderIndexes, topics: topics, images: images, maxFileBytes: maxPartialMiB << 20)
                }
                // corpus.md holds the topics, so it comes with them.
                if let report = merged.corpusReport(topics: topics) {
                    topicFiles?.documents.append(report)
                } else if merged.threads.count > merged.detail {
                    FileHandle.standardError.write(Data("threadnet merge: corpus.md left out: a partial result does not record its empty threads (made by an older ThreadNet); analyze the shards again\n".utf8))
                }
            } catch {
                throw CLIError(error.description)
            }
        } else if corpusWide {
            let counted = topicRounds?.counts.count ?? 0
            FileHandle.standardError.write(Data("threadnet merge: corpus topics left out (corpus-terms.csv, corpus-topics.csv, corpus-topics.dot, and report.md, report.html, metrics.json\(merged.threads.count > merged.detail ? ", corpus.md" : ""), which show them): \(topicRounds == nil ? "the partials have no \(PartialTopics.sampleFileName); analyze the shards with this version" : "\(counted) of 3 rounds counted; run threadnet merge --topics-next FILE and count the next round in every shard")\n".utf8))
        }
        if merged.documents.isEmpty {
            throw CLIError("the partial results hold \(merged.threads.count) thread\(merged.threads.count == 1 ? "" : "s"): a corpus-wide network needs two or more threads (and threads.csv more than --detail \(merged.detail)); analyze the input itself")
        }
        CSVOutput.neutralizesFormulas.store(!merged.rawCSV, ordering: .relaxed)
        var writer = AtomicWriter(manifestIn: out)
        var documents = merged.documents + (topicFiles?.documents ?? [])
        let diagrams = merged.diagrams + (topicFiles.map { [$0.diagram] } ?? [])
        if let report {
            documents.insert(OutputFile(path: "report.md", contents: report.markdown), at: 0)
            writer.add(out + "/metrics.json", failableWriter: { report.writeMetrics(to: $0)?.description })
        }
        let svgs = try writer.add(documents: documents, diagrams: diagrams + dots, under: out, images: images,
                                  limits: RenderLimits(maxNodes: maxDiagramNodes, maxEdges: 4 * maxDiagramNodes), progress: progress)
        if let report {
            // report.html: report.md with the diagrams and charts inline, as analyze writes it.
            var charts = svgs
            for chart in documents where chart.path.hasSuffix(".svg") { charts[chart.path] = chart.contents }
            for copy in folderCopies ?? [] where copy.path.hasSuffix(".svg") {
                guard let data = FileManager.default.contents(atPath: copy.source) else { throw CLIError("\(copy.source): cannot be read") }
                charts[copy.path] = String(decoding: data, as: UTF8.self)
            }
            let pictures = charts, markdown = report.markdown, title = merged.provenance.input
            writer.add(out + "/report.html", writer: { HTMLReport.write(markdown: markdown, title: title, svgs: pictures, to: $0) })
        }
        // The row files, joined in the corpus's thread order, when every partial has them.
        let folders = partials
        let order = zip(merged.threads, merged.parts).map { (id: $0.id, part: $1) }
        var rowFiles: [String] = []
        for name in PartialRows.fileNames where folders.allSatisfy({ FileManager.default.fileExists(atPath: $0 + "/" + name) }) {
            rowFiles.append(name)
            writer.add(out + "/" + name, failableWriter: { PartialRows.merge(name, folders: folders, order: order, to: $0)?.description })
        }
        for copy in folderCopies ?? [] where !copy.isDiagram {
            let source = copy.source
            writer.add(out + "/" + copy.path, failableWriter: { PartialFolders.copy(source, to: $0)?.description })
        }
        try writer.commit(progress: progress)
        display.finish()
        let authors = merged.network?.count ?? merged.tally.authors.count
        print("\(partials.count) partial result\(partials.count == 1 ? "" : "s"): \(merged.threads.count) threads, \(merged.comments) comments, \(authors) authors")
        let threadFolders = Set((folderCopies ?? []).map { ($0.path as NSString).deletingLastPathComponent }).count
        print("wrote \(out)/: \((documents.map(\.path) + (report != nil ? ["report.html", "metrics.json"] : []) + rowFiles + diagrams.map(\.path)).joined(separator: ", "))\(images && !diagrams.isEmpty ? " (with SVG and PNG)" : "")\(threadFolders > 0 ? ", and \(threadFolders) thread folder\(threadFolders == 1 ? "" : "s") under threads/" : "")")
    }

    /// The topic rounds counted so far: the samples of every partial (nil when one has none),
    /// then for rounds 1, 2, 3 in turn the counts given with --topic-counts or, failing that,
    /// every partial's `topics-N.ndjson`, summed; up to the first round missing.
    /// A partial's own count file must have been counted from the partial's input (`inputs[k]`,
    /// its SHA-256).
    func readTopicRounds(_ merged: MergedCorpus, inputs: [String]) throws(PartialError) -> (merge: PartialTopics.Merge, counts: [PartialTopics.Counts])? {
        let exists = { (path: String) in FileManager.default.fileExists(atPath: path) }
        let bound = maxPartialMiB << 20
        func contents(_ path: String) throws(PartialError) -> Data {
            try PartialResult.checkSize(path, maxBytes: bound)
            guard let data = FileManager.default.contents(atPath: path) else { throw PartialError(path, "cannot be read (missing, or not a file)") }
            return data
        }
        let samples = partials.map { $0 + "/" + PartialTopics.sampleFileName }
        guard samples.allSatisfy(exists) else { return nil }
        let merge = try PartialTopics.Merge(merged, samples: try samples.map(contents), names: samples)
        var given: [Int: [String]] = [:]
        for path in topicCounts { given[try PartialTopics.Counts.header(try contents(path), path: path).round, default: []].append(path) }
        var counts: [PartialTopics.Counts] = []
        for n in PartialTopics.rounds {
            var sources = given[n] ?? []
            if sources.isEmpty {
                sources = partials.map { $0 + "/" + PartialTopics.countFileName(n) }
                guard sources.allSatisfy(exists) else { break }
            }
            // One file in memory at a time, added to the sums.
            var sum: PartialTopics.Counts?
            for (k, path) in sources.enumerated() {
                let data = try contents(path)
                let header = try PartialTopics.Counts.header(data, path: path)
                if given[n] == nil, !header.input.isEmpty, !inputs[k].isEmpty, header.input != inputs[k] {
                    throw PartialError(path, "counted from another input (SHA-256 \(header.input.prefix(12))…) than the partial result (\(inputs[k].prefix(12))…): count the round again with the shard's own input")
                }
                if sum == nil { sum = PartialTopics.Counts(round: header.round, context: header.context) }
                try sum!.add(file: data, path: path)
            }
            counts.append(sum!)
        }
        return (merge, counts)
    }

    /// `--topics-next FILE`: the round after those counted, for every shard to count.
    func writeNextRound(_ rounds: (merge: PartialTopics.Merge, counts: [PartialTopics.Counts])?, to path: String, corpusWide: Bool) throws {
        guard corpusWide else { throw CLIError("the partial results hold one thread: a corpus has corpus-wide topics with two or more threads") }
        guard let rounds else { throw CLIError("the partials have no \(PartialTopics.sampleFileName): analyze the shards with this version of ThreadNet") }
        let n = rounds.counts.count + 1
        guard n <= PartialTopics.rounds.count else {
            print("all \(PartialTopics.rounds.count) topic rounds are counted: merge with --out DIR")
            return
        }
        let round: TopicRound
        do { round = try rounds.merge.round(n, counts: rounds.counts) } catch { throw CLIError(error.description) }
        var writer = AtomicWriter()
        writer.add(path, [UInt8](round.encoded))
        try writer.commit()
        print("wrote \(path): topics round \(n) of \(PartialTopics.rounds.count) (language \(round.language), \(round.collocations.count) collocations, \(round.contenders.count) contenders); count it in every shard: threadnet analyze SHARD --partial DIR --topics-round \(path)")
    }
}
