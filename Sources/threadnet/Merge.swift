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
            (with SVG and PNG), and the folders of the --detail largest threads under threads/. \
            Files are written atomically.
            """
    )

    @Argument(help: "Partial result folders (threadnet analyze INPUT --partial DIR).")
    var partials: [String]

    @Option(name: .shortAndLong, help: "Output folder.")
    var out: String

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
        if out.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--out is empty: name the folder to write into") }
        if maxPartialMiB < 1 { throw ValidationError("--max-partial-mib must be 1 or more") }
    }

    func run() throws {
        let display = ProgressDisplay(quiet: quiet, timings: false)
        defer { display.finish() }
        let progress = display.progress
        let merged: MergedCorpus
        var folderCopies: [PartialFolders.Copy]?
        var dots: [OutputFile] = []
        do {
            var parts: [PartialResult] = []
            progress.begin("reading", total: partials.count, unit: "partials")
            for folder in partials {
                parts.append(try PartialResult.read(folder: folder, maxFileBytes: maxPartialMiB << 20))
                progress.advance()
            }
            progress.begin("corpus network", total: nil)
            merged = try MergedCorpus(parts, names: partials, inputName: inputName, replies: replies)
            progress.end()
            // The detailed threads' folders, when every partial has them: DOT sources read now
            // (to be rendered), the other files checked now and copied as they are written.
            folderCopies = try PartialFolders.copies(merged, folders: partials)
            for copy in folderCopies ?? [] where copy.isDiagram { dots.append(try PartialFolders.diagram(copy)) }
        } catch {
            throw CLIError(error.description)
        }
        if merged.documents.isEmpty {
            throw CLIError("the partial results hold \(merged.threads.count) thread\(merged.threads.count == 1 ? "" : "s"): a corpus-wide network needs two or more threads (and threads.csv more than --detail \(merged.detail)); analyze the input itself")
        }
        CSVOutput.neutralizesFormulas.store(!merged.rawCSV, ordering: .relaxed)
        var writer = AtomicWriter()
        try writer.add(documents: merged.documents, diagrams: merged.diagrams + dots, under: out, images: images,
                       limits: RenderLimits(maxNodes: maxDiagramNodes, maxEdges: 4 * maxDiagramNodes), progress: progress)
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
        print("wrote \(out)/: \((merged.documents.map(\.path) + rowFiles + merged.diagrams.map(\.path)).joined(separator: ", "))\(images && !merged.diagrams.isEmpty ? " (with SVG and PNG)" : "")\(threadFolders > 0 ? ", and \(threadFolders) thread folder\(threadFolders == 1 ? "" : "s") under threads/" : "")")
    }
}
