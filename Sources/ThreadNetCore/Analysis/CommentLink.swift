/// A typed link between two comments beyond the reply structure: comment `from` mentions,
/// quotes or refers to comment `to`.
///
/// Links never change the reply tree or its depths. Each (`from`, `to`, `kind`) appears once,
/// and `from != to`.
public struct CommentLink: Hashable, Sendable {
    /// What a link records.
    public enum Kind: String, CaseIterable, Sendable, Comparable {
        /// `from` addresses the author of `to` by name: a salutation opening the comment
        /// (`Paul, you are correct`), `@name` or Reddit's `u/name`. `to` is that author's most
        /// recent comment before `from`.
        case mention
        /// `from` quotes `to`: a passage of five or more words that `from` marks as quoted (a
        /// `>` line, an HTML `<blockquote>`, or text in double quotes) occurs verbatim in `to`,
        /// the earliest earlier comment that contains it.
        case quote
        /// `from` refers to `to` by its number: `#12`, `comment 12`, `@12`.
        case reference

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    /// The comment that mentions, quotes or refers.
    public var from: Int32
    /// The comment it points at.
    public var to: Int32
    public var kind: Kind

    public init(from: Int32, to: Int32, kind: Kind) {
        self.from = from
        self.to = to
        self.kind = kind
    }
}
