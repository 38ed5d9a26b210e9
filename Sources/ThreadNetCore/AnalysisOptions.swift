/// Everything that shapes an analysis after import: which comments count, who is which
/// author, and what the outputs include.
public struct AnalysisOptions: Sendable {
    /// Which comments enter the analysis.
    public var policy: InclusionPolicy
    /// Aliases, excluded authors, and whether the article's author joins the network.
    public var identity: AuthorIdentity
    /// Topic extraction and the co-occurrence diagram's edge rule.
    public var topics: TopicSettings
    /// Which comments enter by their time (`--since`, `--until`).
    public var window: TimeWindow
    /// Write `reply-tree.gexf` as a dynamic graph, each comment and reply from its time on
    /// (`--dynamic`), so Gephi's timeline plays the thread.
    public var dynamicGEXF = false
    /// What the diagrams encode and how large they may get (`--color`).
    public var diagrams = DiagramOptions()
    /// Whether the diagrams are rendered to SVG and PNG (`--no-images` turns it off); the report
    /// embeds the pictures only when they are.
    public var images = true

    public init(policy: InclusionPolicy = .visible, identity: AuthorIdentity = .default, topics: TopicSettings = TopicSettings(),
                window: TimeWindow = TimeWindow()) {
        self.policy = policy
        self.identity = identity
        self.topics = topics
        self.window = window
    }

    /// The settings as the report's provenance lists them.
    public var descriptions: [String] {
        window.descriptions + identity.optionDescriptions + topics.descriptions + (diagrams.color == .author ? [] : ["--color \(diagrams.color.rawValue)"])
    }
}
