import Foundation

/// The association measures of a pair of topics in the co-occurrence network.
///
/// Every measure is computed from four counts over the co-occurrence units of one thread (or of
/// a corpus, summed): *N*, the units; *n_i* and *n_j*, the units that contain topic *i* and
/// topic *j*; and *a*, the units that contain both. Units of the root post (the article,
/// `unitComment == -1`) are not counted: they enter only the article-versus-comments drift
/// (``TopicDepthProfile``). Only pairs with *a* ≥ 1 are listed; a pair with *a* = 0 is not an
/// edge. The formulas, with their sources, are written once, in ``definition`` (the text the
/// report's glossary and `topics.json` print); ``value(a:ni:nj:n:)`` computes them.
public enum TopicMeasure: String, CaseIterable, Hashable, Sendable {
    /// Units that contain both topics. See ``definition``.
    case count
    /// Jaccard index. See ``definition``.
    case jaccard
    /// Cosine (Salton's) index. See ``definition``.
    case cosine
    /// Inclusion index. See ``definition``.
    case inclusion
    /// Association strength (van Eck & Waltman 2009). See ``definition``.
    case associationStrength
    /// Pointwise mutual information. See ``definition``.
    case pmi
    /// Normalised pointwise mutual information. See ``definition``.
    case npmi
    /// Dunning's log-likelihood ratio G². See ``definition``.
    case logLikelihood
    /// The p-value of G². See ``definition``.
    case pValue

    /// The definition of the measure: id (the JSON field and CSV column), name, formula, unit
    /// and source.
    public var definition: MetricDefinition {
        switch self {
        case .count:
            d("Co-occurrences", "units",
              "a: the co-occurrence units (comments, sentences or windows; never the article's own text) that contain both topics.")
        case .jaccard:
            d("Jaccard index", "fraction",
              "a / (n_i + n_j − a): the units with both topics over the units with either (Jaccard 1901); 0 to 1.")
        case .cosine:
            d("Cosine (Salton) index", "fraction",
              "a / √(n_i · n_j) (Salton & McGill 1983); 0 to 1.")
        case .inclusion:
            d("Inclusion index", "fraction",
              "a / min(n_i, n_j): the share of the rarer topic's units that also hold the other; 0 to 1.")
        case .associationStrength:
            d("Association strength", "ratio",
              "a · N / (n_i · n_j): observed co-occurrences over those expected if the topics were independent (van Eck & Waltman 2009, probabilistic form); 1 = as expected by chance.")
        case .pmi:
            d("Pointwise mutual information (PMI)", "bits",
              "log₂(a · N / (n_i · n_j)) (Church & Hanks 1990): the base-2 logarithm of the association strength; 0 = independent.")
        case .npmi:
            d("Normalised PMI (NPMI)", "fraction",
              "PMI / (−log₂(a / N)) (Bouma 2009); −1 to 1, 1 when the topics always occur together; NPMI = 1 when a = N.")
        case .logLikelihood:
            d("Log-likelihood ratio G²", "statistic",
              "2 Σ O · ln(O / E) over the four cells of the 2×2 table (a, n_i − a, n_j − a, N − n_i − n_j + a), E = row total · column total / N, with 0 · ln 0 = 0 (Dunning 1993); 0 = independent, large = strongly associated (or strongly avoiding each other).")
        case .pValue:
            d("p-value of G²", "probability",
              "P(χ²₁ ≥ G²) = erfc(√(G² / 2)): the chance of a G² at least this large if the topics were independent (χ² with 1 degree of freedom).")
        }
    }

    private func d(_ name: String, _ unit: String, _ text: String) -> MetricDefinition {
        MetricDefinition(id: rawValue, name: name, definition: text, unit: unit, scope: .pair)
    }

    /// Whether a larger value means a stronger association (false only for ``pValue``).
    public var higherIsStronger: Bool { self != .pValue }

    /// Looks a measure up by its id (``rawValue``) or a common alias, ignoring case:
    /// `association`, `as`, `g2`, `ll`, `loglikelihood`, `p`, `pvalue`.
    public init?(name: String) {
        let key = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch key {
        case "count", "a", "cooccurrences": self = .count
        case "jaccard": self = .jaccard
        case "cosine", "salton": self = .cosine
        case "inclusion": self = .inclusion
        case "associationstrength", "association", "as": self = .associationStrength
        case "pmi": self = .pmi
        case "npmi": self = .npmi
        case "loglikelihood", "g2", "ll", "gsquared": self = .logLikelihood
        case "pvalue", "p": self = .pValue
        default: return nil
        }
    }

    /// The value of the measure for co-occurrences `a` of topics with unit frequencies `ni`
    /// and `nj` among `n` units.
    ///
    /// Requires 1 ≤ `a` ≤ min(`ni`, `nj`) and `ni` + `nj` − `a` ≤ `n`.
    ///
    /// - Complexity: O(1).
    public func value(a: Int, ni: Int, nj: Int, n: Int) -> Double {
        let a = Double(a), ni = Double(ni), nj = Double(nj), n = Double(n)
        switch self {
        case .count: return a
        case .jaccard: return a / (ni + nj - a)
        case .cosine: return a / (ni * nj).squareRoot()
        case .inclusion: return a / min(ni, nj)
        case .associationStrength: return a * n / (ni * nj)
        case .pmi: return log2(a * n / (ni * nj))
        case .npmi: return a == n ? 1 : log2(a * n / (ni * nj)) / -log2(a / n)
        case .logLikelihood: return Self.gSquared(a: a, ni: ni, nj: nj, n: n)
        case .pValue: return erfc((Self.gSquared(a: a, ni: ni, nj: nj, n: n) / 2).squareRoot())
        }
    }

    /// G² over the 2×2 table, clamped at 0 (rounding can leave −1e-16 near independence).
    static func gSquared(a: Double, ni: Double, nj: Double, n: Double) -> Double {
        let observed = [a, ni - a, nj - a, n - ni - nj + a]
        let expected = [ni * nj / n, ni * (n - nj) / n, (n - ni) * nj / n, (n - ni) * (n - nj) / n]
        var sum = 0.0
        for k in 0..<4 where observed[k] > 0 {
            sum += observed[k] * log(observed[k] / expected[k])
        }
        return max(0, 2 * sum)
    }
}
