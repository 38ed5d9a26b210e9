import Foundation

/// One edge of the topic co-occurrence network: two topics that share at least one unit,
/// with every ``TopicMeasure``.
///
/// `first` < `second` are topic ids (indices into ``TopicCooccurrence/topics``). The measures
/// are defined in ``TopicMeasure/definition``.
public struct TopicPair: Hashable, Sendable {
    /// The smaller topic id.
    public var first: Int32
    /// The larger topic id.
    public var second: Int32
    /// *a*: units containing both topics (≥ 1).
    public var count: Int
    /// *n_i*: units containing `first`.
    public var firstFrequency: Int
    /// *n_j*: units containing `second`.
    public var secondFrequency: Int
    /// *N*: the units counted.
    public var units: Int
    public var jaccard: Double
    public var cosine: Double
    public var inclusion: Double
    public var associationStrength: Double
    public var pmi: Double
    public var npmi: Double
    public var logLikelihood: Double
    public var pValue: Double

    /// Computes every measure from the four counts.
    ///
    /// - Complexity: O(1).
    public init(first: Int32, second: Int32, count a: Int, firstFrequency ni: Int, secondFrequency nj: Int, units n: Int) {
        self.first = first
        self.second = second
        self.count = a
        self.firstFrequency = ni
        self.secondFrequency = nj
        self.units = n
        jaccard = TopicMeasure.jaccard.value(a: a, ni: ni, nj: nj, n: n)
        cosine = TopicMeasure.cosine.value(a: a, ni: ni, nj: nj, n: n)
        inclusion = TopicMeasure.inclusion.value(a: a, ni: ni, nj: nj, n: n)
        associationStrength = TopicMeasure.associationStrength.value(a: a, ni: ni, nj: nj, n: n)
        pmi = TopicMeasure.pmi.value(a: a, ni: ni, nj: nj, n: n)
        npmi = TopicMeasure.npmi.value(a: a, ni: ni, nj: nj, n: n)
        logLikelihood = TopicMeasure.gSquared(a: Double(a), ni: Double(ni), nj: Double(nj), n: Double(n))
        pValue = erfc((logLikelihood / 2).squareRoot())
    }

    /// The value of `measure` for this pair.
    public func value(_ measure: TopicMeasure) -> Double {
        switch measure {
        case .count: Double(count)
        case .jaccard: jaccard
        case .cosine: cosine
        case .inclusion: inclusion
        case .associationStrength: associationStrength
        case .pmi: pmi
        case .npmi: npmi
        case .logLikelihood: logLikelihood
        case .pValue: pValue
        }
    }
}
