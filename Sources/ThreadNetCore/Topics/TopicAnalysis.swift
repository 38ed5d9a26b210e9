/// Everything ThreadNet derives from a thread's topics: the co-occurrence network with every
/// measure, the edges chosen for the diagram, the author × topic table and the depth profile
/// with the article-versus-comments drift.
///
/// ```swift
/// let topics = TopicAnalysis(incidence: incidence, analysis: thread, selection: .default)
/// let dot = TopicsDOT.write(topics)
/// ```
public struct TopicAnalysis: Hashable, Sendable {
    /// What a co-occurrence unit was; `nil` for a corpus merged from threads counted over
    /// different units.
    public let unit: TopicIncidence.Unit?
    /// The rule that chose ``edges``.
    public let selection: EdgeSelection
    /// The whole co-occurrence network.
    public let cooccurrence: TopicCooccurrence
    /// The pairs the rule keeps, strongest first.
    public let edges: [TopicPair]
    /// The author × topic table.
    public let authors: AuthorTopicTable
    /// Topics by depth, and drift.
    public let depth: TopicDepthProfile

    /// Analyzes the topics of one thread.
    ///
    /// - Complexity: O(Σ *k_u*² + *m* + *c* + *p* log *p* + *x* log *x*): pairs per unit,
    ///   unit–topic entries, comments, pairs and author–topic cells.
    public init(incidence: TopicIncidence, analysis: ThreadAnalysis, selection: EdgeSelection = .default) {
        let carried = CommentTopics(incidence, comments: analysis.comments.count)
        let network = TopicCooccurrence(incidence)
        self.init(unit: incidence.unit, selection: selection, cooccurrence: network,
                  authors: AuthorTopicTable(carried, topics: incidence.topics, network: analysis.network),
                  depth: TopicDepthProfile(carried, topics: incidence.topics, depth: analysis.tree.depth))
    }

    init(unit: TopicIncidence.Unit?, selection: EdgeSelection, cooccurrence: TopicCooccurrence, authors: AuthorTopicTable, depth: TopicDepthProfile) {
        self.unit = unit
        self.selection = selection
        self.cooccurrence = cooccurrence
        self.edges = selection.select(cooccurrence)
        self.authors = authors
        self.depth = depth
    }

    /// The topics of a corpus: each part's counts summed, topics matched by name, authors by
    /// exact name, and the edges chosen again from the sums with `selection`.
    ///
    /// - Complexity: linear in the parts' sizes plus sorting the merged pairs and cells.
    public static func merged(_ parts: [TopicAnalysis], selection: EdgeSelection = .default) -> TopicAnalysis {
        let units = Set(parts.map { $0.unit.map { "\($0)" } ?? "" })
        return TopicAnalysis(unit: units.count == 1 ? parts.first?.unit : nil, selection: selection,
                             cooccurrence: .merged(parts.map(\.cooccurrence)),
                             authors: .merged(parts.map(\.authors)), depth: .merged(parts.map(\.depth)))
    }
}
