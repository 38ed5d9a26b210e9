import Foundation

/// Writes a thread's author network, or its reply tree, as GEXF 1.3 (Gephi's format).
///
/// The output is a static, directed graph in the namespace `http://gexf.net/1.3` that
/// validates against the official schema (`gexf.xsd` 1.3). `<meta>` names the creator
/// (`ThreadNet <version>`) and the thread; it carries no `lastmodifieddate`, so the same
/// input gives the same bytes. Every name and title is escaped with ``Escaping/xml(_:)``; XML
/// normalizes a newline inside an attribute to a space, so a label read back has spaces
/// where the name had line breaks.
///
/// ```swift
/// let gexf = GEXFWriter.write(analysis)            // authors: nodes a0…, edges e0…
/// let tree = GEXFWriter.writeReplyTree(analysis)   // comments: root, c0…
/// ```
public enum GEXFWriter {
    /// The author network.
    ///
    /// - Nodes: one per known author, ids `a0` … `a`*n−1* in author-id (first appearance)
    ///   order, `label` = the author's name. Node attributes (all `integer`, declared in
    ///   `<attributes class="node">`, id = title = the column id of ``Metrics/authorColumns``):
    ///   `comments` (comments written), `repliesGiven` and `repliesReceived` (direct replies,
    ///   in comments), `inDegree` and `outDegree` (distinct other authors over reply edges,
    ///   self-replies excluded), `weightedDegree` (sum of reply-edge weights in and out, in
    ///   replies; a self-reply loop counts twice). Mention edges do not enter these figures.
    /// - Edges: one per ``AuthorNetwork/edges`` entry, in that order, ids `e0` …; `source` is
    ///   the replying author, `target` the author replied to (self-replies are loops);
    ///   `weight` = number of such comments. The kind (`reply` or `mention`) is written twice:
    ///   as GEXF 1.3's native `kind` attribute, which lets Gephi keep a reply and a mention
    ///   edge between the same pair apart instead of merging them, and as the `string` edge
    ///   attribute `kind` for tools that read only `<attvalues>`.
    ///
    ///   With `metrics`, the node attributes go on with `words`, `coreNumber` and `community` (`integer`)
    ///   and `pageRank`, `betweenness`, `inStrength`, `outStrength`, `harmonicCloseness`,
    ///   `hubScore`, `authorityScore` (`double`), as defined in
    ///   ``Metrics/authorParticipationColumns`` and ``Metrics/authorNetworkColumns``.
    ///
    /// - Complexity: O(*a* + *e*) for *a* authors and *e* edges (plus O(*n*) for the per-author figures).
    ///
    /// With `repliesOnly` (`authors-replies.gexf`) only the reply edges between different
    /// authors are written: the graph whose measures `metrics.json` reports, so a PageRank
    /// recomputed from the file equals ThreadNet's.
    public static func write(_ a: ThreadAnalysis, metrics: ThreadMetrics? = nil, repliesOnly: Bool = false) -> String {
        TextOutput.text { write(a, metrics: metrics, repliesOnly: repliesOnly, to: $0) }
    }

    /// Streams ``write(_:metrics:repliesOnly:)`` into `out`.
    public static func write(_ a: ThreadAnalysis, metrics: ThreadMetrics? = nil, repliesOnly: Bool = false, to out: TextOutput) {
        let net = a.network
        let edges = repliesOnly ? net.edges.filter { $0.kind == .reply && $0.from != $0.to } : net.edges
        let stats = metrics?.authorStats ?? Metrics.authorStats(a)
        out += header(description: "Author network", of: a)
        out += "    <attributes class=\"node\">\n"
        for f in CSVWriter.authorFields {
            out += "      <attribute id=\"\(f.definition.id)\" title=\"\(f.definition.id)\" type=\"integer\"/>\n"
        }
        let extra = metrics.map(metricAttributes) ?? []
        for x in extra {
            out += "      <attribute id=\"\(x.id)\" title=\"\(x.id)\" type=\"\(x.type)\"/>\n"
        }
        out += "    </attributes>\n"
        out += "    <attributes class=\"edge\">\n"
        out += "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
        out += "    </attributes>\n"
        out += "    <nodes count=\"\(net.count)\">\n"
        let fieldIDs = CSVWriter.authorFields.map(\.definition.id), fieldValues = CSVWriter.authorFieldValues
        for i in stats.indices {
            out.write("      <node id=\"a" as StaticString); out.write(i)
            out.write("\" label=\"" as StaticString); out.write(xml: net.names[i]); out.write("\">\n        <attvalues>\n" as StaticString)
            for (k, id) in fieldIDs.enumerated() {
                out.write("          <attvalue for=\"" as StaticString); out.write(id)
                out.write("\" value=\"" as StaticString); out.write(fieldValues[k](stats[i])); out.write("\"/>\n" as StaticString)
            }
            for x in extra {
                out.write("          <attvalue for=\"" as StaticString); out.write(x.id)
                out.write("\" value=\"" as StaticString); x.write(i, out); out.write("\"/>\n" as StaticString)
            }
            out.write("        </attvalues>\n      </node>\n" as StaticString)
        }
        out += "    </nodes>\n"
        out += "    <edges count=\"\(edges.count)\">\n"
        for (i, e) in edges.enumerated() {
            out.write("      <edge id=\"e" as StaticString); out.write(i)
            out.write("\" source=\"a" as StaticString); out.write(e.from)
            out.write("\" target=\"a" as StaticString); out.write(e.to)
            out.write("\" weight=\"" as StaticString); out.write(e.weight)
            out.write("\" kind=\"" as StaticString); out.write(e.kind.rawValue)
            out.write("\">\n        <attvalues>\n          <attvalue for=\"kind\" value=\"" as StaticString); out.write(e.kind.rawValue)
            out.write("\"/>\n        </attvalues>\n      </edge>\n" as StaticString)
        }
        out += "    </edges>\n" + footer
    }

