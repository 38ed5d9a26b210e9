import Foundation

/// Writes `metrics.json` as it goes: the corpus totals and corpus-wide network, one entry per
/// thread, every repair and the glossary, with sorted keys so that the same input gives the
/// same bytes.
///
/// It holds metrics, not a copy of the data: its size grows with threads and authors, never
/// with comments (per-comment rows are in `comments.csv`). Layout (fields are only ever added):
///
/// - `corpus`: `format`, `threads`, `emptyThreads`, `counts`, `depth.max`; with 2 or more
///   threads also `distributions` (each per-thread metric across threads) and `network` (the
///   corpus-wide author network, ``CorpusNetwork``: every network metric by id,
///   `betweennessSampled`, `betweennessSources`, `growth` (authors and reply edges that had
///   appeared by the end of each bin of the corpus timeline), `selfReplies` and `topAuthors`, the 100
///   authors with the highest PageRank with their per-author measures) and `topics` (the
///   corpus-wide key terms and their co-occurrence per comment, ``CorpusTopicsWriter``) and
///   `time` (every comment and reply pooled, ``TimeProfile``: the time metrics by id,
///   `firstCommentTime`, `lastCommentTime`, `peakHourStart`, `latencyByDepth`,
///   `negativeLatencies`, `untimedComments`).
/// - `threads[]`, in corpus order: `id`, `title`, `url`, `counts`, `depth` (`max`, `mean`,
///   `histogram`), `commentsPerAuthor`, `repeatPosterShare`, `repeatPosterCommentShare`,
///   `shape`, `participation`, `network` (every metric of the group by id), `time` (likewise,
///   with `postTime` and the fields listed for the corpus), `excluded`,
///   `repairCounts` and `detailed`. A detailed thread (every thread of a small corpus, else the
///   `--detail` largest) also has `authors[]`, `authorEdges[]`, `links[]`, `repeatPosters[]`,
///   `mostReplied[]`, `mostDiscussed[]`, `shape.branchSizes` and `topics` (``TopicsJSON``
///   without the author × topic cells, which are in `author-topics.csv`).
/// - `repairs[]` (every finding with its location), `repairCounts`, `inclusionRule`,
///   `glossary` and `provenance`.
///
/// Counts are integers; other numbers keep full precision (their shortest round-trip form);
/// an undefined value is `null`.
public enum MetricsJSON {
    /// How many authors `corpus.network.topAuthors` lists.
    public static let topAuthorCount = 100

    /// The JSON text for `analysis`, every thread detailed.
    public static func write(_ analysis: CorpusAnalysis, provenance: Provenance) -> String {
        let metrics = ThreadMetrics.computeAll(analysis.threads)
        return TextOutput.text { write(analysis, metrics: metrics, provenance: provenance, to: $0) }
    }

    /// The JSON text, with each thread's metrics already computed (`metrics[i]` for
    /// `analysis.threads[i]`), every thread detailed.
    public static func write(_ analysis: CorpusAnalysis, metrics: [ThreadMetrics], provenance: Provenance, topics: [String: ThreadTopics] = [:]) -> String {
        TextOutput.text { write(analysis, metrics: metrics, provenance: provenance, topics: topics, to: $0) }
    }

