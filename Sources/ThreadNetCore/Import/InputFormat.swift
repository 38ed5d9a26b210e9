/// The input formats ThreadNet reads. The raw value is the `--format` name.
public enum InputFormat: String, CaseIterable, Sendable, Hashable {
    /// A comment section pasted as text (`  N. Author says:` blocks).
    case text
    /// WordPress eXtended RSS export, versions 1.0 to 1.2.
    case wxr
    /// Disqus export XML.
    case disqus
    /// Reddit thread JSON: `[post listing, comment listing]`.
    case reddit
    /// Pushshift / Arctic-shift comment dumps: one Reddit comment object per line.
    case pushshift
    /// Hacker News Algolia items API: nested `children`.
    case hnAlgolia = "hn-algolia"
    /// Hacker News Firebase items: flat objects with `kids` / `parent`.
    case hnFirebase = "hn-firebase"
    /// Mastodon `statuses/:id/context`: `ancestors` and `descendants`.
    case mastodon
    /// Discourse topic JSON (`/t/{id}.json`).
    case discourse
    /// YouTube Data API `commentThreads.list` response.
    case youtube
    /// Generic CSV with a header row, columns mapped by name.
    case csv
    /// Generic JSON array of comment objects, or NDJSON, fields mapped by name.
    case json

    /// A human-readable name for reports.
    public var displayName: String {
        switch self {
        case .text: "pasted comment text"
        case .wxr: "WordPress WXR"
        case .disqus: "Disqus export XML"
        case .reddit: "Reddit thread JSON"
        case .pushshift: "Pushshift NDJSON"
        case .hnAlgolia: "Hacker News (Algolia)"
        case .hnFirebase: "Hacker News (Firebase)"
        case .mastodon: "Mastodon context JSON"
        case .discourse: "Discourse topic JSON"
        case .youtube: "YouTube commentThreads JSON"
        case .csv: "CSV"
        case .json: "generic JSON / NDJSON"
        }
    }
}
