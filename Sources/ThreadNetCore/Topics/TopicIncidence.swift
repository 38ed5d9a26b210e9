/// Which topics (dictionary topics or automatic key terms) occur in which co-occurrence units.
///
/// A unit is a comment, a sentence or a sliding window of words (``Unit``); every unit belongs
/// to one comment of the analysis (`unitComment[u]`, the comment index in `ThreadAnalysis.comments`)
/// or to the root post (`-1`, the article's own text). Topic ids index ``topics``.
public struct TopicIncidence: Hashable, Sendable {
    /// What one co-occurrence unit is.
    public enum Unit: Hashable, Sendable {
        /// A whole comment (the default).
        case comment
        /// One sentence of a comment.
        case sentence
        /// A sliding window of `k` consecutive words.
        case window(Int)
    }
    /// The unit the incidence was counted over.
    public var unit: Unit
    /// Node labels: topic names (`crime`, `immigration/enforcement` for nested topics) or key terms.
    public var topics: [String]
    /// For each unit, the comment it belongs to; `-1` for the root post (article).
    public var unitComment: [Int32]
    /// CSR offsets into ``unitTopics`` and ``unitCounts``; count: units + 1.
    public var unitStart: [Int32]
    /// For each unit, its distinct topic ids in ascending order, concatenated.
    public var unitTopics: [Int32]
    /// Matches of that topic in that unit (≥ 1), parallel to ``unitTopics``.
    public var unitCounts: [Int32]

    public init(unit: Unit, topics: [String], unitComment: [Int32], unitStart: [Int32], unitTopics: [Int32], unitCounts: [Int32]) {
        self.unit = unit
        self.topics = topics
        self.unitComment = unitComment
        self.unitStart = unitStart
        self.unitTopics = unitTopics
        self.unitCounts = unitCounts
    }

    /// Number of units.
    public var unitCount: Int { unitComment.count }

    /// The topic ids of unit `u`.
    public func topics(of u: Int) -> ArraySlice<Int32> {
        unitTopics[Int(unitStart[u])..<Int(unitStart[u + 1])]
    }
}
