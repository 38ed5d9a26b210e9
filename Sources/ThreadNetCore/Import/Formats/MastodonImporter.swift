import Foundation

/// Reads a Mastodon conversation as `GET /api/v1/statuses/:id/context` returns it:
/// `{"ancestors": [Status…], "descendants": [Status…]}`, where the status asked about (the
/// *focal* status) is itself **not** in the file.
///
/// What is read, and how:
/// - Each Status gives `id`, `in_reply_to_id`, `account.acct` (the author: `user` for local
///   accounts, `user@instance` for remote ones; `username` alone is not unique),
///   `content` (HTML, through ``HTMLText/plainText(_:)``), `created_at` and `url`.
/// - The focal status's id is the `in_reply_to_id` of the first descendant (descendants come
///   depth first from the focal status), when no status in the file has that id.
/// - **No ancestors** (the focal status starts the conversation, as in the shipped sample): the
///   focal status is the root post, known only by its id; descendants replying to it are top
///   level. A ``Finding/Kind/note`` says that its author and text are not in the file.
/// - **With ancestors**: the earliest ancestor is the root post; the other ancestors are
///   comments in their chain; the focal status, missing from the file, becomes a placeholder
///   comment (empty author and text, ``CommentStatus/deleted``) replying to the last ancestor,
///   so that its replies keep their place; a note says so. Without descendants the focal id
///   is unknown and no placeholder is made.
/// - A reply whose parent is not in the file (deleted or invisible statuses are left out by
///   the server) keeps that parent id; the analysis reports it as an orphan.
/// - Statuses are listed ancestors first, then descendants, in file order;
///   ``SourceLocation/record`` is that 1-based position.
/// - A file without any status that could be a comment throws ``ImportError/Kind/empty``.
///
/// - Complexity: O(*n*) in the number of statuses after parsing.
public struct MastodonImporter: ThreadImporter {
    public init() {}

    public var format: InputFormat { .mastodon }

    /// An object whose first key is `ancestors` or `descendants`, or that has both keys.
    public func detect(head: [UInt8], fileName: String) -> Bool {
        let head = JSONSupport.Head(head)
        guard head.startsWithObject else { return false }
        if let key = head.firstKey, key == "ancestors" || key == "descendants" { return true }
        return head.hasKey("ancestors") && head.hasKey("descendants")
    }

    public func read(_ input: InputSource, options: ImportOptions) throws(ImportError) -> Corpus {
        let root = try JSONSupport.document(input)
        var thread = try Self.thread(root, file: input.name)
        if let title = options.title { thread.title = title }
        return Corpus(format: .mastodon, threads: [thread])
    }

    /// One status as far as the thread needs it.
    struct Status {
        var id: String
        var inReplyTo: String?
        var author: String
        var text: String
        var rawText: String?
        var timestamp: Date?
        var url: String?
        var location: SourceLocation
        /// `favourites_count`.
        var favourites: Int?
        /// `edited_at` is set.
        var edited = false
        /// `@handles` dropped from the start of the text (``MastodonImporter/addressPrefix(_:)``).
        var addressHandles = 0

        var comment: Comment {
            Comment(id: id, parentID: inReplyTo, author: author, timestamp: timestamp, text: text,
                    rawText: rawText, status: edited ? .edited : [], location: location, score: favourites, permalink: url)
        }
    }

