import CGraphviz

/// DOT text in, rendered bytes out, through libgvc in the same process.
///
/// Every call goes through one process-wide Graphviz context guarded by one lock, so calls from
/// many threads or tasks are safe but run one at a time.
public enum Graphviz {
    /// Lays out `dot` once and renders each format.
    ///
    /// `engine` nil means the graph's own `layout` attribute if it sets one, else `.dot`; a
    /// non-nil engine overrides the attribute. An unknown engine named by the attribute is not
    /// replaced: it throws `.layout` with Graphviz's "Layout type ... not recognized" message.
    /// Duplicate formats are rendered once. Graphviz warnings are returned in
    /// `RenderResult.warnings`.
    ///
    /// - Throws: `.noGraph` ("no graph found") for input without a graph, `.syntax` with
    ///   Graphviz's message for malformed DOT, `.layout` when layout fails or reports an error
    ///   (e.g. a malformed HTML-like label), `.render` when rendering fails, and
    ///   `.missingPlugins` when `.pdf` is requested but the cairo pdf device is not installed.
    ///
    /// `limits` bounds the graph before layout (``RenderLimits``): too many nodes or edges, or
    /// attributes reading local files, throw `.limit`; oversized `dpi` and `size` are clamped
    /// with a warning.
    public static func render(
        dot: String, formats: [OutputFormat], engine: LayoutEngine? = nil, limits: RenderLimits = RenderLimits()
    ) throws(GraphvizError) -> RenderResult {
        try GraphvizContext.withLockedContext { gvc throws(GraphvizError) in
            try RenderJob.run(gvc: gvc, dot: dot, formats: formats, engine: engine, limits: limits)
        }
    }

    /// Checks that the plugins ThreadNet needs are installed.
    ///
    /// Requires the `dot` and `sfdp` layouts and the `svg` and `png` devices in `gvPluginList`.
    ///
    /// - Throws: `.missingPlugins`, naming what is missing and the libgraphviz-dev package.
    public static func checkPlugins() throws(GraphvizError) {
        try GraphvizContext.withLockedContext { gvc throws(GraphvizError) in
            let layouts = PluginList.names(gvc, kind: "layout")
            let devices = PluginList.names(gvc, kind: "device")
            let missing = ["dot", "sfdp"].filter { !layouts.contains($0) }.map { "layout \($0)" }
                + ["svg", "png"].filter { !devices.contains($0) }.map { "device \($0)" }
            guard missing.isEmpty else {
                throw GraphvizError(
                    kind: .missingPlugins,
                    message: "Graphviz lacks \(missing.joined(separator: ", ")); "
                        + "install libgraphviz-dev (apt-get install libgraphviz-dev), which brings libgvc6 and its plugins"
                )
            }
        }
    }

    /// The Graphviz library version string (e.g. "2.43.0"), from `gvcVersion`.
    ///
    /// Empty only if the Graphviz context cannot be created.
    public static var version: String {
        let version = try? GraphvizContext.withLockedContext { gvc throws(GraphvizError) in
            gvcVersion(gvc).map { String(cString: $0) } ?? ""
        }
        return version ?? ""
    }
}
