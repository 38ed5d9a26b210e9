/// How participation is spread over a thread's authors: comments per author, repeat posters,
/// concentration (top-k shares, Gini, entropy, h-index), and a per-author breakdown.
///
/// Authors are the thread's known authors, in author-id (first appearance) order: the unknown
/// bucket (deleted, empty or anonymous authors) is not an author, and its comments are left out
/// of every figure here. Every ratio is 0 when its denominator is 0.
///
/// ```swift
/// let p = Participation(analysis)
/// p.repeatPosterShare, p.topShare(percent: 10), p.perAuthor[0].words
/// ```
public struct Participation: Hashable, Sendable {
    /// Distinct known authors. Unit: authors.
    public let authors: Int
    /// Comments by known authors (the unknown bucket's comments left out). Unit: comments.
    public let authorComments: Int
    /// Mean comments per author: ``authorComments`` divided by ``authors``. Unit: comments per author.
    public let meanCommentsPerAuthor: Double
    /// The most comments written by one author; 0 when there are no authors. Unit: comments.
    public let maxCommentsPerAuthor: Int
    /// Repeat posters (authors with 2 or more comments) divided by authors. Unit: fraction.
    public let repeatPosterShare: Double
    /// Comments written by repeat posters divided by comments by known authors. Unit: fraction.
    public let repeatPosterCommentShare: Double
    /// The share of comments written by the top 1% of authors; see ``topShare(percent:)``.
    /// Unit: fraction.
    public let topOnePercentShare: Double
    /// The share of comments written by the top 5% of authors; see ``topShare(percent:)``.
    /// Unit: fraction.
    public let topFivePercentShare: Double
    /// The share of comments written by the top 10% of authors; see ``topShare(percent:)``.
    /// Unit: fraction.
    public let topTenPercentShare: Double
    /// The Gini coefficient of comments per author (see ``Inequality/gini(_:)``): 0 when every
    /// author wrote as many comments, near 1 when one author wrote nearly all. Unit: fraction.
    public let gini: Double
    /// The normalised Shannon entropy of comments per author (see
    /// ``Inequality/normalizedEntropy(_:)``): 1 when every author wrote as many comments, 0 with
    /// fewer than 2 authors. Unit: fraction.
    public let entropy: Double
    /// Author h-index: the largest *h* such that *h* authors wrote at least *h* comments each
    /// (Hirsch 2005, applied to comments per author). Unit: authors.
    public let authorHIndex: Int
    /// One entry per known author, in author-id (first appearance) order.
    public let perAuthor: [AuthorParticipation]

    /// The share of comments written by the top `percent`% of authors: the ⌈`percent` ·
    /// authors / 100⌉ authors with the most comments (at least 1, at most all), their comments
    /// divided by comments by known authors. Ties at the cut do not change the share (tied
    /// authors have equal counts). 0 when there are no authors. Unit: fraction.
    ///
    /// ```swift
    /// p.topShare(percent: 10)   // 17 authors: the top 2; (4 + 2) / 21 comments
    /// ```
    ///
    /// - Complexity: O(*a* log *a*) for *a* authors.
    public func topShare(percent: Int) -> Double {
        Self.topShare(percent: percent, counts: perAuthor.map(\.comments), total: authorComments)
    }

    static func topShare(percent: Int, counts: [Int], total: Int) -> Double {
        guard !counts.isEmpty, total > 0 else { return 0 }
        let top = min(counts.count, max(1, (percent * counts.count + 99) / 100))
        let sum = counts.sorted(by: >).prefix(top).reduce(0, +)
        return Double(sum) / Double(total)
    }
}
