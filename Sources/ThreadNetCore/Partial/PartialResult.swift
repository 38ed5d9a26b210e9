/// What `threadnet analyze INPUT --partial DIR` writes for the threads of one shard of a corpus,
/// and `threadnet merge` combines into what `threadnet analyze` writes for the whole corpus.
///
/// A corpus's report is per thread or a sum over threads followed by whole-graph measures, so a
/// shard (whole threads; a thread is never split) reduces to: one row of metrics per thread
/// (``ThreadRow``), the tally the corpus-wide author network is built from
/// (``AuthorTally``: per author sums, per author pair reply weights and first reply time), and
/// the pooled times of the corpus-wide time profile (``PooledTimes``).
/// Merging concatenates the rows in the corpus's thread order, sums the tallies and measures
/// the merged network once.
///
/// On disk (version 1; every file UTF-8, one JSON value per line, numbers in their shortest
/// round-trip form, strings JSON-escaped):
///
/// - `partial.json`: the ``Manifest`` (format name, version, the input's provenance, the
///   options, the metric ids in column order, counts).
/// - `threads.ndjson`: one ``ThreadRow`` per thread, `{"id", "title", "comments", "values"}`,
///   `values[i]` the value of `metrics[i]` (null when undefined).
/// - `authors.ndjson`: one ``AuthorTally/Author`` per author, `{"name", "comments", "threads",
///   "repliesGiven", "firstSeen", "firstThread", "firstLocal"}` (`firstThread` indexes
///   `threads.ndjson`).
/// - `replies.ndjson`: one line per (replier, replied-to) pair, `{"from", "to", "weight",
///   "first"}` with author names, so that the pairs of many shards can be summed by name
///   elsewhere (Spark's `reduceByKey`) and handed to `threadnet merge --replies`.
/// - `times.ndjson`: every comment's time and depth and every reply's latency
///   (``PooledTimes``), for the corpus-wide time profile; these grow with comments (12 to 30
///   bytes each).
/// - Optionally `comments.csv`, `authors.csv` and `edges.csv` (``PartialRows``): the shard's
///   rows as `threadnet analyze` writes them, which a merge joins in the corpus's thread order.
/// - Optionally `folders.ndjson` and `threads/` (``PartialFolders``): the folders of the shard's
///   `--detail` largest threads, which a merge copies for the corpus's largest.
/// - Optionally `metrics-threads.json` and `repairs.ndjson` (``PartialReport``): every
///   thread's entry of `metrics.json` and every repair, for the merged `report.md` and
///   `metrics.json`.
/// - `topics-sample.ndjson` and, once counted, `topics-1.ndjson` … `topics-3.ndjson`
///   (``PartialTopics``): the rounds of the corpus-wide topics.
///
/// NDJSON rather than Parquet: no Parquet C library is packaged for Debian here, every line is
/// readable by Spark (`spark.read.json`), Python and `jq`, and the files are proportional to
/// threads, authors and author pairs, not to comments or text.
public struct PartialResult: Sendable, Equatable {
    /// The `format` field of `partial.json`.
    public static let formatName = "threadnet-partial"
    /// The version written; a different version is refused when merging.
    public static let version = 1

    /// The files of a partial result, in the order written.
    public static let fileNames = ["partial.json", "threads.ndjson", "authors.ndjson", "replies.ndjson", "times.ndjson"]

    /// `partial.json`.
    public struct Manifest: Codable, Sendable, Equatable {
        /// Always ``PartialResult/formatName``.
        public var format: String
        /// ``PartialResult/version``.
        public var version: Int
        /// The shard's input, digest, ThreadNet version and options.
        public var provenance: Provenance
        /// `--detail`: how many of the largest threads a report details.
        public var detail: Int
        /// The ids of ``Metrics/scalars``, the columns of each thread's `values`.
        public var metrics: [String]
        /// Threads in `threads.ndjson`.
        public var threads: Int
        /// Comments analyzed over those threads.
        public var comments: Int
        /// Lines of `authors.ndjson` and `replies.ndjson`.
        public var authors: Int
        public var replies: Int
        /// Whether the row files' text was written without formula neutralization (`--raw-csv`).
        public var rawCSV: Bool?
        /// Threads without comments in the shard (counted, not listed); nil in partials made
        /// before it was recorded.
        public var emptyThreads: Int?
        /// The shard's counts summed over its threads (`metrics.json` `corpus.counts`; `authors`
        /// the shard's distinct authors); nil in partials made before it was recorded.
        public var counts: MetricsJSON.Counts?
        /// ``InclusionPolicy/rule``; nil in partials made before it was recorded.
        public var inclusionRule: String?
    }

    /// One thread's row: its id, title, size and every scalar metric.
    public struct ThreadRow: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        /// Comments analyzed. Unit: comments.
        public var comments: Int
        /// `values[i]` is the value of the manifest's `metrics[i]`; nil when undefined.
        public var values: [Double?]

        public init(id: String, title: String, comments: Int, values: [Double?]) {
            self.id = id
            self.title = title
            self.comments = comments
            self.values = values
        }
    }

    public var manifest: Manifest
    /// The threads, in the corpus's order (``CorpusAnalysis/threads``).
    public var threads: [ThreadRow]
    /// The author tally of those threads, in that order.
    public var tally: AuthorTally
    /// Their comments' times and depths and their replies' latencies.
    public var times: PooledTimes

    public init(manifest: Manifest, threads: [ThreadRow], tally: AuthorTally, times: PooledTimes) {
        self.manifest = manifest
        self.threads = threads
        self.tally = tally
        self.times = times
    }

    /// The partial result of an analyzed shard.
    ///
    /// - Complexity: O(*c* + *e*) for *c* comments and *e* thread edges, after the metrics.
    public init(_ analysis: CorpusAnalysis, metrics: [ThreadMetrics], provenance: Provenance, detail: Int, rawCSV: Bool = false) {
        let rows = zip(analysis.threads, metrics).map { t, m in
            ThreadRow(id: t.thread.id, title: t.thread.title, comments: t.comments.count, values: m.scalarValues)
        }
        let tally = AuthorTally(analysis.threads)
        var counts = MetricsJSON.Counts()
        for t in analysis.threads { counts.add(t) }
        counts.authors = tally.authors.count
        self.init(manifest: Manifest(format: Self.formatName, version: Self.version, provenance: provenance, detail: detail,
                                     metrics: Metrics.scalars.map(\.definition.id), threads: rows.count,
                                     comments: rows.reduce(0) { $0 + $1.comments }, authors: tally.authors.count, replies: tally.replies.count,
                                     rawCSV: rawCSV, emptyThreads: analysis.corpus.emptyThreadCount, counts: counts,
                                     inclusionRule: analysis.policy.rule),
                  threads: rows, tally: tally, times: PooledTimes(analysis.threads))
    }
}

/// A partial result that cannot be read or merged: the file, the line and what is wrong.
public struct PartialError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file (and line, when one line is at fault): `DIR/threads.ndjson:12`.
    public var location: String
    public var message: String

    public init(_ location: String, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { location.isEmpty ? message : "\(location): \(message)" }
}
