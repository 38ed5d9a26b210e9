/// Which comments enter the analysis.
///
/// The default follows what readers of the thread saw: spam, trash, pending comments,
/// pingbacks/trackbacks and system posts are left out (counted and listed by kind as
/// findings); deleted and removed comments stay as placeholders, because readers saw their
/// place in the thread and their replies hang under them.
public enum InclusionPolicy: String, CaseIterable, Sendable {
    /// What readers saw: everything but spam, trash, pending, pingbacks and system posts.
    case visible
    /// Every record in the input.
    case all

    /// The statuses this policy leaves out.
    public var excludedStatuses: CommentStatus {
        switch self {
        case .visible: [.spam, .trash, .pending, .pingback, .system]
        case .all: []
        }
    }

    /// The rule in one sentence, for the report.
    public var rule: String {
        switch self {
        case .visible:
            "Comments readers of the thread saw are analyzed: spam, trash, pending (unmoderated) comments, pingbacks/trackbacks and system posts are left out and counted by kind; deleted and removed comments stay as placeholders so their replies keep their place (`--keep all` keeps every record)."
        case .all:
            "Every record in the input is analyzed (`--keep all`), including spam, trash, pending comments, pingbacks and system posts."
        }
    }
}
