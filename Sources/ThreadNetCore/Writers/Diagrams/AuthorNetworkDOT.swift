import Foundation

/// A thread's author network as DOT, with a legend inside the picture.
///
/// Up to ``DiagramOptions/authorLimit`` authors (``drawnAuthorLimit`` by default) are drawn:
/// all of them in a small network, else the most active by comments written (ties: weighted
/// degree, then name) **with every edge among them**, and one "other authors" node that carries
/// their replies to and from everyone not drawn, so no drawn author loses an edge. A node's width
/// and type size grow with the square root of the comments written (0.4 in plus up to 1.1 in
/// for the most active; no cap below that), edge width with the square root of the replies (no labels floating beside edges: the number is in each edge's tooltip and in
/// edges.csv). Repeat posters have their reply-tree colours. Mentions, quotes and references
/// are drawn as ``Palette/linkStyle(_:)`` says. Small networks are laid out with `dot` (authors
/// without edges packed in a grid), reduced ones with `neato` (overlap removed). `metrics.json` always holds the
/// whole network.
public struct AuthorNetworkDOT: Sendable {
    /// The most authors drawn in one diagram.
    public static let drawnAuthorLimit = 40

    let analysis: ThreadAnalysis
    let stats: [AuthorStats]
    let colors: [String: String]
    /// Whether the colours are communities (`--color community`) rather than repeat posters.
    let byCommunity: Bool
    /// Authors drawn, by id, ascending.
    public let shown: [Int]
    /// Whether some authors are not drawn.
    public var isReduced: Bool { shown.count < stats.count }

    /// - Parameter colors: fill per author name (``Palette/sharedColors(_:)`` for pictures
    ///   that must agree across threads); nil colours this thread's repeat posters.
    public init(_ a: ThreadAnalysis, options: DiagramOptions = DiagramOptions(), colors: [String: String]? = nil) {
        analysis = a
        let stats = Metrics.authorStats(a)
        self.stats = stats
        if options.color == .community {
            let (_, ofAuthor, _) = CommentColoring.communityColors(a)
            self.colors = Dictionary(uniqueKeysWithValues: ofAuthor.map { (stats[$0.key].name, $0.value) })
            byCommunity = true
        } else {
            self.colors = colors ?? Palette.repeatPosterColors(a)
            byCommunity = false
        }
        if stats.count > options.authorLimit {
            shown = stats.indices.sorted {
                (stats[$1].comments, stats[$1].weightedDegree, stats[$0].name) < (stats[$0].comments, stats[$0].weightedDegree, stats[$1].name)
            }.prefix(max(options.authorLimit, 1)).sorted()
        } else {
            shown = Array(stats.indices)
        }
    }

    /// The DOT text with default options.
    public static func write(_ a: ThreadAnalysis, colors: [String: String]? = nil) -> String {
        AuthorNetworkDOT(a, colors: colors).text
    }

    /// The DOT text.
    public var text: String { TextOutput.text { write(to: $0) } }

    /// One sentence on what the picture shows, for the report.
    public var note: String {
        let n = stats.count
        if !isReduced {
            return "Drawn whole: all \(n) author\(n == 1 ? "" : "s"); node size grows with √comments written, edge width ∝ √replies."
        }
        return "Reduced to the \(shown.count) most active of \(n) authors (by comments written) with every edge among them; the replies between them and the \(n - shown.count) others go to one \"other authors\" node. Node size grows with √comments written, edge width ∝ √replies; the whole network is in metrics.json, authors.csv and authors.gexf."
    }

