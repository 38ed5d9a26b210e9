import Foundation

/// A thread's reply tree as DOT, drawn by a size policy that keeps every picture readable and
/// bounded, with a legend inside the picture.
///
/// - Up to ``DiagramOptions/labelledLimit`` comments (``labelledLimit`` by default): the whole
///   tree left to right with `dot`, each comment a box labelled with its number and author,
///   mentions, quotes and references as extra edges (``Palette/linkStyle(_:)``, at most
///   ``drawnLinkLimit``).
/// - Larger trees: a radial picture without labels, positions computed by ThreadNet
///   (``RadialLayout``) and drawn as given (`layout=nop`), so it lays out in linear time: the
///   article at the centre, one ring per reply level, each branch's angle proportional to its
///   size. Beyond ``DiagramOptions/nodeBudget`` drawn nodes (``nodeBudget`` by default) the tree
///   is folded (``ReplyTreeReduction``): a dot's area grows with the comments it holds, and
///   "+N" squares stand for the smallest branches of a crowded level.
///
/// Colour follows ``DiagramOptions/color`` (``CommentColoring``); the legend lists every colour
/// used, the edge kinds drawn and what was reduced. ``note`` says the same in one sentence for
/// the report, under the picture.
public struct ReplyTreeDOT: Sendable {
    /// Above this many comments a tree is drawn radially, without labels.
    public static let labelledLimit = 80
    /// At most this many comments are drawn in a radial picture; the rest are folded.
    public static let nodeBudget = 1500
    /// At most this many top-level comments are drawn in a radial picture (the largest
    /// branches); the others are summarised beside the article.
    public static let topLevelLimit = 150
    /// At most this many typed links are drawn (the first in comment order); all are in metrics.json.
    public static let drawnLinkLimit = 200
    /// The radial picture's outer radius, in points (5 inches).
    static let radius = 360.0

    /// How the tree is drawn.
    public enum Style: Sendable { case labelled, radial }

    public let style: Style
    /// What a radial picture draws (nil for a labelled one, which draws everything).
    public let reduction: ReplyTreeReduction?
    let analysis: ThreadAnalysis
    let options: DiagramOptions
    let coloring: CommentColoring
    let shared: Bool

    /// - Parameter colors: colour per author name (``Palette/sharedColors(_:)`` for pictures
    ///   that must agree across threads); nil colours this thread's repeat posters.
    public init(_ a: ThreadAnalysis, options: DiagramOptions = DiagramOptions(), colors: [String: String]? = nil) {
        analysis = a
        self.options = options
        shared = colors != nil
        style = a.comments.count <= options.labelledLimit ? .labelled : .radial
        reduction = style == .radial ? ReplyTreeReduction(a.tree, budget: options.nodeBudget, topLevelLimit: Self.topLevelLimit) : nil
        coloring = CommentColoring(a, encoding: options.color, authorColors: colors ?? Palette.repeatPosterColors(a),
                                   other: style == .labelled ? Palette.otherFill : Palette.otherDot)
    }

    /// The DOT text of ``init(_:options:colors:)`` with default options.
    public static func write(_ a: ThreadAnalysis, colors: [String: String]? = nil) -> String {
        ReplyTreeDOT(a, colors: colors).text
    }

    /// The DOT text.
    public var text: String { TextOutput.text { write(to: $0) } }

    /// One sentence on how the picture was drawn and what it leaves out, for the report.
    public var note: String {
        let n = analysis.comments.count
        switch style {
        case .labelled:
            return "Drawn whole: all \(n) comment\(n == 1 ? "" : "s"), each labelled with its number and author; \(coloring.meaning)."
        case .radial:
            let r = reduction!
            var s = "Drawn as a radial tree without labels (\(n) comments, more than the \(options.labelledLimit) that can carry readable labels): the article at the centre, one ring per reply level, each branch's angle proportional to its size; \(coloring.meaning)"
            if r.isReduced {
                s += ". Reduced to the \(r.drawn.count) of \(n) comments with the largest branches (at most \(options.nodeBudget), at most \(Self.topLevelLimit) of them top level), levels 1–\(r.depthDrawn)"
                if r.heldComments > 0 { s += "; \(r.heldComments) comments in smaller branches are held by their nearest drawn comment (a dot's area grows with the comments it holds)" }
                if r.summarizedComments > 0 { s += "; \(r.summarizedComments) comments in \(r.summaries.reduce(0) { $0 + $1.branches }) smaller top-level branches are summarised in the grey \"+N\" square beside the article" }
            }
            return s + ". Typed links (mentions, quotes, references) are not drawn at this size; they are in edges.csv and metrics.json."
        }
    }

