/// One discussion: a root post and the comments under it, in source order.
///
/// Named `CommentThread` rather than `Thread` so that it never clashes with Foundation's.
public struct CommentThread: Hashable, Sendable {
    /// A stable id for the thread within its corpus (the post id, `link_id`, Disqus thread id,
    /// or the input's file name for a single-thread file).
    public var id: String
    /// The title shown in reports.
    public var title: String
    /// The root post (article).
    public var root: RootPost
    /// Comments in the order the source lists them.
    public var comments: [Comment]
    /// What the importer noticed and repaired while reading this thread.
    public var findings: [Finding]

    public init(id: String, title: String, root: RootPost = RootPost(), comments: [Comment] = [], findings: [Finding] = []) {
        self.id = id
        self.title = title
        self.root = root
        self.comments = comments
        self.findings = findings
    }
}
