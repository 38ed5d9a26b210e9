/// Hand-written SVG charts: a dot plot of a few metrics across threads (comparisons) and a
/// histogram (corpus reports).
///
/// Deterministic text (numbers printed with at most 1 decimal), every label escaped with
/// ``Escaping/xml(_:)``, 13 px DejaVu Sans (falling back to any sans-serif).
public enum SVGChart {
    /// Colours of the compared threads, in column order (ColorBrewer Dark2, cycled).
    public static let seriesColors = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"]

    /// One row of a dot plot: a metric's name and its value per thread.
    public struct Series: Sendable {
        public var name: String
        public var values: [Double?]
        public var isCount: Bool
        public init(name: String, values: [Double?], isCount: Bool) {
            self.name = name
            self.values = values
            self.isCount = isCount
        }
    }

    static let font = "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\""

    /// A dot plot: one row per metric, each on its own axis from 0 (or the smallest negative
    /// value) to its largest value, one coloured dot per thread and a legend naming the threads.
    ///
    /// - Complexity: O(*m* · *t*) for *m* metrics and *t* threads.
    public static func dotPlot(title: String, labels: [String], rows: [Series]) -> String {
        let left = 280.0, plot = 420.0, rowHeight = 46.0
        let legendRows = (labels.count + 2) / 3
        let top = 44.0 + 22.0 * Double(legendRows)
        let width = left + plot + 90
        let height = top + rowHeight * Double(rows.count) + 16
        var s = header(width: width, height: height)
        s += "  <text x=\"16\" y=\"26\" font-size=\"16\" font-weight=\"bold\">\(Escaping.xml(title))</text>\n"
        for (i, label) in labels.enumerated() {
            let x = 16 + Double(i % 3) * 240, y = 50 + Double(i / 3) * 22
            s += "  <circle cx=\"\(n(x + 6))\" cy=\"\(n(y - 4))\" r=\"6\" fill=\"\(color(i))\"/>\n"
            s += "  <text x=\"\(n(x + 18))\" y=\"\(n(y))\">\(Escaping.xml(Escaping.excerpt(label, limit: 28)))</text>\n"
        }
        for (r, row) in rows.enumerated() {
            let y = top + rowHeight * Double(r) + 24
            let defined = row.values.compactMap { $0 }
            let lo = min(0, defined.min() ?? 0)
            var hi = max(defined.max() ?? 1, lo)
            if hi == lo { hi = lo + 1 }
            func x(_ v: Double) -> Double { left + plot * (v - lo) / (hi - lo) }
            if r % 2 == 0 {
                s += "  <rect x=\"8\" y=\"\(n(y - 24))\" width=\"\(n(width - 16))\" height=\"\(n(rowHeight))\" fill=\"#f4f4f4\"/>\n"
            }
            s += "  <text x=\"\(n(left - 12))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(Escaping.xml(Escaping.excerpt(row.name, limit: 38)))</text>\n"
            s += "  <line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(left + plot))\" y2=\"\(n(y))\" stroke=\"#bbbbbb\"/>\n"
            for v in [lo, hi] {
                s += "  <text x=\"\(n(x(v)))\" y=\"\(n(y + 21))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555555\">\(Escaping.xml(ComparisonTable.format(v, isCount: row.isCount)))</text>\n"
            }
            // Threads are dodged vertically a little so equal values stay visible.
            let step = min(4, 16 / Double(max(row.values.count, 1)))
            for (i, v) in row.values.enumerated() {
                guard let v else { continue }
                let dy = (Double(i) - Double(row.values.count - 1) / 2) * step
                s += "  <circle cx=\"\(n(x(v)))\" cy=\"\(n(y + dy))\" r=\"7\" fill=\"\(color(i))\" fill-opacity=\"0.85\" stroke=\"#ffffff\"><title>\(Escaping.xml(labels[i])): \(Escaping.xml(ComparisonTable.format(v, isCount: row.isCount)))</title></circle>\n"
            }
        }
        return s + "</svg>\n"
    }

    /// A histogram: one bar per bin with its count above it and its range below.
    ///
    /// - Complexity: O(*b*) for *b* bins.
    /// `unit` names what the bars count (the y axis).
    public static func histogram(title: String, axisLabel: String, _ h: Histogram, unit: String = "threads") -> String {
        let barWidth = 44.0, plotHeight = 200.0, left = 56.0, top = 48.0
        let rotate = h.bins.contains { $0.label.count > 6 }
        let bottom = rotate ? 96.0 : 56.0
        let width = max(left + barWidth * Double(h.bins.count) + 24, 360)
        let height = top + plotHeight + bottom
        let peak = Double(max(h.bins.map(\.count).max() ?? 1, 1))
        var s = header(width: width, height: height)
        s += "  <text x=\"16\" y=\"26\" font-size=\"16\" font-weight=\"bold\">\(Escaping.xml(title))</text>\n"
        let base = top + plotHeight
        s += "  <line x1=\"\(n(left))\" y1=\"\(n(base))\" x2=\"\(n(left + barWidth * Double(h.bins.count)))\" y2=\"\(n(base))\" stroke=\"#888888\"/>\n"
        for (k, bin) in h.bins.enumerated() {
            let x = left + barWidth * Double(k)
            let bh = plotHeight * Double(bin.count) / peak
            s += "  <rect x=\"\(n(x + 3))\" y=\"\(n(base - bh))\" width=\"\(n(barWidth - 6))\" height=\"\(n(bh))\" fill=\"#4e79a7\"><title>\(Escaping.xml(bin.label)): \(bin.count)</title></rect>\n"
            s += "  <text x=\"\(n(x + barWidth / 2))\" y=\"\(n(base - bh - 5))\" text-anchor=\"middle\" font-size=\"11\">\(bin.count)</text>\n"
            let cx = x + barWidth / 2, cy = base + 16
            if rotate {
                s += "  <text x=\"\(n(cx))\" y=\"\(n(cy))\" text-anchor=\"end\" font-size=\"11\" transform=\"rotate(-40 \(n(cx)) \(n(cy)))\">\(Escaping.xml(bin.label))</text>\n"
            } else {
                s += "  <text x=\"\(n(cx))\" y=\"\(n(cy))\" text-anchor=\"middle\" font-size=\"11\">\(Escaping.xml(bin.label))</text>\n"
            }
        }
        s += "  <text x=\"\(n(left + barWidth * Double(h.bins.count) / 2))\" y=\"\(n(height - 10))\" text-anchor=\"middle\" fill=\"#444444\">\(Escaping.xml(axisLabel))</text>\n"
        s += "  <text x=\"16\" y=\"\(n(top + plotHeight / 2))\" text-anchor=\"middle\" fill=\"#444444\" transform=\"rotate(-90 16 \(n(top + plotHeight / 2)))\">\(Escaping.xml(unit))</text>\n"
        return s + "</svg>\n"
    }

    static func header(width: Double, height: Double) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" \(font) font-size=\"13\">\n  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
    }

    static func color(_ i: Int) -> String { seriesColors[i % seriesColors.count] }

    /// A coordinate with at most one decimal.
    static func n(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