    /// Writes the JSON into `out`.
    ///
    /// - Parameters:
    ///   - analysis: the corpus analysed.
    ///   - metrics: `metrics[i]` for `analysis.threads[i]`.
    ///   - provenance: the input, its digest, ThreadNet's version and the options.
    ///   - topics: the detailed threads' topics, by thread id.
    ///   - network: the corpus-wide author network (multi-thread corpora).
    ///   - corpusTopics: the corpus-wide key terms (multi-thread corpora).
    ///   - corpusTime: the time profile of every comment pooled (multi-thread corpora).
    ///   - detailed: which threads get their per-author and per-link lists (`nil`: all).
    ///   - out: where the JSON goes.
    /// - Complexity: O(*t* · *m* + *a* + *r*) for *t* threads, *m* metrics, *a* authors listed
    ///   and *r* repairs; memory O(one thread's entry).
    public static func write(_ analysis: CorpusAnalysis, metrics: [ThreadMetrics], provenance: Provenance,
                             topics: [String: ThreadTopics] = [:], network: CorpusNetwork? = nil,
                             corpusTopics: CorpusTopics? = nil, corpusTime: TimeProfile? = nil, detailed: Set<Int>? = nil, to out: TextOutput) {
        var repairCounts: [String: Int] = [:]
        for f in analysis.corpus.findings { repairCounts[f.kind.rawValue, default: 0] += 1 }
        for t in analysis.threads { for f in t.findings { repairCounts[f.kind.rawValue, default: 0] += 1 } }
        let document = Document(corpus: CorpusFigures(analysis, metrics: metrics, network: network), network: network, topics: corpusTopics,
                                time: corpusTime, inclusionRule: analysis.policy.rule, provenance: provenance,
                                repairCounts: repairCounts.sorted { $0.key < $1.key })
        document.write(to: out, repairs: { json in
            for f in analysis.corpus.findings { repair(f, thread: nil, json) }
            for t in analysis.threads { for f in t.findings { repair(f, thread: t.thread.id, json) } }
        }, threads: { json in
            for (k, m) in metrics.enumerated() {
                thread(m, detailed: detailed?.contains(k) ?? true, topics: topics[m.analysis.thread.id], json)
            }
        })
    }

    /// What `metrics.json` says besides the repairs and the threads' entries, from an analysis
    /// or from merged partial results (``MergedCorpus``), which write those two lists as they go.
    public struct Document: Sendable {
        public var corpus: CorpusFigures
        /// The corpus-wide author network, time profile and topics (two or more threads).
        public var network: CorpusNetwork?
        public var topics: CorpusTopics?
        public var time: TimeProfile?
        /// ``InclusionPolicy/rule``.
        public var inclusionRule: String
        public var provenance: Provenance
        /// Repairs by kind, sorted by kind.
        public var repairCounts: [(String, Int)]

        public init(corpus: CorpusFigures, network: CorpusNetwork?, topics: CorpusTopics?, time: TimeProfile?, inclusionRule: String,
                    provenance: Provenance, repairCounts: [(String, Int)]) {
            self.corpus = corpus
            self.network = network
            self.topics = topics
            self.time = time
            self.inclusionRule = inclusionRule
            self.provenance = provenance
            self.repairCounts = repairCounts
        }

        /// Writes the document into `out`; `repairs` writes the `repairs` array's items
        /// (``MetricsJSON/repair(_:thread:_:)``) and `threads` the `threads` array's.
        ///
        /// - Complexity: O(*t* · *m* + *a*) for *t* threads, *m* metrics and *a* authors listed,
        ///   plus what the two closures write.
        public func write(to out: TextOutput, repairs: (JSONOutput) -> Void, threads: (JSONOutput) -> Void) {
            let json = JSONOutput(out)
            json.object {
                json.field("corpus", object: { MetricsJSON.corpus(corpus, network: network, topics: topics, time: time, json) })
                json.field("glossary", array: {
                    for d in Metrics.glossary + TopicsMarkdown.definitions { glossaryEntry(d, json) }
                })
                json.field("inclusionRule", inclusionRule)
                json.field("provenance", object: {
                    json.field("format", provenance.format)
                    json.field("input", provenance.input)
                    json.key("options"); json.strings(provenance.options)
                    json.field("sha256", provenance.sha256)
                    json.field("version", provenance.version)
                })
                json.field("repairCounts", counts: repairCounts)
                json.field("repairs", array: { repairs(json) })
                json.field("threads", array: { threads(json) })
            }
        }
    }

    // MARK: Corpus

