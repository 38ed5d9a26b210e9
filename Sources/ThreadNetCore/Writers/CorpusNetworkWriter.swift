/// Writes the corpus-wide author network (``CorpusNetwork``): every author as CSV, the most
/// active authors as GEXF and GraphML, and a diagram of the top authors as DOT.
///
/// The GEXF, GraphML and DOT files hold the subgraph induced by the most active authors (most
/// comments, ties by name): those authors and every reply edge among them, so that no drawn
/// author loses an edge to another drawn author. Per-author measures in every file are those
/// of the whole network. Reals keep full precision.
public enum CorpusNetworkWriter {
    /// Authors in `corpus-authors.gexf` and `corpus-authors.graphml`.
    public static let exportLimit = 2_000
    /// Authors drawn in `corpus-authors.dot`.
    public static let drawnLimit = 60

    /// The columns of `corpus-authors.csv`.
    public static let header = ["name", "comments", "threads", "repliesGiven", "inDegree", "outDegree", "inStrength", "outStrength",
                                "pageRank", "betweenness", "coreNumber", "clustering", "weakComponent", "community",
                                "harmonicCloseness", "hubScore", "authorityScore", "reciprocity"]

    /// `corpus-network.json`: the corpus's thread and comment counts and every measure of its
    /// author network, as in `metrics.json`'s `corpus.network` but without the growth curve
    /// (which needs every comment's time): the file `threadnet merge` reproduces byte for byte.
    ///
    /// - Parameters:
    ///   - n: the corpus-wide network.
    ///   - comments: comments analyzed over all threads.
    ///   - threads: threads analyzed.
    ///   - out: where the JSON goes.
    public static func json(_ n: CorpusNetwork, comments: Int, threads: Int, to out: TextOutput) {
        let json = JSONOutput(out)
        json.object {
            json.field("comments", comments)
            json.field("network", object: { MetricsJSON.corpusNetwork(n, growth: false, json) })
            json.field("threads", threads)
        }
    }

    /// `corpus-authors.csv`: one row per author, most comments first (ties by name).
    ///
    /// Columns: `name`; `comments`, `threads` (threads written in) and `repliesGiven`
    /// (comments replying to another comment) over the whole corpus; `inDegree`, `outDegree`,
    /// `inStrength`, `outStrength`, `pageRank`, `betweenness`, `coreNumber`, `clustering` as
    /// defined in ``Metrics/authorColumns`` and ``Metrics/authorNetworkColumns``, on the
    /// corpus-wide reply graph; `weakComponent`, the author's weak component numbered by first
    /// author (0 is the component of the first author); `community`; `harmonicCloseness`,
    /// `hubScore`, `authorityScore`, `reciprocity` (empty for an author who replied to no one).
    ///
    /// - Complexity: O(*n* log *n*) for *n* authors.
    public static func csv(_ n: CorpusNetwork, to out: TextOutput) {
        var csv = CSVOutput(out)
        csv.row(header)
        let m = n.measures
        for k in byActivity(n) {
            csv.field(n.names[k])
            csv.field(n.comments[k])
            csv.field(n.threads[k])
            csv.field(n.repliesGiven[k])
            csv.field(m.inDegree[k])
            csv.field(m.outDegree[k])
            csv.field(m.inStrength[k])
            csv.field(m.outStrength[k])
            csv.field(m.pageRank[k])
            csv.field(m.betweenness[k])
            csv.field(m.coreNumber[k])
            csv.field(m.clustering[k])
            csv.field(m.weakComponent[k])
            csv.field(m.community[k])
            csv.field(m.harmonicCloseness[k])
            csv.field(m.hubScore[k])
            csv.field(m.authorityScore[k])
            csv.field(m.reciprocity[k])
            csv.endRow()
        }
    }

    /// Authors by comments descending, ties by name.
    static func byActivity(_ n: CorpusNetwork) -> [Int] { n.byActivity }

    /// The `k` most active authors (ascending ids) and the reply edges among them (by source,
    /// then target).
    public static func induced(_ n: CorpusNetwork, top k: Int) -> (nodes: [Int], edges: [(from: Int, to: Int, weight: Double)]) {
        let nodes = n.top(k) { Double(n.comments[$0]) }.sorted()
        var position = [Int32](repeating: -1, count: n.count)
        for (p, v) in nodes.enumerated() { position[v] = Int32(p) }
        var edges: [(from: Int, to: Int, weight: Double)] = []
        let g = n.graph
        for u in nodes {
            for e in Int(g.outStart[u])..<Int(g.outStart[u + 1]) where position[Int(g.outTarget[e])] >= 0 {
                edges.append((u, Int(g.outTarget[e]), g.outWeight[e]))
            }
        }
        return (nodes, edges)
    }

