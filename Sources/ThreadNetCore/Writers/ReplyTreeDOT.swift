/// Writes a thread's reply tree as DOT: the root post, one node per comment labelled with its
/// number and author, edges from parent to reply, repeat posters filled with their colour.
/// Mentions, quotes and numeric references between comments are drawn as extra edges that do
/// not move the layout (``Palette/linkStyle(_:)``), up to ``drawnLinkLimit`` of them.
///
/// Small trees are laid out left to right with `dot` so the thread reads top to bottom like
/// the page; trees of more than ``largeTree`` comments use `sfdp` with unlabelled points,
/// because no one can read ten thousand labels.
public enum ReplyTreeDOT {
    /// Above this many comments nodes become points and the layout `sfdp`.
    public static let largeTree = 1500
    /// At most this many typed links are drawn (the first in comment order); all are in metrics.json.
    public static let drawnLinkLimit = 200

    /// - Parameter colors: fill per author name (``Palette/sharedColors(_:)`` for pictures
    ///   that must agree across threads); nil colours this thread's repeat posters.
    public static func write(_ a: ThreadAnalysis, colors: [String: String]? = nil) -> String {
        let shared = colors != nil
        let colors = colors ?? Palette.repeatPosterColors(a)
        let large = a.comments.count > largeTree
        var out = "digraph \"reply-tree\" {\n"
        out += "  graph [layout=\(large ? "sfdp" : "dot"), rankdir=LR, ranksep=0.35, nodesep=0.08, fontname=\"DejaVu Sans\", fontsize=12, labelloc=t, labeljust=l, pad=0.2, size=\"60,60\""
        out += ", label=\"Reply tree: \(Escaping.dot(Escaping.excerpt(a.thread.title, limit: 70)))\\n\(a.comments.count) comments; colour marks authors with 2 or more comments\(shared ? " or in several threads" : "")\(a.links.isEmpty || large ? "" : "; " + Palette.linkLegend(a.links.map(\.kind)))\"]\n"
        if large {
            out += "  graph [overlap=false, outputorder=edgesfirst, size=\"30,30\"]\n"
            out += "  node [shape=point, width=0.06, color=\"#555555\"]\n"
            out += "  edge [arrowhead=none, color=\"#00000040\"]\n"
        } else {
            out += "  node [shape=box, style=\"rounded,filled\", fillcolor=\"\(Palette.plain)\", color=\"#888888\", fontname=\"DejaVu Sans\", fontsize=10, height=0.22, margin=\"0.06,0.02\"]\n"
            out += "  edge [color=\"#777777\", arrowsize=0.5]\n"
        }
        out += "  root [label=\"Article\", shape=box, style=\"filled,bold\", fillcolor=\"\(Palette.root)\"\(large ? ", width=0.3" : "")]\n"
        for i in a.comments.indices {
            let author = a.network.commentAuthor[i] >= 0 ? a.network.names[Int(a.network.commentAuthor[i])] : nil
            var attrs: [String] = []
            if !large {
                let who = author ?? "(unknown)"
                attrs.append("label=\"\(Escaping.dot(a.label(of: i) + ". " + Escaping.excerpt(who, limit: 40)))\"")
            }
            if let author, let color = colors[author] {
                attrs.append(large ? "color=\"\(color)\"" : "fillcolor=\"\(color)\"")
            }
            if !a.comments[i].status.isDisjoint(with: [.deleted, .removed]) { attrs.append("style=\"rounded,filled,dashed\"") }
            out += "  c\(i)" + (attrs.isEmpty ? "" : " [\(attrs.joined(separator: ", "))]") + "\n"
        }
        for i in a.comments.indices {
            let p = a.tree.parent[i]
            out += "  \(p < 0 ? "root" : "c\(p)") -> c\(i)\(a.repairedToRoot[i] ? " [style=dashed]" : "")\n"
        }
        if !large {
            for link in a.links.prefix(drawnLinkLimit) {
                out += "  c\(link.from) -> c\(link.to) [constraint=false, \(Palette.linkStyle(link.kind))]\n"
            }
        }
        out += "}\n"
        return out
    }
}