    /// What `corpus` says besides the corpus-wide network, time and topics.
    public struct CorpusFigures: Sendable {
        /// ``InputFormat`` raw value.
        public var format: String
        /// Threads with comments, and without (counted, not listed).
        public var threads: Int
        public var emptyThreads: Int
        /// Summed over the threads; `authors` is the distinct authors across threads.
        public var counts: Counts
        /// The largest ``Metrics/maxDepth`` of a thread.
        public var maxDepth: Int
        /// Each thread's ``Metrics/scalars`` values (undefined: nil), for `distributions`.
        public var values: [[Double?]]

        public init(format: String, threads: Int, emptyThreads: Int, counts: Counts, maxDepth: Int, values: [[Double?]]) {
            self.format = format
            self.threads = threads
            self.emptyThreads = emptyThreads
            self.counts = counts
            self.maxDepth = maxDepth
            self.values = values
        }

        /// The figures of an analysis.
        init(_ a: CorpusAnalysis, metrics: [ThreadMetrics], network: CorpusNetwork?) {
            var c = Counts()
            for t in a.threads { c.add(t) }
            c.authors = network?.count ?? a.threads.first?.network.count ?? 0
            if network == nil, a.threads.count > 1 {
                var names = Set<String>()
                for t in a.threads { names.formUnion(t.network.names) }
                c.authors = names.count
            }
            self.init(format: a.corpus.format.rawValue, threads: a.threads.count, emptyThreads: a.corpus.emptyThreadCount, counts: c,
                      maxDepth: a.threads.map { Metrics.maxDepth($0) }.max() ?? 0, values: metrics.count > 1 ? metrics.map(\.scalarValues) : [])
        }
    }

    static func corpus(_ c: CorpusFigures, network: CorpusNetwork?, topics: CorpusTopics?, time: TimeProfile?, _ json: JSONOutput) {
        json.field("counts", object: { c.counts.write(json) })
        json.field("depth", object: { json.field("max", c.maxDepth) })
        if c.threads > 1 {
            json.field("distributions", object: {
                for (k, s) in Metrics.scalars.enumerated().sorted(by: { $0.element.definition.id < $1.element.definition.id }) {
                    json.field(s.definition.id, inlineObject: { distribution(c.values.compactMap { $0[k].flatMap { $0.isFinite ? $0 : nil } }, json) })
                }
            })
        }
        json.field("emptyThreads", c.emptyThreads)
        json.field("format", c.format)
        if let network {
            json.field("network", object: { corpusNetwork(network, time: time, json) })
        }
        json.field("threads", c.threads)
        if let time {
            json.field("time", object: { self.time(time, json) })
        }
        if let topics {
            json.field("topics", object: { CorpusTopicsWriter.json(topics, json) })
        }
    }

    /// `corpus.network`; without `growth` (corpus-network.json, which a merge of partial
    /// results writes too) the growth curve is left out.
    static func corpusNetwork(_ n: CorpusNetwork, time: TimeProfile? = nil, growth: Bool = true, _ json: JSONOutput) {
        let m = n.measures
        let members = (groupMembers[.network]!.map { ($0.key, Optional($0.member)) } + (growth ? [("growth", nil)] : []) + [("selfReplies", nil), ("topAuthors", nil)])
            .sorted { $0.0 < $1.0 }
        for (key, member) in members {
            switch member {
            case .scalar(let s, _)?:
                json.key(key)
                number(s.networkValue!(m), isCount: s.isCount, json)
            case .betweennessSampled?: json.field(key, m.betweennessSampled)
            case .betweennessSources?: json.field(key, m.betweennessSources)
            case .some: break
            case nil where key == "selfReplies": json.field(key, n.selfReplies)
            case nil where key == "growth":
                // Authors and reply edges that had appeared by the end of each timeline bin.
                json.field(key, array: {
                    if let time, let tl = time.timeline, let last = time.lastComment {
                        for p in n.growth(tl, last: last) {
                            json.object(inline: true) {
                                json.field("authors", p.authors)
                                json.field("edges", p.edges)
                                json.field("time", Date(timeIntervalSince1970: p.time).iso8601UTC)
                            }
                        }
                    }
                })
            case nil:
                json.field(key, array: {
                    for k in n.top(topAuthorCount, by: { m.pageRank[$0] }) {
                        json.object(inline: true) {
                            json.field("authorityScore", m.authorityScore[k])
                            json.field("betweenness", m.betweenness[k])
                            json.field("comments", n.comments[k])
                            json.field("community", m.community[k])
                            json.field("coreNumber", m.coreNumber[k])
                            json.field("harmonicCloseness", m.harmonicCloseness[k])
                            json.field("hubScore", m.hubScore[k])
                            json.field("inDegree", m.inDegree[k])
                            json.field("inStrength", m.inStrength[k])
                            json.field("name", n.names[k])
                            json.field("outDegree", m.outDegree[k])
                            json.field("outStrength", m.outStrength[k])
                            json.field("pageRank", m.pageRank[k])
                            json.field("reciprocity", m.reciprocity[k].isFinite ? m.reciprocity[k] : nil)
                            json.field("threads", n.threads[k])
                        }
                    }
                })
            }
        }
    }

