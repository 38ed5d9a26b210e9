/// Who talks about what: the two-mode author × topic network of one thread.
///
/// A comment *carries* a topic when at least one of its units contains it. For each known
/// author *u* (ids of ``AuthorNetwork``; the unknown bucket is left out) and topic *t*:
/// - ``Cell/comments``: *x_ut*, the comments by *u* that carry *t*;
/// - ``Cell/byActivity``: *x_ut* / *c_u*, with *c_u* all comments by *u* (with or without
///   topics): the share of the author's comments that carry the topic;
/// - ``Cell/byProminence``: *x_ut* / Σ_v *x_vt*: the author's share of the topic's comments by
///   known authors (the column total).
///
/// The two normalisations are the two-mode "activity" and "prominence" normalisations of
/// Leifeld's Discourse Network Analyzer (DNA; Leifeld 2017, *Discourse Network Analysis*, in
/// the Oxford Handbook of Political Networks). DNA's prominence divides by the column total,
/// as here; DNA's activity divides by the row total Σ_t *x_ut*, which equals *c_u* when every
/// comment carries exactly one topic: dividing by the author's comments instead keeps the
/// value a share of comments, comparable between authors who name several topics at once.
public struct AuthorTopicTable: Hashable, Sendable {
    /// One non-zero cell of the table.
    public struct Cell: Hashable, Sendable {
        /// Author id (``AuthorNetwork/names``).
        public var author: Int32
        /// Topic id.
        public var topic: Int32
        /// Comments by the author that carry the topic.
        public var comments: Int
        /// `comments` ÷ the author's comments.
        public var byActivity: Double
        /// `comments` ÷ the topic's comments by known authors.
        public var byProminence: Double
    }

    /// Author names, indexed by author id.
    public let authors: [String]
    /// Topic names, indexed by topic id.
    public let topics: [String]
    /// *c_u*: comments written by each author.
    public let authorComments: [Int]
    /// Σ_u *x_ut*: for each topic, the comments by known authors that carry it.
    public let topicComments: [Int]
    /// The non-zero cells, sorted by (author, topic).
    public let cells: [Cell]

    /// Metric definitions of the cells (for the glossary and `topics.json`).
    public static let definitions: [MetricDefinition] = [
        MetricDefinition(id: "comments", name: "Author's comments on a topic", definition: "Comments by the author that carry the topic (a comment carries a topic when one of its units contains it).", unit: "comments", scope: .author),
        MetricDefinition(id: "byActivity", name: "Share of the author's comments (activity normalisation)", definition: "The author's comments carrying the topic divided by all the author's comments, as in DNA's two-mode activity normalisation (Leifeld 2017), which divides by the row total instead.", unit: "fraction", scope: .author),
        MetricDefinition(id: "byProminence", name: "Author's share of the topic (prominence normalisation)", definition: "The author's comments carrying the topic divided by all comments by known authors carrying it (the column total), DNA's two-mode prominence normalisation (Leifeld 2017).", unit: "fraction", scope: .author),
    ]

    /// Builds the table for `incidence` over the comments of `analysis`.
    ///
    /// - Complexity: O(*m* + *c* + *t* + *x* log *x*) for *m* unit–topic entries, *c*
    ///   comments, *t* topics and *x* non-zero cells.
    public init(incidence: TopicIncidence, analysis: ThreadAnalysis) {
        self.init(CommentTopics(incidence, comments: analysis.comments.count), topics: incidence.topics, network: analysis.network)
    }

    init(_ carried: CommentTopics, topics: [String], network: AuthorNetwork) {
        var authorComments = [Int](repeating: 0, count: network.count)
        var counts: [UInt64: Int] = [:]
        for c in 0..<carried.count {
            let u = network.commentAuthor[c]
            guard u >= 0 else { continue }
            authorComments[Int(u)] += 1
            for t in carried.topics(of: c) { counts[UInt64(UInt32(u)) << 32 | UInt64(UInt32(t)), default: 0] += 1 }
        }
        self.init(authors: network.names, topics: topics, authorComments: authorComments, counts: counts)
    }

    /// Builds the cells from packed (author, topic) counts.
    init(authors: [String], topics: [String], authorComments: [Int], counts: [UInt64: Int]) {
        var topicComments = [Int](repeating: 0, count: topics.count)
        for (k, n) in counts { topicComments[Int(k & 0xFFFF_FFFF)] += n }
        self.authors = authors
        self.topics = topics
        self.authorComments = authorComments
        self.topicComments = topicComments
        self.cells = counts.keys.sorted().map { k in
            let u = Int32(truncatingIfNeeded: k >> 32), t = Int32(truncatingIfNeeded: k & 0xFFFF_FFFF)
            let n = counts[k] ?? 0
            return Cell(author: u, topic: t, comments: n, byActivity: Double(n) / Double(authorComments[Int(u)]),
                        byProminence: Double(n) / Double(topicComments[Int(t)]))
        }
    }

    /// The authors who wrote most comments carrying `topic`, at most `limit`: most comments
    /// first, then the higher activity share, then the name.
    ///
    /// - Complexity: O(*x* + *k* log *k*) for *x* cells and *k* authors of the topic.
    public func topAuthors(of topic: Int32, limit: Int = 5) -> [Cell] {
        cells.filter { $0.topic == topic }
            .sorted { ($1.comments, $1.byActivity, authors[Int($0.author)]) < ($0.comments, $0.byActivity, authors[Int($1.author)]) }
            .prefix(limit).map { $0 }
    }

    /// Several threads' tables summed into one: authors matched by exact name and topics by
    /// name (each in order of first appearance), counts added, shares computed again.
    ///
    /// - Complexity: O(Σ (*a* + *t* + *x*) + *x* log *x*) over the parts.
    public static func merged(_ parts: [AuthorTopicTable]) -> AuthorTopicTable {
        var authorIndex: [String: Int32] = [:], topicIndex: [String: Int32] = [:]
        var authors: [String] = [], topics: [String] = [], authorComments: [Int] = []
        var counts: [UInt64: Int] = [:]
        for part in parts {
            let amap = part.authors.map { name in
                if let id = authorIndex[name] { return id }
                let id = Int32(authors.count)
                authorIndex[name] = id
                authors.append(name)
                authorComments.append(0)
                return id
            }
            let tmap = part.topics.map { name in
                if let id = topicIndex[name] { return id }
                let id = Int32(topics.count)
                topicIndex[name] = id
                topics.append(name)
                return id
            }
            for (u, n) in part.authorComments.enumerated() { authorComments[Int(amap[u])] += n }
            for cell in part.cells {
                counts[UInt64(UInt32(amap[Int(cell.author)])) << 32 | UInt64(UInt32(tmap[Int(cell.topic)])), default: 0] += cell.comments
            }
        }
        return AuthorTopicTable(authors: authors, topics: topics, authorComments: authorComments, counts: counts)
    }
}
