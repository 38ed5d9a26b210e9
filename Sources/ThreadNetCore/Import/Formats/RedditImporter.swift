import Foundation

/// Reads a Reddit thread as the API returns it (`/comments/{id}.json`, also with `?context=N`):
/// a JSON array of two Listings, the post and its comments.
///
/// ```json
/// [ {"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {…post…}}]}},
///   {"kind": "Listing", "data": {"children": [{"kind": "t1", "data": {…, "replies": …}}, {"kind": "more", …}]}} ]
/// ```
///
/// What is read, and how:
/// - The `t3` is the root post: `id` (the thread id), `title`, `author`, `selftext`, `url`,
///   `created_utc`. Its `num_comments` is quoted in the `more` finding.
/// - Every `t1` is a comment, listed in the order the file nests them (depth first, as Reddit
///   shows them). `replies` is either a Listing or the empty string `""` (also accepted: `null`
///   or absent). Nesting is walked with an explicit stack, never recursively.
/// - `parent_id` `t3_…` means top level (`parentID` nil); `t1_x` gives `"x"`, even when `x` is
///   not in the file (a `?context=` response starts below the post). Without `parent_id` the
///   enclosing comment is the parent.
/// - `author` `"[deleted]"` becomes the empty author. `body` `"[deleted]"` flags the comment
///   ``CommentStatus/deleted`` and `"[removed]"` flags it ``CommentStatus/removed``; their text
///   is empty and ``Comment/rawText`` keeps the marker. An account deleted with its body kept
///   (common in 2016 data) is an ordinary comment with an empty author.
/// - `body` is Markdown and stays Markdown. Without `raw_json=1` Reddit escapes `&`, `<` and `>`
///   in every string; the file is taken as escaped when its first `selftext_html`/`body_html`
///   starts with `&lt;` (or when no HTML field says otherwise), and then bodies, titles and
///   the self text go through ``HTMLText/decodeEntities(_:)`` (`&amp;gt;` → `>`).
/// - `created_utc` is read as Unix seconds (number or string).
/// - `more` objects are not comments. They are counted, with the `count` of comments each
///   stands for, and reported as one ``Finding/Kind/missingComments`` finding per thread;
///   "continue this thread" stubs (`id` `"_"`, `count` 0) are counted as stubs.
/// - ``SourceLocation/record`` is the comment's 1-based position in that order (Foundation's
///   parser gives no line numbers).
/// - A file whose comment listing holds no `t1` at all (a deleted leaf fetched with
///   `?context=`, such as a comment listing that is just `[]`) throws
///   ``ImportError/Kind/empty``: a single-thread file with no comments has nothing to analyze.
///
/// JSON nesting is limited by Foundation's parser to 512 levels, about 100 levels of replies;
/// Reddit's API returns at most 10 before a "continue this thread" stub.
///
/// - Complexity: O(*n*) in the size of the file after parsing.
public struct RedditImporter: ThreadImporter {
    public init() {}

    public var format: InputFormat { .reddit }

    /// A JSON array whose first element is a Listing holding a `t3`.
    public func detect(head: [UInt8], fileName: String) -> Bool {
        let head = JSONSupport.Head(head)
        guard head.startsWithArray, head.hasKey("kind", stringValue: "Listing") else { return false }
        if let first = head.firstRecord() {
            guard first["kind"] as? String == "Listing" else { return false }
        }
        return head.hasKey("kind", stringValue: "t3")
    }

    public func read(_ input: InputSource, options: ImportOptions) throws(ImportError) -> Corpus {
        let root = try JSONSupport.document(input)
        var reader = Reader(file: input.name)
        var thread = try reader.thread(root, fallbackID: input.baseName)
        if let title = options.title { thread.title = title }
        return Corpus(format: .reddit, threads: [thread])
    }
}

extension RedditImporter {
    /// One pass over one thread document.
    struct Reader {
        let file: String
        /// Whether strings are entity-escaped (no `raw_json=1`); `nil` until an HTML field says.
        var escaped: Bool?
        var comments: [Comment] = []
        var findings: [Finding] = []
        var moreStubs = 0, continueStubs = 0, moreCount = 0
        /// The post id from the first comment's `link_id`, for files without a `t3`.
        private var linkIDOfFirstComment: String?

