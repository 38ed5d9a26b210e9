/// Colours for repeat posters, shared by both diagrams so one author keeps one colour.
///
/// Light fills from ColorBrewer's Set3/Pastel schemes, readable under black text; authors
/// past the palette's end share a neutral fill.
public enum Palette {
    public static let fills = ["#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
                               "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"]
    /// Fill for authors who posted once.
    public static let plain = "#ffffff"
    /// Fill for the root post.
    public static let root = "#e8e8e8"

    /// Colour per author name for the repeat posters of `analysis`, in repeat-poster order.
    public static func repeatPosterColors(_ analysis: ThreadAnalysis) -> [String: String] {
        var colors: [String: String] = [:]
        for (i, r) in Metrics.repeatPosters(analysis).enumerated() {
            colors[r.name] = i < fills.count ? fills[i] : "#cccccc"
        }
        return colors
    }

    /// How a typed link is drawn, in both diagrams: mentions dashed blue, quotes dashed green,
    /// numeric references dotted purple. Reply edges stay solid grey.
    public static func linkStyle(_ kind: CommentLink.Kind) -> String {
        switch kind {
        case .mention: "style=dashed, color=\"#1f78b4\""
        case .quote: "style=dashed, color=\"#33a02c\""
        case .reference: "style=dotted, color=\"#6a3d9a\""
        }
    }

    /// The legend of ``linkStyle(_:)`` for the kinds present, for diagram titles ("" when none).
    public static func linkLegend<S: Sequence>(_ kinds: S) -> String where S.Element == CommentLink.Kind {
        let present = Set(kinds)
        return CommentLink.Kind.allCases.filter(present.contains).map {
            switch $0 {
            case .mention: "dashed blue = mention"
            case .quote: "dashed green = quote"
            case .reference: "dotted purple = #number reference"
            }
        }.joined(separator: ", ")
    }
}
