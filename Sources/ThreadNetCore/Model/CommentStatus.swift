/// Moderation and lifecycle flags of a comment, kept rather than dropped.
///
/// A comment with no flags is an ordinary, published comment.
public struct CommentStatus: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Deleted by its author (Reddit `[deleted]` body, HN `deleted`, Disqus `isDeleted`).
    public static let deleted = CommentStatus(rawValue: 1 << 0)
    /// Removed by a moderator (Reddit `[removed]`, HN `dead`).
    public static let removed = CommentStatus(rawValue: 1 << 1)
    /// Marked as spam.
    public static let spam = CommentStatus(rawValue: 1 << 2)
    /// Awaiting moderation (WordPress `comment_approved` 0, "Your comment is awaiting moderation.").
    public static let pending = CommentStatus(rawValue: 1 << 3)
    /// In the trash (WordPress `trash`, `post-trashed`).
    public static let trash = CommentStatus(rawValue: 1 << 4)
    /// A pingback or trackback rather than a comment written by a reader.
    public static let pingback = CommentStatus(rawValue: 1 << 5)
    /// A system or moderator post (Discourse small actions) rather than a reader's comment.
    public static let system = CommentStatus(rawValue: 1 << 6)
    /// Edited after posting, where the source says so (Reddit `edited`, Mastodon `edited_at`).
    /// Informational: never changes inclusion.
    public static let edited = CommentStatus(rawValue: 1 << 7)

    /// Stable names, in a fixed order, for reports and JSON.
    public static let names: [(CommentStatus, String)] = [
        (.deleted, "deleted"), (.removed, "removed"), (.spam, "spam"), (.pending, "pending"),
        (.trash, "trash"), (.pingback, "pingback"), (.system, "system"), (.edited, "edited"),
    ]

    /// The names of the flags set, in the order of ``names``.
    public var flagNames: [String] { Self.names.filter { contains($0.0) }.map(\.1) }
}
