/// A distribution of one metric across threads, binned for a corpus report.
///
/// Binning rule, written once here: values of a count metric fall into powers-of-two bins
/// — 0, 1, 2–3, 4–7, 8–15, … — because thread sizes are heavy-tailed; other values fall
/// into ``equalBins`` equal-width bins from the minimum to the maximum (each bin
/// [lower, upper), the last one closed), or one bin when all values are equal.
public struct Histogram: Hashable, Sendable {
    /// One bin: its bounds (both inclusive for counts) and how many values fall in it.
    public struct Bin: Hashable, Sendable {
        public var lower: Double, upper: Double
        public var count: Int
        /// The bin's label: `4–7` for counts, `0.25–0.5` otherwise.
        public var label: String
    }

    /// Equal-width bins for non-count metrics.
    public static let equalBins = 10

    /// Bins from the lowest to the highest value, empty bins between them included.
    public let bins: [Bin]

    /// Bins given as they are (charts with bins of their own, such as reply latencies).
    init(bins: [Bin]) { self.bins = bins }

    /// Bins `values` as the rule above says.
    ///
    /// - Complexity: O(*n* + *b*) for *n* values and *b* bins.
    public init(_ values: [Double], isCount: Bool) {
        guard let lo = values.min(), let hi = values.max() else { bins = []; return }
        if isCount {
            // Bin k holds 0 for k = 0, else [2^(k-1), 2^k - 1].
            func bin(_ v: Double) -> Int { v < 1 ? 0 : Int(log2(v).rounded(.down)) + 1 }
            var counts = [Int](repeating: 0, count: bin(hi) + 1)
            for v in values { counts[bin(v)] += 1 }
            let first = bin(lo)
            bins = (first..<counts.count).map { k in
                let l = k == 0 ? 0.0 : Double(1 << (k - 1)), u = k == 0 ? 0.0 : Double((1 << k) - 1)
                return Bin(lower: l, upper: u, count: counts[k], label: l == u ? Self.text(l) : "\(Self.text(l))–\(Self.text(u))")
            }
        } else if lo == hi {
            bins = [Bin(lower: lo, upper: hi, count: values.count, label: Self.text(lo))]
        } else {
            let width = (hi - lo) / Double(Self.equalBins)
            var counts = [Int](repeating: 0, count: Self.equalBins)
            for v in values { counts[min(Int((v - lo) / width), Self.equalBins - 1)] += 1 }
            bins = counts.indices.map { k in
                let l = lo + Double(k) * width, u = k == Self.equalBins - 1 ? hi : lo + Double(k + 1) * width
                return Bin(lower: l, upper: u, count: counts[k], label: "\(Self.text(l))–\(Self.text(u))")
            }
        }
    }

    /// A bound as short text: integers without decimals, else rounded to 2 decimals.
    static func text(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        let r = (x * 100).rounded() / 100
        return String(r)
    }
}

import Foundation
