import Foundation

/// Writes the topic co-occurrence network as undirected DOT for `neato`.
///
/// The edges are those the ``EdgeSelection`` keeps (at most ``drawnEdgeLimit``, strongest
/// first); the nodes are their topics. When no pair meets the rule, the ``fallbackTopicLimit``
/// most frequent topics are drawn without edges. Scales, stated in the diagram's title:
/// - node size: font size 10 + 14 · *n_i* / max *n_i* points (linear in the units that hold the
///   topic), the label giving the topic and *n_i*;
/// - edge width: 1 + 5 · (*v* − *v*min) / (*v*max − *v*min) points for the rule's measure *v*
///   over the edges drawn (3 when all are equal); for the p-value *v* = −log₁₀ *p*, so smaller
///   p-values draw wider.
///
/// Nested topics (`immigration/enforcement`) that share a parent with another drawn topic are
/// filled with one colour per parent (``Palette/fills``); other topics are white. Names pass
/// through ``Escaping/dot(_:)``; the same analysis gives the same bytes.
public enum TopicsDOT {
    /// The most edges drawn.
    public static let drawnEdgeLimit = 200
    /// Topics drawn when no pair meets the rule.
    public static let fallbackTopicLimit = 30

    /// The DOT text.
    ///
    /// - Complexity: O(*e* + *t* log *t*) for *e* edges and *t* topics.
    public static func write(_ t: TopicAnalysis) -> String {
        write(t.cooccurrence, edges: t.edges, selection: t.selection)
    }

    /// The DOT text of the network `net` drawing `chosen`, the pairs `selection` keeps.
    ///
    /// - Complexity: O(*e* + *t* log *t*) for *e* edges and *t* topics.
    public static func write(_ net: TopicCooccurrence, edges chosen: [TopicPair], selection: EdgeSelection) -> String {
        let edges = Array(chosen.prefix(drawnEdgeLimit))
        var shown = Set<Int32>()
        for e in edges { shown.insert(e.first); shown.insert(e.second) }
        if edges.isEmpty {
            let top = net.topics.indices.filter { net.documentFrequency[$0] > 0 }
                .sorted { (net.documentFrequency[$1], $0) < (net.documentFrequency[$0], $1) }
                .prefix(fallbackTopicLimit)
            shown = Set(top.map { Int32($0) })
        }
        let nodes = shown.sorted()
        let measure = selection.measure
        let maxFrequency = max(1, nodes.map { net.documentFrequency[Int($0)] }.max() ?? 1)

        var title = "Topic co-occurrence: \(nodes.count) of \(net.topics.count) topics, \(edges.count) edges"
        if chosen.count > edges.count { title += " (the strongest \(edges.count) of \(chosen.count) chosen)" }
        if edges.isEmpty { title = "Topic co-occurrence: no pair meets the rule; the \(nodes.count) most frequent of \(net.topics.count) topics" }
        title += "; rule \(selection.description), minimum count \(selection.minCount), over \(net.unitCount) units"
        var scales = "Size = units with the topic (font 10 to 24 pt, linear)"
        if !edges.isEmpty { scales += "; width = \(measure.definition.name)\(measure == .pValue ? " as −log10 p" : "") (1 to 6 pt, linear)" }

        var out = "graph \"topics\" {\n"
        out += "  graph [layout=neato, overlap=prism, overlap_scaling=2, sep=\"+8\", splines=true, outputorder=edgesfirst, size=\"30,30\", fontname=\"DejaVu Sans\", fontsize=12, labelloc=t, labeljust=l, pad=0.3"
        out += ", label=\"\(Escaping.dot(title))\\l\(Escaping.dot(scales))\\l\"]\n"
        out += "  node [shape=ellipse, style=filled, fillcolor=\"\(Palette.plain)\", color=\"#666666\", fontname=\"DejaVu Sans\", margin=\"0.08,0.03\"]\n"
        out += "  edge [color=\"#55555599\"]\n"
        let colors = groupColors(nodes.map { net.topics[Int($0)] })
        for id in nodes {
            let name = net.topics[Int(id)]
            let f = net.documentFrequency[Int(id)]
            let size = 10 + 14 * Double(f) / Double(maxFrequency)
            var attrs = ["label=\"\(Escaping.dot(Escaping.excerpt(name, limit: 40)))\\n\(f)\"", "fontsize=\(format(size))"]
            if let color = colors[name] { attrs.append("fillcolor=\"\(color)\"") }
            out += "  t\(id) [\(attrs.joined(separator: ", "))]\n"
        }
        let values = edges.map { strength($0, measure) }
        let lo = values.min() ?? 0, hi = values.max() ?? 0
        for (e, v) in zip(edges, values) {
            let width = hi > lo ? 1 + 5 * (v - lo) / (hi - lo) : 3
            out += "  t\(e.first) -- t\(e.second) [penwidth=\(format(width))]\n"
        }
        out += "}\n"
        return out
    }

    /// The value edge widths follow: the measure, or −log₁₀ p for the p-value.
    static func strength(_ p: TopicPair, _ m: TopicMeasure) -> Double {
        m == .pValue ? -log10(max(p.pValue, Double.leastNonzeroMagnitude)) : p.value(m)
    }

    /// One fill per parent (`a` of `a/b`) shared by two or more drawn topics, parents in name
    /// order; topics of other parents get none.
    static func groupColors(_ names: [String]) -> [String: String] {
        var byParent: [String: [String]] = [:]
        for n in names {
            guard let slash = n.firstIndex(of: "/") else { continue }
            byParent[String(n[..<slash]), default: []].append(n)
        }
        var colors: [String: String] = [:]
        for (i, parent) in byParent.keys.filter({ byParent[$0]!.count >= 2 }).sorted().enumerated() {
            for n in byParent[parent]! { colors[n] = i < Palette.fills.count ? Palette.fills[i] : "#cccccc" }
        }
        return colors
    }

    /// A number with at most two decimals, without trailing zeros.
    static func format(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
