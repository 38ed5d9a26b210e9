/// A format Graphviz can render a laid-out graph into.
///
/// The raw value is the libgvc device name passed to `gvRenderData`. `svg` comes from the core
/// plugin; `png` and `pdf` come from the cairo (pango) plugin. `pdf` is only available when the
/// cairo pdf device is installed; otherwise rendering it throws `GraphvizError.Kind.missingPlugins`.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Scalable Vector Graphics text (UTF-8).
    case svg
    /// Portable Network Graphics bitmap.
    case png
    /// Portable Document Format, through the cairo pdf device.
    case pdf
}
