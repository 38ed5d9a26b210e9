import Foundation

/// One comment as read from the input, before any tree is built.
///
/// Importers fill these in source order. Parent links are by source id; the analysis resolves
/// them, repairs what is broken and reports it.
public struct Comment: Hashable, Sendable {
    /// The id the source gives the comment (a number, a base-36 id, a dotted path `13.1` for
    /// pasted text). Unique within a thread in a well-formed input; duplicates are repaired.
    public var id: String
    /// The id of the comment this one replies to; `nil` means it replies to the thread's root.
    public var parentID: String?
    /// The author's display name as the source gives it, HTML decoded. Empty when unknown.
    public var author: String
    /// When the comment was posted, in UTC, when the source says.
    public var timestamp: Date?
    /// Moderation and lifecycle flags. (Stored after ``timestamp`` with the score, so the
    /// three small fields share one 16-byte slot: a million comments are in memory at once.)
    public var status: CommentStatus
    /// ``score`` as stored: 32 bits.
    private var storedScore: Int32?
    /// Plain text: HTML stripped, entities decoded, paragraphs separated by a blank line.
    public var text: String
    /// The body exactly as the source had it, when it differs from ``text``.
    public var rawText: String?
    /// Where the comment starts in the input.
    public var location: SourceLocation
    /// The number the source shows for the comment (`13` or `1` for a pasted reply), if any.
    public var sourceNumber: String?
    /// The votes or likes the source counts for the comment, where it has them: Reddit and
    /// Pushshift `score`, HN `points`, Mastodon `favourites_count`, Discourse `like_count`,
    /// YouTube `likeCount`, a CSV/JSON `score` column. Unit: the platform's own. A score
    /// outside ±2,147,483,647 (none is known on these platforms) is not kept.
    public var score: Int? {
        get { storedScore.map(Int.init) }
        set { storedScore = newValue.flatMap(Int32.init(exactly:)) }
    }
    /// The comment's own web address, where the source gives one or one follows from it
    /// (Reddit `permalink`, Mastodon `url`, the HN item page, YouTube's `lc=` link).
    public var permalink: String?

    public init(
        id: String, parentID: String? = nil, author: String, timestamp: Date? = nil,
        text: String, rawText: String? = nil, status: CommentStatus = [],
        location: SourceLocation, sourceNumber: String? = nil, score: Int? = nil, permalink: String? = nil
    ) {
        self.id = id
        self.parentID = parentID
        self.author = author
        self.timestamp = timestamp
        self.text = text
        self.rawText = rawText
        self.status = status
        self.location = location
        self.sourceNumber = sourceNumber
        self.storedScore = score.flatMap(Int32.init(exactly:))
        self.permalink = permalink
    }
}

extension Comment {
    /// The parent a reply gets when comments are left out (by the inclusion rule or a time
    /// window): starting at `parent`, the first ancestor not in `leftOut` (which maps each
    /// left-out id to its own parent), or `nil` for the root post. A loop among left-out
    /// comments stops after `leftOut.count` steps on a left-out id, which the tree builder then
    /// repairs as a missing parent (and reports).
    ///
    /// - Complexity: O(length of the left-out chain), at most `leftOut.count` steps.
    static func nearestKept(_ parent: String, leftOut: [String: String?]) -> String? {
        var target: String? = parent
        var steps = 0
        while let t = target, let up = leftOut[t], steps <= leftOut.count {
            target = up
            steps += 1
        }
        return target
    }
}
