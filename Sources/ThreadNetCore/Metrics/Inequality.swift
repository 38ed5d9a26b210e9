import Foundation

/// Concentration and spread of a list of non-negative counts: the helpers shared by the shape
/// and participation metrics.
///
/// Each function takes the values in any order and returns a plain number; none allocates more
/// than one copy of its input.
public enum Inequality {
    /// The Gini coefficient of non-negative values: 0 when all are equal, approaching 1 when one
    /// value holds everything.
    ///
    /// With the values sorted ascending as *x*₁ … *x*ₙ,
    /// *G* = Σᵢ (2*i* − *n* − 1) *x*ᵢ / (*n* Σ *x*), which equals the mean absolute difference over
    /// all ordered pairs (*i*, *j*) divided by twice the mean (Gini 1912). 0 when *n* < 2 or
    /// Σ *x* = 0. Unit: fraction in [0, 1 − 1/*n*].
    ///
    /// ```swift
    /// Inequality.gini([1, 1, 2])   // (−2·1 + 0·1 + 2·2) / (3 · 4) = 1/6
    /// ```
    ///
    /// - Complexity: O(*n* log *n*).
    public static func gini<C: Collection>(_ values: C) -> Double where C.Element: BinaryInteger {
        let n = values.count
        guard n >= 2 else { return 0 }
        let sorted = values.map { Double($0) }.sorted()
        var total = 0.0
        var weighted = 0.0
        for (k, x) in sorted.enumerated() {
            total += x
            weighted += Double(2 * (k + 1) - n - 1) * x
        }
        return total == 0 ? 0 : weighted / (Double(n) * total)
    }

    /// The normalised Shannon entropy of non-negative values: 1 when all are equal, 0 when one
    /// value holds everything.
    ///
    /// With *p*ᵢ = *x*ᵢ / Σ *x* over the *n* values, *H* = −Σ *p*ᵢ ln *p*ᵢ / ln *n*, zero values
    /// contributing 0 (Shannon 1948; divided by the maximum, ln *n*, as Pielou's evenness).
    /// 0 when *n* < 2 or Σ *x* = 0. Unit: fraction in [0, 1].
    ///
    /// ```swift
    /// Inequality.normalizedEntropy([1, 1])   // ln 2 / ln 2 = 1
    /// ```
    ///
    /// - Complexity: O(*n*).
    public static func normalizedEntropy<C: Collection>(_ values: C) -> Double where C.Element: BinaryInteger {
        let n = values.count
        guard n >= 2 else { return 0 }
        let total = values.reduce(0.0) { $0 + Double($1) }
        guard total > 0 else { return 0 }
        var h = 0.0
        for x in values where x > 0 {
            let p = Double(x) / total
            h -= p * log(p)
        }
        return h / log(Double(n))
    }

    /// The h-index of a list of counts: the largest *h* such that at least *h* of the counts are
    /// ≥ *h* (Hirsch 2005). 0 for an empty list. Unit: count.
    ///
    /// ```swift
    /// Inequality.hIndex([4, 2, 1, 1])   // 2: two counts are ≥ 2, not three ≥ 3
    /// ```
    ///
    /// - Complexity: O(*n*): counts above *n* are capped at *n*.
    public static func hIndex<C: Collection>(_ counts: C) -> Int where C.Element: BinaryInteger {
        let n = counts.count
        // atLeast[v] = how many counts equal v (v capped at n); then sum down from n.
        var tally = [Int](repeating: 0, count: n + 1)
        for c in counts where c > 0 { tally[c >= n ? n : Int(c)] += 1 }
        var covered = 0
        var h = n
        while h > 0 {
            covered += tally[h]
            if covered >= h { return h }
            h -= 1
        }
        return 0
    }
}
