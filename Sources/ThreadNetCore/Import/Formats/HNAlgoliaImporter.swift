import Foundation

/// Reads a Hacker News item from the Algolia API (`hn.algolia.com/api/v1/items/:id`): one
/// object whose `children` nest the whole subtree.
///
/// ```json
/// {"id": 1, "type": "story", "author": "pg", "title": "…", "url": "…", "text": null,
///  "created_at": "2006-10-09T18:21:51.000Z", "created_at_i": 1160418111, "parent_id": null,
///  "story_id": 1, "children": [{"id": 15, "type": "comment", "parent_id": 1, …, "children": […]}]}
/// ```
///
/// What is read, and how:
/// - A top node of type `story`, `job` or `poll` is the root post (`author`, `title`, `text`,
///   `url`, time); its `children` are top-level comments. The thread id is the story's id.
/// - **A top node that is itself a comment** (asking the API for a comment id returns that
///   comment's subtree) is kept as the first comment, at top level (`parentID` nil), under a
///   root post that stands for its story (`story_id`, not in the file: no author or text). Its
///   real `parent_id` is named in a ``Finding/Kind/note`` finding rather than kept as a parent
///   id: the subtree is complete by construction, and reporting it as an orphan would suggest
///   lost comments. The thread id is the `story_id` (the top comment's id without one).
/// - Every other node is a comment whose parent is the node it is nested in; a `parent_id`
///   that disagrees with the nesting is reported in one note (the nesting wins).
/// - `author` `null` gives the empty author; `text` `null` marks the comment
///   ``CommentStatus/deleted`` (Algolia's shape for deleted comments) with empty text, and
///   its children keep their place. `text` is HTML and goes through ``HTMLText/plainText(_:)``.
/// - Time is `created_at_i` (Unix seconds), else `created_at` (ISO 8601).
/// - `pollopt` nodes are poll options, not comments: they are skipped and counted in a note.
/// - Comments are listed depth first in file order, walked with an explicit stack;
///   ``SourceLocation/record`` is the comment's 1-based position in that order.
/// - A file with no comment throws ``ImportError/Kind/empty``.
///
/// JSON nesting is limited by Foundation's parser to 512 levels, about 250 levels of replies.
///
/// - Complexity: O(*n*) in the size of the file after parsing.
public struct HNAlgoliaImporter: ThreadImporter {
    public init() {}

    public var format: InputFormat { .hnAlgolia }

    /// An object with `children` and `story_id` or `created_at_i`.
    public func detect(head: [UInt8], fileName: String) -> Bool {
        let head = JSONSupport.Head(head)
        guard head.startsWithObject, !head.hasKey("post_stream"), !head.hasKey("ancestors") else { return false }
        return head.hasKey("children") && (head.hasKey("story_id") || head.hasKey("created_at_i"))
    }

    public func read(_ input: InputSource, options: ImportOptions) throws(ImportError) -> Corpus {
        let root = try JSONSupport.document(input)
        var thread = try Self.thread(root, file: input.name)
        if let title = options.title { thread.title = title }
        return Corpus(format: .hnAlgolia, threads: [thread])
    }

