import Foundation

/// How one known author took part in a thread: comments, the depths they wrote at, when, and
/// how much.
public struct AuthorParticipation: Hashable, Sendable {
    /// Comments at one depth.
    public struct DepthCount: Hashable, Sendable {
        /// The depth: 1 for a top-level comment. Unit: levels.
        public var depth: Int
        /// The author's comments at that depth. Unit: comments.
        public var comments: Int
    }

    /// The author's name (trimmed), as in ``AuthorNetwork/names``.
    public var name: String
    /// Comments written by the author. Unit: comments.
    public var comments: Int
    /// The author's comments by depth, for each depth the author wrote at, shallowest first
    /// (sparse, so memory stays proportional to the comments). Unit: comments.
    public var depths: [DepthCount]
    /// The earliest timestamp among the author's comments that have one; `nil` when none has.
    public var firstCommentTime: Date?
    /// The latest timestamp among the author's comments that have one; `nil` when none has.
    public var lastCommentTime: Date?
    /// The last comment time minus the first, in seconds (``Metrics/timeColumns``'
    /// `activeSpan`); `nil` when no comment of the author has a time.
    public var activeSpan: Double? {
        guard let first = firstCommentTime, let last = lastCommentTime else { return nil }
        return last.timeIntervalSince(first)
    }
    /// Words written: the sum over the author's comments of ``WordCount/words(in:)`` of the
    /// plain text (a word is a maximal run of letters and digits, apostrophes inside a word
    /// kept). Unit: words.
    public var words: Int

    /// The author's comments at each depth: element 0 counts depth 1 (top level), element
    /// *d* − 1 depth *d*, up to the author's deepest comment; zeros where the author wrote none.
    /// Unit: comments.
    ///
    /// - Complexity: O(the author's deepest depth), which in a deep chain can far exceed the
    ///   author's comments; ``depths`` is the compact form.
    public var commentsAtDepth: [Int] {
        var dense = [Int](repeating: 0, count: depths.last?.depth ?? 0)
        for d in depths { dense[d.depth - 1] = d.comments }
        return dense
    }
}
