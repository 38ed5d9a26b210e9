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
    ///
    /// Threads and repairs are encoded one at a time and appended, so the memory the encoder
    /// needs beyond the output text is that of one thread, not of the corpus.
    public static func write(_ analysis: CorpusAnalysis, provenance: Provenance) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var repairCounts: [String: Int] = [:]
        for f in analysis.corpus.findings { repairCounts[f.kind.rawValue, default: 0] += 1 }
        for t in analysis.threads { for f in t.findings { repairCounts[f.kind.rawValue, default: 0] += 1 } }
        let head = Head(corpus: CorpusEntry(analysis), glossary: Metrics.glossary.map(GlossaryEntry.init),
                        inclusionRule: analysis.policy.rule, provenance: provenance, repairCounts: repairCounts)
        // The head's keys sort before "repairs" and "threads": drop its closing brace and go on.
        var out = encode(head, encoder)
        if out.hasSuffix("\n}") { out.removeLast(2) }
        out += ",\n  \"repairs\" : "
        let corpusRepairs = analysis.corpus.findings.lazy.map { RepairEntry($0, thread: nil) }
        let threadRepairs = analysis.threads.lazy.flatMap { t in t.findings.lazy.map { RepairEntry($0, thread: t.thread.id) } }
        appendArray([AnySequence(corpusRepairs), AnySequence(threadRepairs)].joined(), to: &out, encoder)
        out += ",\n  \"threads\" : "
        appendArray(analysis.threads.lazy.map(ThreadEntry.init), to: &out, encoder)
        out += "\n}\n"
        return out
    }

    /// Pretty-printed JSON of `value`. Encoding plain structs of strings and numbers cannot fail.
    static func encode<T: Encodable>(_ value: T, _ encoder: JSONEncoder) -> String {
        String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    /// Appends `items` as a top-level array's elements, indented as the encoder would.
    static func appendArray<S: Sequence>(_ items: S, to out: inout String, _ encoder: JSONEncoder) where S.Element: Encodable {
        var first = true
        out += "["
        for item in items {
            out += first ? "\n" : ",\n"
            first = false
            for (i, line) in encode(item, encoder).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if i > 0 { out += "\n" }
                if !line.isEmpty { out += "    " + line }
            }
        }
        out += first ? "\n\n  ]" : "\n  ]"
    }

    /// Rounds to 4 decimals so that the text is stable and readable.
    static func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

    /// The top-level fields that come before `repairs` and `threads` in sorted order.
    struct Head: Encodable {
        var corpus: CorpusEntry
        var glossary: [GlossaryEntry]
        var inclusionRule: String
        var provenance: Provenance
        var repairCounts: [String: Int]
    }

    struct Counts: Encodable {
        var comments = 0, topLevel = 0, replies = 0, orphanReplies = 0, authors = 0, selfReplies = 0
        var unknownAuthorComments = 0, deleted = 0, excludedAuthorComments = 0
        var mentions = 0, quotes = 0, references = 0
    }

    struct CorpusEntry: Encodable {
        var format: String
        var threads: Int
        var emptyThreads: Int
        var counts: Counts
        var depth: [String: Int]

        init(_ a: CorpusAnalysis) {
            var c = Counts()
            var names = Set<String>()
            for t in a.threads {
                c.comments += Metrics.comments(t); c.topLevel += Metrics.topLevel(t); c.replies += Metrics.replies(t)
                c.orphanReplies += Metrics.orphanReplies(t); c.selfReplies += Metrics.selfReplies(t)
                c.unknownAuthorComments += Metrics.unknownAuthorComments(t); c.deleted += Metrics.deleted(t)
                c.excludedAuthorComments += Metrics.excludedAuthorComments(t)
                c.mentions += Metrics.mentions(t); c.quotes += Metrics.quotes(t); c.references += Metrics.references(t)
                names.formUnion(t.network.names)
            }
            c.authors = names.count
            self.format = a.corpus.format.rawValue
            self.threads = a.threads.count
            self.emptyThreads = a.corpus.emptyThreadCount
            self.counts = c
            self.depth = ["max": a.threads.map { Metrics.maxDepth($0) }.max() ?? 0]
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

    /// A typed link between two comments, by source id and shown label.
    struct LinkEntry: Encodable {
        var from: String, fromLabel: String, to: String, toLabel: String, kind: String
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
        var links: [LinkEntry]
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
                            deleted: Metrics.deleted(a), excludedAuthorComments: Metrics.excludedAuthorComments(a),
                            mentions: Metrics.mentions(a), quotes: Metrics.quotes(a), references: Metrics.references(a))
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
            links = a.links.map {
                LinkEntry(from: a.comments[Int($0.from)].id, fromLabel: a.label(of: Int($0.from)),
                          to: a.comments[Int($0.to)].id, toLabel: a.label(of: Int($0.to)), kind: $0.kind.rawValue)
            }
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
