/// Writes the two-mode author × topic network as undirected DOT for `neato`: authors as
/// boxes, topics as ellipses, an edge where an author wrote at least one comment carrying the
/// topic.
///
/// At most ``drawnAuthorLimit`` authors (most comments carrying any topic, then name) and
/// ``drawnTopicLimit`` topics (most comments by known authors, then name) are drawn; the title
/// says how many of how many. Scales, stated in the title: edge width 1 + 5 · (*x* − 1) /
/// (max *x* − 1) points for *x* comments by the author carrying the topic (3 when every *x* is
/// equal); topic font size 10 + 14 · comments / max comments points. When more than
/// ``denseEdgeCount`` pairs would be drawn, pairs with one comment are left out (the title says
/// so); `topics.csv`/`topics.json` hold them all. Names pass through
/// ``Escaping/dot(_:)``; the same table gives the same bytes.
public enum AuthorTopicDOT {
    /// The most authors drawn.
    public static let drawnAuthorLimit = 40
    /// The most topics drawn.
    public static let drawnTopicLimit = 30
    /// Above this many drawn author–topic pairs, pairs with a single comment are left out.
    public static let denseEdgeCount = 150

    /// The DOT text.
    ///
    /// - Complexity: O(*x* + *a* log *a* + *t* log *t*) for *x* cells, *a* authors, *t* topics.
    /// Above this many edges they are drawn straight.
    public static let curvedEdgeLimit = 120

    public static func write(_ table: AuthorTopicTable) -> String {
        var authorTotal = [Int](repeating: 0, count: table.authors.count)
        for c in table.cells { authorTotal[Int(c.author)] += c.comments }
        let authors = table.authors.indices.filter { authorTotal[$0] > 0 }
            .sorted { (authorTotal[$1], table.authors[$0], $0) < (authorTotal[$0], table.authors[$1], $1) }
        let topics = table.topics.indices.filter { table.topicComments[$0] > 0 }
            .sorted { (table.topicComments[$1], table.topics[$0], $0) < (table.topicComments[$0], table.topics[$1], $1) }
        let shownAuthors = Set(authors.prefix(drawnAuthorLimit)), shownTopics = Set(topics.prefix(drawnTopicLimit))
        var cells = table.cells.filter { shownAuthors.contains(Int($0.author)) && shownTopics.contains(Int($0.topic)) }
        let thinned = cells.count > denseEdgeCount
        if thinned { cells.removeAll { $0.comments < 2 } }
        let maxCell = cells.map(\.comments).max() ?? 1
        let maxTopic = max(1, shownTopics.map { table.topicComments[$0] }.max() ?? 1)

        let title = "Authors and topics: \(shownAuthors.count) of \(authors.count) authors, \(shownTopics.count) of \(topics.count) topics (those with comments by known authors)"
        var scales = "Width = the author's comments carrying the topic (1 to 6 pt, linear); topic font = its comments (10 to 24 pt, linear)"
        if thinned { scales += "; with more than \(denseEdgeCount) pairs, only authors with 2 or more comments on a topic are linked to it" }
        var out = "graph \"author_topics\" {\n"
        // Curved edges around nodes cost neato seconds on a few hundred edges; straight lines
        // read as well in a two-mode picture that large.
        let splines = cells.count > Self.curvedEdgeLimit ? "line" : "true"
        out += "  graph [layout=neato, overlap=prism, overlap_scaling=2, sep=\"+8\", splines=\(splines), outputorder=edgesfirst, size=\"30,30\", fontname=\"DejaVu Sans\", fontsize=12, labelloc=t, labeljust=l, pad=0.3"
        out += ", label=\"\(Escaping.dot(title))\\l\(Escaping.dot(scales))\\l\"]\n"
        out += "  node [fontname=\"DejaVu Sans\", color=\"#666666\", style=filled]\n"
        out += "  edge [color=\"#55555599\"]\n"
        for u in shownAuthors.sorted() {
            out += "  a\(u) [shape=box, fillcolor=\"#e8e8e8\", fontsize=10, label=\"\(Escaping.dot(Escaping.excerpt(table.authors[u], limit: 40)))\"]\n"
        }
        for t in shownTopics.sorted() {
            let size = 10 + 14 * Double(table.topicComments[t]) / Double(maxTopic)
            out += "  t\(t) [shape=ellipse, fillcolor=\"\(Palette.plain)\", fontsize=\(TopicsDOT.format(size)), label=\"\(Escaping.dot(Escaping.excerpt(table.topics[t], limit: 40)))\\n\(table.topicComments[t])\"]\n"
        }
        for c in cells {
            let width = maxCell > 1 ? 1 + 5 * Double(c.comments - 1) / Double(maxCell - 1) : 3
            out += "  a\(c.author) -- t\(c.topic) [penwidth=\(TopicsDOT.format(width))]\n"
        }
        out += "}\n"
        return out
    }
}
