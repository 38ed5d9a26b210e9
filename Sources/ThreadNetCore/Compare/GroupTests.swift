/// The statistics that compare groups of threads on one metric, each defined once here.
///
/// Values are one number per thread (threads where the metric is undefined are left out
/// before these are called). Groups are *a* (the first) and *b* (the second); every
/// difference is *b* − *a*. Randomness comes from ``SplitMix64`` seeded with
/// ``Options/seed`` afresh for every call, so a result depends only on its inputs and the
/// options, never on the order metrics are computed in or on the number of cores.
public enum GroupTests {
    /// How many resamples, from which seed, at which confidence.
    public struct Options: Hashable, Sendable {
        /// Bootstrap resamples and random permutations. Default 2,000.
        public var resamples: Int
        /// Seed of every resampling. Default 0x67726F757073 ("groups").
        public var seed: UInt64
        /// Confidence level of the bootstrap interval. Default 0.95.
        public var confidence: Double
        /// False-discovery rate below which a metric "differs beyond chance" (Benjamini–Hochberg
        /// q-value). Default 0.05.
        public var falseDiscoveryRate: Double

        public init(resamples: Int = 2_000, seed: UInt64 = 0x6772_6F75_7073, confidence: Double = 0.95, falseDiscoveryRate: Double = 0.05) {
            self.resamples = resamples
            self.seed = seed
            self.confidence = confidence
            self.falseDiscoveryRate = falseDiscoveryRate
        }
    }

