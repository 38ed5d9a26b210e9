/// One thread after the inclusion rule and every repair: the comments analyzed, their reply
/// tree and author network, and all findings (the importer's and the analysis's).
///
/// Comment `i` here is `comments[i]`, the `i`-th included comment in source order; every
/// array in ``tree`` and ``network`` is indexed the same way.
public final class ThreadAnalysis: Sendable {
    /// The thread as imported (all records).
    public let thread: CommentThread
    /// The comments analyzed, in source order, with parents re-pointed past excluded ones.
    public let comments: [Comment]
    /// The reply tree over ``comments``.
    public let tree: ReplyTree
    /// For each comment, whether a repair attached it to the root (orphan reply).
    public let repairedToRoot: [Bool]
    /// The author network over ``comments``.
    public let network: AuthorNetwork
    /// The importer's findings followed by the analysis's, in that order.
    public let findings: [Finding]
    /// Records left out by the inclusion rule, by status name (`spam`, `pending`, …).
    public let excludedCounts: [String: Int]
    /// The rule that chose the comments.
    public let policy: InclusionPolicy
    /// Who counts as which author.
    public let identity: AuthorIdentity
    /// Mentions, quotes and numeric references between comments, sorted by (`from`, `to`, `kind`);
    /// apart from the reply tree, which they never change.
    public let links: [CommentLink]

    /// Applies `policy` to `thread`, builds the tree, finds the typed links, builds the author
    /// network under `identity`, and collects findings.
    ///
    /// - Complexity: O(*n*) expected for *n* comments (plus sorting the author edges and links).
    public init(thread: CommentThread, policy: InclusionPolicy = .visible, identity: AuthorIdentity = .default) {
        var findings = thread.findings
        // Excluded records: remember their parents so replies can skip past them.
        var excludedParent: [String: String?] = [:]
        var excludedByKind: [String: [SourceLocation]] = [:]
        let excludedStatuses = policy.excludedStatuses
        var comments: [Comment]
        if thread.comments.allSatisfy({ $0.status.isDisjoint(with: excludedStatuses) }) {
            comments = thread.comments  // shares the thread's storage
        } else {
            comments = []
            comments.reserveCapacity(thread.comments.count)
            for c in thread.comments {
                let hit = c.status.intersection(excludedStatuses)
                if hit.isEmpty {
                    comments.append(c)
                } else {
                    excludedParent[c.id] = c.parentID
                    excludedByKind[hit.flagNames[0], default: []].append(c.location)
                }
            }
        }
        for (kind, locations) in excludedByKind.sorted(by: { $0.key < $1.key }) {
            let shown = locations.prefix(10).map { $0.line.map { "line \($0)" } ?? $0.record.map { "record \($0)" } ?? "" }
            let more = locations.count > 10 ? ", …" : ""
            findings.append(Finding(.excluded, at: locations[0],
                "\(locations.count) \(kind) record\(locations.count == 1 ? "" : "s") left out by the inclusion rule (\(shown.joined(separator: ", "))\(more))"))
        }
        if !excludedParent.isEmpty {
            for i in comments.indices {
                guard let pid = comments[i].parentID, excludedParent[pid] != nil else { continue }
                let target = Comment.nearestKept(pid, leftOut: excludedParent)
                findings.append(Finding(.note, at: comments[i].location,
                    "comment \(comments[i].id) replies to \(pid), which is left out by the inclusion rule; attached to \(target.map { "comment \($0)" } ?? "the root")"))
                comments[i].parentID = target
            }
        }
        let builder = ReplyTreeBuilder(comments: comments)
        findings.append(contentsOf: builder.findings)
        let authors = AuthorNetwork.Authors(comments: comments, root: thread.root, identity: identity)
        let links = LinkFinder.links(comments: comments, parent: builder.tree.parent, commentAuthor: authors.commentAuthor,
                                     names: authors.lookup)
        let network = AuthorNetwork(authors: authors, tree: builder.tree, links: links)
        // Deleted placeholders that carry replies, and the unknown-author bucket.
        var unknown: [SourceLocation] = []
        var excludedAuthor: [SourceLocation] = []
        for (i, c) in comments.enumerated() {
            if !c.status.isDisjoint(with: [.deleted, .removed]), builder.tree.replyCount(of: Int32(i)) > 0 {
                findings.append(Finding(.deletedPlaceholder, at: c.location,
                    "comment \(c.id) is \(c.status.contains(.removed) ? "removed" : "deleted"); kept as a placeholder for its \(builder.tree.replyCount(of: Int32(i))) repl\(builder.tree.replyCount(of: Int32(i)) == 1 ? "y" : "ies")"))
            }
            if network.commentAuthor[i] == AuthorNetwork.unknownAuthor { unknown.append(c.location) }
            if network.commentAuthor[i] == AuthorNetwork.excludedAuthor { excludedAuthor.append(c.location) }
        }
        if !unknown.isEmpty {
            findings.append(Finding(.unknownAuthor, at: unknown[0],
                "\(unknown.count) comment\(unknown.count == 1 ? " has" : "s have") a deleted, empty or anonymous author; counted in the \"unknown\" bucket, not as an author"))
        }
        if !excludedAuthor.isEmpty {
            findings.append(Finding(.note, at: excludedAuthor[0],
                "\(excludedAuthor.count) comment\(excludedAuthor.count == 1 ? " is" : "s are") by excluded authors (--exclude-author): kept in the reply tree, left out of the author network"))
        }
        self.thread = thread
        self.comments = comments
        self.tree = builder.tree
        self.repairedToRoot = builder.repairedToRoot
        self.network = network
        self.findings = findings
        self.excludedCounts = excludedByKind.mapValues(\.count)
        self.policy = policy
        self.identity = identity
        self.links = links
    }

    /// The number shown for comment `i`: its dotted source number for pasted text (`13.1`),
    /// else its 1-based position in source order.
    public func label(of i: Int) -> String {
        comments[i].sourceNumber != nil ? comments[i].id : String(i + 1)
    }
}
