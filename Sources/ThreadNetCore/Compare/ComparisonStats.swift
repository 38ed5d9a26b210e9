/// Summary statistics of one metric across threads, each defined once here.
///
/// Conventions: the **median** of an even number of values is the mean of the two middle
/// ones; the **standard deviation** is the *population* standard deviation
/// √(Σ(x − x̄)² / n) (the compared threads are the whole population being described, not a
/// sample); the **z-score** of x is (x − x̄) / σ, undefined (nil) when σ = 0; the
/// **percentile rank** of x is 100 · (below + ½ · equal) / n, where *below* counts values
/// smaller than x and *equal* values equal to it (x included): the mid-rank definition, so
/// identical values share one rank and a single value is at the 50th percentile.
/// `nil` values (metrics undefined for a thread) are left out of every statistic.
public enum ComparisonStats {
    /// The median of `values` (nil when empty).
    ///
    /// - Complexity: O(*n* log *n*).
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let m = s.count / 2
        return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
    }

    /// The arithmetic mean of `values` (nil when empty).
    ///
    /// - Complexity: O(*n*).
    public static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The population standard deviation √(Σ(x − x̄)² / n) of `values` (nil when empty).
    ///
    /// - Complexity: O(*n*).
    public static func standardDeviation(_ values: [Double]) -> Double? {
        guard let m = mean(values) else { return nil }
        let ss = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        return (ss / Double(values.count)).squareRoot()
    }

    /// The z-score (x − x̄) / σ of `x` among `values`, with the population σ; nil when σ = 0
    /// or `values` is empty.
    ///
    /// - Complexity: O(*n*).
    public static func zScore(_ x: Double, in values: [Double]) -> Double? {
        guard let m = mean(values), let sd = standardDeviation(values), sd > 0 else { return nil }
        return (x - m) / sd
    }

    /// The mid-rank percentile 100 · (below + ½ · equal) / n of `x` among `values`, in
    /// percent (nil when `values` is empty).
    ///
    /// - Complexity: O(*n*).
    public static func percentileRank(_ x: Double, in values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let below = values.count { $0 < x }
        let equal = values.count { $0 == x }
        return 100 * (Double(below) + 0.5 * Double(equal)) / Double(values.count)
    }

    /// The `q`-quantile (0 ≤ q ≤ 1) of `values` by linear interpolation between order
    /// statistics (type 7 of Hyndman & Fan 1996, the default of R and NumPy); nil when empty.
    ///
    /// - Complexity: O(*n* log *n*).
    public static func quantile(_ values: [Double], _ q: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let h = Double(s.count - 1) * min(max(q, 0), 1)
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, s.count - 1)
        return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
    }
}
