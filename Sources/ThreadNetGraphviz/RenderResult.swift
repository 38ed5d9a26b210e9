/// The bytes of one graph rendered in one format.
///
/// `data` is copied by length from libgvc's buffer, so binary formats (PNG, PDF) keep their
/// NUL bytes; SVG is UTF-8 text.
public struct Rendering: Sendable {
    /// The format `data` is in.
    public var format: OutputFormat
    /// The rendered file contents.
    public var data: [UInt8]

    /// Creates a rendering of `format` holding `data`.
    public init(format: OutputFormat, data: [UInt8]) {
        self.format = format
        self.data = data
    }
}

/// Everything one `Graphviz.render` call produced: one rendering per requested format, plus the
/// warnings Graphviz reported along the way.
public struct RenderResult: Sendable {
    /// One rendering per distinct requested format, in request order.
    public var renderings: [Rendering]
    /// Graphviz warnings (without the "Warning: " prefix), in the order they were reported.
    public var warnings: [String]

    /// Creates a result from `renderings` and `warnings`.
    public init(renderings: [Rendering], warnings: [String]) {
        self.renderings = renderings
        self.warnings = warnings
    }

    /// The bytes rendered in `format`, or nil when that format was not requested.
    public func data(for format: OutputFormat) -> [UInt8]? {
        renderings.first { $0.format == format }?.data
    }
}