    /// The legend drawn in the picture.
    var legend: DiagramLegend {
        let title = analysis.thread.title.isEmpty ? "Reply tree" : "Reply tree: " + Escaping.excerpt(analysis.thread.title, limit: 70)
        var l = DiagramLegend(title: title)
        let n = analysis.comments.count
        switch style {
        case .labelled:
            l.notes.append("\(n) comment\(n == 1 ? "" : "s"), all drawn; \(coloring.meaning)\(shared ? ", the same in every picture of this comparison" : "")")
        case .radial:
            let r = reduction!
            l.notes.append("\(n) comments; centre = article, one ring per reply level; \(coloring.meaning)")
            if r.isReduced {
                l.notes.append("Reduced: the \(r.drawn.count) comments with the largest branches, levels 1–\(r.depthDrawn); dot area ∝ comments it holds (largest: \(1 + (r.held.max() ?? 0)))")
            }
        }
        l.columns = 4
        for e in coloring.legend { l.add(.fill(e.color), e.text) }
        l.add(.fill(Palette.root), "the article")
        if style == .labelled {
            l.addLinks(analysis.links.prefix(Self.drawnLinkLimit).map(\.kind))
        } else {
            l.add(.line("——", color: "#999999"), "reply")
            if let r = reduction, !r.summaries.isEmpty { l.add(.fill(Palette.folded), "+N comments in smaller top-level branches") }
        }
        return l
    }

    /// Streams the DOT text into `out`.
    public func write(to out: TextOutput) {
        switch style {
        case .labelled: writeLabelled(to: out)
        case .radial: writeRadial(to: out)
        }
    }

    private func writeLabelled(to out: TextOutput) {
        let a = analysis
        out.write("digraph \"reply-tree\" {\n")
        out.write("  graph [layout=dot, rankdir=LR, ranksep=0.35, nodesep=0.08, fontname=\"DejaVu Sans\", labelloc=b, labeljust=l, pad=0.2, size=\"20,20\"")
        out.write(", label=\(legend.html())]\n")
        out.write("  node [shape=box, style=\"rounded,filled\", fillcolor=\"\(Palette.plain)\", color=\"#888888\", fontname=\"DejaVu Sans\", fontsize=10, height=0.22, margin=\"0.06,0.02\"]\n")
        out.write("  edge [color=\"#777777\", arrowsize=0.5]\n")
        out.write("  root [label=\"Article\", shape=box, style=\"filled,bold\", fillcolor=\"\(Palette.root)\", fontcolor=\"#ffffff\"]\n")
        for i in a.comments.indices {
            let author = a.network.commentAuthor[i] >= 0 ? a.network.names[Int(a.network.commentAuthor[i])] : "(unknown)"
            let fill = coloring.colors[i]
            var attrs = ["label=\"\(Escaping.dot(a.label(of: i) + ". " + Escaping.excerpt(author, limit: 40)))\"", "tooltip=\"\(Escaping.dot(tooltip(i)))\""]
            if fill != Palette.plain { attrs.append("fillcolor=\"\(fill)\"") }
            if !Palette.isLight(fill) { attrs.append("fontcolor=\"#ffffff\"") }
            if !a.comments[i].status.isDisjoint(with: [.deleted, .removed]) { attrs.append("style=\"rounded,filled,dashed\"") }
            out.write("  c\(i) [\(attrs.joined(separator: ", "))]\n")
        }
        for i in a.comments.indices {
            let p = a.tree.parent[i]
            out.write("  \(p < 0 ? "root" : "c\(p)") -> c\(i)\(a.repairedToRoot[i] ? " [style=dashed]" : "")\n")
        }
        for link in a.links.prefix(Self.drawnLinkLimit) {
            out.write("  c\(link.from) -> c\(link.to) [constraint=false, \(Palette.linkStyle(link.kind))]\n")
        }
        out.write("}\n")
    }