    /// The per-author metric attributes: id, GEXF type, and a writer of author `i`'s value
    /// (whole numbers as integers, reals in full precision).
    static func metricAttributes(_ m: ThreadMetrics) -> [(id: String, type: String, write: (Int, TextOutput) -> Void)] {
        let n = m.network, p = m.participation.perAuthor
        return [
            ("words", "integer", { $1.write(p[$0].words) }),
            ("coreNumber", "integer", { $1.write(n.coreNumber[$0]) }),
            ("community", "integer", { $1.write(n.community[$0]) }),
            ("pageRank", "double", { $1.write(n.pageRank[$0]) }),
            ("betweenness", "double", { $1.write(n.betweenness[$0]) }),
            ("inStrength", "double", { $1.write(n.inStrength[$0]) }),
            ("outStrength", "double", { $1.write(n.outStrength[$0]) }),
            ("harmonicCloseness", "double", { $1.write(n.harmonicCloseness[$0]) }),
            ("hubScore", "double", { $1.write(n.hubScore[$0]) }),
            ("authorityScore", "double", { $1.write(n.authorityScore[$0]) }),
        ]
    }

    /// The reply tree.
    ///
    /// - Nodes: `root` (the root post, label `Article`) and one per analyzed comment, ids
    ///   `c0` … `c`*n−1* in source order, label `<label>. <author>` (the comment's number as in
    ///   ``ThreadAnalysis/label(of:)``, then the author's name or `(unknown)` for the unknown
    ///   bucket). Node attributes (`integer`): `depth` (levels: the root post 0, a top-level
    ///   comment 1) and `repliesReceived` (direct replies, in comments; for `root`, the
    ///   comments attached to the root post, orphan replies included), `score` where the
    ///   source has one; `string` attributes `sourceID` (the id in the input), `author` (absent
    ///   for the unknown bucket), `time` (ISO 8601, UTC; absent when unknown) and `status`
    ///   (the flags joined by `;`, `post` for the root; absent for an ordinary comment).
    /// - Edges: one per comment, id `e`*i* for comment *i*, from its parent (`root` or `c`*p*)
    ///   to the reply, weight 1.
    ///
    /// - Complexity: O(*n*) for *n* comments.
    ///
    /// With `dynamic` the graph is dynamic (`mode="dynamic"`, `timeformat="dateTime"`): each
    /// timed node and edge has a `start` (the comment's time; the root post's when known), so
    /// Gephi's timeline plays the discussion; untimed ones are there throughout.
    public static func writeReplyTree(_ a: ThreadAnalysis, dynamic: Bool = false) -> String {
        TextOutput.text { writeReplyTree(a, dynamic: dynamic, to: $0) }
    }