    static func thread(_ root: JSONSupport.Node, file: String) throws(ImportError) -> CommentThread {
        let top = try root.object("an object with \"ancestors\" and \"descendants\"")
        let ancestorList = try top.requiredArray("ancestors")
        let descendantList = try top.requiredArray("descendants")
        var findings: [Finding] = []
        var record = 0
        func statuses(_ list: JSONSupport.Array) throws(ImportError) -> [Status] {
            var out: [Status] = []
            out.reserveCapacity(list.count)
            for i in 0..<list.count {
                record += 1
                out.append(try status(list[i], record: record, file: file, findings: &findings))
            }
            return out
        }
        let ancestors = try statuses(ancestorList)
        let descendants = try statuses(descendantList)
        let addressed = (ancestors + descendants).count { $0.addressHandles > 0 }
        if addressed > 0 {
            findings.append(Finding(.note, at: SourceLocation(file: file),
                                    "\(addressed) post\(addressed == 1 ? "" : "s") begin\(addressed == 1 ? "s" : "") with @handles that Mastodon puts in front of every reply (the people in the conversation); they are left out of the analysed text, so they are not read as mentions or key terms (an @handle later in a post is a mention)"))
        }

        var ids = Set<String>()
        for s in ancestors { ids.insert(s.id) }
        for s in descendants { ids.insert(s.id) }
        let focalID = descendants.first.flatMap { $0.inReplyTo }.flatMap { ids.contains($0) ? nil : $0 }

        var comments: [Comment] = []
        var rootPost = RootPost()
        let threadID: String
        var title: String?
        if let first = ancestors.first {
            threadID = first.id
            rootPost = RootPost(id: first.id, author: first.author, text: first.text, timestamp: first.timestamp, url: first.url, score: first.favourites)
            title = JSONSupport.titleSnippet(first.text)
            for s in ancestors.dropFirst() {
                var c = s.comment
                if c.parentID == first.id { c.parentID = nil }
                comments.append(c)
            }
            if let focalID, let last = ancestors.last {
                comments.append(Comment(id: focalID, parentID: ancestors.count == 1 ? nil : last.id, author: "",
                                        text: "", status: .deleted, location: SourceLocation(file: file)))
                findings.append(Finding(.note, at: SourceLocation(file: file),
                                        "the focal status \(focalID) is not in the file (the context API leaves it out): a placeholder replying to \(last.id) keeps its replies in place"))
            }
            comments += descendants.map(\.comment)
        } else if let focalID {
            threadID = focalID
            rootPost.id = focalID
            findings.append(Finding(.note, at: SourceLocation(file: file),
                                    "the thread's root post, status \(focalID), is not in the file (the context API leaves the focal status out): its author and text are unknown"))
            for s in descendants {
                var c = s.comment
                if c.parentID == focalID { c.parentID = nil }
                comments.append(c)
            }
        } else {
            threadID = descendants.first?.id ?? "mastodon"
            comments = descendants.map(\.comment)
        }
        guard !comments.isEmpty else {
            throw ImportError(.empty, at: SourceLocation(file: file),
                              "no comments: \(ancestors.count) ancestor\(ancestors.count == 1 ? "" : "s") and no descendants")
        }
        return CommentThread(id: threadID, title: (title?.isEmpty == false ? title : nil) ?? threadID,
                             root: rootPost, comments: comments, findings: findings)
    }

    static func status(_ node: JSONSupport.Node, record: Int, file: String, findings: inout [Finding]) throws(ImportError) -> Status {
        let object = try node.object("a Status object", record: record)
        let location = SourceLocation(file: file, record: record)
        let id = try object.requiredID("id", record: record)
        let account = try object.object("account", record: record)
        var acct = try account?.string("acct", record: record)
        if acct == nil { acct = try account?.string("username", record: record) }
        let body = JSONSupport.htmlBody(try object.string("content", record: record))
        let (text, handles) = addressPrefix(body.text)
        return Status(
            id: id, inReplyTo: try object.id("in_reply_to_id", record: record), author: JSONSupport.author(acct),
            text: text, rawText: handles > 0 ? body.raw ?? body.text : body.raw,
            timestamp: JSONSupport.timestamp(object, "created_at", at: location, findings: &findings),
            url: try object.string("url", record: record), location: location,
            favourites: object.int("favourites_count"), edited: try object.string("edited_at", record: record) != nil,
            addressHandles: handles)
    }

    /// The text without the run of `@handle`s (`@user` or `@user@server`) that Mastodon puts
    /// in front of a reply, and how many there were. Only a leading run is dropped: the first
    /// word that is not a handle ends it.
    static func addressPrefix(_ text: String) -> (text: String, handles: Int) {
        guard text.hasPrefix("@") else { return (text, 0) }
        var rest = Substring(text)
        var handles = 0
        while rest.hasPrefix("@") {
            let word = rest.prefix { !$0.isWhitespace }
            let name = word.dropFirst()
            guard let first = name.first, first.isLetter || first.isNumber || first == "_",
                  name.allSatisfy({ $0.isLetter || $0.isNumber || "_.-@".contains($0) }) else { break }
            handles += 1
            rest = rest.dropFirst(word.count).drop { $0.isWhitespace }
        }
        return handles == 0 ? (text, 0) : (String(rest), handles)
    }
}
