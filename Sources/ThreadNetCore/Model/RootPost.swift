import Foundation

/// The post a thread hangs under: a news article, a blog post, a Reddit submission.
///
/// It is the root of the reply tree (depth 0). Its author is left out of the author network
/// unless asked for.
public struct RootPost: Hashable, Sendable {
    /// The source's id for the post, if it has one.
    public var id: String?
    /// The author's display name; empty when the source does not say.
    public var author: String
    /// Plain text of the post, possibly empty.
    public var text: String
    /// When it was posted, in UTC, when known.
    public var timestamp: Date?
    /// Its URL, when known.
    public var url: String?

    public init(id: String? = nil, author: String = "", text: String = "", timestamp: Date? = nil, url: String? = nil) {
        self.id = id
        self.author = author
        self.text = text
        self.timestamp = timestamp
        self.url = url
    }
}