    /// A metric across threads: thread count, minimum, quartiles (type 7), mean, maximum.
    static func distribution(_ values: [Double], _ json: JSONOutput) {
        let sorted = values.sorted()
        json.field("max", sorted.last)
        json.field("mean", ComparisonStats.mean(values))
        json.field("median", ComparisonStats.median(sorted))
        json.field("min", sorted.first)
        json.field("q1", ComparisonStats.quantile(sorted, 0.25))
        json.field("q3", ComparisonStats.quantile(sorted, 0.75))
        json.field("threads", values.count)
    }

    // MARK: Threads

    /// Depth of an item of `threads` in `metrics.json` (the document, then the array).
    public static let threadEntryDepth = 2

    /// One thread's item of `threads` as `metrics.json` has it, indented for its depth and
    /// without the separator before it (a partial result's `metrics-threads.json`, spliced into
    /// the merged document with ``JSONOutput/raw(_:)``).
    public static func threadEntry(_ m: ThreadMetrics, detailed: Bool, topics: ThreadTopics?, to out: TextOutput) {
        thread(m, detailed: detailed, topics: topics, JSONOutput(out, nestedIn: threadEntryDepth))
    }

    static func thread(_ m: ThreadMetrics, detailed: Bool, topics: ThreadTopics?, _ json: JSONOutput) {
        let a = m.analysis
        let net = a.network
        json.object {
            if detailed {
                json.field("authorEdges", array: {
                    let edges = net.edges.map { (from: net.names[Int($0.from)], to: net.names[Int($0.to)], weight: $0.weight, kind: $0.kind.rawValue) }
                        .sorted { ($0.from, $0.to, $0.kind) < ($1.from, $1.to, $1.kind) }
                    for e in edges {
                        json.object(inline: true) {
                            json.field("from", e.from)
                            json.field("kind", e.kind)
                            json.field("to", e.to)
                            json.field("weight", e.weight)
                        }
                    }
                })
                json.field("authors", array: { authors(m, json) })
            }
            // The thread-level numbers below are those the metric groups computed once
            // (``ThreadShape``, ``Participation``), by the definitions of ``Metrics``.
            json.field("commentsPerAuthor", m.participation.meanCommentsPerAuthor)
            var c = Counts()
            c.add(a)
            c.authors = Metrics.authors(a)
            json.field("counts", inlineObject: { c.write(json) })
            json.field("depth", inlineObject: {
                json.field("histogram", counts: m.shape.depthHistogram.enumerated().filter { $0.element > 0 }
                    .map { (String($0.offset + 1), $0.element) }.sorted { $0.0 < $1.0 })
                json.field("max", m.shape.maxDepth)
                json.field("mean", m.shape.meanDepth)
            })
            json.field("detailed", detailed)
            json.field("excluded", counts: a.excludedCounts.sorted { $0.key < $1.key })
            json.field("id", a.thread.id)
            if detailed {
                json.field("links", array: {
                    for l in a.links {
                        json.object(inline: true) {
                            json.field("from", a.comments[Int(l.from)].id)
                            json.field("fromLabel", a.label(of: Int(l.from)))
                            json.field("kind", l.kind.rawValue)
                            json.field("to", a.comments[Int(l.to)].id)
                            json.field("toLabel", a.label(of: Int(l.to)))
                        }
                    }
                })
                let replies = Metrics.repliesPerComment(a)
                json.field("mostDiscussed", array: {
                    for c in m.shape.mostDiscussed(5) {
                        let i = Int(c)
                        json.object(inline: true) {
                            json.field("author", authorName(a, i))
                            json.field("descendants", m.shape.descendants[i])
                            json.field("excerpt", Escaping.excerpt(a.comments[i].text))
                            json.field("id", a.comments[i].id)
                            json.field("label", a.label(of: i))
                            json.field("otherAuthorDescendants", m.shape.otherAuthorDescendants[i])
                            json.field("repliesReceived", replies[i])
                        }
                    }
                })
                json.field("mostReplied", array: {
                    for i in Metrics.mostReplied(a) {
                        json.object(inline: true) {
                            json.field("author", authorName(a, i))
                            json.field("excerpt", Escaping.excerpt(a.comments[i].text))
                            json.field("id", a.comments[i].id)
                            json.field("label", a.label(of: i))
                            json.field("repliesReceived", replies[i])
                        }
                    }
                })
            }
            json.field("network", inlineObject: { writeGroup(.network, m, detailed: detailed, json) })
            json.field("participation", inlineObject: { writeGroup(.participation, m, detailed: detailed, json) })
            json.field("post", inlineObject: {
                let root = a.thread.root
                json.field("author", root.author.isEmpty ? nil : root.author)
                json.field("id", root.id)
                json.field("linkURL", root.permalink != nil ? root.url : nil)
                json.field("score", root.score)
                json.field("time", root.timestamp?.iso8601UTC)
            })
            json.field("repairCounts", counts: Dictionary(a.findings.map { ($0.kind.rawValue, 1) }, uniquingKeysWith: +).sorted { $0.key < $1.key })
            json.field("repeatPosterCommentShare", m.participation.repeatPosterCommentShare)
            json.field("repeatPosterShare", m.participation.repeatPosterShare)
            if detailed {
                json.field("repeatPosters", array: {
                    for r in Metrics.repeatPosters(a) {
                        json.object(inline: true) {
                            json.field("comments", r.comments)
                            json.field("name", r.name)
                        }
                    }
                })
            }
            json.field("shape", inlineObject: { writeGroup(.shape, m, detailed: detailed, json) })
            json.field("time", object: { writeGroup(.time, m, detailed: detailed, json) })
            json.field("title", a.thread.title)
            if detailed, let topics {
                json.field("topics", object: {
                    if let d = topics.dictionary { json.field("dictionary", object: { TopicsJSON.write(d, cells: false, json) }) }
                    if let name = topics.dictionaryName { json.field("dictionaryFile", name) }
                    json.field("keyTerms", object: { TopicsJSON.write(topics.keyTerms, cells: false, json) })
                })
            }
            json.field("url", a.thread.root.threadURL)
        }
    }

