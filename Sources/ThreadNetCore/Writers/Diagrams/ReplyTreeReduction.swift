/// Which comments a reply-tree picture draws when the tree is larger than its node budget,
/// and what stands for the rest.
///
/// Definition: comments are taken in order of **largest branch** (a comment's branch is the
/// comment and every reply below it; ties in source order), each only if its parent was taken
/// (a parent's branch is always larger than its replies', so this holds back only the
/// descendants of what was left out), at most `topLevelLimit` of them top level, until
/// `budget` are taken: the picture keeps the long conversations whole as deep as they go and
/// drops the smallest twigs. A drawn comment **holds** the comments of its replies' branches that are not drawn
/// (its dot's area grows with them); top-level comments that are not drawn are counted in one
/// **summary node** ("+N comments in M branches") beside the article. Every comment is thus
/// drawn, held by exactly one drawn comment, or in the summary:
/// `drawn.count + heldComments + summarized = comments`.
///
/// A tree within the budget is drawn whole (``isReduced`` false).
///
/// - Complexity: O(*n* log *n*) for *n* comments (one sort), O(*n*) memory; no recursion.
public struct ReplyTreeReduction: Sendable {
    /// A node standing for replies that are not drawn.
    public struct Summary: Hashable, Sendable {
        /// The comment whose replies it stands for (-1: the root post).
        public var parent: Int32
        /// Comments in the branches it stands for.
        public var comments: Int
        /// Replies (branches) it stands for.
        public var branches: Int
    }

    /// The comments drawn, by depth, then in source order (parents before their replies).
    public let drawn: [Int32]
    /// For each entry of ``drawn``, the comments below it that are not drawn (0 when all its
    /// replies are drawn).
    public let held: [Int]
    /// Summary nodes (at most one, for the top-level comments not drawn).
    public let summaries: [Summary]
    /// Comments in each comment's branch, itself included (``ReplyTree`` order).
    public let branchSize: [Int]
    /// Whether anything is not drawn.
    public var isReduced: Bool { drawn.count < branchSize.count }
    /// The deepest level drawn (0 for none).
    public let depthDrawn: Int
    /// Comments held by drawn comments (not drawn themselves, not in a summary).
    public var heldComments: Int { held.reduce(0, +) }
    /// Comments counted in summary nodes.
    public var summarizedComments: Int { summaries.reduce(0) { $0 + $1.comments } }

    /// - Parameters:
    ///   - budget: comments drawn at most.
    ///   - topLevelLimit: top-level comments drawn at most (the largest branches; the rest go
    ///     into the summary), so that the innermost ring stays readable.
    public init(_ tree: ReplyTree, budget: Int, topLevelLimit: Int = ReplyTreeDOT.topLevelLimit) {
        let n = tree.count
        // Branch sizes, replies before parents (reverse pre-order).
        var size = [Int](repeating: 1, count: n)
        for i in tree.preorder().reversed() where tree.parent[Int(i)] >= 0 { size[Int(tree.parent[Int(i)])] += size[Int(i)] }
        branchSize = size
        var chosen: [Int32]
        var isDrawn = [Bool](repeating: n <= budget, count: n)
        if n <= budget {
            chosen = Array(0..<Int32(n))
        } else {
            // Largest branches first; a comment is taken only when its parent was (so a
            // top-level comment left out by `topLevelLimit` takes its branch with it).
            let ranked = (0..<Int32(n)).sorted { (size[Int($1)], $0) < (size[Int($0)], $1) }
            chosen = []
            chosen.reserveCapacity(budget)
            var topLevel = 0
            for c in ranked where chosen.count < budget {
                let p = tree.parent[Int(c)]
                if p < 0 {
                    guard topLevel < topLevelLimit else { continue }
                    topLevel += 1
                } else if !isDrawn[Int(p)] {
                    continue
                }
                isDrawn[Int(c)] = true
                chosen.append(c)
            }
        }
        chosen.sort { (tree.depth[Int($0)], $0) < (tree.depth[Int($1)], $1) }
        held = chosen.map { i in
            size[Int(i)] - 1 - tree.children(of: i).reduce(0) { $0 + (isDrawn[Int($1)] ? size[Int($1)] : 0) }
        }
        var comments = 0, branches = 0
        for c in tree.topLevel where !isDrawn[Int(c)] {
            comments += size[Int(c)]
            branches += 1
        }
        summaries = branches > 0 ? [Summary(parent: -1, comments: comments, branches: branches)] : []
        drawn = chosen
        depthDrawn = chosen.last.map { Int(tree.depth[Int($0)]) } ?? 0
    }
}
