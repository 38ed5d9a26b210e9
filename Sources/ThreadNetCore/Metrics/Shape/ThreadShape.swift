/// The shape of one thread's reply tree: depth, width, branching, balance between branches,
/// thread h-indices, structural virality, and per-comment reply and descendant counts.
///
/// Conventions: the root post (article) is depth 0, a top-level comment depth 1, a reply to it
/// depth 2. "Comments" are the nodes of the ``ReplyTree`` (every comment the inclusion rule
/// keeps). "Top-level" means replying to the root post in the tree, which includes orphan
/// replies the repair attached there. Per-comment arrays are indexed by comment (source order),
/// like the tree. Every ratio is 0 when its denominator is 0.
///
/// ```swift
/// let shape = ThreadShape(analysis)
/// shape.maxDepth, shape.structuralVirality, shape.mostDiscussed(5)
/// ```
///
/// Computed without recursion: a reply chain a million deep is as cheap as a flat thread.
public struct ThreadShape: Hashable, Sendable {
    // MARK: Size

    /// Number of comments (nodes of the reply tree, the root post not counted). Unit: comments.
    public let comments: Int

    // MARK: Depth

    /// The largest depth of any comment; 0 when there are no comments. Unit: levels.
    public let maxDepth: Int
    /// The mean depth over all comments (a top-level comment counts 1). Unit: levels.
    public let meanDepth: Double
    /// The mean depth over the leaves: comments that received no reply. Unit: levels.
    public let meanLeafDepth: Double
    /// Comments at each depth: element 0 counts depth 1 (top level), element *d* − 1 depth *d*,
    /// up to ``maxDepth``; empty when there are no comments. Unit: comments.
    public let depthHistogram: [Int]

    // MARK: Width

    /// Level width: the largest number of comments at one depth (the maximum of
    /// ``depthHistogram``); 0 when there are no comments. Unit: comments.
    public let levelWidth: Int
    /// Fan-out width: the largest number of direct replies to one comment. The root post is
    /// not a comment and does not count here; its fan-out is ``rootFanOut``. Unit: comments.
    public let fanOutWidth: Int
    /// The root post's fan-out: the number of top-level comments (depth 1). Unit: comments.
    public let rootFanOut: Int

    // MARK: Branching

    /// Branching factor: the mean number of direct replies per comment, over all comments
    /// (leaves count 0); equals replies to comments divided by comments. Unit: comments per comment.
    public let branchingFactor: Double
    /// Replied branching factor: the mean number of direct replies over the comments that
    /// received at least one reply. Unit: comments per comment.
    public let repliedBranchingFactor: Double
    /// Top-level comments (depth 1) divided by comments. Unit: fraction.
    public let topLevelShare: Double
    /// The share of top-level comments that received at least one direct reply. Unit: fraction.
    public let repliedTopLevelShare: Double

    // MARK: Branches

    /// Size of each branch: for each top-level comment, in source order, the number of comments
    /// in its subtree, the top-level comment included. Sums to ``comments``. Unit: comments.
    public let branchSizes: [Int]
    /// The Gini coefficient of ``branchSizes`` (see ``Inequality/gini(_:)``): 0 when all
    /// branches are the same size, near 1 when one branch holds the discussion. Unit: fraction.
    public let branchSizeGini: Double
    /// The normalised Shannon entropy of ``branchSizes`` (see
    /// ``Inequality/normalizedEntropy(_:)``): 1 when all branches are the same size, 0 when one
    /// branch holds the discussion or there are fewer than 2 branches. Unit: fraction.
    public let branchSizeEntropy: Double

    // MARK: Thread h-index

    /// Level h-index: the largest *k* such that at least *k* comments are at depth exactly *k*
    /// (Gómez, Kaltenbrunner & López 2008, "Statistical analysis of the social network and
    /// discussion threads in Slashdot"); 0 when there are no comments. Unit: levels.
    public let levelHIndex: Int
    /// Depth h-index: the Hirsch h-index of the per-depth counts (``depthHistogram``): the
    /// largest *h* such that at least *h* depths each hold at least *h* comments. Unit: levels.
    public let depthHIndex: Int

    // MARK: Structural virality

    /// Structural virality: the mean shortest-path distance over all unordered pairs of the
    /// *N* = comments + 1 nodes of the reply tree, root post included (Goel, Anderson, Hofman &
    /// Watts 2016, "The structural virality of online diffusion"). Computed as the Wiener index
    /// *W* = Σ over tree edges of *s* (*N* − *s*), *s* being the number of nodes below the edge,
    /// divided by *N*(*N* − 1)/2. 0 when *N* < 2. A path of *N* nodes gives (*N* + 1)/3; a star
    /// (a flat thread) tends to 2. Unit: edges (reply steps).
    public let structuralVirality: Double
    /// Comment structural virality: the mean shortest-path distance over all unordered pairs of
    /// comments, paths allowed through the root post: (*W* − Σ depth) / (*n*(*n* − 1)/2) for *n*
    /// comments, where *W* is the Wiener index of ``structuralVirality`` and Σ depth the
    /// distances from the root post. 0 when *n* < 2. Unit: edges (reply steps).
    public let commentStructuralVirality: Double

    // MARK: Per comment

    /// For each comment, the number of comments that reply directly to it. Unit: comments.
    public let directReplies: [Int32]
    /// For each comment, the number of comments in its subtree, itself excluded (replies,
    /// replies to those, and so on). Unit: comments.
    public let descendants: [Int32]
    /// For each comment, its descendants whose author is not the comment's own author:
    /// descendants by other known authors plus those by the unknown bucket. For a comment by the
    /// unknown bucket every descendant counts (its author is not known, so no descendant can be
    /// shown to be the same person). Measures how much discussion a comment drew from others,
    /// not counting the author's own follow-ups. Unit: comments.
    public let otherAuthorDescendants: [Int32]
}