    static func authors(_ m: ThreadMetrics, _ json: JSONOutput) {
        let stats = m.authorStats
        let order = stats.indices.sorted { (stats[$1].comments, stats[$0].name) < (stats[$0].comments, stats[$1].name) }
        let n = m.network
        for k in order {
            let s = stats[k], p = m.participation.perAuthor[k]
            json.object(inline: true) {
                json.field("activeSpan", p.activeSpan)
                json.field("authorityScore", n.authorityScore[k])
                json.field("betweenness", n.betweenness[k])
                json.field("clustering", n.clustering[k])
                json.field("comments", s.comments)
                json.field("commentsAtDepth", counts: p.depths.map { (String($0.depth), $0.comments) }.sorted { $0.0 < $1.0 })
                json.field("community", n.community[k])
                json.field("coreNumber", n.coreNumber[k])
                json.field("firstCommentTime", p.firstCommentTime?.iso8601UTC)
                json.field("harmonicCloseness", n.harmonicCloseness[k])
                json.field("hubScore", n.hubScore[k])
                json.field("inDegree", s.inDegree)
                json.field("inStrength", n.inStrength[k])
                json.field("lastCommentTime", p.lastCommentTime?.iso8601UTC)
                json.field("name", s.name)
                json.field("outDegree", s.outDegree)
                json.field("outStrength", n.outStrength[k])
                json.field("pageRank", n.pageRank[k])
                json.field("reciprocity", n.reciprocity[k].isFinite ? n.reciprocity[k] : nil)
                json.field("repliesGiven", s.repliesGiven)
                json.field("repliesReceived", s.repliesReceived)
                json.field("weightedDegree", s.weightedDegree)
                json.field("words", p.words)
            }
        }
    }

