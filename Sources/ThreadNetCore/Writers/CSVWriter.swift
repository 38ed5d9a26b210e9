import Foundation

/// Writes threads as CSV tables: comments, authors and author-network edges.
///
/// Every table is RFC 4180 apart from the line ending: a header row, then one row per record,
/// each line ending in `"\n"` (the last one too). Fields holding a comma, a quote, CR or LF are
/// quoted with quotes doubled (``CSVOutput``); a quoted author name may therefore span lines.
/// Reals keep full precision (their shortest round-trip form). Row orders are fixed, so the
/// same input gives the same bytes. The `write…(to:)` forms stream into a ``TextOutput``; the
/// others return the text.
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

    /// The values of ``authorFields`` alone (iterating the definitions would copy their texts
    /// for every row).
    static let authorFieldValues: [@Sendable (AuthorStats) -> Int] = authorFields.map(\.value)

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

    // MARK: Comments

    /// One row for the root post, then one per analyzed comment, in source order.
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
    /// - `status`: the status flags set (`deleted`, `removed`, …, `edited`, in
    ///   ``CommentStatus/names`` order) joined by `;`; empty for an ordinary comment; `post`
    ///   for the root post's row.
    /// - `score`: the votes or likes the source gives (``Comment/score``); empty when it has none.
    /// - `permalink`: the comment's web address (``Comment/permalink``); for the root post the
    ///   discussion's address.
    /// - `text`: the whole plain text (quoted as RFC 4180 when it holds commas, quotes or line
    ///   breaks), last so that the short columns stay readable.
    ///
    /// The root post's row has `label` 0, `depth` 0, an empty `parent`, its author as the source
    /// gives it, its direct replies (the top-level comments) as `repliesReceived` and, with the
    /// shape columns, every comment as `descendants`.
    ///
    /// - Complexity: O(*n*) for *n* comments.
    public static func comments(_ a: ThreadAnalysis) -> String {
        TextOutput.text { out in
            var csv = CSVOutput(out)
            csv.row(commentHeader + ["text"])
            commentRows(a, shape: nil, thread: nil, &csv)
        }
    }

    static let commentHeader = ["id", "label", "parent", "author", "depth", "repliesReceived", "timestamp", "status", "score", "permalink"]
    static let commentMetricHeader = commentHeader + ["descendants", "otherAuthorDescendants"]

    /// ``comments(_:)-(ThreadAnalysis)`` with `descendants` and `otherAuthorDescendants` after
    /// the other columns (``Metrics/commentShapeColumns``).
    public static func comments(_ m: ThreadMetrics) -> String {
        TextOutput.text { writeComments([m], threadColumn: false, to: $0) }
    }

    /// The comments of every thread of `metrics` with the shape columns, and with a first
    /// column `thread` holding each thread's id when `threadColumn`.
    ///
    /// - Complexity: O(*n*) for *n* comments; memory O(1) beyond the output's buffer.
    public static func writeComments(_ metrics: [ThreadMetrics], threadColumn: Bool, to out: TextOutput) {
        var csv = CSVOutput(out)
        csv.row((threadColumn ? ["thread"] : []) + commentMetricHeader + ["text"])
        for m in metrics { commentRows(m.analysis, shape: m.shape, thread: threadColumn ? m.analysis.thread.id : nil, &csv) }
    }

    static func commentRows(_ a: ThreadAnalysis, shape: ThreadShape?, thread: String?, _ csv: inout CSVOutput) {
        let net = a.network
        let root = a.thread.root
        if let thread { csv.field(thread) }
        csv.field(root.id ?? a.thread.id)
        csv.field(0)
        csv.empty()
        csv.field(root.author.trimmed)
        csv.field(0)
        csv.field(a.tree.topLevel.count)
        csv.field(root.timestamp)
        csv.field("post")
        csv.field(root.score)
        csv.field(root.threadURL)
        if shape != nil {
            let rootAuthor = root.author.trimmed
            csv.field(a.comments.count)
            csv.field(net.commentAuthor.count { $0 < 0 || rootAuthor.isEmpty || net.names[Int($0)] != rootAuthor })
        }
        csv.field(root.text)
        csv.endRow()
        a.comments.withUnsafeBufferPointer { comments in
        for i in comments.indices {
            // Fields are read in place: copying a whole comment would retain each of its texts.
            let p = Int(a.tree.parent[i])
            if let thread { csv.field(thread) }
            csv.field(comments[i].id)
            if comments[i].sourceNumber != nil { csv.field(comments[i].id) } else { csv.field(i + 1) }
            if p >= 0 { csv.field(comments[p].id) } else { csv.empty() }
            let author = net.commentAuthor[i]
            if author >= 0 { csv.field(net.names[Int(author)]) } else { csv.empty() }
            csv.field(a.tree.depth[i])
            csv.field(a.tree.replyCount(of: Int32(i)))
            csv.field(comments[i].timestamp)
            let status = comments[i].status
            if status.isEmpty { csv.empty() } else { csv.field(status.flagNames.joined(separator: ";")) }
            csv.field(comments[i].score)
            csv.field(comments[i].permalink)
            if let shape {
                csv.field(shape.descendants[i])
                csv.field(shape.otherAuthorDescendants[i])
            }
            csv.field(comments[i].text)
            csv.endRow()
        }
        }
    }

    // MARK: Authors

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
        TextOutput.text { out in
            var csv = CSVOutput(out)
            csv.row(authorHeader)
            let stats = Metrics.authorStats(a)
            for k in byComments(stats) {
                csv.field(stats[k].name)
                for f in authorFieldValues { csv.field(f(stats[k])) }
                csv.endRow()
            }
        }
    }

    static var authorHeader: [String] { ["name"] + authorFields.map(\.definition.id) }

    static var authorMetricHeader: [String] {
        authorHeader + ["words", "firstCommentTime", "lastCommentTime", "inStrength", "outStrength", "pageRank", "betweenness", "coreNumber", "clustering", "activeSpan", "community",
                        "harmonicCloseness", "hubScore", "authorityScore", "reciprocity"]
    }

    /// ``authors(_:)-(ThreadAnalysis)`` with the participation and network columns after the
    /// integer ones: `words`, `firstCommentTime`, `lastCommentTime` (``Metrics/authorParticipationColumns``),
    /// `inStrength`, `outStrength`, `pageRank`, `betweenness`, `coreNumber`, `clustering`
    /// (``Metrics/authorNetworkColumns``), `activeSpan` (seconds, ``Metrics/timeColumns``) and
    /// `community` (``Communities``), then `harmonicCloseness`, `hubScore`, `authorityScore` and
    /// `reciprocity` (``Metrics/authorNetworkColumns``; `reciprocity` empty for an author who
    /// replied to no one), new columns last so that earlier ones keep their positions; reals in
    /// full precision.
    public static func authors(_ m: ThreadMetrics) -> String {
        TextOutput.text { writeAuthors([m], threadColumn: false, to: $0) }
    }

    /// The authors of every thread of `metrics` with the metric columns (authors are counted
    /// per thread), and a first column `thread` when `threadColumn`.
    ///
    /// - Complexity: O(*n* + *a* log *a*) per thread.
    public static func writeAuthors(_ metrics: [ThreadMetrics], threadColumn: Bool, to out: TextOutput) {
        var csv = CSVOutput(out)
        csv.row((threadColumn ? ["thread"] : []) + authorMetricHeader)
        for m in metrics {
            let stats = m.authorStats
            let n = m.network
            let fields = authorFieldValues
            let thread = m.analysis.thread.id
            for k in byComments(stats) {
                if threadColumn { csv.field(thread) }
                csv.field(stats[k].name)
                for f in fields { csv.field(f(stats[k])) }
                csv.field(m.participation.perAuthor[k].words)
                csv.field(m.participation.perAuthor[k].firstCommentTime)
                csv.field(m.participation.perAuthor[k].lastCommentTime)
                csv.field(n.inStrength[k])
                csv.field(n.outStrength[k])
                csv.field(n.pageRank[k])
                csv.field(n.betweenness[k])
                csv.field(n.coreNumber[k])
                csv.field(n.clustering[k])
                csv.field(m.participation.perAuthor[k].activeSpan)
                csv.field(n.community[k])
                csv.field(n.harmonicCloseness[k])
                csv.field(n.hubScore[k])
                csv.field(n.authorityScore[k])
                csv.field(n.reciprocity[k])
                csv.endRow()
            }
        }
    }

    /// Author indices, most comments first, ties by name.
    static func byComments(_ stats: [AuthorStats]) -> [Int] {
        stats.indices.sorted { (stats[$1].comments, stats[$0].name) < (stats[$0].comments, stats[$1].name) }
    }

    // MARK: Edges

    /// One row per author-network edge, sorted by (`from`, `to`, `kind`) as text.
    ///
    /// Columns:
    /// - `from`: the name of the author who wrote the replying (or mentioning) comments.
    /// - `to`: the name of the author replied to (or mentioned); equal to `from` for a self-reply loop.
    /// - `weight`: how many comments by `from` do so, in comments (≥ 1).
    /// - `kind`: `reply` (direct reply to a comment by `to`), `mention`, `quote` or `reference`.
    ///   The same pair can have one row of each kind.
    ///
    /// - Complexity: O(*e* log *e*) for *e* edges.
    public static func edges(_ a: ThreadAnalysis) -> String {
        TextOutput.text { writeEdges([a], threadColumn: false, to: $0) }
    }

    static let edgeHeader = ["from", "to", "weight", "kind"]

    /// The edges of every thread of `threads`, with a first column `thread` when `threadColumn`.
    public static func writeEdges(_ threads: [ThreadAnalysis], threadColumn: Bool, to out: TextOutput) {
        var csv = CSVOutput(out)
        csv.row((threadColumn ? ["thread"] : []) + edgeHeader)
        for a in threads {
            let names = a.network.names
            let edges = a.network.edges.sorted {
                let (f0, f1) = (names[Int($0.from)], names[Int($1.from)])
                if f0 != f1 { return f0 < f1 }
                let (t0, t1) = (names[Int($0.to)], names[Int($1.to)])
                if t0 != t1 { return t0 < t1 }
                return $0.kind.rawValue < $1.kind.rawValue
            }
            for e in edges {
                if threadColumn { csv.field(a.thread.id) }
                csv.field(names[Int(e.from)])
                csv.field(names[Int(e.to)])
                csv.field(e.weight)
                csv.field(e.kind.rawValue)
                csv.endRow()
            }
        }
    }

    // MARK: Whole corpus

    /// ``comments(_:)-(ThreadAnalysis)`` for every thread of `corpus`, in corpus order, with a
    /// first column `thread` holding the thread's id.
    public static func comments(_ corpus: CorpusAnalysis) -> String {
        TextOutput.text { out in
            var csv = CSVOutput(out)
            csv.row(["thread"] + commentHeader + ["text"])
            for a in corpus.threads { commentRows(a, shape: nil, thread: a.thread.id, &csv) }
        }
    }

    /// ``edges(_:)-(ThreadAnalysis)`` for every thread, with a first column `thread`.
    public static func edges(_ corpus: CorpusAnalysis) -> String {
        TextOutput.text { writeEdges(corpus.threads, threadColumn: true, to: $0) }
    }

    /// The metrics variants for every thread (`metrics[i]` for `corpus.threads[i]`), with a
    /// first column `thread`.
    public static func authors(_ corpus: CorpusAnalysis, metrics: [ThreadMetrics]) -> String {
        TextOutput.text { writeAuthors(metrics, threadColumn: true, to: $0) }
    }

    /// See ``authors(_:metrics:)``.
    public static func comments(_ corpus: CorpusAnalysis, metrics: [ThreadMetrics]) -> String {
        TextOutput.text { writeComments(metrics, threadColumn: true, to: $0) }
    }

    /// A real as text, as ``TextOutput`` writes it: whole numbers without a fraction, others
    /// in full precision (their shortest round-trip form); `""` when not finite.
    static func real(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        return x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : x.description
    }

    // MARK: Helpers for other tables

    /// A header and rows as CSV text.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        TextOutput.text { out in
            var csv = CSVOutput(out)
            csv.row(header)
            for r in rows { csv.row(r) }
        }
    }

    /// `fields` escaped, joined by commas, ending in `"\n"`.
    static func row(_ fields: [String]) -> String {
        TextOutput.text { out in
            var csv = CSVOutput(out)
            csv.row(fields)
        }
    }
}