    private func writeRadial(to out: TextOutput) {
        let a = analysis
        let r = reduction!
        let layout = RadialLayout(r, tree: a.tree, radius: Self.radius)
        let largest = Double(1 + (r.held.max() ?? 0))
        /// Dot diameter in inches: area proportional to the comments a dot stands for (0.08 in
        /// for one comment, scaled down so that the largest is at most 0.6 in).
        let unit = min(0.08, 0.6 / largest.squareRoot())
        func width(_ comments: Int) -> String { format(max(0.04, unit * Double(comments).squareRoot())) }
        func pos(_ p: RadialLayout.Point) -> String { "\"\(format(p.x)),\(format(p.y))!\"" }
        out.write("digraph \"reply-tree\" {\n")
        out.write("  graph [layout=nop, splines=false, outputorder=edgesfirst, fontname=\"DejaVu Sans\", labelloc=b, labeljust=l, pad=0.3, size=\"14,16\"")
        out.write(", label=\(legend.html(fontSize: 14))]\n")
        out.write("  node [shape=circle, style=filled, label=\"\", color=\"#00000040\", penwidth=0.3, fixedsize=true]\n")
        out.write("  edge [arrowhead=none, color=\"#00000038\", penwidth=0.6]\n")
        out.write("  root [pos=\"0,0!\", width=0.22, fillcolor=\"\(Palette.root)\", tooltip=\"the article\"]\n")
        for (k, i) in r.drawn.enumerated() {
            let c = Int(i)
            var tip = tooltip(c)
            if r.held[k] > 0 { tip += "\n(holds \(r.held[k]) comment\(r.held[k] == 1 ? "" : "s") below it that are not drawn)" }
            out.write("  c\(c) [pos=\(pos(layout.drawn[k])), width=\(width(1 + r.held[k])), fillcolor=\"\(coloring.colors[c])\", tooltip=\"\(Escaping.dot(tip))\"]\n")
        }
        for (k, s) in r.summaries.enumerated() {
            let tip = "+\(s.comments) comments in \(s.branches) branches"
            out.write("  s\(k) [pos=\(pos(layout.summaries[k])), shape=square, width=0.22, fillcolor=\"\(Palette.folded)\", tooltip=\"\(tip)\", xlabel=\"+\(s.comments)\", fontsize=9, fontname=\"DejaVu Sans\"]\n")
        }
        for i in r.drawn {
            let p = a.tree.parent[Int(i)]
            out.write("  \(p < 0 ? "root" : "c\(p)") -> c\(i)\n")
        }
        for (k, s) in r.summaries.enumerated() {
            out.write("  \(s.parent < 0 ? "root" : "c\(s.parent)") -> s\(k) [style=dotted]\n")
        }
        out.write("}\n")
    }

    /// What hovering comment `i` shows (SVG tooltip, report.html): number and author, time,
    /// depth, replies, score, and the first words of the text.
    func tooltip(_ i: Int) -> String {
        let a = analysis
        let c = a.comments[i]
        let author = a.network.commentAuthor[i] >= 0 ? a.network.names[Int(a.network.commentAuthor[i])] : "(unknown)"
        var s = "\(a.label(of: i)). \(Escaping.excerpt(author, limit: 40))"
        if let t = c.timestamp { s += " · " + TextOutput.text { $0.write(iso8601UTC: t) } }
        s += " · depth \(a.tree.depth[i]) · \(a.tree.replyCount(of: Int32(i))) repl\(a.tree.replyCount(of: Int32(i)) == 1 ? "y" : "ies")"
        if let score = c.score { s += " · score \(score)" }
        let excerpt = Escaping.excerpt(c.text, limit: 100)
        return excerpt.isEmpty ? s : s + "\n" + excerpt
    }

    /// A coordinate or size with at most three decimals, for stable and short DOT.
    func format(_ x: Double) -> String {
        let v = (x * 1000).rounded() / 1000
        return v == v.rounded() ? String(Int(v)) : String(v)
    }
}