    /// Streams the DOT text into `out`.
    public func write(to out: TextOutput) {
        let net = analysis.network
        let isShown = Set(shown)
        let maxComments = Double(max(1, shown.map { stats[$0].comments }.max() ?? 1))
        // Drawn edges: among drawn authors (every kind), and replies to and from the others, summed.
        var drawnEdges: [(from: String, to: String, weight: Int, kind: CommentLink.Kind?)] = []
        var toOthers: [Int: Int] = [:], fromOthers: [Int: Int] = [:]
        for e in net.edges {
            let f = Int(e.from), t = Int(e.to)
            switch (isShown.contains(f), isShown.contains(t)) {
            case (true, true): drawnEdges.append(("a\(f)", "a\(t)", Int(e.weight), CommentLink.Kind(rawValue: e.kind.rawValue)))
            case (true, false) where e.kind == .reply: toOthers[f, default: 0] += Int(e.weight)
            case (false, true) where e.kind == .reply: fromOthers[t, default: 0] += Int(e.weight)
            default: break
            }
        }
        for (f, w) in toOthers.sorted(by: { $0.key < $1.key }) { drawnEdges.append(("a\(f)", "others", w, nil)) }
        for (t, w) in fromOthers.sorted(by: { $0.key < $1.key }) { drawnEdges.append(("others", "a\(t)", w, nil)) }
        let maxWeight = Double(max(1, drawnEdges.map(\.weight).max() ?? 1))

        var legend = DiagramLegend(title: isReduced ? "Author network: the \(shown.count) most active of \(stats.count) authors" : "Author network: \(stats.count) author\(stats.count == 1 ? "" : "s")")
        legend.notes.append("node size grows with √comments written (largest: \(Int(maxComments))); edge width ∝ √replies (widest: \(Int(maxWeight)))")
        if isReduced { legend.notes.append("every edge among the drawn authors is kept; replies to and from the \(stats.count - shown.count) others go to \"other authors\"") }
        let coloured = shown.filter { colors[stats[$0].name] != nil }.count
        if coloured > 0 {
            legend.add(.fill(Palette.fills[0]), byCommunity ? "coloured: \(coloured) authors by community (Leiden), as in the reply tree"
                                                            : "coloured: \(coloured) repeat poster\(coloured == 1 ? "" : "s"), as in the reply tree")
        }
        legend.add(.fill(Palette.plain), "other authors")
        legend.addLinks(drawnEdges.compactMap(\.kind))

        let reduced = isReduced
        out.write("digraph \"authors\" {\n")
        out.write("  graph [layout=\(reduced ? "neato, overlap=false, sep=\"+4\"" : "dot, rankdir=LR, pack=true, packmode=\"array_u\", nodesep=0.15"), size=\"14,14\", fontname=\"DejaVu Sans\", labelloc=b, labeljust=l, pad=0.2")
        // A reduced network is laid out larger than the page and scaled down: its legend is
        // set larger so that it reads at the delivered size.
        out.write(", label=\(legend.html(fontSize: reduced ? 22 : 12))]\n")
        out.write("  node [shape=ellipse, style=filled, fillcolor=\"\(Palette.plain)\", color=\"#666666\", fontname=\"DejaVu Sans\"]\n")
        out.write("  edge [color=\"#555555\", arrowsize=0.6]\n")
        for i in shown {
            let s = stats[i]
            let scale = (Double(s.comments) / maxComments).squareRoot()
            var attrs = ["label=\"\(Escaping.dot(Escaping.excerpt(s.name, limit: 40)))\\n\(s.comments)\"", "fontsize=\(format(10 + 10 * scale))",
                         "width=\(format(0.4 + 1.1 * scale))", "height=\(format(0.25 + 0.65 * scale))",
                         "tooltip=\"\(Escaping.dot("\(Escaping.excerpt(s.name, limit: 60))\n\(s.comments) comment\(s.comments == 1 ? "" : "s") · \(s.repliesGiven) replies given · \(s.repliesReceived) received\nin-degree \(s.inDegree) · out-degree \(s.outDegree) · weighted degree \(s.weightedDegree)"))\""]
            if let color = colors[s.name] {
                attrs.append("fillcolor=\"\(color)\"")
                if !Palette.isLight(color) { attrs.append("fontcolor=\"#ffffff\"") }
            }
            out.write("  a\(i) [\(attrs.joined(separator: ", "))]\n")
        }
        if reduced && (!toOthers.isEmpty || !fromOthers.isEmpty) {
            out.write("  others [label=\"other authors\\n(\(stats.count - shown.count))\", style=\"filled,dashed\", fillcolor=\"#f0f0f0\", fontsize=16, width=1.6, height=0.8, tooltip=\"the \(stats.count - shown.count) authors not drawn\"]\n")
        }
        for e in drawnEdges {
            var attrs = ["penwidth=\(format(0.8 + 4 * (Double(e.weight) / maxWeight).squareRoot()))", "tooltip=\"\(e.weight) \(e.kind.map { "\($0.rawValue)" } ?? "repl")\(e.weight == 1 ? (e.kind == nil ? "y" : "") : (e.kind == nil ? "ies" : "s"))\""]
            if let kind = e.kind { attrs.append(Palette.linkStyle(kind)) }
            out.write("  \(e.from) -> \(e.to) [\(attrs.joined(separator: ", "))]\n")
        }
        out.write("}\n")
    }

    func format(_ x: Double) -> String {
        let v = (x * 1000).rounded() / 1000
        return v == v.rounded() ? String(Int(v)) : String(v)
    }
}
