import Foundation

/// Which terms distinguish two texts: weighted log-odds ratios with an informative Dirichlet
/// prior (Monroe, Colaresi & Quinn 2008, "Fightin' words", *Political Analysis* 16(4), eq. 22).
///
/// For term *w* with counts y_w^a and y_w^b in texts of n^a and n^b tokens, and prior
/// α_w (α_0 = Σα_w):
///
///     δ_w = log((y_w^a + α_w) / (n^a + α_0 − y_w^a − α_w)) − log((y_w^b + α_w) / (n^b + α_0 − y_w^b − α_w))
///     σ²_w ≈ 1/(y_w^a + α_w) + 1/(y_w^b + α_w),   z_w = δ_w / σ_w
///
/// The prior is informative: α_w = α_0 · c_w / Σc, where c is a background of term counts —
/// by default the pooled counts of the two texts (a + b); to contrast one thread with the
/// rest, pass the pooled counts of all threads. α_0 defaults to ``defaultPriorShare`` (0.1)
/// times the background's total, so α_w = 0.1 · c_w when the background is a + b: a term
/// seen once gets a prior of 0.1 and stays near z = 0, while a term seen ten times in one
/// text only is well separated. Positive z favours text *a*, negative favours *b*. Terms
/// scored are those counted at least once in *a* or *b* and with α_w > 0; logs are natural.
///
/// Input is term counts, so the contrast does not depend on how text was tokenized.
public struct LogOddsContrast: Sendable {
    /// One term's statistics.
    public struct Term: Hashable, Sendable {
        public var term: String
        public var countA: Int
        public var countB: Int
        /// δ_w, the log-odds ratio (natural log).
        public var delta: Double
        /// σ²_w, its approximate variance.
        public var variance: Double
        /// z_w = δ_w / √σ²_w.
        public var z: Double
    }

    /// α_0 as a share of the background's total count, when not given.
    public static let defaultPriorShare = 0.1

    /// Every term scored, by z descending (most characteristic of *a* first), ties by term.
    public let terms: [Term]
    /// Token totals n^a and n^b.
    public let totalA: Int, totalB: Int
    /// α_0, the prior's total.
    public let priorTotal: Double

    /// Scores every term of `a` and `b`.
    ///
    /// - Parameters:
    ///   - background: the prior's term counts (default: `a` + `b`).
    ///   - priorTotal: α_0 (default: ``defaultPriorShare`` times the background's total count).
    /// - Complexity: O(*V* log *V*) for *V* distinct terms.
    public init(_ a: [String: Int], _ b: [String: Int], background: [String: Int]? = nil, priorTotal: Double? = nil) {
        let bg = background ?? a.merging(b, uniquingKeysWith: +)
        let bgTotal = Double(bg.values.reduce(0, +))
        let alpha0 = priorTotal ?? Self.defaultPriorShare * bgTotal
        let na = Double(a.values.reduce(0, +)), nb = Double(b.values.reduce(0, +))
        var out: [Term] = []
        for w in Set(a.keys).union(b.keys) {
            let ya = Double(a[w] ?? 0), yb = Double(b[w] ?? 0)
            guard ya + yb > 0, bgTotal > 0, let c = bg[w], c > 0 else { continue }
            let aw = alpha0 * Double(c) / bgTotal
            let delta = log((ya + aw) / (na + alpha0 - ya - aw)) - log((yb + aw) / (nb + alpha0 - yb - aw))
            let variance = 1 / (ya + aw) + 1 / (yb + aw)
            out.append(Term(term: w, countA: Int(ya), countB: Int(yb), delta: delta, variance: variance, z: delta / variance.squareRoot()))
        }
        self.terms = out.sorted { $0.z != $1.z ? $0.z > $1.z : $0.term < $1.term }
        self.totalA = Int(na)
        self.totalB = Int(nb)
        self.priorTotal = alpha0
    }

    /// The |z| a term must exceed to be listed as distinctive: 1.96, the two-sided 5 % level
    /// for one term (Monroe, Colaresi & Quinn 2008 use it so; with thousands of terms some pass
    /// by chance, which the report says).
    public static let significantZ = 1.96

    /// Up to `k` terms most characteristic of *a*: z > `minimumZ` (``significantZ`` unless
    /// given), largest first.
    public func topA(_ k: Int, minimumZ: Double = significantZ) -> [Term] { Array(terms.prefix { $0.z > minimumZ }.prefix(k)) }

    /// Up to `k` terms most characteristic of *b*: z < −`minimumZ`, most negative first.
    public func topB(_ k: Int, minimumZ: Double = significantZ) -> [Term] { Array(terms.reversed().prefix { $0.z < -minimumZ }.prefix(k)) }
}