    /// mean(*b*) − mean(*a*); nil when either group is empty.
    ///
    /// - Complexity: O(*n*).
    public static func meanDifference(_ a: [Double], _ b: [Double]) -> Double? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        return sum(b) / Double(b.count) - sum(a) / Double(a.count)
    }

    /// The percentile bootstrap interval of ``meanDifference(_:_:)``: `resamples` times, draw
    /// |*a*| values of *a* with replacement (index `next() % |a|`), then |*b*| of *b*, and take
    /// the difference of their means; the interval is the (1 − confidence)/2 and
    /// (1 + confidence)/2 quantiles (type 7) of those differences (Efron & Tibshirani 1993).
    /// nil when either group is empty.
    ///
    /// - Complexity: O(*R* (*n_a* + *n_b*) + *R* log *R*).
    public static func bootstrapInterval(_ a: [Double], _ b: [Double], options: Options = Options()) -> (low: Double, high: Double)? {
        guard !a.isEmpty, !b.isEmpty, options.resamples > 0 else { return nil }
        var rng = SplitMix64(seed: options.seed)
        var differences = [Double](repeating: 0, count: options.resamples)
        let na = UInt64(a.count), nb = UInt64(b.count)
        for r in 0..<options.resamples {
            var sa = 0.0, sb = 0.0
            for _ in 0..<a.count { sa += a[Int(rng.next() % na)] }
            for _ in 0..<b.count { sb += b[Int(rng.next() % nb)] }
            differences[r] = sb / Double(nb) - sa / Double(na)
        }
        let tail = (1 - options.confidence) / 2
        guard let low = ComparisonStats.quantile(differences, tail), let high = ComparisonStats.quantile(differences, 1 - tail) else { return nil }
        return (low, high)
    }

    /// The two-sided permutation-test p-value of ``meanDifference(_:_:)``: the share of
    /// relabellings of the pooled values (|*a*| of them to *a*, the rest to *b*) whose
    /// |difference| is at least the observed one (within 10⁻¹² relative, so that rounding does
    /// not decide a tie). Exact — every relabelling, the observed one included — when there
    /// are at most `resamples` of them (C(*n_a* + *n_b*, *n_a*)); otherwise `resamples` random
    /// ones (a Fisher–Yates shuffle of the pooled values, *a* first), p = (1 + hits) / (1 +
    /// resamples) (Phipson & Smyth 2010). nil when either group is empty.
    ///
    /// - Complexity: O(*R* (*n_a* + *n_b*)).
    public static func permutationPValue(_ a: [Double], _ b: [Double], options: Options = Options()) -> (p: Double, exact: Bool)? {
        guard let observed = meanDifference(a, b) else { return nil }
        let pooled = a + b
        let total = sum(pooled)
        let na = a.count, n = pooled.count
        let threshold = abs(observed) - 1e-12 * max(abs(observed), 1)
        func difference(sumA: Double) -> Double { (total - sumA) / Double(n - na) - sumA / Double(na) }
        if let combinations = binomial(n, na, limit: options.resamples) {
            // Every choice of |a| positions, in lexicographic order.
            var chosen = Array(0..<na)
            var hits = 0
            while true {
                var sa = 0.0
                for i in chosen { sa += pooled[i] }
                if abs(difference(sumA: sa)) >= threshold { hits += 1 }
                var i = na - 1
                while i >= 0, chosen[i] == n - na + i { i -= 1 }
                if i < 0 { break }
                chosen[i] += 1
                for j in (i + 1)..<na { chosen[j] = chosen[j - 1] + 1 }
            }
            return (Double(hits) / Double(combinations), true)
        }
        var rng = SplitMix64(seed: options.seed)
        var values = pooled
        var hits = 0
        for _ in 0..<options.resamples {
            for i in 0..<(n - 1) { values.swapAt(i, i + Int(rng.next() % UInt64(n - i))) }
            var sa = 0.0
            for i in 0..<na { sa += values[i] }
            if abs(difference(sumA: sa)) >= threshold { hits += 1 }
        }
        return (Double(1 + hits) / Double(1 + options.resamples), false)
    }

    /// Cohen's d: ``meanDifference(_:_:)`` divided by the pooled standard deviation
    /// √(((n_a − 1) s_a² + (n_b − 1) s_b²) / (n_a + n_b − 2)), s² the sample variances
    /// (Cohen 1988). nil with fewer than 2 values in a group or a pooled deviation of 0.
    ///
    /// - Complexity: O(*n*).
    public static func cohensD(_ a: [Double], _ b: [Double]) -> Double? {
        guard a.count >= 2, b.count >= 2, let difference = meanDifference(a, b) else { return nil }
        func squares(_ x: [Double]) -> Double {
            let m = sum(x) / Double(x.count)
            return x.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        }
        let pooled = ((squares(a) + squares(b)) / Double(a.count + b.count - 2)).squareRoot()
        return pooled > 0 ? difference / pooled : nil
    }

    /// Cliff's δ: (#{(x, y): y > x} − #{(x, y): y < x}) / (n_a n_b) over x in *a*, y in *b*
    /// (Cliff 1993): +1 when every value of *b* exceeds every value of *a*, 0 when neither group
    /// tends higher. Robust to the skewed distributions thread metrics have. nil when either
    /// group is empty.
    ///
    /// - Complexity: O((*n_a* + *n_b*) log *n_a*).
    public static func cliffsDelta(_ a: [Double], _ b: [Double]) -> Double? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        let sorted = a.sorted()
        var balance = 0
        for y in b {
            // Values of a below y, and values of a above y.
            let below = lowerBound(sorted, y), notAbove = upperBound(sorted, y)
            balance += below - (sorted.count - notAbove)
        }
        return Double(balance) / (Double(a.count) * Double(b.count))
    }

    /// The conventional reading of |δ| (Romano et al. 2006): negligible below 0.147, small
    /// below 0.33, medium below 0.474, else large.
    public static func magnitude(ofCliffsDelta delta: Double) -> String {
        switch abs(delta) {
        case ..<0.147: "negligible"
        case ..<0.33: "small"
        case ..<0.474: "medium"
        default: "large"
        }
    }

    /// η² = between-group sum of squares / total sum of squares of the pooled values: the share
    /// of the metric's variance that group membership explains (0–1). nil with fewer than two
    /// non-empty groups or no variance.
    ///
    /// - Complexity: O(*n*).
    public static func etaSquared(_ groups: [[Double]]) -> Double? {
        let filled = groups.filter { !$0.isEmpty }
        guard filled.count >= 2 else { return nil }
        let all = filled.flatMap { $0 }
        let grand = sum(all) / Double(all.count)
        let total = all.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        guard total > 0 else { return nil }
        let between = filled.reduce(0) { acc, g in
            let m = sum(g) / Double(g.count)
            return acc + Double(g.count) * (m - grand) * (m - grand)
        }
        return between / total
    }

    /// The permutation-test p-value of ``etaSquared(_:)``: `resamples` random relabellings of
    /// the pooled values into groups of the same sizes (Fisher–Yates, groups in order),
    /// p = (1 + #{η² ≥ observed}) / (1 + resamples), ties within 10⁻¹² relative. nil when η²
    /// is undefined.
    ///
    /// - Complexity: O(*R* *n*).
    public static func permutationPValue(groups: [[Double]], options: Options = Options()) -> Double? {
        let filled = groups.filter { !$0.isEmpty }
        guard let observed = etaSquared(filled) else { return nil }
        let threshold = observed - 1e-12 * max(observed, 1)
        var rng = SplitMix64(seed: options.seed)
        var values = filled.flatMap { $0 }
        let n = values.count
        var hits = 0
        var parts = filled
        for _ in 0..<options.resamples {
            for i in 0..<(n - 1) { values.swapAt(i, i + Int(rng.next() % UInt64(n - i))) }
            var start = 0
            for g in parts.indices {
                let size = filled[g].count
                parts[g] = Array(values[start..<(start + size)])
                start += size
            }
            if let e = etaSquared(parts), e >= threshold { hits += 1 }
        }
        return Double(1 + hits) / Double(1 + options.resamples)
    }

    /// Benjamini–Hochberg q-values of `pValues` (nil entries are not tests and stay nil):
    /// q₍ᵢ₎ = min over j ≥ i of p₍ⱼ₎ · m / j for the m tests in ascending order, capped at 1
    /// (Benjamini & Hochberg 1995; R's `p.adjust(method = "BH")`). A metric whose q is below
    /// the false-discovery rate differs beyond chance with that rate among all metrics tested.
    ///
    /// - Complexity: O(*m* log *m*).
    public static func benjaminiHochberg(_ pValues: [Double?]) -> [Double?] {
        let tested = pValues.indices.filter { pValues[$0] != nil }.sorted { (pValues[$0]!, $0) < (pValues[$1]!, $1) }
        var q = [Double?](repeating: nil, count: pValues.count)
        let m = Double(tested.count)
        var running = 1.0
        for (rank, i) in tested.enumerated().reversed() {
            running = min(running, pValues[i]! * m / Double(rank + 1))
            q[i] = running
        }
        return q
    }

    // MARK: Helpers

    /// Σ values, in order.
    static func sum(_ values: [Double]) -> Double { values.reduce(0, +) }

    /// C(n, k) when it is at most `limit`, else nil.
    static func binomial(_ n: Int, _ k: Int, limit: Int) -> Int? {
        let k = min(k, n - k)
        guard k >= 0 else { return nil }
        var c = 1
        for i in 0..<k {
            // c · (n − i) / (i + 1) stays whole at every step.
            let (product, overflow) = c.multipliedReportingOverflow(by: n - i)
            if overflow { return nil }
            c = product / (i + 1)
            if c > limit { return nil }
        }
        return c
    }

    /// Index of the first element not below `x` in ascending `s`.
    static func lowerBound(_ s: [Double], _ x: Double) -> Int {
        var lo = 0, hi = s.count
        while lo < hi { let mid = (lo + hi) / 2; if s[mid] < x { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    /// Index of the first element above `x` in ascending `s`.
    static func upperBound(_ s: [Double], _ x: Double) -> Int {
        var lo = 0, hi = s.count
        while lo < hi { let mid = (lo + hi) / 2; if s[mid] <= x { lo = mid + 1 } else { hi = mid } }
        return lo
    }
}
