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
        write(analysis, metrics: nil, provenance: provenance)
    }

    /// The JSON text, with each thread's metrics already computed (`metrics[i]` for
    /// `analysis.threads[i]`); `nil` computes them one thread at a time.
    public static func write(_ analysis: CorpusAnalysis, metrics: [ThreadMetrics]?, provenance: Provenance, topics: [String: ThreadTopics] = [:]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var repairCounts: [String: Int] = [:]
        for f in analysis.corpus.findings { repairCounts[f.kind.rawValue, default: 0] += 1 }
        for t in analysis.threads { for f in t.findings { repairCounts[f.kind.rawValue, default: 0] += 1 } }
        var corpusEntry = CorpusEntry(analysis)
        if let metrics, metrics.count > 1 {
            corpusEntry.distributions = Dictionary(uniqueKeysWithValues: Metrics.scalars.map { s in
                (s.definition.id, Distribution(metrics.compactMap { s.value($0) }))
            })
        }
        let head = Head(corpus: corpusEntry, glossary: (Metrics.glossary + TopicsMarkdown.definitions).map(GlossaryEntry.init),
                        inclusionRule: analysis.policy.rule, provenance: provenance, repairCounts: repairCounts)
        // The head's keys sort before "repairs" and "threads": drop its closing brace and go on.
        var out = encode(head, encoder)
        if out.hasSuffix("\n}") { out.removeLast(2) }
        out += ",\n  \"repairs\" : "
        let corpusRepairs = analysis.corpus.findings.lazy.map { RepairEntry($0, thread: nil) }
        let threadRepairs = analysis.threads.lazy.flatMap { t in t.findings.lazy.map { RepairEntry($0, thread: t.thread.id) } }
        appendArray([AnySequence(corpusRepairs), AnySequence(threadRepairs)].joined(), to: &out, encoder)
        out += ",\n  \"threads\" : "
        if let metrics {
            appendArray(metrics.lazy.map { ThreadEntry($0, topics: topics[$0.analysis.thread.id]) }, to: &out, encoder)
        } else {
            appendArray(analysis.threads.lazy.map { ThreadEntry(ThreadMetrics($0), topics: topics[$0.thread.id]) }, to: &out, encoder)
        }
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

    /// Rounds to 6 significant digits (the metric groups): stable text, enough for PageRank.
    static func round6(_ x: Double) -> Double {
        guard x.isFinite, x != 0 else { return x.isFinite ? 0 : x }
        let magnitude = Int(log10(abs(x)).rounded(.down))
        let scale = pow(10.0, Double(5 - magnitude))
        return (x * scale).rounded() / scale
    }

    /// A JSON number: counts as integers, other values rounded by ``round6(_:)``, undefined as null.
    enum Number: Encodable {
        case count(Int), real(Double), undefined
        init(_ value: Double?, isCount: Bool) {
            guard let value, value.isFinite else { self = .undefined; return }
            self = isCount ? .count(Int(value)) : .real(round6(value))
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .count(let n): try c.encode(n)
            case .real(let x): try c.encode(x)
            case .undefined: try c.encodeNil()
            }
        }
    }

    /// One metric group of a thread (`shape`, `participation`, `network`): every scalar of the
    /// group by id, plus the group's lists.
    struct GroupEntry: Encodable {
        var numbers: [String: Number]
        var lists: [String: [Int]] = [:]
        var maps: [String: [String: Int]] = [:]
        var flags: [String: Bool] = [:]

        init(_ m: ThreadMetrics, _ group: ScalarMetric.Group) {
            numbers = Dictionary(uniqueKeysWithValues: Metrics.scalars(in: group).map { ($0.definition.id, Number($0.value(m), isCount: $0.isCount)) })
        }

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ s: String) { stringValue = s }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            for (k, v) in numbers { try c.encode(v, forKey: Key(k)) }
            for (k, v) in lists { try c.encode(v, forKey: Key(k)) }
            for (k, v) in maps { try c.encode(v, forKey: Key(k)) }
            for (k, v) in flags { try c.encode(v, forKey: Key(k)) }
        }
    }

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
        /// Per scalar metric, its distribution across threads (corpora of 2 or more threads).
        var distributions: [String: Distribution]?

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

    /// A metric across threads: thread count, minimum, quartiles (type 7), mean, maximum.
    struct Distribution: Encodable {
        var threads: Int
        var min, q1, median, mean, q3, max: Number
        init(_ values: [Double]) {
            threads = values.count
            min = Number(values.min(), isCount: false); max = Number(values.max(), isCount: false)
            q1 = Number(ComparisonStats.quantile(values, 0.25), isCount: false)
            median = Number(ComparisonStats.median(values), isCount: false)
            q3 = Number(ComparisonStats.quantile(values, 0.75), isCount: false)
            mean = Number(ComparisonStats.mean(values), isCount: false)
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
        var words: Int
        var commentsAtDepth: [String: Int]
        var firstCommentTime: String?
        var lastCommentTime: String?
        var inStrength: Number, outStrength: Number, pageRank: Number, betweenness: Number, clustering: Number
        var coreNumber: Int
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
        var descendants: Int
        var otherAuthorDescendants: Int
        var timestamp: String?
        var status: [String]
        var orphan: Bool
    }

    struct MostRepliedEntry: Encodable {
        var id: String, label: String, author: String?, repliesReceived: Int, excerpt: String
    }

    struct MostDiscussedEntry: Encodable {
        var id: String, label: String, author: String?, repliesReceived: Int, descendants: Int, otherAuthorDescendants: Int, excerpt: String
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
        var mostDiscussed: [MostDiscussedEntry]
        var shape: GroupEntry
        var participation: GroupEntry
        var network: GroupEntry
        var topics: TopicsEntry?
        var comments: [CommentEntry]
        var excluded: [String: Int]
        var repairCounts: [String: Int]

        init(_ m: ThreadMetrics, topics threadTopics: ThreadTopics? = nil) {
            topics = threadTopics.map { TopicsEntry(dictionary: $0.dictionary.map(TopicsJSON.Entry.init), dictionaryFile: $0.dictionaryName, keyTerms: TopicsJSON.Entry($0.keyTerms)) }
            let a = m.analysis
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
            let perAuthor = m.participation.perAuthor
            authors = Metrics.authorStats(a).enumerated().map { k, s in
                let p = perAuthor[k]
                return AuthorEntry(name: s.name, comments: s.comments, repliesGiven: s.repliesGiven, repliesReceived: s.repliesReceived,
                                   inDegree: s.inDegree, outDegree: s.outDegree, weightedDegree: s.weightedDegree,
                                   words: p.words, commentsAtDepth: Dictionary(uniqueKeysWithValues: p.depths.map { (String($0.depth), $0.comments) }),
                                   firstCommentTime: p.firstCommentTime?.iso8601UTC, lastCommentTime: p.lastCommentTime?.iso8601UTC,
                                   inStrength: Number(m.network.inStrength[k], isCount: false), outStrength: Number(m.network.outStrength[k], isCount: false),
                                   pageRank: Number(m.network.pageRank[k], isCount: false), betweenness: Number(m.network.betweenness[k], isCount: false),
                                   clustering: Number(m.network.clustering[k], isCount: false), coreNumber: Int(m.network.coreNumber[k]))
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
            mostDiscussed = m.shape.mostDiscussed(5).map { c in
                let i = Int(c)
                return MostDiscussedEntry(id: a.comments[i].id, label: a.label(of: i), author: net.commentAuthor[i] >= 0 ? net.names[Int(net.commentAuthor[i])] : nil,
                                          repliesReceived: replies[i], descendants: Int(m.shape.descendants[i]),
                                          otherAuthorDescendants: Int(m.shape.otherAuthorDescendants[i]), excerpt: Escaping.excerpt(a.comments[i].text))
            }
            shape = GroupEntry(m, .shape)
            shape.lists["depthHistogram"] = m.shape.depthHistogram
            shape.lists["branchSizes"] = m.shape.branchSizes
            participation = GroupEntry(m, .participation)
            network = GroupEntry(m, .network)
            network.flags["betweennessSampled"] = m.network.betweennessSampled
            network.numbers["betweennessSources"] = .count(m.network.betweennessSources)
            comments = a.comments.indices.map { i in
                let p = a.tree.parent[i]
                return CommentEntry(id: a.comments[i].id, label: a.label(of: i), parent: p >= 0 ? a.comments[Int(p)].id : nil,
                                    author: net.commentAuthor[i] >= 0 ? net.names[Int(net.commentAuthor[i])] : nil,
                                    depth: Int(a.tree.depth[i]), repliesReceived: replies[i],
                                    descendants: Int(m.shape.descendants[i]), otherAuthorDescendants: Int(m.shape.otherAuthorDescendants[i]),
                                    timestamp: a.comments[i].timestamp?.iso8601UTC, status: a.comments[i].status.flagNames,
                                    orphan: a.repairedToRoot[i])
            }
            excluded = a.excludedCounts
            repairCounts = Dictionary(a.findings.map { ($0.kind.rawValue, 1) }, uniquingKeysWith: +)
        }
    }

    struct RepeatPoster: Encodable { var name: String; var comments: Int }

    /// A thread's topics: from the dictionary (when given) and the automatic key terms.
    struct TopicsEntry: Encodable {
        var dictionary: TopicsJSON.Entry?
        var dictionaryFile: String?
        var keyTerms: TopicsJSON.Entry
    }

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