    static func thread(_ root: JSONSupport.Node, file: String) throws(ImportError) -> CommentThread {
        let top = try root.object("an Algolia item object")
        let topID = try top.requiredID("id")
        let topType = try top.string("type")
        let storyID = try top.id("story_id")
        let parentOfTop = try top.id("parent_id")
        let topIsComment = topType == "comment" || (topType == nil && parentOfTop != nil && storyID != topID)

        var findings: [Finding] = []
        var comments: [Comment] = []
        var pollOptions = 0
        var mismatches: [String] = []
        let threadID: String
        var rootPost = RootPost()
        var title: String?

        var stack: [(node: JSONSupport.Node, parent: String?)] = []
        if topIsComment {
            threadID = storyID ?? topID
            rootPost.id = storyID
            title = try top.string("story_title").map(HTMLText.decodeEntities)
            stack.append((root, nil))
            var message = "the file's top item \(topID) is a comment, not a story: it is read as a top-level comment"
            if let storyID { message += " of story \(storyID), which is not in the file" }
            if let parentOfTop, parentOfTop != storyID { message += "; its real parent, item \(parentOfTop), is not in the file either" }
            findings.append(Finding(.note, at: SourceLocation(file: file, record: 1), message))
        } else {
            threadID = topID
            rootPost.id = topID
            rootPost.author = JSONSupport.author(try top.string("author"))
            rootPost.text = HTMLText.plainText(try top.string("text") ?? "")
            rootPost.url = try top.string("url").flatMap { $0.isEmpty ? nil : $0 }
            rootPost.permalink = HNFirebaseImporter.itemURL(topID)
            if rootPost.url == nil { rootPost.url = rootPost.permalink; rootPost.permalink = nil }
            rootPost.score = top.int("points")
            rootPost.timestamp = timestamp(top, at: SourceLocation(file: file), findings: &findings)
            title = try top.string("title").map(HTMLText.decodeEntities)
            if let children = try top.array("children") {
                for i in stride(from: children.count - 1, through: 0, by: -1) { stack.append((children[i], nil)) }
            }
        }

        while let (node, parent) = stack.popLast() {
            let record = comments.count + 1
            let item = try node.object("an item object", record: record)
            let id = try item.requiredID("id", record: record)
            if try item.string("type", record: record) == "pollopt" { pollOptions += 1; continue }
            let location = SourceLocation(file: file, record: record)
            let isTop = node.path == JSONSupport.Paths.root
            if !isTop, let declared = try item.id("parent_id", record: record), declared != (parent ?? threadID) {
                mismatches.append(id)
            }
            let author = try item.string("author", record: record)
            let rawText = try item.string("text", record: record)
            let body = JSONSupport.htmlBody(rawText)
            comments.append(Comment(
                id: id, parentID: isTop ? nil : parent, author: JSONSupport.author(author),
                timestamp: timestamp(item, at: location, findings: &findings),
                text: body.text, rawText: body.raw, status: rawText == nil ? .deleted : [], location: location,
                score: item.int("points"), permalink: HNFirebaseImporter.itemURL(id)))
            if let children = try item.array("children", record: record) {
                for i in stride(from: children.count - 1, through: 0, by: -1) { stack.append((children[i], id)) }
            }
        }

        if pollOptions > 0 {
            findings.append(Finding(.note, at: SourceLocation(file: file),
                                    "skipped \(pollOptions) poll option\(pollOptions == 1 ? "" : "s") (`pollopt` items are not comments)"))
        }
        if !mismatches.isEmpty {
            let shown = mismatches.prefix(5).joined(separator: ", ") + (mismatches.count > 5 ? ", …" : "")
            findings.append(Finding(.note, at: SourceLocation(file: file),
                                    "\(mismatches.count) comment\(mismatches.count == 1 ? "'s" : "s'") `parent_id` disagree\(mismatches.count == 1 ? "s" : "") with the nesting (\(shown)); the nesting is used"))
        }
        guard !comments.isEmpty else {
            throw ImportError(.empty, at: SourceLocation(file: file), "no comments: item \(topID) has no children")
        }
        return CommentThread(id: threadID, title: (title?.isEmpty == false ? title : nil) ?? threadID,
                             root: rootPost, comments: comments, findings: findings)
    }

    /// `created_at_i`, else `created_at`.
    static func timestamp(_ item: JSONSupport.Object, at location: SourceLocation, findings: inout [Finding]) -> Date? {
        var unixFindings: [Finding] = []
        if let date = JSONSupport.timestamp(item, "created_at_i", at: location, findings: &unixFindings) { return date }
        if item.has("created_at") { return JSONSupport.timestamp(item, "created_at", at: location, findings: &findings) }
        findings += unixFindings
        return nil
    }
}
