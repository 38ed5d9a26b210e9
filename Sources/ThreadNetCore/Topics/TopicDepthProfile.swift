/// Where in the reply tree each topic is discussed, and how far the comments drift from the
/// article's own topics.
///
/// Comments fall into three depth bands: depth 1 (top-level comments), 2, and 3 or more. A
/// comment *carries* a topic when one of its units contains it; the article's topics are those
/// of the root post's units (`unitComment == -1`).
/// - ``share(of:band:)``: comments in the band carrying the topic ÷ all comments in the band
///   (deleted placeholders included); `nil` when the band is empty.
/// - ``articleTopicShare(band:)``: comments in the band carrying at least one of the article's
///   topics ÷ all comments in the band: 1 = every comment stays on the article's topics, and a
///   share falling with depth is drift away from them.
public struct TopicDepthProfile: Hashable, Sendable {
    /// The band labels: `1`, `2`, `3+`.
    public static let bands = ["1", "2", "3+"]

    /// Topic names, indexed by topic id.
    public let topics: [String]
    /// Comments in each band.
    public let commentsInBand: [Int]
    /// Comments in band *b* carrying topic *t*, at `t * 3 + b`.
    public let carrying: [Int]
    /// The article's topics (ids, ascending).
    public let articleTopics: [Int32]
    /// Comments in each band carrying at least one of the article's topics.
    public let carryingArticleTopic: [Int]

    /// Metric definitions (for the glossary and `topics.json`).
    public static let definitions: [MetricDefinition] = [
        MetricDefinition(id: "depthShare", name: "Share of comments at a depth carrying a topic", definition: "Comments at that depth (1, 2, or 3 and deeper) that carry the topic (one of their units contains it), divided by all comments at that depth, deleted placeholders included; empty when there are none.", unit: "fraction", scope: .topic),
        MetricDefinition(id: "commentShare", name: "Share of comments carrying a topic", definition: "Comments that carry the topic divided by all comments analyzed.", unit: "fraction", scope: .topic),
        MetricDefinition(id: "articleTopicShare", name: "Share of comments on the article's topics", definition: "Comments (at a depth, or in all) that carry at least one topic of the article's own text, divided by all comments (at that depth, or in all); 1 = every comment stays on the article's topics, a share falling with depth = drift.", unit: "fraction", scope: .thread),
    ]

    /// Builds the profile for `incidence` over the comments of `analysis`.
    ///
    /// - Complexity: O(*m* + *c* + *t*) for *m* unit–topic entries, *c* comments and *t*
    ///   topics.
    public init(incidence: TopicIncidence, analysis: ThreadAnalysis) {
        self.init(CommentTopics(incidence, comments: analysis.comments.count), topics: incidence.topics, depth: analysis.tree.depth)
    }

    init(_ carried: CommentTopics, topics: [String], depth: [Int32]) {
        var inBand = [0, 0, 0]
        var carrying = [Int](repeating: 0, count: topics.count * 3)
        var onArticle = [0, 0, 0]
        var isArticle = [Bool](repeating: false, count: topics.count)
        for t in carried.article { isArticle[Int(t)] = true }
        for c in 0..<carried.count {
            let b = Self.band(depth[c])
            inBand[b] += 1
            var hit = false
            for t in carried.topics(of: c) {
                carrying[Int(t) * 3 + b] += 1
                hit = hit || isArticle[Int(t)]
            }
            if hit { onArticle[b] += 1 }
        }
        self.init(topics: topics, commentsInBand: inBand, carrying: carrying, articleTopics: carried.article, carryingArticleTopic: onArticle)
    }

    init(topics: [String], commentsInBand: [Int], carrying: [Int], articleTopics: [Int32], carryingArticleTopic: [Int]) {
        self.topics = topics
        self.commentsInBand = commentsInBand
        self.carrying = carrying
        self.articleTopics = articleTopics
        self.carryingArticleTopic = carryingArticleTopic
    }

    /// The band of a comment at `depth` (≥ 1): 0, 1 or 2.
    static func band(_ depth: Int32) -> Int { Int(min(max(depth, 1), 3)) - 1 }

    /// All comments.
    public var commentCount: Int { commentsInBand.reduce(0, +) }

    /// Comments (at any depth) carrying `topic`.
    public func comments(carrying topic: Int32) -> Int {
        carrying[Int(topic) * 3] + carrying[Int(topic) * 3 + 1] + carrying[Int(topic) * 3 + 2]
    }

    /// Share of the comments in `band` (0, 1, 2 for depth 1, 2, 3+) carrying `topic`; `nil`
    /// when the band has no comments.
    public func share(of topic: Int32, band: Int) -> Double? {
        commentsInBand[band] == 0 ? nil : Double(carrying[Int(topic) * 3 + band]) / Double(commentsInBand[band])
    }

    /// Share of all comments carrying `topic`; `nil` when there are no comments.
    public func share(of topic: Int32) -> Double? {
        commentCount == 0 ? nil : Double(comments(carrying: topic)) / Double(commentCount)
    }

    /// Share of the comments in `band` carrying at least one of the article's topics; `nil`
    /// when the band has no comments.
    public func articleTopicShare(band: Int) -> Double? {
        commentsInBand[band] == 0 ? nil : Double(carryingArticleTopic[band]) / Double(commentsInBand[band])
    }

    /// Share of all comments carrying at least one of the article's topics; `nil` when there
    /// are no comments.
    public var articleTopicShare: Double? {
        commentCount == 0 ? nil : Double(carryingArticleTopic.reduce(0, +)) / Double(commentCount)
    }

    /// Whether the article's own text carries `topic`.
    public func isArticleTopic(_ topic: Int32) -> Bool { articleTopics.contains(topic) }

    /// Several threads' profiles summed into one: topics matched by name (in order of first
    /// appearance), counts added; the article topics are those of any thread's article, and
    /// "carrying an article topic" is judged per thread against its own article.
    ///
    /// - Complexity: O(Σ *t*) over the parts.
    public static func merged(_ parts: [TopicDepthProfile]) -> TopicDepthProfile {
        var index: [String: Int32] = [:]
        var topics: [String] = []
        var carrying: [Int] = []
        var inBand = [0, 0, 0], onArticle = [0, 0, 0]
        var article = Set<Int32>()
        for part in parts {
            let map = part.topics.map { name in
                if let id = index[name] { return id }
                let id = Int32(topics.count)
                index[name] = id
                topics.append(name)
                carrying += [0, 0, 0]
                return id
            }
            for b in 0..<3 {
                inBand[b] += part.commentsInBand[b]
                onArticle[b] += part.carryingArticleTopic[b]
            }
            for (t, id) in map.enumerated() {
                for b in 0..<3 { carrying[Int(id) * 3 + b] += part.carrying[t * 3 + b] }
            }
            for t in part.articleTopics { article.insert(map[Int(t)]) }
        }
        return TopicDepthProfile(topics: topics, commentsInBand: inBand, carrying: carrying, articleTopics: article.sorted(), carryingArticleTopic: onArticle)
    }
}
