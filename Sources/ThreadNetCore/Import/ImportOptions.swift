/// What the user told the importer: a forced format, a title, one thread, column names.
public struct ImportOptions: Hashable, Sendable {
    /// Force a format instead of detecting it from the content.
    public var format: InputFormat?
    /// Override the thread title (pasted text: the article's first line by default).
    public var title: String?
    /// Analyze only the thread with this id.
    public var threadID: String?
    /// Field or column names for the generic CSV and JSON importers.
    public var columns: ColumnMapping
    /// Bounds on decompression and line length.
    public var limits: InputLimits
    /// The time zone of times written without one, and the order of all-numeric dates
    /// (`--timezone`, `--date-order`): pasted text, CSV and JSON.
    public var reading: TimestampParser.Reading = .standard

    public init(format: InputFormat? = nil, title: String? = nil, threadID: String? = nil, columns: ColumnMapping = ColumnMapping(),
                limits: InputLimits = InputLimits()) {
        self.limits = limits
        self.format = format
        self.title = title
        self.threadID = threadID
        self.columns = columns
    }
}

/// Which column or field holds what, for the generic CSV and JSON importers.
///
/// A `nil` field is looked up among common header names (see ``ColumnMapping/defaults``).
public struct ColumnMapping: Hashable, Sendable {
    public var id: String?
    public var parent: String?
    public var author: String?
    public var time: String?
    public var text: String?
    public var thread: String?
    /// The comment's votes or likes (optional).
    public var score: String?

    public init(id: String? = nil, parent: String? = nil, author: String? = nil, time: String? = nil, text: String? = nil, thread: String? = nil,
                score: String? = nil) {
        self.score = score
        self.id = id
        self.parent = parent
        self.author = author
        self.time = time
        self.text = text
        self.thread = thread
    }

    /// Header names tried, in order, when a field is not mapped explicitly (compared
    /// case-insensitively).
    public enum Defaults {
        public static let id = ["id", "comment_id", "commentid", "cid", "post_id", "name"]
        public static let parent = ["parent_id", "parent", "parentid", "reply_to", "in_reply_to_id", "reply_id"]
        public static let author = ["author", "by", "user", "username", "user_name", "author_name"]
        public static let time = ["timestamp", "time", "created_utc", "created_at", "date", "published_at", "created"]
        public static let text = ["text", "body", "comment", "content", "message"]
        public static let thread = ["thread", "thread_id", "link_id", "video_id", "story_id", "topic_id"]
        public static let score = ["score", "points", "likes", "like_count", "likecount", "favourites_count", "ups"]
    }
}
