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
    /// Its URL, when known: the article's address, or for a Reddit link post the address it
    /// links to (the discussion itself is ``permalink``).
    public var url: String?
    /// The discussion page's own address when it differs from ``url`` (Reddit `permalink`).
    public var permalink: String?
    /// The post's votes or likes, where the source has them (Reddit `score`, HN `points`,
    /// Mastodon `favourites_count`, Discourse `like_count`).
    public var score: Int?

    public init(id: String? = nil, author: String = "", text: String = "", timestamp: Date? = nil, url: String? = nil,
                permalink: String? = nil, score: Int? = nil) {
        self.id = id
        self.author = author
        self.text = text
        self.timestamp = timestamp
        self.url = url
        self.permalink = permalink
        self.score = score
    }

    /// The address of the discussion: ``permalink`` when known, else ``url``.
    public var threadURL: String? { permalink ?? url }
}
