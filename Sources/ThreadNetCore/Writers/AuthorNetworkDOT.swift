/// Writes a thread's author network as DOT: node size by comments written, edge width by
/// replies, self-replies as loops, mentions, quotes and references drawn as ``Palette/linkStyle(_:)`` says; repeat posters in the same colours as in
/// the reply tree.
///
/// Up to ``drawnAuthorLimit`` authors are drawn with `dot`, authors without edges packed in a
/// grid beside the connected ones, so a thread where most people post once still reads
/// without zooming. Larger networks are reduced to the ``drawnAuthorLimit`` most active
/// authors (by weighted degree, then comments) and laid out with `sfdp`; the diagram's title
/// says how many are shown. `metrics.json` always holds the whole network.
public enum AuthorNetworkDOT {
    /// The most authors drawn in one diagram.
    public static let drawnAuthorLimit = 60

    /// - Parameter colors: fill per author name (``Palette/sharedColors(_:)`` for pictures
    ///   that must agree across threads); nil colours this thread's repeat posters.
    public static func write(_ a: ThreadAnalysis, colors: [String: String]? = nil) -> String {
        let net = a.network
        let stats = Metrics.authorStats(a)
        let colors = colors ?? Palette.repeatPosterColors(a)
        let reduced = net.count > drawnAuthorLimit
        var shown = Array(stats.indices)
        if reduced {
            shown = stats.indices.sorted {
                (stats[$1].weightedDegree, stats[$1].comments, stats[$0].name) < (stats[$0].weightedDegree, stats[$0].comments, stats[$1].name)
            }.prefix(drawnAuthorLimit).sorted()
        }
        let isShown = Set(shown)
        var out = "digraph \"authors\" {\n"
        let title = reduced ? "Author network: the \(shown.count) most active of \(net.count) authors" : "Author network: \(net.count) authors"
        out += "  graph [layout=\(reduced ? "sfdp, overlap=prism, overlap_scaling=-4, sep=\"+6\"" : "dot, rankdir=LR, pack=true, packmode=\"array_u\", nodesep=0.15"), size=\"40,40\", fontname=\"DejaVu Sans\", fontsize=12, labelloc=t, labeljust=l, pad=0.2"
        out += ", label=\"\(title); size = comments written, width = replies\(a.links.isEmpty ? "" : "; " + Palette.linkLegend(a.links.map(\.kind)))\"]\n"
        out += "  node [shape=ellipse, style=filled, fillcolor=\"\(Palette.plain)\", color=\"#666666\", fontname=\"DejaVu Sans\"]\n"
        out += "  edge [color=\"#555555\", arrowsize=0.6, fontname=\"DejaVu Sans\", fontsize=9]\n"
        for i in shown {
            let s = stats[i]
            let extra = min(s.comments - 1, 8)
            var attrs = ["label=\"\(Escaping.dot(Escaping.excerpt(s.name, limit: 40)))\\n\(s.comments)\"", "fontsize=\(10 + 2 * extra)"]
            if extra > 0 { attrs.append("penwidth=\(1 + extra)") }
            if let color = colors[s.name] { attrs.append("fillcolor=\"\(color)\"") }
            out += "  a\(i) [\(attrs.joined(separator: ", "))]\n"
        }
        for e in net.edges where isShown.contains(Int(e.from)) && isShown.contains(Int(e.to)) {
            var attrs = ["penwidth=\(min(1 + 1.5 * Double(e.weight - 1), 8))"]
            if e.weight > 1 { attrs.append("label=\"\(e.weight)\"") }
            switch e.kind {
            case .reply: break
            case .mention: attrs.append(Palette.linkStyle(.mention))
            case .quote: attrs.append(Palette.linkStyle(.quote))
            case .reference: attrs.append(Palette.linkStyle(.reference))
            }
            out += "  a\(e.from) -> a\(e.to) [\(attrs.joined(separator: ", "))]\n"
        }
        out += "}\n"
        return out
    }
}