    static func authorName(_ a: ThreadAnalysis, _ i: Int) -> String? {
        let id = a.network.commentAuthor[i]
        return id >= 0 ? a.network.names[Int(id)] : nil
    }

    // MARK: Pieces

    /// A member of a metric group in `metrics.json`: a scalar of the catalog or one of the
    /// group's lists and flags.
    enum GroupMember {
        case scalar(ScalarMetric, index: Int)
        case betweennessSampled, betweennessSources, branchSizes, depthHistogram
        case firstCommentTime, lastCommentTime, postTime, peakHourStart, latencyByDepth, negativeLatencies, untimedComments
    }

    /// Each group's members sorted by key, computed once.
    static let groupMembers: [ScalarMetric.Group: [(key: String, member: GroupMember)]] = {
        var out: [ScalarMetric.Group: [(key: String, member: GroupMember)]] = [:]
        for g in ScalarMetric.Group.allCases {
            var members = Metrics.scalars(in: g).map { (key: $0.definition.id, member: GroupMember.scalar($0, index: Metrics.scalarIndex[$0.definition.id]!)) }
            switch g {
            case .network: members += [("betweennessSampled", .betweennessSampled), ("betweennessSources", .betweennessSources)]
            case .shape: members += [("branchSizes", .branchSizes), ("depthHistogram", .depthHistogram)]
            case .time:
                members += [("firstCommentTime", .firstCommentTime), ("lastCommentTime", .lastCommentTime), ("postTime", .postTime),
                            ("peakHourStart", .peakHourStart), ("latencyByDepth", .latencyByDepth),
                            ("negativeLatencies", .negativeLatencies), ("untimedComments", .untimedComments)]
            default: break
            }
            out[g] = members.sorted { $0.key < $1.key }
        }
        return out
    }()

    /// Writes one group's members (`branchSizes` only for a detailed thread).
    static func writeGroup(_ group: ScalarMetric.Group, _ m: ThreadMetrics, detailed: Bool, _ json: JSONOutput) {
        let values = m.scalarValues
        for (key, member) in groupMembers[group]! {
            switch member {
            case .scalar(let s, let index):
                json.key(key)
                number(values[index], isCount: s.isCount, json)
            case .betweennessSampled: json.field(key, m.network.betweennessSampled)
            case .betweennessSources: json.field(key, m.network.betweennessSources)
            case .branchSizes: if detailed { json.key(key); json.numbers(m.shape.branchSizes) }
            case .depthHistogram: json.key(key); json.numbers(m.shape.depthHistogram)
            default: timeMember(member, key: key, m.time, json)
            }
        }
    }

    /// The `time` object of a thread or of the corpus: every time scalar, then the times
    /// (ISO 8601, UTC) and lists of ``TimeProfile``.
    static func time(_ t: TimeProfile, _ json: JSONOutput) {
        for (key, member) in groupMembers[.time]! {
            if case .scalar(let s, _) = member {
                json.key(key)
                number(s.timeValue!(t), isCount: s.isCount, json)
            } else {
                timeMember(member, key: key, t, json)
            }
        }
    }

