import Foundation

/// The time charts of a thread or corpus (``TimeProfile``): comments over time stacked by
/// depth, and the reply-latency histogram. Deterministic SVG text like ``SVGChart``'s.
extension SVGChart {
    /// Depth groups of the timeline, with their colours (ColorBrewer Blues, darkest first).
    static let depthGroups: [(label: String, color: String)] = [
        ("depth 1 (top level)", "#08519c"), ("depth 2", "#3182bd"), ("depth 3", "#6baed6"), ("depth 4+", "#bdd7e7"),
    ]

    /// Comments per time bin, bars stacked by depth, with a legend, the bin width on the x axis
    /// label and the first and last bins' times under the axis.
    ///
    /// - Complexity: O(*b*) for *b* bins (at most 400).
    public static func timeline(title: String, _ t: TimeProfile.Timeline) -> String {
        let left = 56.0, top = 74.0, plotHeight = 200.0, bottom = 64.0
        let barWidth = max(3.0, min(24.0, 720.0 / Double(max(t.counts.count, 1))))
        let plotWidth = barWidth * Double(t.counts.count)
        let width = max(left + plotWidth + 32, 560)
        let height = top + plotHeight + bottom
        let peak = Double(max(t.counts.map { $0.reduce(0, +) }.max() ?? 1, 1))
        var s = header(width: width, height: height)
        s += "  <text x=\"16\" y=\"26\" font-size=\"16\" font-weight=\"bold\">\(Escaping.xml(title))</text>\n"
        for (k, g) in depthGroups.enumerated() {
            let x = 16 + Double(k) * 150
            s += "  <rect x=\"\(n(x))\" y=\"40\" width=\"12\" height=\"12\" fill=\"\(g.color)\"/>\n"
            s += "  <text x=\"\(n(x + 18))\" y=\"51\" font-size=\"12\">\(g.label)</text>\n"
        }
        let base = top + plotHeight
        s += "  <line x1=\"\(n(left))\" y1=\"\(n(base))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(base))\" stroke=\"#888888\"/>\n"
        s += "  <text x=\"\(n(left - 6))\" y=\"\(n(top + 4))\" text-anchor=\"end\" font-size=\"11\">\(Int(peak))</text>\n"
        s += "  <text x=\"\(n(left - 6))\" y=\"\(n(base))\" text-anchor=\"end\" font-size=\"11\">0</text>\n"
        for (b, groups) in t.counts.enumerated() {
            let x = left + barWidth * Double(b)
            var y = base
            let total = groups.reduce(0, +)
            for (g, c) in groups.enumerated() where c > 0 {
                let h = plotHeight * Double(c) / peak
                y -= h
                s += "  <rect x=\"\(n(x + 0.5))\" y=\"\(n(y))\" width=\"\(n(barWidth - 1))\" height=\"\(n(h))\" fill=\"\(depthGroups[g].color)\"><title>\(Escaping.xml(TimeMarkdown.time(t.start + t.binSeconds * Double(b)))): \(total) comments</title></rect>\n"
            }
        }
        let end = t.start + t.binSeconds * Double(t.counts.count)
        s += "  <text x=\"\(n(left))\" y=\"\(n(base + 16))\" font-size=\"11\">\(Escaping.xml(TimeMarkdown.time(t.start)))</text>\n"
        s += "  <text x=\"\(n(left + plotWidth))\" y=\"\(n(base + 16))\" text-anchor=\"end\" font-size=\"11\">\(Escaping.xml(TimeMarkdown.time(end)))</text>\n"
        var axis = "comments per \(TimeMarkdown.duration(t.binSeconds))"
        if t.later > 0 { axis += "; \(t.later) later comment\(t.later == 1 ? "" : "s") (after 95 % had arrived) not shown" }
        s += "  <text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 14))\" text-anchor=\"middle\" fill=\"#444444\">\(Escaping.xml(axis))</text>\n"
        return s + "</svg>\n"
    }

    /// The reply latencies in the bins of ``TimeProfile/latencyBins``.
    public static func latency(title: String, _ t: TimeProfile) -> String {
        let bins = zip(TimeProfile.latencyBins.indices, t.latencyCounts).map { k, count in
            Histogram.Bin(lower: k == 0 ? 0 : TimeProfile.latencyBins[k - 1].upper, upper: TimeProfile.latencyBins[k].upper,
                          count: count, label: TimeProfile.latencyBins[k].label)
        }
        return histogram(title: title, axisLabel: "time from a comment to its reply", Histogram(bins: bins), unit: "replies")
    }

    /// The corpus-wide author network's growth: authors and reply edges that had appeared by
    /// each time, two lines on one axis from 0 to the larger final count.
    public static func growth(title: String, _ points: [(time: Double, authors: Int, edges: Int)]) -> String {
        let left = 72.0, top = 74.0, plotHeight = 200.0, plotWidth = 640.0, bottom = 56.0
        let width = left + plotWidth + 32, height = top + plotHeight + bottom
        var s = header(width: width, height: height)
        s += "  <text x=\"16\" y=\"26\" font-size=\"16\" font-weight=\"bold\">\(Escaping.xml(title))</text>\n"
        let series: [(label: String, color: String, value: ((time: Double, authors: Int, edges: Int)) -> Int)] = [
            ("authors", "#08519c", { $0.authors }), ("reply edges", "#d95f02", { $0.edges }),
        ]
        for (k, line) in series.enumerated() {
            let x = 16 + Double(k) * 150
            s += "  <rect x=\"\(n(x))\" y=\"44\" width=\"14\" height=\"4\" fill=\"\(line.color)\"/>\n"
            s += "  <text x=\"\(n(x + 20))\" y=\"51\" font-size=\"12\">\(line.label)</text>\n"
        }
        guard let first = points.first, let last = points.last else { return s + "</svg>\n" }
        let peak = Double(max(points.map { max($0.authors, $0.edges) }.max() ?? 1, 1))
        let span = max(last.time - first.time, 1)
        let base = top + plotHeight
        func x(_ t: Double) -> Double { left + plotWidth * (t - first.time) / span }
        func y(_ v: Int) -> Double { base - plotHeight * Double(v) / peak }
        s += "  <line x1=\"\(n(left))\" y1=\"\(n(base))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(base))\" stroke=\"#888888\"/>\n"
        s += "  <text x=\"\(n(left - 6))\" y=\"\(n(top + 4))\" text-anchor=\"end\" font-size=\"11\">\(Int(peak))</text>\n"
        s += "  <text x=\"\(n(left - 6))\" y=\"\(n(base))\" text-anchor=\"end\" font-size=\"11\">0</text>\n"
        for line in series {
            let path = points.map { "\(n(x($0.time))),\(n(y(line.value($0))))" }.joined(separator: " ")
            s += "  <polyline points=\"\(path)\" fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2\"/>\n"
        }
        s += "  <text x=\"\(n(left))\" y=\"\(n(base + 16))\" font-size=\"11\">\(Escaping.xml(TimeMarkdown.time(first.time)))</text>\n"
        s += "  <text x=\"\(n(left + plotWidth))\" y=\"\(n(base + 16))\" text-anchor=\"end\" font-size=\"11\">\(Escaping.xml(TimeMarkdown.time(last.time)))</text>\n"
        s += "  <text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 12))\" text-anchor=\"middle\" fill=\"#444444\">authors and reply edges that had appeared by each time (cumulative)</text>\n"
        return s + "</svg>\n"
    }
}
