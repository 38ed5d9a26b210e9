/// Writes a thread's author network as DOT: node size by comments written, edge width by
/// replies, self-replies as loops, mentions dashed; repeat posters in the same colours as in
/// the reply tree.
///
/// Authors with no edge are packed in a grid below the connected ones, so that a thread where
/// most people post once still reads without zooming.
public enum AuthorNetworkDOT {
    public static func write(_ a: ThreadAnalysis) -> String {
        let net = a.network
        let stats = Metrics.authorStats(a)
        let colors = Palette.repeatPosterColors(a)
        let large = net.count > 400
        var out = "digraph \"authors\" {\n"
        out += "  graph [layout=\(large ? "sfdp" : "dot"), rankdir=LR, pack=true, packmode=\"array_u\", fontname=\"DejaVu Sans\", fontsize=12, labelloc=t, labeljust=l, pad=0.2, nodesep=0.15"
        out += ", label=\"Author network: \(net.count) authors; size = comments written, width = replies, dashed = mention\"]\n"
        out += "  node [shape=ellipse, style=filled, fillcolor=\"\(Palette.plain)\", color=\"#666666\", fontname=\"DejaVu Sans\"]\n"
        out += "  edge [color=\"#555555\", arrowsize=0.6, fontname=\"DejaVu Sans\", fontsize=9]\n"
        for (i, s) in stats.enumerated() {
            let extra = min(s.comments - 1, 8)
            let fontSize = 10 + 2 * extra
            var attrs = ["label=\"\(Escaping.dot(Escaping.excerpt(s.name, limit: 40)))\\n\(s.comments)\"", "fontsize=\(fontSize)"]
            if extra > 0 { attrs.append("penwidth=\(1 + extra)") }
            if let color = colors[s.name] { attrs.append("fillcolor=\"\(color)\"") }
            if large { attrs = ["label=\"\"", "shape=point", "width=\(0.05 + 0.02 * Double(extra))"] }
            out += "  a\(i) [\(attrs.joined(separator: ", "))]\n"
        }
        for e in net.edges {
            var attrs = ["penwidth=\(min(1 + 1.5 * Double(e.weight - 1), 8))"]
            if e.weight > 1 { attrs.append("label=\"\(e.weight)\"") }
            if e.kind == .mention { attrs.append("style=dashed") }
            out += "  a\(e.from) -> a\(e.to) [\(attrs.joined(separator: ", "))]\n"
        }
        out += "}\n"
        return out
    }
}