        init(file: String) { self.file = file }

        mutating func thread(_ root: JSONSupport.Node, fallbackID: String) throws(ImportError) -> CommentThread {
            let listings = try root.array("an array of two Listings (the post, then its comments)")
            guard listings.count == 2 else {
                throw ImportError(.malformed, at: SourceLocation(file: file),
                                  "$: expected an array of two Listings (the post, then its comments), found an array of \(listings.count)")
            }
            let postChildren = try children(ofListing: listings[0])
            let commentChildren = try children(ofListing: listings[1])

            // The post.
            var post: JSONSupport.Object?
            for i in 0..<postChildren.count {
                let child = try postChildren[i].object()
                if try child.string("kind") == "t3" { post = try child.requiredObject("data"); break }
            }
            if let post, let html = try post.string("selftext_html") { noteEscaping(html) }

            try walk(commentChildren)

            var rootPost = RootPost()
            var threadID: String?
            var title: String?
            var numComments: Int?
            if let post {
                threadID = try post.id("id")
                if threadID == nil, let name = try post.string("name") { threadID = Self.stripPrefix(name) }
                title = try post.string("title").map(decoded)
                numComments = post.int("num_comments")
                rootPost.id = threadID
                rootPost.author = JSONSupport.author(try post.string("author"))
                rootPost.text = decoded(try post.string("selftext") ?? "").trimmed
                rootPost.url = try post.string("url")
                rootPost.permalink = RedditImporter.absolute(try post.string("permalink"))
                rootPost.score = post.int("score")
                rootPost.timestamp = JSONSupport.timestamp(post, "created_utc", at: SourceLocation(file: file), findings: &findings)
            }
            if threadID == nil { threadID = linkIDOfFirstComment }
            let id = threadID ?? fallbackID

            if moreStubs > 0 {
                var message = "\(moreStubs) `more` stub\(moreStubs == 1 ? "" : "s") stand\(moreStubs == 1 ? "s" : "") for \(moreCount) comment\(moreCount == 1 ? "" : "s") not in the file"
                if continueStubs > 0 {
                    message += " (\(continueStubs) of the stubs \(continueStubs == 1 ? "is a" : "are") \"continue this thread\" link\(continueStubs == 1 ? "" : "s") with no count)"
                }
                if let numComments { message += "; the post reports num_comments = \(numComments), the file holds \(comments.count)" }
                findings.append(Finding(.missingComments, at: SourceLocation(file: file), message))
            }
            guard !comments.isEmpty else {
                var message = "no comments: the comment listing of post \(id) holds no `t1` comment"
                if moreStubs > 0 { message += " (only \(moreStubs) `more` stub\(moreStubs == 1 ? "" : "s"))" }
                if let numComments { message += "; the post reports num_comments = \(numComments)" }
                throw ImportError(.empty, at: SourceLocation(file: file), message)
            }
            // A comment's page is its post's permalink followed by its id (older API
            // responses carry no comment permalinks).
            if let base = rootPost.permalink, base.hasSuffix("/") {
                for k in comments.indices where comments[k].permalink == nil && !comments[k].id.contains("/") {
                    comments[k].permalink = base + comments[k].id + "/"
                }
            }
            return CommentThread(id: id, title: (title?.isEmpty == false ? title : nil) ?? id, root: rootPost,
                                 comments: comments, findings: findings)
        }

        /// `data.children` of a `{"kind": "Listing", …}` value.
        private func children(ofListing node: JSONSupport.Node) throws(ImportError) -> JSONSupport.Array {
            let listing = try node.object("a Listing object")
            if let kind = try listing.string("kind"), kind != "Listing" {
                throw ImportError(.malformed, at: SourceLocation(file: file),
                                  "\(listing.pathDescription).kind: expected \"Listing\", found \"\(kind)\"")
            }
            return try listing.requiredObject("data").requiredArray("children")
        }

        private mutating func noteEscaping(_ html: String) {
            guard escaped == nil, !html.isEmpty else { return }
            if html.hasPrefix("&lt;") || (html.contains("&lt;") && !html.contains("<")) { escaped = true }
            else if html.contains("<") { escaped = false }
        }

