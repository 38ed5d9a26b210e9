extension ThreadShape {
    /// The shape of `analysis`'s reply tree, with its authors for ``otherAuthorDescendants``.
    ///
    /// - Complexity: O(*n* log *n*) for *n* comments.
    public init(_ analysis: ThreadAnalysis) {
        self.init(tree: analysis.tree, commentAuthor: analysis.network.commentAuthor)
    }

    /// The shape of `tree`; `commentAuthor[i]` is the author id of comment `i` (`-1` = unknown
    /// bucket), as in ``AuthorNetwork/commentAuthor``.
    ///
    /// - Complexity: O(*n* log *n*) for *n* comments (the binary searches of
    ///   ``otherAuthorDescendants``); everything else O(*n*). No recursion.
    public init(tree: ReplyTree, commentAuthor: [Int32]) {
        precondition(commentAuthor.count == tree.count, "one author per comment")
        let n = tree.count

        // Depth.
        var maxDepth = 0
        var depthSum = 0
        for d in tree.depth {
            maxDepth = max(maxDepth, Int(d))
            depthSum += Int(d)
        }
        var histogram = [Int](repeating: 0, count: maxDepth)
        var leaves = 0
        var leafDepthSum = 0
        var replied = 0
        var directReplies = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            histogram[Int(tree.depth[i]) - 1] += 1
            let r = tree.replyCount(of: Int32(i))
            directReplies[i] = Int32(r)
            if r == 0 {
                leaves += 1
                leafDepthSum += Int(tree.depth[i])
            } else {
                replied += 1
            }
        }
        let topLevel = tree.topLevel
        let repliesToComments = n - topLevel.count

        // Subtree sizes, leaves first: reverse pre-order visits every child before its parent.
        let order = tree.preorder()
        var size = [Int32](repeating: 1, count: n)
        for node in order.reversed() {
            let p = tree.parent[Int(node)]
            if p >= 0 { size[Int(p)] += size[Int(node)] }
        }
        // Wiener index: the edge above comment i separates its size[i] nodes from the other N − size[i].
        let nodes = n + 1
        var wiener: Int128 = 0
        for s in size { wiener += Int128(Int(s) * (nodes - Int(s))) }
        let branchSizes = topLevel.map { Int(size[Int($0)]) }

        self.comments = n
        self.maxDepth = maxDepth
        self.meanDepth = Self.ratio(depthSum, n)
        self.meanLeafDepth = Self.ratio(leafDepthSum, leaves)
        self.depthHistogram = histogram
        self.levelWidth = histogram.max() ?? 0
        self.fanOutWidth = Int(directReplies.max() ?? 0)
        self.rootFanOut = topLevel.count
        self.branchingFactor = Self.ratio(repliesToComments, n)
        self.repliedBranchingFactor = Self.ratio(repliesToComments, replied)
        self.topLevelShare = Self.ratio(topLevel.count, n)
        self.repliedTopLevelShare = Self.ratio(topLevel.count { tree.replyCount(of: $0) > 0 }, topLevel.count)
        self.branchSizes = branchSizes
        self.branchSizeGini = Inequality.gini(branchSizes)
        self.branchSizeEntropy = Inequality.normalizedEntropy(branchSizes)
        self.levelHIndex = histogram.indices.last { histogram[$0] >= $0 + 1 }.map { $0 + 1 } ?? 0
        self.depthHIndex = Inequality.hIndex(histogram)
        self.structuralVirality = nodes < 2 ? 0 : Double(wiener) / (Double(nodes) * Double(nodes - 1) / 2)
        self.commentStructuralVirality = n < 2 ? 0 : Double(wiener - Int128(depthSum)) / (Double(n) * Double(n - 1) / 2)
        self.directReplies = directReplies
        self.descendants = size.map { $0 - 1 }
        self.otherAuthorDescendants = Self.otherAuthorDescendants(order: order, size: size, commentAuthor: commentAuthor)
    }

    /// `numerator / denominator`, 0 when the denominator is 0.
    static func ratio(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }
}
