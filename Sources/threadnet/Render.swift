import ArgumentParser
import Foundation
import ThreadNetGraphviz

/// `threadnet render FILE.dot --format svg|png|pdf`: renders any DOT file in-process.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a DOT file to SVG, PNG or PDF with Graphviz's library (in-process)."
    )

    @Argument(help: "The DOT file.")
    var file: String

    @Option(help: "Output format: svg, png or pdf (default: the --output file's extension when it names one, else svg).")
    var format: String?

    @Option(help: "Layout engine: dot, sfdp, twopi, neato, circo or fdp (default: the graph's `layout` attribute, else dot).")
    var engine: String?

    @Option(name: .shortAndLong, help: "Output file (default: FILE with the format's extension).")
    var output: String?

    @Option(name: .customLong("max-diagram-nodes"), help: ArgumentHelp("Refuse a graph with more nodes than this (4 edges per node allowed).", valueName: "N"))
    var maxDiagramNodes: Int = RenderLimits().maxNodes

    @Flag(name: .customLong("allow-local-files"), help: "Let image=, shapefile=, imagepath and fontpath read local files into the picture (only for DOT files you trust).")
    var allowLocalFiles = false

    func validate() throws {
        if let output {
            guard !output.isEmpty else { throw ValidationError("--output is empty: name the file to write") }
            let same = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
            if same(output) == same(file) {
                throw ValidationError("--output \(output) is the DOT file itself: rendering would overwrite it; choose another file")
            }
        }
    }

    func run() throws {
        // `-o tree.png` means PNG: an explicit --format wins, then the output's extension.
        let fromOutput = output.flatMap { OutputFormat(rawValue: ($0 as NSString).pathExtension.lowercased()) }
        guard let outputFormat = format.map({ OutputFormat(rawValue: $0) }) ?? fromOutput ?? .svg else {
            throw ValidationError("--format must be one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var layout: LayoutEngine?
        if let engine {
            guard let e = LayoutEngine(rawValue: engine) else {
                throw ValidationError("--engine must be one of \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            layout = e
        }
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("\(file): cannot read the file") }
        guard let dot = String(data: data, encoding: .utf8) else { throw CLIError("\(file): not UTF-8 text") }
        try Graphviz.checkPluginsOrExplain()
        let result: RenderResult
        do {
            result = try Graphviz.render(dot: dot, formats: [outputFormat], engine: layout,
                                         limits: RenderLimits(maxNodes: maxDiagramNodes, maxEdges: 4 * maxDiagramNodes, allowLocalFiles: allowLocalFiles))
        } catch {
            throw CLIError("\(file): \(error.description)")
        }
        for w in result.warnings { FileHandle.standardError.write(Data("threadnet: warning: \(file): \(w)\n".utf8)) }
        let target = output ?? ((file as NSString).deletingPathExtension + "." + outputFormat.rawValue)
        var writer = AtomicWriter()
        writer.add(target, result.data(for: outputFormat) ?? [])
        try writer.commit()
        print("wrote \(target)")
    }
}
