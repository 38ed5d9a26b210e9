import Foundation

/// Reads a YouTube Data API v3 `commentThreads.list` response
/// (`{"kind": "youtube#commentThreadListResponse", "items": [youtube#commentThread…]}`), or a
/// JSON array of such responses (pages saved together).
///
/// What is read, and how:
/// - Each `youtube#commentThread` holds `snippet.topLevelComment` (a top-level comment,
///   `parentID` nil) and, only when the request asked for `part=replies`, some of its replies
///   in `replies.comments`, whose `snippet.parentId` is the top-level comment's id. YouTube
///   threads are two levels deep: a reply to a reply names the top-level comment as parent.
/// - One thread per video (`snippet.videoId`; `channelId` for channel discussions), in order of
///   first appearance; the root post is the video (id and watch URL), title = the video id.
/// - Text is `textOriginal` when present, else `textDisplay` (HTML, through
///   ``HTMLText/plainText(_:)``, kept in ``Comment/rawText``). Author is `authorDisplayName`
///   (entity-decoded); time is `publishedAt`.
/// - `moderationStatus` `heldForReview` → ``CommentStatus/pending``, `likelySpam` →
///   ``CommentStatus/spam``, `rejected` → ``CommentStatus/removed``.
/// - When the threads' `totalReplyCount`s add up to more replies than the file holds, one
///   ``Finding/Kind/missingComments`` finding per thread gives the difference. A
///   `nextPageToken` (more threads on further pages) is a file-level ``Finding/Kind/note``.
/// - ``SourceLocation/record`` is the comment's 1-based position in the file.
/// - A response without comments throws ``ImportError/Kind/empty``.
///
/// - Complexity: O(*n*) in the number of comments after parsing.
public struct YouTubeImporter: ThreadImporter {
    public init() {}

    public var format: InputFormat { .youtube }

    static let listKind = "youtube#commentThreadListResponse"

    /// `"kind": "youtube#commentThreadListResponse"` in the head.
    public func detect(head: [UInt8], fileName: String) -> Bool {
        let head = JSONSupport.Head(head)
        return (head.startsWithObject || head.startsWithArray) && head.hasKey("kind", stringValue: Self.listKind)
    }

    public func read(_ input: InputSource, options: ImportOptions) throws(ImportError) -> Corpus {
        let root = try JSONSupport.document(input)
        var reader = Reader(file: input.name)
        if let pages = root.asArray {
            for i in 0..<pages.count { try reader.page(pages[i].object("a commentThreadListResponse object")) }
        } else {
            try reader.page(root.object("a commentThreadListResponse object (or an array of them)"))
        }
        var corpus = try reader.corpus()
        if let title = options.title, corpus.threads.count == 1 { corpus.threads[0].title = title }
        return corpus
    }
}

extension YouTubeImporter {
    struct Reader {
        let file: String
        var order: [String] = []
        var threads: [String: CommentThread] = [:]
        var expectedReplies: [String: Int] = [:]
        var presentReplies: [String: Int] = [:]
        var corpusFindings: [Finding] = []
        var record = 0

        init(file: String) { self.file = file }

        mutating func page(_ response: JSONSupport.Object) throws(ImportError) {
            if let kind = try response.string("kind"), kind != YouTubeImporter.listKind {
                throw ImportError(.malformed, at: SourceLocation(file: file),
                                  "\(response.pathDescription).kind: expected \"\(YouTubeImporter.listKind)\", found \"\(kind)\"")
            }
            let items = try response.requiredArray("items")
            for i in 0..<items.count {
                let item = try items[i].object("a youtube#commentThread object", record: record + 1)
                let snippet = try item.requiredObject("snippet", record: record + 1)
                var video = try snippet.string("videoId", record: record + 1) ?? ""
                if video.isEmpty { video = try snippet.string("channelId", record: record + 1) ?? "youtube" }
                let topNode = try snippet.requiredObject("topLevelComment", record: record + 1)
                let topID = try append(topNode, parent: nil, video: video)
                expectedReplies[video, default: 0] += max(0, snippet.int("totalReplyCount") ?? 0)
                if let replies = try item.object("replies", record: record), let list = try replies.array("comments", record: record) {
                    for r in 0..<list.count {
                        _ = try append(list[r].object("a youtube#comment object", record: record + 1), parent: topID, video: video)
                        presentReplies[video, default: 0] += 1
                    }
                }
            }
            if let token = try response.string("nextPageToken"), !token.isEmpty {
                corpusFindings.append(Finding(.note, at: SourceLocation(file: file),
                                              "\(response.pathDescription).nextPageToken is set: more comment threads exist on further pages, not in the file"))
            }
        }

        /// Appends one `youtube#comment`; returns its id.
        mutating func append(_ node: JSONSupport.Object, parent: String?, video: String) throws(ImportError) -> String {
            record += 1
            let location = SourceLocation(file: file, record: record)
            let id = try node.requiredID("id", record: record)
            let snippet = try node.requiredObject("snippet", record: record)
            let display = try snippet.string("textDisplay", record: record)
            let text: String
            let raw: String?
            if let original = try snippet.string("textOriginal", record: record) {
                text = original.trimmed
                raw = text == original ? nil : original
            } else {
                (text, raw) = JSONSupport.htmlBody(display)
            }
            var status: CommentStatus = []
            switch try snippet.string("moderationStatus", record: record) {
            case "heldForReview": status = .pending
            case "likelySpam": status = .spam
            case "rejected": status = .removed
            default: break
            }
            var thread: CommentThread
            if let existing = threads.removeValue(forKey: video) {
                thread = existing
            } else {
                order.append(video)
                let url = video == "youtube" ? nil : "https://www.youtube.com/watch?v=\(video)"
                thread = CommentThread(id: video, title: video, root: RootPost(id: video, url: url))
            }
            let timestamp = JSONSupport.timestamp(snippet, "publishedAt", at: location, findings: &thread.findings)
            let parentID = parent == nil ? nil : (try snippet.id("parentId", record: record) ?? parent)
            let published = try snippet.string("publishedAt", record: record)
            if let updated = try snippet.string("updatedAt", record: record), let published, updated != published { status.insert(.edited) }
            let link = video == "youtube" ? nil : "https://www.youtube.com/watch?v=\(video)&lc=\(URLText.component(id))"
            thread.comments.append(Comment(
                id: id, parentID: parentID, author: JSONSupport.author(try snippet.string("authorDisplayName", record: record)),
                timestamp: timestamp, text: text, rawText: raw, status: status, location: location,
                score: snippet.int("likeCount"), permalink: link))
            threads[video] = thread
            return id
        }

        func corpus() throws(ImportError) -> Corpus {
            var list: [CommentThread] = []
            for video in order {
                guard var thread = threads[video] else { continue }
                let expected = expectedReplies[video] ?? 0, present = presentReplies[video] ?? 0
                if expected > present {
                    let missing = expected - present
                    thread.findings.append(Finding(.missingComments, at: SourceLocation(file: file),
                                                   "the comment threads report \(expected) repl\(expected == 1 ? "y" : "ies") (totalReplyCount) but the file holds \(present): \(missing) repl\(missing == 1 ? "y is" : "ies are") missing (the API returns replies only with part=replies, and not all of them)"))
                }
                list.append(thread)
            }
            guard !list.isEmpty else {
                throw ImportError(.empty, at: SourceLocation(file: file), "no comments: the response holds no comment threads")
            }
            return Corpus(format: .youtube, threads: list, findings: corpusFindings)
        }
    }
}
