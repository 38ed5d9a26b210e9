/// Writes one thread as three CSV tables: comments, authors and author-network edges.
///
/// Every table is RFC 4180 apart from the line ending: a header row, then one row per record,
/// each line ending in `"\n"` (the last one too). Fields holding a comma, a quote, CR or LF are
/// quoted with quotes doubled (``Escaping/csv(_:)``); a quoted author name may therefore span
/// lines. Row orders are fixed, so the same input gives the same bytes.
///
/// ```swift
/// let text = CSVWriter.edges(analysis)   // "from,to,weight,kind\nBob,Ann,2,reply\n"
/// ```
public enum CSVWriter {
    /// The per-author integer columns shared by every author export (CSV, GEXF, GraphML), in
    /// the order of ``Metrics/authorColumns``, each with the field of ``AuthorStats`` that
    /// holds it. Definitions and units are those of ``Metrics/authorColumns``.
    static let authorFields: [(definition: MetricDefinition, value: @Sendable (AuthorStats) -> Int)] =
        Metrics.authorColumns.map { d in (d, field(d.id)) }

    /// The ``AuthorStats`` field named `id`. A column added to ``Metrics/authorColumns``
    /// without a field here traps in tests (`ExportWriterTests`), never silently.
    private static func field(_ id: String) -> @Sendable (AuthorStats) -> Int {
        switch id {
        case "comments": { $0.comments }
        case "repliesGiven": { $0.repliesGiven }
        case "repliesReceived": { $0.repliesReceived }
        case "inDegree": { $0.inDegree }
        case "outDegree": { $0.outDegree }
        case "weightedDegree": { $0.weightedDegree }
        default: { _ in preconditionFailure("no AuthorStats field for author column \(id)") }
        }
    }

    /// One row per analyzed comment, in source order.
    ///
    /// Columns:
    /// - `id`: the comment's id in the source (text).
    /// - `label`: the number shown for the comment in reports and diagrams (``ThreadAnalysis/label(of:)``).
    /// - `parent`: the `id` of the comment it replies to after repairs; empty for a reply to
    ///   the root post (top-level and orphan replies).
    /// - `author`: the author's name, trimmed; empty for the unknown bucket (deleted, empty or
    ///   anonymous authors).
    /// - `depth`: reply depth in levels (a top-level comment is 1, a reply to it 2).
    /// - `repliesReceived`: direct replies to the comment, in comments.
    /// - `timestamp`: when it was posted, ISO 8601 in UTC to the second (`2011-03-03T10:15:00Z`);
    ///   empty when the source does not say.
    /// - `status`: the status flags set (`deleted`, `removed`, …, in ``CommentStatus/names``
    ///   order) joined by `;`; empty for an ordinary comment.
    ///
    /// - Complexity: O(*n*) for *n* comments.
    public static func comments(_ a: ThreadAnalysis) -> String {
        table(commentHeader, commentRows(a))
    }

    static let commentHeader = ["id", "label", "parent", "author", "depth", "repliesReceived", "timestamp", "status"]

    static func commentRows(_ a: ThreadAnalysis) -> [[String]] {
        let net = a.network
        return a.comments.indices.map { i in
            let c = a.comments[i]
            let p = Int(a.tree.parent[i])
            let author = net.commentAuthor[i] >= 0 ? net.names[Int(net.commentAuthor[i])] : ""
            return [
                c.id, a.label(of: i), p >= 0 ? a.comments[p].id : "", author,
                String(a.tree.depth[i]), String(a.tree.replyCount(of: Int32(i))),
                c.timestamp?.iso8601UTC ?? "", c.status.flagNames.joined(separator: ";"),
            ]
        }
    }

    /// One row per known author, most comments first, ties by name.
    ///
    /// Columns: `name` (the author's name, trimmed), then the ids of ``Metrics/authorColumns``,
    /// all integers: `comments` (comments written), `repliesGiven` and `repliesReceived` (direct
    /// replies, in comments), `inDegree` and `outDegree` (distinct other authors, reply edges,
    /// self-replies excluded), `weightedDegree` (sum of reply-edge weights in and out, in
    /// replies; a self-reply loop counts twice). Mention edges do not enter these figures.
    ///
    /// - Complexity: O(*n* + *a* log *a*) for *n* comments and *a* authors.
    public static func authors(_ a: ThreadAnalysis) -> String {
        table(authorHeader, authorRows(a))
    }

    static var authorHeader: [String] { ["name"] + authorFields.map(\.definition.id) }

    static func authorRows(_ a: ThreadAnalysis) -> [[String]] {
        Metrics.authorStats(a).sorted { ($1.comments, $0.name) < ($0.comments, $1.name) }
            .map { s in [s.name] + authorFields.map { String($0.value(s)) } }
    }

    /// One row per author-network edge, sorted by (`from`, `to`, `kind`) as text.
    ///
    /// Columns:
    /// - `from`: the name of the author who wrote the replying (or mentioning) comments.
    /// - `to`: the name of the author replied to (or mentioned); equal to `from` for a self-reply loop.
    /// - `weight`: how many comments by `from` do so, in comments (≥ 1).
    /// - `kind`: `reply` (direct reply to a comment by `to`) or `mention` (addresses `to` by name
    ///   without replying to one of `to`'s comments). The same pair can have one row of each kind.
    ///
    /// - Complexity: O(*e* log *e*) for *e* edges.
    public static func edges(_ a: ThreadAnalysis) -> String {
        table(edgeHeader, edgeRows(a))
    }

