/// What the reply-tree and author-network diagrams encode, chosen on the command line
/// (`--color`).
public struct DiagramOptions: Hashable, Sendable {
    /// What a comment's colour in the reply tree says.
    public enum ColorEncoding: String, CaseIterable, Hashable, Sendable {
        /// The most active authors (2 or more comments, up to ``Palette/fills``.count) each in
        /// their own colour, the same in the author network; every other author one colour.
        case author
        /// Reply depth: 1 (top level) to 8, deeper comments as 8+.
        case depth
        /// Time since the root post (or, without its time, since the first comment), in bins
        /// from 10 minutes to a week.
        case time
        /// The score the source gives (votes, likes), in bins on a log scale.
        case score
        /// The author's community (``Communities``): the largest communities (up to
        /// ``Palette/fills``.count, by authors) each in their own colour, the others one colour;
        /// the author network is coloured the same way.
        case community
    }

    /// What the reply tree's colours encode (default `.author`).
    public var color: ColorEncoding
    /// Comments up to which a reply tree is drawn whole with a label per comment
    /// (``ReplyTreeDOT/labelledLimit`` by default); above, a radial picture without labels.
    public var labelledLimit: Int
    /// Nodes a reply-tree picture draws at most (``ReplyTreeDOT/nodeBudget`` by default);
    /// above, the tree is folded (``ReplyTreeReduction``).
    public var nodeBudget: Int
    /// Authors an author-network picture draws at most (``AuthorNetworkDOT/drawnAuthorLimit``).
    public var authorLimit: Int

    public init(color: ColorEncoding = .author, labelledLimit: Int = ReplyTreeDOT.labelledLimit,
                nodeBudget: Int = ReplyTreeDOT.nodeBudget, authorLimit: Int = AuthorNetworkDOT.drawnAuthorLimit) {
        self.color = color
        self.labelledLimit = labelledLimit
        self.nodeBudget = nodeBudget
        self.authorLimit = authorLimit
    }
}
