import Foundation

/// Reads a Discourse topic as `GET /t/{topic_id}.json` returns it: the posts are in
/// `post_stream.posts`, and `post_stream.stream` lists the ids of every post of the topic.
///
/// What is read, and how:
/// - The topic's `id` is the thread id and `title` (entity-decoded) its title.
/// - Post number 1 is the topic's opening post: the root post (`username`, `cooked` as plain
///   text, `created_at`), with id `"1"`. Without it in the file (a later chunk) the root is
///   taken from the topic (`created_at`, `details.created_by.username`).
/// - Every other post is a comment with id = its `post_number` (as a string: reply links are
///   by post number). `reply_to_post_number` `null` or `1` is top level; `N` is a reply to post
///   N, kept even when post N is not in the file (post numbers have gaps, and pages).
/// - Author is `username`. `cooked` is HTML (``HTMLText/plainText(_:)``); `created_at` ISO 8601.
/// - Status: `post_type` 2 (moderator action) or 3 (small action such as "pinned") →
///   ``CommentStatus/system``; `deleted_at` set or `user_deleted` → ``CommentStatus/deleted``;
///   `hidden` → ``CommentStatus/removed``. Whispers (4) are ordinary comments.
/// - When `stream` lists posts that `posts` does not hold (topics over about 20 posts come in
///   chunks), one ``Finding/Kind/missingComments`` finding gives the count.
/// - ``SourceLocation/record`` is the post's 1-based position in `posts`.
/// - A topic without any post besides the opening one throws ``ImportError/Kind/empty``.
///
/// - Complexity: O(*n*) in the number of posts after parsing.
public struct DiscourseImporter: ThreadImporter {
    public init() {}

    public var format: InputFormat { .discourse }

    /// An object with a `post_stream` key.
    public func detect(head: [UInt8], fileName: String) -> Bool {
        let head = JSONSupport.Head(head)
        return head.startsWithObject && head.hasKey("post_stream")
    }

    public func read(_ input: InputSource, options: ImportOptions) throws(ImportError) -> Corpus {
        let root = try JSONSupport.document(input)
        var thread = try Self.thread(root, file: input.name, fallbackID: input.baseName)
        if let title = options.title { thread.title = title }
        return Corpus(format: .discourse, threads: [thread])
    }

    static func thread(_ root: JSONSupport.Node, file: String, fallbackID: String) throws(ImportError) -> CommentThread {
        let topic = try root.object("a Discourse topic object")
        let stream = try topic.requiredObject("post_stream")
        let posts = try stream.requiredArray("posts")
        var findings: [Finding] = []
        var comments: [Comment] = []
        var rootPost: RootPost?
        var postIDs = Set<String>()
        var topicIDFromPosts: String?

        for i in 0..<posts.count {
            let record = i + 1
            let post = try posts[i].object("a post object", record: record)
            let location = SourceLocation(file: file, record: record)
            let number = try post.requiredID("post_number", record: record)
            if let id = try post.id("id", record: record) { postIDs.insert(id) }
            if topicIDFromPosts == nil { topicIDFromPosts = try post.id("topic_id", record: record) }
            let author = JSONSupport.author(try post.string("username", record: record))
            let body = JSONSupport.htmlBody(try post.string("cooked", record: record))
            let timestamp = JSONSupport.timestamp(post, "created_at", at: location, findings: &findings)
            let likes = try Self.likes(post, record: record)
            if number == "1" {
                rootPost = RootPost(id: "1", author: author, text: body.text, timestamp: timestamp, score: likes)
                continue
            }
            var parent = try post.id("reply_to_post_number", record: record)
            if parent == "1" { parent = nil }
            var status: CommentStatus = []
            if let type = post.int("post_type"), type == 2 || type == 3 { status.insert(.system) }
            if (try post.string("deleted_at", record: record)) != nil || post.flag("user_deleted") { status.insert(.deleted) }
            if post.flag("hidden") { status.insert(.removed) }
            if let version = post.int("version"), version > 1 { status.insert(.edited) }
            comments.append(Comment(id: number, parentID: parent, author: author, timestamp: timestamp,
                                    text: body.text, rawText: body.raw, status: status, location: location, score: likes))
        }

        let threadID = try topic.id("id") ?? topicIDFromPosts ?? fallbackID
        var rawTitle = try topic.string("title")
        if rawTitle == nil { rawTitle = try topic.string("fancy_title") }
        let title = rawTitle.map(HTMLText.decodeEntities)
        if rootPost == nil {
            var fallback = RootPost(id: "1")
            fallback.timestamp = JSONSupport.timestamp(topic, "created_at", at: SourceLocation(file: file), findings: &findings)
            if let details = try topic.object("details"), let creator = try details.object("created_by") {
                fallback.author = JSONSupport.author(try creator.string("username"))
            }
            rootPost = fallback
            findings.append(Finding(.note, at: SourceLocation(file: file),
                                    "the topic's opening post (post number 1) is not in the file; the root post is taken from the topic"))
        }

        if let ids = try stream.array("stream") {
            var missing = 0
            for i in 0..<ids.count where ids[i].scalarText.map({ !postIDs.contains($0) }) ?? false { missing += 1 }
            if missing > 0 {
                findings.append(Finding(.missingComments, at: SourceLocation(file: file),
                                        "the topic's stream lists \(ids.count) posts but the file holds \(posts.count): \(missing) post\(missing == 1 ? " is" : "s are") missing (Discourse sends topics in chunks; fetch the rest from /t/\(threadID)/posts.json)"))
            }
        }
        guard !comments.isEmpty else {
            throw ImportError(.empty, at: SourceLocation(file: file), "no comments: topic \(threadID) holds no post besides the opening one")
        }
        return CommentThread(id: threadID, title: (title?.isEmpty == false ? title : nil) ?? threadID,
                             root: rootPost ?? RootPost(), comments: comments, findings: findings)
    }

    /// A post's likes: `like_count`, else the count of the like action (id 2) in
    /// `actions_summary`; `nil` when neither is there.
    static func likes(_ post: JSONSupport.Object, record: Int) throws(ImportError) -> Int? {
        if let n = post.int("like_count") { return n }
        guard let actions = try post.array("actions_summary", record: record) else { return nil }
        for i in 0..<actions.count {
            guard let action = try? actions[i].object("an action", record: record), action.int("id") == 2 else { continue }
            return action.int("count") ?? 0
        }
        return nil
    }
}
