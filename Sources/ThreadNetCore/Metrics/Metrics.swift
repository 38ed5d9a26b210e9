/// The catalog of metrics: each declared once, with its definition and its computation.
///
/// Conventions shared by all: the root post (article) is depth 0, a top-level comment depth 1,
/// a reply to it depth 2. "Comments" are those the inclusion rule keeps (deleted placeholders
/// included). Authors are known authors: the unknown bucket (deleted, empty, anonymous) is not
/// an author. The article's author is not part of the author network.
public enum Metrics {
    // MARK: Counts

    public static let comments = Metric<Int>("comments", "Comments", unit: "comments",
        "Comments analyzed: every record the inclusion rule keeps, deleted and removed placeholders included.") {
        $0.comments.count
    }
    public static let topLevel = Metric<Int>("topLevel", "Top-level comments", unit: "comments",
        "Comments that reply to the root post (depth 1), not counting orphan replies.") { a in
        (0..<a.comments.count).count { a.tree.parent[$0] < 0 && !a.repairedToRoot[$0] }
    }
    public static let replies = Metric<Int>("replies", "Replies", unit: "comments",
        "Comments that reply to another comment of the thread (depth 2 or more).") { a in
        a.tree.parent.count { $0 >= 0 }
    }
    public static let orphanReplies = Metric<Int>("orphanReplies", "Orphan replies", unit: "comments",
        "Comments that name a parent that could not be used (absent from the input, the comment itself, or part of a parent loop) and were attached to the root post; they are depth 1. Comments = top-level + replies + orphan replies.") { a in
        a.repairedToRoot.count { $0 }
    }
    public static let authors = Metric<Int>("authors", "Distinct authors", unit: "authors",
        "Distinct author names among the comments analyzed, matched exactly after trimming; deleted, empty or anonymous authors are not counted.") {
        $0.network.count
    }
    public static let unknownAuthorComments = Metric<Int>("unknownAuthorComments", "Comments by unknown authors", unit: "comments",
        "Comments whose author is deleted, empty or anonymous (`[deleted]`, `[removed]`, blank): the unknown bucket.") { a in
        a.network.commentAuthor.count { $0 == AuthorNetwork.unknownAuthor }
    }
    public static let excludedAuthorComments = Metric<Int>("excludedAuthorComments", "Comments by excluded authors", unit: "comments",
        "Comments whose author was left out with `--exclude-author`: they stay in the reply tree but not in the author network.") { a in
        a.network.commentAuthor.count { $0 == AuthorNetwork.excludedAuthor }
    }
    public static let deleted = Metric<Int>("deleted", "Deleted or removed placeholders", unit: "comments",
        "Comments marked deleted by their author or removed by a moderator, kept as placeholders.") { a in
        a.comments.indices.count { !a.comments[$0].status.isDisjoint(with: [.deleted, .removed]) }
    }
    public static let selfReplies = Metric<Int>("selfReplies", "Self-replies", unit: "comments",
        "Comments that directly reply to a comment by the same known author (loops in the author network).") { a in
        a.network.edges.filter { $0.kind == .reply && $0.from == $0.to }.reduce(0) { $0 + Int($1.weight) }
    }
    public static let commentsPerAuthor = Metric<Double>("commentsPerAuthor", "Comments per author", unit: "comments per author",
        "Comments by known authors divided by distinct authors (0 when there are no authors).") { a in
        let known = a.network.commentAuthor.count { $0 >= 0 }
        return a.network.count == 0 ? 0 : Double(known) / Double(a.network.count)
    }

    // MARK: Typed links

    public static let mentions = Metric<Int>("mentions", "Mention links", unit: "links",
        "Comments linked to an earlier comment whose author they address by name: a salutation opening the comment (`Paul, you are correct`), `@name` or `u/name`, matched case-insensitively against the thread's authors and aliases; the link goes to that author's most recent earlier comment (earlier in time when every comment has a timestamp, else in source order). Mentions of oneself and of the author of the comment replied to are not links.") { a in
        a.links.count { $0.kind == .mention }
    }
    public static let quotes = Metric<Int>("quotes", "Quote links", unit: "links",
        "Comments linked to an earlier comment they quote: a passage of 5 or more words marked as quoted (`>` lines, an HTML blockquote, or text in double quotes) that occurs word for word (ignoring case and punctuation) in the earliest earlier comment containing it.") { a in
        a.links.count { $0.kind == .quote }
    }
    public static let references = Metric<Int>("references", "Numeric references", unit: "links",
        "Comments linked to an earlier comment they name by the number the page shows it with: `#12`, `@12` or `comment 12`. Read only where comments are numbered (pasted comment sections); elsewhere such numbers are list items or rankings. References to the comment replied to are not links.") { a in
        a.links.count { $0.kind == .reference }
    }

    // MARK: Repeat posters

    public static let repeatPosters = Metric<[AuthorCount]>("repeatPosters", "Repeat posters", unit: "authors",
        "Authors with 2 or more comments, with their comment counts, most comments first (ties by name).") { a in
        authorCommentCounts(a).filter { $0.comments >= 2 }
            .sorted { ($1.comments, $0.name) < ($0.comments, $1.name) }
    }
    public static let repeatPosterShare = Metric<Double>("repeatPosterShare", "Share of authors who repeat", unit: "fraction",
        "Repeat posters divided by distinct authors (0 when there are no authors).") { a in
        a.network.count == 0 ? 0 : Double(repeatPosters(a).count) / Double(a.network.count)
    }
    public static let repeatPosterCommentShare = Metric<Double>("repeatPosterCommentShare", "Share of comments by repeat posters", unit: "fraction",
        "Comments written by repeat posters divided by comments by known authors (0 when there are none).") { a in
        let known = a.network.commentAuthor.count { $0 >= 0 }
        let byRepeat = repeatPosters(a).reduce(0) { $0 + $1.comments }
        return known == 0 ? 0 : Double(byRepeat) / Double(known)
    }

