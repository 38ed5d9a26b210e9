import CGraphviz
#if canImport(Glibc)
import Glibc
#endif

/// One read–layout–render pass over a DOT text. Runs only inside
/// `GraphvizContext.withLockedContext`, which holds the lock and captures diagnostics.
enum RenderJob {
    /// Reads `dot`, lays it out once with the chosen engine and renders each distinct format.
    ///
    /// The layout and the graph are always freed, also when a step throws.
    static func run(
        gvc: OpaquePointer, dot: String, formats: [OutputFormat], engine: LayoutEngine?, limits: RenderLimits
    ) throws(GraphvizError) -> RenderResult {
        var distinct: [OutputFormat] = []
        for format in formats where !distinct.contains(format) { distinct.append(format) }
        if distinct.contains(.pdf), !PluginList.names(gvc, kind: "device").contains("pdf") {
            throw GraphvizError(
                kind: .missingPlugins,
                message: "pdf output needs Graphviz's cairo pdf device, which is not installed; "
                    + "install libgraphviz-dev (it brings libgvc6 and its cairo plugin) or render svg/png"
            )
        }

        // The DOT lexer keeps its input buffer and line counter in globals across reads: what the
        // previous read left unread (a trailing newline after the closing brace, the rest of a
        // text after a syntax error) would be read first and shift the line numbers, so flush
        // the buffer and restart the count before every read (libcgraph 2.42 does neither).
        aglexbad()
        agreadline(1)
        guard let graph = agmemread(dot) else {
            let diagnostics = DiagnosticsSink.current
            let messages = diagnostics.errors + diagnostics.warnings
            if messages.isEmpty { throw GraphvizError(kind: .noGraph, message: "no graph found") }
            throw GraphvizError(kind: .syntax, message: messages.joined(separator: "\n"))
        }
        defer { agclose(graph) }
        if DiagnosticsSink.hasError { throw failure(.syntax, fallback: "agmemread reported an error") }
        let clamped = try limits.apply(to: graph)

        let engineName = selectEngine(graph, engine)
        // The C library's random number generators, which the force-directed layouts and
        // overlap removal draw from, start from the same state for every graph: otherwise a
        // layout depends on how many numbers earlier renders in this process drew, and a
        // corpus-wide author network came out differently run to run.
        srand(1)
        srand48(1)
        let layoutStatus = gvLayout(gvc, graph, engineName)
        defer { gvFreeLayout(gvc, graph) }
        if layoutStatus != 0 || DiagnosticsSink.hasError {
            throw failure(.layout, fallback: "gvLayout with engine \"\(engineName)\" returned \(layoutStatus)")
        }

        var renderings: [Rendering] = []
        for format in distinct {
            var buffer: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            let status = gvRenderData(gvc, graph, format.rawValue, &buffer, &length)
            defer { if let buffer { gvFreeRenderData(buffer) } }
            guard status == 0, let buffer, !DiagnosticsSink.hasError else {
                throw failure(.render, fallback: "gvRenderData for \(format.rawValue) returned \(status)")
            }
            let bytes = Array(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
            renderings.append(Rendering(format: format, data: bytes))
        }
        return RenderResult(renderings: renderings, warnings: clamped + DiagnosticsSink.current.warnings)
    }

    /// The engine to pass to `gvLayout`.
    ///
    /// libgvc's `gvLayoutJobs` lets the graph's own `layout` attribute override the engine
    /// argument, so an explicit `engine` is also written into that attribute when the graph
    /// declares it. With no explicit engine the graph's non-empty `layout` value is used as is
    /// (an unknown name then fails in `gvLayout` with Graphviz's "Layout type ... not recognized"
    /// message), else `dot`.
    private static func selectEngine(_ graph: UnsafeMutablePointer<Agraph_t>, _ engine: LayoutEngine?) -> String {
        let declared = GraphAttributes.isDeclared(graph, "layout")
        if let engine {
            if declared { GraphAttributes.set(graph, "layout", engine.rawValue) }
            return engine.rawValue
        }
        if let own = GraphAttributes.value(graph, "layout"), !own.isEmpty { return own }
        if declared { GraphAttributes.set(graph, "layout", LayoutEngine.dot.rawValue) }
        return LayoutEngine.dot.rawValue
    }

    /// An error of `kind` carrying Graphviz's captured error messages, or `fallback` when it
    /// reported none.
    private static func failure(_ kind: GraphvizError.Kind, fallback: String) -> GraphvizError {
        let errors = DiagnosticsSink.current.errors
        return GraphvizError(kind: kind, message: errors.isEmpty ? fallback : errors.joined(separator: "\n"))
    }
}
