import Foundation

/// Writes `metrics.json`: the corpus totals, one entry per thread, every repair and the
/// glossary, with sorted keys so that the same input gives the same bytes.
///
/// The shape other tools rely on (fields are only ever added):
/// `{"corpus": {"counts": {...}, "depth": {"max"}}, "threads": [{"id", "title", "counts",
/// "depth": {"max", "mean", "histogram"}, "authors": [...], "repeatPosters": [...],
/// "authorEdges": [{"from", "to", "weight", "kind"}]}], "repairs": [{"kind", "location",
/// "message"}], ...}`.
public enum MetricsJSON {
    /// The JSON text for `analysis`, ending in a newline.
    public static func write(_ analysis: CorpusAnalysis, provenance: Provenance) -> String {
        let document = Document(analysis, provenance: provenance)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Rounds to 4 decimals so that the text is stable and readable.
    static func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

    struct Document: Encodable {
        var corpus: CorpusEntry
        var threads: [ThreadEntry]
        var repairs: [RepairEntry]
        var repairCounts: [String: Int]
        var inclusionRule: String
        var provenance: Provenance
        var glossary: [GlossaryEntry]

        init(_ a: CorpusAnalysis, provenance: Provenance) {
            let threads = a.threads.map(ThreadEntry.init)
            var all: [RepairEntry] = a.corpus.findings.map { RepairEntry($0, thread: nil) }
            for t in a.threads { all += t.findings.map { RepairEntry($0, thread: t.thread.id) } }
            self.corpus = CorpusEntry(a, threads: threads)
            self.threads = threads
            self.repairs = all
            self.repairCounts = Dictionary(all.map { ($0.kind, 1) }, uniquingKeysWith: +)
            self.inclusionRule = a.policy.rule
            self.provenance = provenance
            self.glossary = Metrics.glossary.map(GlossaryEntry.init)
        }
    }

    struct Counts: Encodable {
        var comments = 0, topLevel = 0, replies = 0, orphanReplies = 0, authors = 0, selfReplies = 0
        var unknownAuthorComments = 0, deleted = 0
    }

    struct CorpusEntry: Encodable {
        var format: String
        var threads: Int
        var emptyThreads: Int
        var counts: Counts
        var depth: [String: Int]

        init(_ a: CorpusAnalysis, threads: [ThreadEntry]) {
            var c = Counts()
            var names = Set<String>()
            for t in threads {
                c.comments += t.counts.comments; c.topLevel += t.counts.topLevel; c.replies += t.counts.replies
                c.orphanReplies += t.counts.orphanReplies; c.selfReplies += t.counts.selfReplies
                c.unknownAuthorComments += t.counts.unknownAuthorComments; c.deleted += t.counts.deleted
            }
            for t in a.threads { names.formUnion(t.network.names) }
            c.authors = names.count
            self.format = a.corpus.format.rawValue
            self.threads = threads.count
            self.emptyThreads = a.corpus.emptyThreadCount
            self.counts = c
            self.depth = ["max": threads.map(\.depth.max).max() ?? 0]
        }
    }

    struct DepthEntry: Encodable {
        var max: Int
        var mean: Double
        var histogram: [String: Int]
    }

    struct AuthorEntry: Encodable {
        var name: String
        var comments, repliesGiven, repliesReceived, inDegree, outDegree, weightedDegree: Int
    }

    struct EdgeEntry: Encodable {
        var from: String, to: String, weight: Int, kind: String
    }

    struct CommentEntry: Encodable {
        var id: String
        var label: String
        var parent: String?
        var author: String?
        var depth: Int
        var repliesReceived: Int
        var timestamp: String?
        var status: [String]
        var orphan: Bool
    }

    struct MostRepliedEntry: Encodable {
        var id: String, label: String, author: String?, repliesReceived: Int, excerpt: String
    }

    struct ThreadEntry: Encodable {
        var id: String
        var title: String
        var url: String?
        var counts: Counts
        var depth: DepthEntry
        var commentsPerAuthor: Double
        var repeatPosterShare: Double
        var repeatPosterCommentShare: Double
        var authors: [AuthorEntry]
        var repeatPosters: [RepeatPoster]
        var authorEdges: [EdgeEntry]
        var mostReplied: [MostRepliedEntry]
        var comments: [CommentEntry]
        var excluded: [String: Int]
        var repairCounts: [String: Int]

        init(_ a: ThreadAnalysis) {
            let net = a.network
            id = a.thread.id
            title = a.thread.title
            url = a.thread.root.url
            counts = Counts(comments: Metrics.comments(a), topLevel: Metrics.topLevel(a), replies: Metrics.replies(a),
                            orphanReplies: Metrics.orphanReplies(a), authors: Metrics.authors(a),
                            selfReplies: Metrics.selfReplies(a), unknownAuthorComments: Metrics.unknownAuthorComments(a),
                            deleted: Metrics.deleted(a))
            depth = DepthEntry(max: Metrics.maxDepth(a), mean: round4(Metrics.meanDepth(a)),
                               histogram: Dictionary(uniqueKeysWithValues: Metrics.depthHistogram(a).map { (String($0.key), $0.value) }))
            commentsPerAuthor = round4(Metrics.commentsPerAuthor(a))
            repeatPosterShare = round4(Metrics.repeatPosterShare(a))
            repeatPosterCommentShare = round4(Metrics.repeatPosterCommentShare(a))
            authors = Metrics.authorStats(a).map {
                AuthorEntry(name: $0.name, comments: $0.comments, repliesGiven: $0.repliesGiven, repliesReceived: $0.repliesReceived,
                            inDegree: $0.inDegree, outDegree: $0.outDegree, weightedDegree: $0.weightedDegree)
            }.sorted { ($1.comments, $0.name) < ($0.comments, $1.name) }
            repeatPosters = Metrics.repeatPosters(a).map { RepeatPoster(name: $0.name, comments: $0.comments) }
            authorEdges = net.edges.map { EdgeEntry(from: net.names[Int($0.from)], to: net.names[Int($0.to)], weight: Int($0.weight), kind: $0.kind.rawValue) }
                .sorted { ($0.from, $0.to, $0.kind) < ($1.from, $1.to, $1.kind) }
            let replies = Metrics.repliesPerComment(a)
            mostReplied = Metrics.mostReplied(a).map { i in
                MostRepliedEntry(id: a.comments[i].id, label: a.label(of: i), author: net.commentAuthor[i] >= 0 ? net.names[Int(net.commentAuthor[i])] : nil,
                                 repliesReceived: replies[i], excerpt: Escaping.excerpt(a.comments[i].text))
            }
            comments = a.comments.indices.map { i in
                let p = a.tree.parent[i]
                return CommentEntry(id: a.comments[i].id, label: a.label(of: i), parent: p >= 0 ? a.comments[Int(p)].id : nil,
                                    author: net.commentAuthor[i] >= 0 ? net.names[Int(net.commentAuthor[i])] : nil,
                                    depth: Int(a.tree.depth[i]), repliesReceived: replies[i],
                                    timestamp: a.comments[i].timestamp?.iso8601UTC, status: a.comments[i].status.flagNames,
                                    orphan: a.repairedToRoot[i])
            }
            excluded = a.excludedCounts
            repairCounts = Dictionary(a.findings.map { ($0.kind.rawValue, 1) }, uniquingKeysWith: +)
        }
    }

    struct RepeatPoster: Encodable { var name: String; var comments: Int }

    struct LocationEntry: Encodable {
        var file: String, line: Int?, record: Int?
    }

    struct RepairEntry: Encodable {
        var kind: String
        var location: LocationEntry
        var message: String
        var thread: String?

        init(_ f: Finding, thread: String?) {
            kind = f.kind.rawValue
            location = LocationEntry(file: f.location.file, line: f.location.line, record: f.location.record)
            message = f.message
            self.thread = thread
        }
    }

    struct GlossaryEntry: Encodable {
        var id, name, definition, unit, scope: String
        init(_ d: MetricDefinition) {
            id = d.id; name = d.name; definition = d.definition; unit = d.unit; scope = d.scope.rawValue
        }
    }
}
