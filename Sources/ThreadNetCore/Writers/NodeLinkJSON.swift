/// Writes a thread's reply graph between authors as node-link JSON, the format of networkx's
/// `node_link_data` / `node_link_graph` and of d3.
///
/// ```python
/// import json, networkx as nx
/// g = nx.node_link_graph(json.load(open("authors.json")), edges="links")
/// nx.pagerank(g, weight="weight")   # equals metrics.json's pageRank
/// ```
///
/// Layout: `directed` true, `multigraph` false, `graph` (`name`: the thread's title),
/// `nodes[]` (one per known author in author-id order: `id` = the name, then `comments`,
/// `inDegree`, `outDegree`, `inStrength`, `outStrength`, `pageRank`, `betweenness`,
/// `coreNumber`, `community`, `clustering`) and `links[]` (one per reply edge between different authors:
/// `source`, `target`, `weight` in replies, `kind` = `reply`). Self-replies, mentions, quotes
/// and references are not links: this is the graph whose measures `metrics.json` reports.
/// Keys are written in a fixed order, so the same input gives the same bytes.
///
/// - Complexity: O(*a* + *e*) for *a* authors and *e* edges.
public enum NodeLinkJSON {
    public static func write(_ m: ThreadMetrics, to out: TextOutput) {
        let a = m.analysis, net = a.network, n = m.network, stats = m.authorStats
        let json = JSONOutput(out)
        json.object {
            json.field("directed", true)
            json.field("graph", inlineObject: { json.field("name", a.thread.title) })
            json.field("links", array: {
                for e in net.edges where e.kind == .reply && e.from != e.to {
                    json.object(inline: true) {
                        json.field("kind", "reply")
                        json.field("source", net.names[Int(e.from)])
                        json.field("target", net.names[Int(e.to)])
                        json.field("weight", e.weight)
                    }
                }
            })
            json.field("multigraph", false)
            json.field("nodes", array: {
                for k in stats.indices {
                    json.object(inline: true) {
                        json.field("authorityScore", n.authorityScore[k])
                        json.field("betweenness", n.betweenness[k])
                        json.field("clustering", n.clustering[k])
                        json.field("comments", stats[k].comments)
                        json.field("community", n.community[k])
                        json.field("coreNumber", n.coreNumber[k])
                        json.field("harmonicCloseness", n.harmonicCloseness[k])
                        json.field("hubScore", n.hubScore[k])
                        json.field("id", net.names[k])
                        json.field("inDegree", stats[k].inDegree)
                        json.field("inStrength", n.inStrength[k])
                        json.field("outDegree", stats[k].outDegree)
                        json.field("outStrength", n.outStrength[k])
                        json.field("pageRank", n.pageRank[k])
                        json.field("reciprocity", n.reciprocity[k].isFinite ? n.reciprocity[k] : nil)
                    }
                }
            })
        }
    }
}
