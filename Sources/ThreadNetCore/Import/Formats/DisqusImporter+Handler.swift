/// One `<thread>` child of `<disqus>`, as written (XML-decoded, not trimmed).
struct DisqusRawThread {
    /// 1-based position among the file's `<thread>` elements.
    var record: Int
    var line: Int
    /// The `dsq:id` attribute.
    var dsqID: String?
    /// Children by local name: `id`, `link`, `title`, `message`, `createdAt`, `isDeleted`.
    var fields: [String: String] = [:]
    /// `author/name`.
    var authorName: String?
}

/// One `<post>` child of `<disqus>`, as written.
struct DisqusRawPost {
    /// 1-based position among the file's `<post>` elements.
    var record: Int
    var line: Int
    /// The `dsq:id` attribute.
    var dsqID: String?
    /// Children by local name: `id`, `message`, `createdAt`, `isDeleted`, `isSpam`.
    var fields: [String: String] = [:]
    /// `author/name`.
    var authorName: String?
    /// `thread/@dsq:id` and the `thread` element's text.
    var threadAttribute: String?
    var threadText: String?
    /// `parent/@dsq:id` and the `parent` element's text (the parent's `<id>`).
    var parentAttribute: String?
    var parentText: String?
}

/// A `<thread>` or `<post>` in source order.
enum DisqusRawRecord {
    case thread(DisqusRawThread)
    case post(DisqusRawPost)
}

/// Collects the flat `<thread>` and `<post>` children of `<disqus>` from the SAX stream;
/// building happens in ``DisqusBuilder``.
final class DisqusHandler: XMLEventHandler {
    private(set) var records: [DisqusRawRecord] = []
    private(set) var postCount = 0
    private(set) var threadCount = 0

    private var thread: DisqusRawThread?
    private var post: DisqusRawPost?
    private var inAuthor = false

    static let threadFields: Set<String> = ["id", "link", "title", "message", "createdAt", "isDeleted"]
    static let postFields: Set<String> = ["id", "message", "createdAt", "isDeleted", "isSpam"]

    func didStart(_ element: XMLElementStart) {
        switch element.depth {
        case 1:
            if element.localName == "thread" {
                threadCount += 1
                thread = DisqusRawThread(record: threadCount, line: element.line, dsqID: element.attribute(local: "id"))
            } else if element.localName == "post" {
                postCount += 1
                post = DisqusRawPost(record: postCount, line: element.line, dsqID: element.attribute(local: "id"))
            }
        case 2:
            if element.localName == "author" { inAuthor = true }
            guard post != nil else { return }
            if element.localName == "thread", post?.threadAttribute == nil {
                post?.threadAttribute = element.attribute(local: "id")
            } else if element.localName == "parent", post?.parentAttribute == nil {
                post?.parentAttribute = element.attribute(local: "id")
            }
        default:
            break
        }
    }

    func didEnd(_ element: XMLElementStart, text: String) {
        let name = element.localName
        switch element.depth {
        case 1:
            if let done = thread {
                records.append(.thread(done))
                thread = nil
            } else if let done = post {
                records.append(.post(done))
                post = nil
            }
        case 2:
            if name == "author" { inAuthor = false; return }
            if thread != nil {
                if Self.threadFields.contains(name), thread?.fields[name] == nil { thread?.fields[name] = text }
            } else if post != nil {
                if Self.postFields.contains(name), post?.fields[name] == nil {
                    post?.fields[name] = text
                } else if name == "thread", post?.threadText == nil {
                    post?.threadText = text
                } else if name == "parent", post?.parentText == nil {
                    post?.parentText = text
                }
            }
        case 3:
            guard inAuthor, name == "name" else { return }
            if thread != nil, thread?.authorName == nil { thread?.authorName = text }
            if post != nil, post?.authorName == nil { post?.authorName = text }
        default:
            break
        }
    }
}