        private func decoded(_ text: String) -> String {
            escaped == false ? text : HTMLText.decodeEntities(text)
        }

        static func stripPrefix(_ name: String) -> String {
            let u = name.utf8
            if u.count > 3, name.hasPrefix("t"), u.dropFirst(2).first == 0x5F,
               let digit = u.dropFirst().first, (0x30...0x39).contains(digit) {
                return String(name.dropFirst(3))
            }
            return name
        }

        /// Depth-first over the listing, in file order, with an explicit stack.
        private mutating func walk(_ top: JSONSupport.Array) throws(ImportError) {
            var stack: [(node: JSONSupport.Node, parent: String?)] = []
            stack.reserveCapacity(64)
            for i in stride(from: top.count - 1, through: 0, by: -1) { stack.append((top[i], nil)) }
            while let (node, enclosing) = stack.popLast() {
                let child = try node.object("a `t1` or `more` object", record: comments.count + 1)
                let kind = try child.string("kind") ?? ""
                let data = try child.requiredObject("data", record: comments.count + 1)
                switch kind {
                case "t1":
                    let id = try comment(data, enclosing: enclosing)
                    if let replies = data["replies"], let listing = replies.asObject {
                        let list = try listing.requiredObject("data").requiredArray("children")
                        for i in stride(from: list.count - 1, through: 0, by: -1) { stack.append((list[i], id)) }
                    } else if let replies = data["replies"], !replies.isNull, replies.scalarText != "" {
                        throw replies.error(expected: "a Listing object or \"\"", record: comments.count)
                    }
                case "more":
                    moreStubs += 1
                    moreCount += max(0, data.int("count") ?? 0)
                    if try data.id("id") == "_" { continueStubs += 1 }
                default:
                    findings.append(Finding(.note, at: SourceLocation(file: file),
                                            "\(node.pathDescription): skipped a child of kind \"\(kind)\" (expected `t1` or `more`)"))
                }
            }
        }

        /// Appends the comment in `data`; returns its id.
        private mutating func comment(_ data: JSONSupport.Object, enclosing: String?) throws(ImportError) -> String {
            let record = comments.count + 1
            let location = SourceLocation(file: file, record: record)
            var id = try data.id("id", record: record)
            if id == nil || id == "", let name = try data.string("name", record: record) { id = Self.stripPrefix(name) }
            guard let id, !id.isEmpty else { throw data.error("id", expected: "the comment's id", record: record) }
            if linkIDOfFirstComment == nil, let link = try data.string("link_id", record: record) {
                linkIDOfFirstComment = Self.stripPrefix(link)
            }
            if let html = try data.string("body_html", record: record) { noteEscaping(html) }

            var parentID = enclosing
            if let parent = try data.string("parent_id", record: record), !parent.isEmpty {
                parentID = parent.hasPrefix("t3_") ? nil : Self.stripPrefix(parent)
            }
            let body = try data.string("body", record: record) ?? ""
            var status: CommentStatus = []
            var text: String
            switch body {
            case "[deleted]": status = .deleted; text = ""
            case "[removed]": status = .removed; text = ""
            default: text = decoded(body).trimmed
            }
            let timestamp = JSONSupport.timestamp(data, "created_utc", at: location, findings: &findings)
            // `edited` is false, or the time of the edit.
            if data.flag("edited") || data.double("edited") != nil { status.insert(.edited) }
            comments.append(Comment(
                id: id, parentID: parentID, author: JSONSupport.author(try data.string("author", record: record)),
                timestamp: timestamp, text: text, rawText: text == body ? nil : body, status: status,
                location: location, score: data.int("score"), permalink: RedditImporter.absolute(try data.string("permalink", record: record))))
            return id
        }
    }
}

extension RedditImporter {
    /// A Reddit `permalink` (`/r/…/comments/…/`) as a full address on www.reddit.com.
    static func absolute(_ permalink: String?) -> String? {
        guard let p = permalink, !p.isEmpty else { return nil }
        return p.hasPrefix("/") ? "https://www.reddit.com" + p : p
    }
}
