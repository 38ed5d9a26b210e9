/// Writes a thread's author network as GraphML (yEd, networkx, igraph, Cytoscape).
///
/// One directed graph (`edgedefault="directed"`, id `authors`) in the namespace
/// `http://graphml.graphdrawing.org/xmlns`, with `<key>` declarations for every value written.
/// Names are element content escaped with ``Escaping/xml(_:)``, so line breaks in a name
/// survive a round trip. The same input gives the same bytes.
///
/// ```swift
/// let graphml = GraphMLWriter.write(analysis)
/// ```
public enum GraphMLWriter {
    /// The author network.
    ///
    /// - Nodes: one per known author, ids `a0` … `a`*n−1* in author-id (first appearance)
    ///   order. Node data: `name` (`string`, the author's name, trimmed), then the `int` keys
    ///   of ``Metrics/authorColumns``: `comments` (comments written), `repliesGiven` and
    ///   `repliesReceived` (direct replies, in comments), `inDegree` and `outDegree` (distinct
    ///   other authors over reply edges, self-replies excluded), `weightedDegree` (sum of
    ///   reply-edge weights in and out, in replies; a self-reply loop counts twice). Mention
    ///   edges do not enter these figures.
    /// - Edges: one per ``AuthorNetwork/edges`` entry, in that order, ids `e0` …; `source` is
    ///   the replying author, `target` the author replied to (self-replies are loops). Edge
    ///   data: `weight` (`int`, number of such comments) and `kind` (`string`, `reply` or
    ///   `mention`); a pair can have one edge of each kind.
    ///
    /// With `metrics`, nodes also carry `words`, `coreNumber` and `community` (`int`) and `pageRank`,
    /// `betweenness`, `inStrength`, `outStrength`, `harmonicCloseness`, `hubScore`,
    /// `authorityScore` (`double`), as in `authors.gexf`.
    ///
    /// Key ids equal their `attr.name`, so `<data key="weight">` reads as the attribute `weight`.
    ///
    /// - Complexity: O(*a* + *e*) for *a* authors and *e* edges (plus O(*n*) for the per-author figures).
    ///
    /// With `repliesOnly` (`authors-replies.graphml`) only the reply edges between different
    /// authors: the graph `metrics.json` measures.
    public static func write(_ a: ThreadAnalysis, metrics: ThreadMetrics? = nil, repliesOnly: Bool = false) -> String {
        TextOutput.text { write(a, metrics: metrics, repliesOnly: repliesOnly, to: $0) }
    }

    /// Streams ``write(_:metrics:repliesOnly:)`` into `out`.
    public static func write(_ a: ThreadAnalysis, metrics: ThreadMetrics? = nil, repliesOnly: Bool = false, to out: TextOutput) {
        let extra = metrics.map(GEXFWriter.metricAttributes) ?? []
        let net = a.network
        let edges = repliesOnly ? net.edges.filter { $0.kind == .reply && $0.from != $0.to } : net.edges
        let stats = metrics?.authorStats ?? Metrics.authorStats(a)
        out += """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="name" for="node" attr.name="name" attr.type="string"/>

            """
        for f in CSVWriter.authorFields {
            out += "  <key id=\"\(f.definition.id)\" for=\"node\" attr.name=\"\(f.definition.id)\" attr.type=\"int\"/>\n"
        }
        for x in extra {
            out += "  <key id=\"\(x.id)\" for=\"node\" attr.name=\"\(x.id)\" attr.type=\"\(x.type == "integer" ? "int" : "double")\"/>\n"
        }
        out += "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
        out += "  <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
        out += "  <graph id=\"authors\" edgedefault=\"directed\">\n"
        let fieldIDs = CSVWriter.authorFields.map(\.definition.id), fieldValues = CSVWriter.authorFieldValues
        for i in stats.indices {
            out.write("    <node id=\"a" as StaticString); out.write(i)
            out.write("\">\n      <data key=\"name\">" as StaticString); out.write(xml: net.names[i]); out.write("</data>\n" as StaticString)
            for (k, id) in fieldIDs.enumerated() {
                out.write("      <data key=\"" as StaticString); out.write(id); out.write("\">" as StaticString)
                out.write(fieldValues[k](stats[i])); out.write("</data>\n" as StaticString)
            }
            for x in extra {
                out.write("      <data key=\"" as StaticString); out.write(x.id); out.write("\">" as StaticString)
                x.write(i, out); out.write("</data>\n" as StaticString)
            }
            out.write("    </node>\n" as StaticString)
        }
        for (i, e) in edges.enumerated() {
            out.write("    <edge id=\"e" as StaticString); out.write(i)
            out.write("\" source=\"a" as StaticString); out.write(e.from)
            out.write("\" target=\"a" as StaticString); out.write(e.to)
            out.write("\">\n      <data key=\"weight\">" as StaticString); out.write(e.weight)
            out.write("</data>\n      <data key=\"kind\">" as StaticString); out.write(e.kind.rawValue)
            out.write("</data>\n    </edge>\n" as StaticString)
        }
        out += "  </graph>\n</graphml>\n"
    }
}