    // MARK: Depth

    public static let depth = Metric<[Int32]>("depth", "Reply depth", unit: "levels", scope: .comment,
        "Distance from the root post: a top-level comment is depth 1, a reply to it depth 2; the root post is depth 0.") {
        $0.tree.depth
    }
    public static let maxDepth = Metric<Int>("max", "Maximum depth", unit: "levels",
        "The largest reply depth of any comment (0 when there are no comments).") { a in
        Int(a.tree.depth.max() ?? 0)
    }
    public static let meanDepth = Metric<Double>("mean", "Mean depth", unit: "levels",
        "The mean reply depth over all comments analyzed (0 when there are none).") { a in
        a.tree.count == 0 ? 0 : Double(a.tree.depth.reduce(0) { $0 + Int($1) }) / Double(a.tree.count)
    }
    public static let depthHistogram = Metric<[Int: Int]>("histogram", "Depth histogram", unit: "comments",
        "For each depth d ≥ 1, the number of comments at depth d.") { a in
        var h: [Int: Int] = [:]
        for d in a.tree.depth { h[Int(d), default: 0] += 1 }
        return h
    }

    // MARK: Replies per comment

    public static let repliesPerComment = Metric<[Int]>("repliesReceived", "Direct replies received", unit: "comments", scope: .comment,
        "For each comment, the number of comments that reply directly to it (children in the reply tree).") { a in
        (0..<a.tree.count).map { a.tree.replyCount(of: Int32($0)) }
    }
    public static let mostReplied = Metric<[Int]>("mostReplied", "Most-replied comments", unit: "comments",
        "Up to 5 comments with at least one direct reply, most direct replies first, ties in source order.") { a in
        let counts = repliesPerComment(a)
        return counts.indices.filter { counts[$0] > 0 }
            .sorted { (counts[$1], $0) < (counts[$0], $1) }
            .prefix(5).map { $0 }
    }

    // MARK: Per author

    public static let authorStats = Metric<[AuthorStats]>("authors", "Authors", unit: "authors", scope: .author,
        "Per known author: comments written; replies given and received; in-, out- and weighted degree in the author network.") { a in
        AuthorStats.compute(a)
    }

    /// Comments per known author, in author-id order.
    static func authorCommentCounts(_ a: ThreadAnalysis) -> [AuthorCount] {
        var counts = [Int](repeating: 0, count: a.network.count)
        for id in a.network.commentAuthor where id >= 0 { counts[Int(id)] += 1 }
        return counts.enumerated().map { AuthorCount(name: a.network.names[$0.offset], comments: $0.element) }
    }

    /// Definitions of the per-author columns (computed together by ``authorStats``).
    public static let authorColumns: [MetricDefinition] = [
        MetricDefinition(id: "comments", name: "Comments", definition: "Comments written by the author.", unit: "comments", scope: .author),
        MetricDefinition(id: "repliesGiven", name: "Replies given", definition: "The author's comments that reply directly to another comment (of any author, including the unknown bucket and the author's own); replies to the root post are not counted.", unit: "comments", scope: .author),
        MetricDefinition(id: "repliesReceived", name: "Replies received", definition: "Comments (by anyone, including the author and the unknown bucket) that reply directly to one of the author's comments.", unit: "comments", scope: .author),
        MetricDefinition(id: "inDegree", name: "In-degree", definition: "Distinct other authors who replied directly to the author (reply edges; self-replies excluded).", unit: "authors", scope: .author),
        MetricDefinition(id: "outDegree", name: "Out-degree", definition: "Distinct other authors the author replied to directly (reply edges; self-replies excluded).", unit: "authors", scope: .author),
        MetricDefinition(id: "weightedDegree", name: "Weighted degree", definition: "Sum of the weights of reply edges into and out of the author, between known authors; a self-reply loop counts twice (once in, once out), as in networkx.", unit: "replies", scope: .author),
    ]

    /// Every definition, in glossary order: counts, typed links, repeat posters, depth, then
    /// the shape, participation and network groups, then per-comment and per-author columns.
    public static let glossary: [MetricDefinition] = {
        let head: [MetricDefinition] = [
            comments.definition, topLevel.definition, replies.definition, orphanReplies.definition,
            authors.definition, unknownAuthorComments.definition, excludedAuthorComments.definition, deleted.definition, selfReplies.definition,
            mentions.definition, quotes.definition, references.definition,
            repeatPosters.definition, depth.definition, depthHistogram.definition, repliesPerComment.definition, mostReplied.definition,
        ]
        let groups = (shapeScalars + participationScalars + networkScalars + timeScalars).map(\.definition)
        var seen = Set<String>()
        return (head + groups + timeColumns + commentShapeColumns + authorColumns + authorParticipationColumns + authorNetworkColumns).filter { seen.insert($0.id + "/" + $0.scope.rawValue).inserted }
    }()
}

/// An author and a comment count.
public struct AuthorCount: Hashable, Sendable {
    public var name: String
    public var comments: Int
}