    static let edgeHeader = ["from", "to", "weight", "kind"]

    static func edgeRows(_ a: ThreadAnalysis) -> [[String]] {
        let names = a.network.names
        return a.network.edges
            .map { (from: names[Int($0.from)], to: names[Int($0.to)], weight: $0.weight, kind: $0.kind.rawValue) }
            .sorted { ($0.from, $0.to, $0.kind) < ($1.from, $1.to, $1.kind) }
            .map { [$0.from, $0.to, String($0.weight), $0.kind] }
    }

    // MARK: Whole corpus

    /// ``comments(_:)-(ThreadAnalysis)`` for every thread of `corpus`, in corpus order, with a
    /// first column `thread` holding the thread's id.
    public static func comments(_ corpus: CorpusAnalysis) -> String {
        corpusTable(corpus, commentHeader, commentRows)
    }

    /// ``authors(_:)-(ThreadAnalysis)`` for every thread (authors are counted per thread), with a
    /// first column `thread`.
    public static func authors(_ corpus: CorpusAnalysis) -> String {
        corpusTable(corpus, authorHeader, authorRows)
    }

    /// ``edges(_:)-(ThreadAnalysis)`` for every thread, with a first column `thread`.
    public static func edges(_ corpus: CorpusAnalysis) -> String {
        corpusTable(corpus, edgeHeader, edgeRows)
    }

    // MARK: With the metrics

    /// ``authors(_:)-(ThreadAnalysis)`` with the participation and network columns after the
    /// integer ones: `words`, `firstCommentTime`, `lastCommentTime` (``Metrics/authorParticipationColumns``),
    /// `inStrength`, `outStrength`, `pageRank`, `betweenness`, `coreNumber`, `clustering`
    /// (``Metrics/authorNetworkColumns``); reals with up to 6 significant digits.
    public static func authors(_ m: ThreadMetrics) -> String {
        table(authorMetricHeader, authorMetricRows(m))
    }

    /// ``comments(_:)-(ThreadAnalysis)`` with `descendants` and `otherAuthorDescendants` after
    /// the other columns (``Metrics/commentShapeColumns``).
    public static func comments(_ m: ThreadMetrics) -> String {
        table(commentMetricHeader, commentMetricRows(m))
    }

    /// The metrics variants for every thread (`metrics[i]` for `corpus.threads[i]`), with a
    /// first column `thread`.
    public static func authors(_ corpus: CorpusAnalysis, metrics: [ThreadMetrics]) -> String {
        metricsTable(metrics, authorMetricHeader, authorMetricRows)
    }

    /// See ``authors(_:metrics:)``.
    public static func comments(_ corpus: CorpusAnalysis, metrics: [ThreadMetrics]) -> String {
        metricsTable(metrics, commentMetricHeader, commentMetricRows)
    }

    static var authorMetricHeader: [String] {
        authorHeader + ["words", "firstCommentTime", "lastCommentTime", "inStrength", "outStrength", "pageRank", "betweenness", "coreNumber", "clustering"]
    }

    static func authorMetricRows(_ m: ThreadMetrics) -> [[String]] {
        let stats = Metrics.authorStats(m.analysis)
        let order = stats.indices.sorted { (stats[$1].comments, stats[$0].name) < (stats[$0].comments, stats[$1].name) }
        return order.map { k in
            let s = stats[k], p = m.participation.perAuthor[k], n = m.network
            return [s.name] + authorFields.map { String($0.value(s)) } + [
                String(p.words), p.firstCommentTime?.iso8601UTC ?? "", p.lastCommentTime?.iso8601UTC ?? "",
                real(n.inStrength[k]), real(n.outStrength[k]), real(n.pageRank[k]), real(n.betweenness[k]),
                String(n.coreNumber[k]), real(n.clustering[k]),
            ]
        }
    }

    static let commentMetricHeader = commentHeader + ["descendants", "otherAuthorDescendants"]

    static func commentMetricRows(_ m: ThreadMetrics) -> [[String]] {
        zip(commentRows(m.analysis), m.shape.descendants.indices).map { row, i in
            row + [String(m.shape.descendants[i]), String(m.shape.otherAuthorDescendants[i])]
        }
    }

    /// A real as text: up to 6 significant digits, no exponent for ordinary values.
    static func real(_ x: Double) -> String {
        let r = MetricsJSON.round6(x)
        return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(r)
    }

    static func metricsTable(_ metrics: [ThreadMetrics], _ header: [String], _ rows: (ThreadMetrics) -> [[String]]) -> String {
        threadTable(metrics, thread: \.analysis.thread.id, header, rows)
    }

    static func corpusTable(_ corpus: CorpusAnalysis, _ header: [String], _ rows: (ThreadAnalysis) -> [[String]]) -> String {
        threadTable(corpus.threads, thread: \.thread.id, header, rows)
    }

    /// One table over several threads, with a first column `thread` holding each one's id.
    static func threadTable<T>(_ items: [T], thread: (T) -> String, _ header: [String], _ rows: (T) -> [[String]]) -> String {
        var out = row(["thread"] + header)
        for item in items {
            let id = thread(item)
            for r in rows(item) { out += row([id] + r) }
        }
        return out
    }

    /// A header and rows as CSV text.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var out = row(header)
        for r in rows { out += row(r) }
        return out
    }

    /// `fields` escaped, joined by commas, ending in `"\n"`.
    static func row(_ fields: [String]) -> String {
        fields.map(Escaping.csv).joined(separator: ",") + "\n"
    }
}
