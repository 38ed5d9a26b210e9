/// Writes the topic co-occurrence network and the author × topic table as CSV.
///
/// RFC 4180 as in ``CSVWriter``: a header row, one row per record, fields quoted when they
/// hold a comma, quote, CR or LF (``Escaping/csv(_:)``), each line ending in `"\n"`. Numbers
/// are written in full (Swift's shortest round-trip form, `0.3333333333333333`, `1e-05`), so
/// the file holds exactly the values computed.
public enum TopicsCSV {
    /// The columns of ``pairs(_:)``: the two topics, the four counts, then every measure in
    /// ``TopicMeasure`` order after `count` (definitions in ``TopicMeasure/definition``).
    public static let pairHeader = ["topic1", "topic2", "count", "frequency1", "frequency2", "units"]
        + TopicMeasure.allCases.filter { $0 != .count }.map(\.rawValue)

    /// Every pair with at least one co-occurrence, with every measure; most co-occurrences
    /// first (ties by Jaccard index, then topic ids).
    ///
    /// Columns: `topic1`, `topic2` (topic names), `count` (*a*, units with both), `frequency1`,
    /// `frequency2` (*n_i*, *n_j*, units with each), `units` (*N*), then `jaccard`, `cosine`,
    /// `inclusion`, `associationStrength`, `pmi`, `npmi`, `logLikelihood`, `pValue`.
    ///
    /// - Complexity: O(*p* log *p*) for *p* pairs.
    public static func pairs(_ network: TopicCooccurrence) -> String {
        CSVWriter.table(pairHeader, pairRows(network))
    }

    /// ``pairs(_:)`` of several threads, with a first column `thread`.
    public static func pairs(_ threads: [(thread: String, network: TopicCooccurrence)]) -> String {
        var out = CSVWriter.row(["thread"] + pairHeader)
        for (id, network) in threads {
            for r in pairRows(network) { out += CSVWriter.row([id] + r) }
        }
        return out
    }

    static func pairRows(_ network: TopicCooccurrence) -> [[String]] {
        network.pairs.sorted { EdgeSelection.ranks($0, before: $1, by: .count) }.map { p in
            [network.topics[Int(p.first)], network.topics[Int(p.second)], String(p.count),
             String(p.firstFrequency), String(p.secondFrequency), String(p.units)]
                + TopicMeasure.allCases.filter { $0 != .count }.map { number(p.value($0)) }
        }
    }

    /// The columns of ``authorTopics(_:)``.
    public static let authorTopicHeader = ["author", "topic", "comments", "authorComments", "topicComments", "byActivity", "byProminence"]

    /// The author × topic two-mode network as an edge list: one row per author and topic with
    /// at least one comment, sorted by author name, then topic name.
    ///
    /// Columns: `author`, `topic` (names), `comments` (the author's comments carrying the
    /// topic), `authorComments` (all the author's comments), `topicComments` (comments by known
    /// authors carrying the topic), `byActivity` (`comments / authorComments`), `byProminence`
    /// (`comments / topicComments`); see ``AuthorTopicTable``.
    ///
    /// - Complexity: O(*x* log *x*) for *x* cells.
    public static func authorTopics(_ table: AuthorTopicTable) -> String {
        let rows = table.cells
            .sorted { (table.authors[Int($0.author)], table.topics[Int($0.topic)], $0.author, $0.topic) < (table.authors[Int($1.author)], table.topics[Int($1.topic)], $1.author, $1.topic) }
            .map { c in
                [table.authors[Int(c.author)], table.topics[Int(c.topic)], String(c.comments), String(table.authorComments[Int(c.author)]),
                 String(table.topicComments[Int(c.topic)]), number(c.byActivity), number(c.byProminence)]
            }
        return CSVWriter.table(authorTopicHeader, rows)
    }

    /// A measure in full: integers without a decimal point, others in shortest round-trip form.
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