    /// Node attributes of the exports: id, GEXF type and the value of author `k` as text.
    static func attributes(_ n: CorpusNetwork) -> [(id: String, integer: Bool, value: (Int) -> String)] {
        let m = n.measures
        let real = CSVWriter.real
        return [
            ("comments", true, { String(n.comments[$0]) }),
            ("threads", true, { String(n.threads[$0]) }),
            ("inDegree", true, { String(m.inDegree[$0]) }),
            ("outDegree", true, { String(m.outDegree[$0]) }),
            ("coreNumber", true, { String(m.coreNumber[$0]) }),
            ("weakComponent", true, { String(m.weakComponent[$0]) }),
            ("community", true, { String(m.community[$0]) }),
            ("inStrength", false, { real(m.inStrength[$0]) }),
            ("outStrength", false, { real(m.outStrength[$0]) }),
            ("pageRank", false, { real(m.pageRank[$0]) }),
            ("betweenness", false, { real(m.betweenness[$0]) }),
            ("harmonicCloseness", false, { real(m.harmonicCloseness[$0]) }),
            ("hubScore", false, { real(m.hubScore[$0]) }),
            ("authorityScore", false, { real(m.authorityScore[$0]) }),
        ]
    }

    /// `corpus-authors.gexf`: GEXF 1.3, the ``exportLimit`` most active authors and the reply
    /// edges among them (weight = replies), node ids `a<corpus author id>`, the attributes of
    /// `corpus-authors.csv`.
    public static func gexf(_ n: CorpusNetwork, title: String, limit: Int = exportLimit, to out: TextOutput) {
        let (nodes, edges) = induced(n, top: limit)
        let attrs = attributes(n)
        let what = nodes.count < n.count ? "Corpus-wide author network: the \(nodes.count) most active of \(n.count) authors" : "Corpus-wide author network"
        out += """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" version="1.3">
          <meta>
            <creator>ThreadNet \(Escaping.xml(ThreadNetVersion.current))</creator>
            <description>\(Escaping.xml(what + " of " + title))</description>
          </meta>
          <graph mode="static" defaultedgetype="directed">
            <attributes class="node">

        """
        for a in attrs { out += "      <attribute id=\"\(a.id)\" title=\"\(a.id)\" type=\"\(a.integer ? "integer" : "double")\"/>\n" }
        out += "    </attributes>\n    <nodes count=\"\(nodes.count)\">\n"
        for k in nodes {
            out += "      <node id=\"a\(k)\" label=\"\(Escaping.xml(n.names[k]))\">\n        <attvalues>\n"
            for a in attrs { out += "          <attvalue for=\"\(a.id)\" value=\"\(a.value(k))\"/>\n" }
            out += "        </attvalues>\n      </node>\n"
        }
        out += "    </nodes>\n    <edges count=\"\(edges.count)\">\n"
        for (i, e) in edges.enumerated() {
            out += "      <edge id=\"e\(i)\" source=\"a\(e.from)\" target=\"a\(e.to)\" weight=\"\(Int(e.weight))\"/>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
    }

    /// `corpus-authors.graphml`: the same subgraph as ``gexf(_:title:limit:to:)``, node data
    /// `name` and the attributes of `corpus-authors.csv`, edge data `weight`.
    public static func graphML(_ n: CorpusNetwork, limit: Int = exportLimit, to out: TextOutput) {
        let (nodes, edges) = induced(n, top: limit)
        let attrs = attributes(n)
        out += """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
          <key id="name" for="node" attr.name="name" attr.type="string"/>

        """
        for a in attrs { out += "  <key id=\"\(a.id)\" for=\"node\" attr.name=\"\(a.id)\" attr.type=\"\(a.integer ? "int" : "double")\"/>\n" }
        out += "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
        out += "  <graph id=\"corpus-authors\" edgedefault=\"directed\">\n"
        for k in nodes {
            out += "    <node id=\"a\(k)\">\n      <data key=\"name\">\(Escaping.xml(n.names[k]))</data>\n"
            for a in attrs { out += "      <data key=\"\(a.id)\">\(a.value(k))</data>\n" }
            out += "    </node>\n"
        }
        for (i, e) in edges.enumerated() {
            out += "    <edge id=\"e\(i)\" source=\"a\(e.from)\" target=\"a\(e.to)\">\n      <data key=\"weight\">\(Int(e.weight))</data>\n    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
    }

    /// Reply edges drawn in `corpus-authors.dot`: the heaviest of those among the drawn authors.
    public static let drawnEdgeLimit = 150

    /// `corpus-authors.dot`: the ``drawnLimit`` most active authors and the heaviest
    /// ``drawnEdgeLimit`` reply edges among them (most replies first, ties by the authors'
    /// numbers), plus the heaviest edge of every drawn author who has one among them but none
    /// in that cut (so no one is drawn without an edge they have), laid out with `sfdp`; node area grows with comments (width ∝ √comments), edge
    /// width with replies relative to the heaviest edge; the title says how many authors and
    /// edges of the whole are shown. The most active authors of a large corpus tend to reply to
    /// each other nearly all, so drawing every edge among them would hide the structure.
    public static func dot(_ n: CorpusNetwork, limit: Int = drawnLimit, edgeLimit: Int = drawnEdgeLimit, to out: TextOutput) {
        let (nodes, among) = induced(n, top: limit)
        let ranked = among.indices.sorted { among[$0].weight != among[$1].weight ? among[$0].weight > among[$1].weight : $0 < $1 }
        // The heaviest edges, then each drawn author's heaviest edge when none of theirs made
        // the cut, so that no author with an edge among the drawn ones is drawn alone.
        var keep = Set(ranked.prefix(edgeLimit))
        var touched = Set<Int>()
        for i in keep { touched.insert(among[i].from); touched.insert(among[i].to) }
        for i in ranked where !keep.contains(i) && (!touched.contains(among[i].from) || !touched.contains(among[i].to)) {
            keep.insert(i)
            touched.insert(among[i].from)
            touched.insert(among[i].to)
        }
        let edges = keep.sorted().map { among[$0] }
        let maxComments = nodes.map { Double(n.comments[$0]) }.max() ?? 1
        let maxWeight = edges.map(\.weight).max() ?? 1
        let shownEdges = edges.count < among.count ? "the \(edges.count) heaviest of the \(among.count) reply edges among them (each drawn author keeps at least their heaviest)" : "the \(among.count) reply edges among them"
        var legend = DiagramLegend(title: "Corpus-wide author network: the \(nodes.count) most active of \(n.count) authors")
        legend.notes.append("\(shownEdges) (\(n.graph.edgeCount) reply edges in the whole network, all in corpus-authors.csv and .gexf)")
        legend.notes.append("node size grows with √comments written (largest: \(Int(maxComments))); edge width ∝ replies (widest: \(Int(maxWeight)))")
        legend.add(.fill("#80b1d3"), "author (label: name, comments)")
        legend.add(.line("——", color: "#333333"), "replies, replier → replied-to")
        out += "digraph \"corpus-authors\" {\n"
        out += "  graph [layout=sfdp, overlap=prism, overlap_scaling=-4, sep=\"+8\", size=\"14,14\", fontname=\"DejaVu Sans\", labelloc=b, labeljust=l, pad=0.3, label=\(legend.html(fontSize: 22))]\n"
        out += "  node [shape=circle, style=filled, fillcolor=\"#80b1d3\", color=\"#4a6f8a\", fontname=\"DejaVu Sans\", fixedsize=true]\n"
        out += "  edge [color=\"#33333399\", arrowsize=0.6]\n"
        for k in nodes {
            let scale = (Double(n.comments[k]) / maxComments).squareRoot()
            let width = ((0.6 + 1.0 * scale) * 100).rounded() / 100
            let font = Int((11 + 7 * scale).rounded())
            out += "  a\(k) [label=\"\(Escaping.dot(Escaping.excerpt(n.names[k], limit: 18)))\\n\(n.comments[k])\", width=\(width), fontsize=\(font)]\n"
        }
        for e in edges.sorted(by: { ($0.from, $0.to) < ($1.from, $1.to) }) {
            let pen = ((0.6 + 4.4 * e.weight / maxWeight) * 100).rounded() / 100
            out += "  a\(e.from) -> a\(e.to) [penwidth=\(pen)]\n"
        }
        out += "}\n"
    }
}

import Foundation