    static func timeMember(_ member: GroupMember, key: String, _ t: TimeProfile, _ json: JSONOutput) {
        func iso(_ x: Double?) -> String? { x.map { Date(timeIntervalSince1970: $0).iso8601UTC } }
        switch member {
        case .firstCommentTime: json.field(key, iso(t.firstComment))
        case .lastCommentTime: json.field(key, iso(t.lastComment))
        case .postTime: json.field(key, iso(t.postTime))
        case .peakHourStart: json.field(key, iso(t.peakHourStart))
        case .negativeLatencies: json.field(key, t.negativeLatencies)
        case .untimedComments: json.field(key, t.untimedComments)
        case .latencyByDepth:
            json.field(key, array: {
                for d in t.latencyByDepth {
                    json.object(inline: true) {
                        json.field("depth", d.depth)
                        json.field("median", d.median)
                        json.field("replies", d.replies)
                    }
                }
            })
        default: break
        }
    }

    /// A metric value: an integer for a count, else full precision; `null` when undefined.
    static func number(_ value: Double?, isCount: Bool, _ json: JSONOutput) {
        guard let value, value.isFinite else { json.null(); return }
        if isCount { json.value(Int(value)) } else { json.value(value) }
    }

    /// The counts of a thread or of the corpus, by metric id (``Metrics``); a partial result
    /// records its shard's (`partial.json` `counts`), which a merge sums.
    public struct Counts: Codable, Sendable, Equatable {
        public var comments = 0, topLevel = 0, replies = 0, orphanReplies = 0, authors = 0, selfReplies = 0
        public var unknownAuthorComments = 0, deleted = 0, excludedAuthorComments = 0
        public var mentions = 0, quotes = 0, references = 0

        public init() {}

        /// Adds `other`'s counts (all but `authors`, which is not a sum over shards).
        public mutating func add(_ other: Counts) {
            comments += other.comments; topLevel += other.topLevel; replies += other.replies; orphanReplies += other.orphanReplies
            selfReplies += other.selfReplies; unknownAuthorComments += other.unknownAuthorComments; deleted += other.deleted
            excludedAuthorComments += other.excludedAuthorComments; mentions += other.mentions; quotes += other.quotes; references += other.references
        }

        /// Adds one thread's counts (all but `authors`).
        mutating func add(_ t: ThreadAnalysis) {
            comments += Metrics.comments(t); topLevel += Metrics.topLevel(t); replies += Metrics.replies(t)
            orphanReplies += Metrics.orphanReplies(t); selfReplies += Metrics.selfReplies(t)
            unknownAuthorComments += Metrics.unknownAuthorComments(t); deleted += Metrics.deleted(t)
            excludedAuthorComments += Metrics.excludedAuthorComments(t)
            mentions += Metrics.mentions(t); quotes += Metrics.quotes(t); references += Metrics.references(t)
        }

        func write(_ json: JSONOutput) {
            json.field("authors", authors)
            json.field("comments", comments)
            json.field("deleted", deleted)
            json.field("excludedAuthorComments", excludedAuthorComments)
            json.field("mentions", mentions)
            json.field("orphanReplies", orphanReplies)
            json.field("quotes", quotes)
            json.field("references", references)
            json.field("replies", replies)
            json.field("selfReplies", selfReplies)
            json.field("topLevel", topLevel)
            json.field("unknownAuthorComments", unknownAuthorComments)
        }
    }

    /// An item of `repairs`: the finding, with the id of its thread (nil: the input's).
    public static func repair(_ f: Finding, thread: String?, _ json: JSONOutput) {
        json.object(inline: true) {
            json.field("kind", f.kind.rawValue)
            json.field("location", object: {
                json.field("file", f.location.reported.file)
                json.field("line", f.location.line)
                json.field("record", f.location.record)
            })
            json.field("message", f.message)
            json.field("thread", thread)
        }
    }

    static func glossaryEntry(_ d: MetricDefinition, _ json: JSONOutput) {
        json.object(inline: true) {
            json.field("definition", d.definition)
            json.field("id", d.id)
            json.field("name", d.name)
            json.field("scope", d.scope.rawValue)
            json.field("unit", d.unit)
        }
    }
}
