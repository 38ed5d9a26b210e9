import Foundation

extension Participation {
    /// The participation figures of `analysis`.
    ///
    /// - Complexity: O(*n* log *n* + *m*) for *n* comments of *m* text scalars in all.
    public init(_ analysis: ThreadAnalysis) {
        self.init(comments: analysis.comments, tree: analysis.tree,
                  commentAuthor: analysis.network.commentAuthor, names: analysis.network.names)
    }

    /// The participation figures of `comments` over `tree`; `commentAuthor[i]` is the author id of
    /// comment `i` (`-1` = unknown bucket) and `names` the author names by id, as in
    /// ``AuthorNetwork``.
    ///
    /// - Complexity: O(*n* log *n* + *m*) for *n* comments of *m* text scalars in all.
    public init(comments: [Comment], tree: ReplyTree, commentAuthor: [Int32], names: [String]) {
        precondition(comments.count == tree.count && commentAuthor.count == tree.count, "one author per comment")
        let authors = names.count
        var perAuthor = names.map {
            AuthorParticipation(name: $0, comments: 0, depths: [], firstCommentTime: nil, lastCommentTime: nil, words: 0)
        }
        // Comments grouped by author (CSR over source order), for the per-depth counts.
        var start = [Int32](repeating: 0, count: authors + 1)
        for a in commentAuthor where a >= 0 { start[Int(a) + 1] += 1 }
        for a in 0..<authors { start[a + 1] += start[a] }
        var fill = start
        var depthsByAuthor = [Int32](repeating: 0, count: Int(start[authors]))
        for (i, c) in comments.enumerated() {
            let a = Int(commentAuthor[i])
            guard a >= 0 else { continue }
            depthsByAuthor[Int(fill[a])] = tree.depth[i]
            fill[a] += 1
            perAuthor[a].comments += 1
            perAuthor[a].words += WordCount.words(in: c.text)
            if let t = c.timestamp {
                if perAuthor[a].firstCommentTime.map({ t < $0 }) ?? true { perAuthor[a].firstCommentTime = t }
                if perAuthor[a].lastCommentTime.map({ t > $0 }) ?? true { perAuthor[a].lastCommentTime = t }
            }
        }
        for a in 0..<authors {
            let group = depthsByAuthor[Int(start[a])..<Int(start[a + 1])].sorted()
            var runs: [AuthorParticipation.DepthCount] = []
            for d in group {
                if runs.last?.depth == Int(d) { runs[runs.count - 1].comments += 1 } else { runs.append(.init(depth: Int(d), comments: 1)) }
            }
            perAuthor[a].depths = runs
        }

        let counts = perAuthor.map(\.comments)
        let total = Int(start[authors])
        let repeatCounts = counts.filter { $0 >= 2 }
        self.authors = authors
        self.authorComments = total
        self.meanCommentsPerAuthor = authors == 0 ? 0 : Double(total) / Double(authors)
        self.maxCommentsPerAuthor = counts.max() ?? 0
        self.repeatPosterShare = authors == 0 ? 0 : Double(repeatCounts.count) / Double(authors)
        self.repeatPosterCommentShare = total == 0 ? 0 : Double(repeatCounts.reduce(0, +)) / Double(total)
        self.topOnePercentShare = Self.topShare(percent: 1, counts: counts, total: total)
        self.topFivePercentShare = Self.topShare(percent: 5, counts: counts, total: total)
        self.topTenPercentShare = Self.topShare(percent: 10, counts: counts, total: total)
        self.gini = Inequality.gini(counts)
        self.entropy = Inequality.normalizedEntropy(counts)
        self.authorHIndex = Inequality.hIndex(counts)
        self.perAuthor = perAuthor
    }
}
