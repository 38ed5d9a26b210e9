/// Thread-shape metrics: computed by ``ThreadShape`` on the reply tree, defined here.
///
/// The article is depth 0, a top-level comment depth 1. "Top level" here means depth 1 in the
/// repaired tree, so orphan replies attached to the article count.
extension Metrics {
    public static let shapeScalars: [ScalarMetric] = [
        ScalarMetric("maxDepth", "Maximum depth", group: .shape, unit: "levels", isCount: true,
            "The largest depth of any comment (0 when there are no comments).") { Double($0.shape.maxDepth) },
        ScalarMetric("meanDepth", "Mean depth", group: .shape, unit: "levels",
            "The mean depth over all comments.") { $0.shape.meanDepth },
        ScalarMetric("meanLeafDepth", "Mean leaf depth", group: .shape, unit: "levels",
            "The mean depth over leaves: comments that received no reply.") { $0.shape.meanLeafDepth },
        ScalarMetric("levelWidth", "Level width", group: .shape, unit: "comments", isCount: true,
            "The most comments at any one depth (the largest bar of the depth histogram). Not the same as fan-out width.") { Double($0.shape.levelWidth) },
        ScalarMetric("fanOutWidth", "Fan-out width", group: .shape, unit: "comments", isCount: true,
            "The most direct replies any one comment received (the article excluded; its fan-out is the root fan-out).") { Double($0.shape.fanOutWidth) },
        ScalarMetric("rootFanOut", "Root fan-out", group: .shape, unit: "comments", isCount: true,
            "Direct replies to the article: comments at depth 1, orphan replies attached to the article included.") { Double($0.shape.rootFanOut) },
        ScalarMetric("branchingFactor", "Branching factor (all comments)", group: .shape, unit: "replies per comment",
            "The mean number of direct replies per comment, over all comments (leaves count 0).") { $0.shape.branchingFactor },
        ScalarMetric("repliedBranchingFactor", "Branching factor (replied comments)", group: .shape, unit: "replies per comment",
            "The mean number of direct replies over the comments that received at least one.") { $0.shape.repliedBranchingFactor },
        ScalarMetric("topLevelShare", "Top-level share", group: .shape, unit: "fraction",
            "Comments at depth 1 divided by comments.") { $0.shape.topLevelShare },
        ScalarMetric("repliedTopLevelShare", "Replied top-level share", group: .shape, unit: "fraction",
            "The share of depth-1 comments that received at least one direct reply.") { $0.shape.repliedTopLevelShare },
        ScalarMetric("branches", "Branches", group: .shape, unit: "branches", isCount: true,
            "Top-level branches: subtrees under the depth-1 comments (their sizes are `branchSizes` in metrics.json).") { Double($0.shape.branchSizes.count) },
        ScalarMetric("branchSizeGini", "Branch size Gini", group: .shape, unit: "index 0–1", source: "Gini (1912); sample form without small-n correction",
            "The Gini coefficient of the branch sizes (comments per top-level branch, the top-level comment included): with sizes sorted ascending x₁…xₙ, Σ(2i − n − 1)xᵢ / (n Σx). 0 when all branches are equal; 0 with fewer than 2 branches.") { $0.shape.branchSizeGini },
        ScalarMetric("branchSizeEntropy", "Branch size entropy", group: .shape, unit: "index 0–1", source: "Shannon (1948), normalised by ln n",
            "The normalised Shannon entropy of the branch sizes: −Σ pᵢ ln pᵢ / ln n, pᵢ = share of comments in branch i, n branches. 1 when all branches are equal; 0 with fewer than 2 branches.") { $0.shape.branchSizeEntropy },
        ScalarMetric("levelHIndex", "Thread h-index (level)", group: .shape, unit: "levels", isCount: true, source: "Gómez, Kaltenbrunner & López 2008 (Slashdot threads)",
            "The largest k such that at least k comments are at depth exactly k.") { Double($0.shape.levelHIndex) },
        ScalarMetric("depthHIndex", "Thread h-index (Hirsch over depths)", group: .shape, unit: "levels", isCount: true, source: "Hirsch 2005, applied to comments per depth",
            "The largest h such that at least h depths each hold at least h comments.") { Double($0.shape.depthHIndex) },
        ScalarMetric("structuralVirality", "Structural virality (with article)", group: .shape, unit: "reply steps", source: "Goel, Anderson, Hofman & Watts 2016",
            "The mean shortest-path distance over all unordered pairs of nodes of the reply tree, the article included (the Wiener index Σ over edges of s(N − s), s the nodes below the edge, divided by N(N − 1)/2). A flat thread tends to 2; a chain of N nodes gives (N + 1)/3. 0 with fewer than 2 nodes.") { $0.shape.structuralVirality },
        ScalarMetric("commentStructuralVirality", "Structural virality (comments only)", group: .shape, unit: "reply steps", source: "Goel, Anderson, Hofman & Watts 2016, pairs of comments only",
            "The mean shortest-path distance over unordered pairs of comments (paths may pass through the article): (W − Σ depth) / (n(n − 1)/2) for n comments. 0 with fewer than 2 comments.") { $0.shape.commentStructuralVirality },
    ]

    /// Per-comment shape columns (in metrics.json `comments` and the most-discussed table).
    public static let commentShapeColumns: [MetricDefinition] = [
        MetricDefinition(id: "descendants", name: "Descendants", definition: "Comments in the comment's subtree, itself excluded: its replies, their replies, and so on.", unit: "comments", scope: .comment),
        MetricDefinition(id: "otherAuthorDescendants", name: "Descendants by others", definition: "Descendants whose author is not the comment's author (the unknown bucket counts as other; for a comment by the unknown bucket every descendant counts).", unit: "comments", scope: .comment),
        MetricDefinition(id: "mostDiscussed", name: "Most-discussed comments", definition: "Up to 5 comments with at least one descendant, ranked by descendants by others, then descendants, then source order.", unit: "comments", scope: .thread),
    ]
}
