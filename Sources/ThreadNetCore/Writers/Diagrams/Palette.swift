/// The colours of every diagram, so that one author keeps one colour across pictures and each
/// encoding reads the same everywhere.
///
/// Author colours are ColorBrewer's Set2 hues, then Paired's, visible as dots on white (the last
/// three are dark enough that labels on them are white); none is a grey, and none is near
/// ``otherFill`` or ``otherDot``, the colour every other author shares.
public enum Palette {
    public static let fills = ["#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f",
                               "#e5c494", "#80b1d3", "#bc80bd", "#e31a1c", "#1f78b4", "#b15928"]
    /// Fill of a labelled comment or author with no colour of their own.
    public static let plain = "#ffffff"
    /// Fill for other authors in a labelled picture (as ``plain``: white, grey outline).
    public static let otherFill = plain
    /// Colour of other authors' dots in a radial picture.
    public static let otherDot = "#b0b0b0"
    /// Fill for the root post.
    public static let root = "#444444"
    /// A comment whose value (time, score) the source does not give.
    public static let unknown = "#e0e0e0"
    /// Folded branches ("+N comments") in a reduced picture.
    public static let folded = "#555555"

    /// Sequential colours for depth 1, 2, …, 8+ (ColorBrewer YlGnBu, light to dark).
    public static let depthColors = ["#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"]
    /// Sequential colours for the time bins (``timeBins``), early to late (viridis).
    public static let timeColors = ["#fde725", "#90d743", "#35b779", "#21918c", "#31688e", "#443983", "#440154"]
    /// Upper bounds of the time bins in seconds since the post, with their legend texts.
    public static let timeBins: [(limit: Double, text: String)] = [
        (600, "< 10 min"), (3600, "10 min – 1 h"), (6 * 3600, "1 h – 6 h"), (86400, "6 h – 1 d"),
        (3 * 86400, "1 d – 3 d"), (7 * 86400, "3 d – 1 week"), (.infinity, "1 week or later"),
    ]
    /// Diverging colours for the score bins (``scoreBins``): negative red, 0–1 neutral, higher greens.
    public static let scoreColors = ["#d6604d", "#f7f7f7", "#d9f0d3", "#a6dba0", "#5aae61", "#1b7837"]
    /// Lower bounds of the score bins, with their legend texts.
    public static let scoreBins: [(floor: Int, text: String)] = [
        (Int.min, "below 0"), (0, "0 – 1"), (2, "2 – 9"), (10, "10 – 99"), (100, "100 – 999"), (1000, "1,000 or more"),
    ]

    /// Whether black text reads on `fill` (else white is used): the colour's luminance is above
    /// one half (Rec. 709 weights on the sRGB values).
    public static func isLight(_ fill: String) -> Bool {
        guard fill.count == 7, let v = Int(fill.dropFirst(), radix: 16) else { return true }
        let r = Double(v >> 16 & 0xFF), g = Double(v >> 8 & 0xFF), b = Double(v & 0xFF)
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 > 0.5
    }

    /// Colour per author name for the repeat posters of `analysis` (2 or more comments, most
    /// comments first), the first ``fills``.count of them; everyone else has no entry.
    public static func repeatPosterColors(_ analysis: ThreadAnalysis) -> [String: String] {
        var colors: [String: String] = [:]
        for (i, r) in Metrics.repeatPosters(analysis).prefix(fills.count).enumerated() { colors[r.name] = fills[i] }
        return colors
    }

    /// The colour of a typed link, in both diagrams and their legends.
    public static func linkColor(_ kind: CommentLink.Kind) -> String {
        switch kind {
        case .mention: "#1f78b4"
        case .quote: "#33a02c"
        case .reference: "#6a3d9a"
        }
    }

    /// How a typed link is drawn, in both diagrams: mentions dashed blue, quotes dashed green,
    /// numeric references dotted purple. Reply edges stay solid grey.
    public static func linkStyle(_ kind: CommentLink.Kind) -> String {
        switch kind {
        case .mention: "style=dashed, color=\"\(linkColor(.mention))\""
        case .quote: "style=dashed, color=\"\(linkColor(.quote))\""
        case .reference: "style=dotted, color=\"\(linkColor(.reference))\""
        }
    }
}