    /// Streams ``writeReplyTree(_:dynamic:)`` into `out`.
    public static func writeReplyTree(_ a: ThreadAnalysis, dynamic: Bool = false, to out: TextOutput) {
        let net = a.network
        out += header(description: "Reply tree", of: a, dynamic: dynamic)
        out += "    <attributes class=\"node\">\n"
        out += "      <attribute id=\"depth\" title=\"depth\" type=\"integer\"/>\n"
        out += "      <attribute id=\"repliesReceived\" title=\"repliesReceived\" type=\"integer\"/>\n"
        out += "      <attribute id=\"sourceID\" title=\"sourceID\" type=\"string\"/>\n"
        out += "      <attribute id=\"author\" title=\"author\" type=\"string\"/>\n"
        out += "      <attribute id=\"time\" title=\"time\" type=\"string\"/>\n"
        out += "      <attribute id=\"status\" title=\"status\" type=\"string\"/>\n"
        out += "      <attribute id=\"score\" title=\"score\" type=\"integer\"/>\n"
        out += "    </attributes>\n"
        out += "    <nodes count=\"\(a.comments.count + 1)\">\n"
        func node(_ id: StaticString, _ number: Int?, label: () -> Void, depth: Int32, replies: Int,
                  sourceID: String, author: String?, time: Date?, status: String, score: Int?) {
            out.write("      <node id=\"" as StaticString); out.write(id)
            if let number { out.write(number) }
            if dynamic, let time { out.write("\" start=\"" as StaticString); out.write(iso8601UTC: time) }
            out.write("\" label=\"" as StaticString); label()
            out.write("\">\n        <attvalues>\n          <attvalue for=\"depth\" value=\"" as StaticString); out.write(depth)
            out.write("\"/>\n          <attvalue for=\"repliesReceived\" value=\"" as StaticString); out.write(replies)
            out.write("\"/>\n          <attvalue for=\"sourceID\" value=\"" as StaticString); out.write(xml: sourceID)
            if let author { out.write("\"/>\n          <attvalue for=\"author\" value=\"" as StaticString); out.write(xml: author) }
            if let time { out.write("\"/>\n          <attvalue for=\"time\" value=\"" as StaticString); out.write(iso8601UTC: time) }
            if !status.isEmpty { out.write("\"/>\n          <attvalue for=\"status\" value=\"" as StaticString); out.write(status) }
            if let score { out.write("\"/>\n          <attvalue for=\"score\" value=\"" as StaticString); out.write(score) }
            out.write("\"/>\n        </attvalues>\n      </node>\n" as StaticString)
        }
        let root = a.thread.root
        node("root", nil, label: { out.write("Article" as StaticString) }, depth: 0, replies: a.tree.topLevel.count,
             sourceID: root.id ?? a.thread.id, author: root.author.trimmed.isEmpty ? nil : root.author.trimmed, time: root.timestamp,
             status: "post", score: root.score)
        for i in a.comments.indices {
            let author = net.commentAuthor[i]
            let name = author >= 0 ? net.names[Int(author)] : nil
            node("c", i, label: {
                out.write(xml: a.label(of: i))
                out.write(". " as StaticString)
                if let name { out.write(xml: name) } else { out.write("(unknown)" as StaticString) }
            }, depth: a.tree.depth[i], replies: a.tree.replyCount(of: Int32(i)),
               sourceID: a.comments[i].id, author: name, time: a.comments[i].timestamp,
               status: a.comments[i].status.flagNames.joined(separator: ";"), score: a.comments[i].score)
        }
        out += "    </nodes>\n"
        out += "    <edges count=\"\(a.comments.count)\">\n"
        for i in a.comments.indices {
            let p = a.tree.parent[i]
            out.write("      <edge id=\"e" as StaticString); out.write(i)
            if p < 0 { out.write("\" source=\"root" as StaticString) } else { out.write("\" source=\"c" as StaticString); out.write(p) }
            out.write("\" target=\"c" as StaticString); out.write(i)
            if dynamic, let time = a.comments[i].timestamp { out.write("\" start=\"" as StaticString); out.write(iso8601UTC: time) }
            out.write("\" weight=\"1\"/>\n" as StaticString)
        }
        out += "    </edges>\n" + footer
    }

    /// The prolog, `<meta>` (creator; `what` and the thread's title as the description) and
    /// the opening `<graph>` tag.
    static func header(description what: String, of a: ThreadAnalysis, dynamic: Bool = false) -> String {
        let description = a.thread.title.isEmpty ? what : what + " of the thread: " + a.thread.title
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" version="1.3">
          <meta>
            <creator>ThreadNet \(Escaping.xml(ThreadNetVersion.current))</creator>
            <description>\(Escaping.xml(description))</description>
          </meta>
          <graph mode="\(dynamic ? "dynamic\" timeformat=\"dateTime" : "static")" defaultedgetype="directed">

        """
    }

    static let footer = "  </graph>\n</gexf>\n"
}
