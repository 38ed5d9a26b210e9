/// A failure reported by Graphviz (libgvc / libcgraph) while reading, laying out or rendering.
///
/// `message` carries Graphviz's own diagnostic text where it produced one (without its
/// "Error: " prefix), so callers can show the user exactly what Graphviz complained about.
public struct GraphvizError: Error, Sendable, CustomStringConvertible {
    /// The stage at which the job failed.
    public enum Kind: Sendable, Equatable {
        /// The input held no graph at all (empty, whitespace or comments only).
        case noGraph
        /// The DOT text could not be parsed.
        case syntax
        /// `gvLayout` failed (e.g. an unknown `layout` engine) or reported an error while laying
        /// out, such as a malformed HTML-like label.
        case layout
        /// `gvRenderData` failed or reported an error while rendering.
        case render
        /// A required plugin (layout engine or output device) is not installed.
        case missingPlugins
        /// The graph is beyond a ``RenderLimits`` bound (too many nodes or edges, or local
        /// files it would read).
        case limit
    }

    /// The stage at which the job failed.
    public var kind: Kind
    /// Graphviz's diagnostic text, or a description of the failure when Graphviz gave none.
    public var message: String

    /// Creates an error of `kind` carrying `message`.
    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// A one-line summary naming the stage, followed by the message.
    public var description: String {
        let stage = switch kind {
        case .noGraph: "Graphviz input error"
        case .syntax: "Graphviz syntax error"
        case .layout: "Graphviz layout error"
        case .render: "Graphviz render error"
        case .missingPlugins: "Graphviz plugins missing"
        case .limit: "diagram refused"
        }
        return "\(stage): \(message)"
    }
}
