/// Partial results combined (`threadnet merge`): the corpus's threads in its order and the
/// corpus-wide author network, as `threadnet analyze` of the whole corpus has them.
///
/// ```swift
/// let merged = try MergedCorpus([try PartialResult.read(folder: "part-0"), try PartialResult.read(folder: "part-1")])
/// merged.network?.measures.edgeReciprocity
/// ```
public struct MergedCorpus: Sendable {
    /// The provenance of the merged input: the partials' options and version, the input name
    /// they share (or the one given), their digests when one partial, else empty.
    public let provenance: Provenance
    /// `--detail` of the partials.
    public let detail: Int
    /// Whether the partials wrote CSV text without formula neutralization (`--raw-csv`).
    public let rawCSV: Bool
    /// Every thread, in the corpus's order (natural order of ids, then titles).
    public let threads: [PartialResult.ThreadRow]
    /// The merged tally.
    public let tally: AuthorTally
    /// The corpus-wide author network, for two or more threads or more than `--detail` (as `analyze` computes it).
    public let network: CorpusNetwork?
    /// The corpus-wide time profile, for the same inputs as ``network``.
    public let time: TimeProfile?
    /// Comments over all threads.
    public let comments: Int
    /// For each of ``threads``, the index of the partial it came from.
    public let parts: [Int]
    /// For each of ``threads``, its line in that partial's `threads.ndjson` (from 0).
    public let localIndex: [Int]
    /// Threads without comments over all the partials; nil when a partial does not say.
    public let emptyThreads: Int?
    /// The partials' counts summed (`authors`: the merged network's authors); nil when a partial does not say.
    public let counts: MetricsJSON.Counts?
    /// The inclusion rule the partials share; nil when a partial does not say.
    public let inclusionRule: String?

    /// Merges `parts` (disjoint shards of one corpus, analyzed with the same options).
    ///
    /// - Parameters:
    ///   - parts: the partial results, in any order.
    ///   - names: what to call each partial in errors (its folder); by default "partial 1", ….
    ///   - inputName: the name of the whole input, for `threads.csv` and the exports' titles;
    ///     by default the name the partials share.
    ///   - replies: pairs already summed over all the partials (``PartialResult`` `replies.ndjson`
    ///     layout, e.g. from Spark's `reduceByKey`), used instead of each partial's pairs.
    ///   - measured: (`network:`) whether to build and measure the corpus-wide network and
    ///     time profile (not needed for the topics rounds).
    /// - Throws: ``PartialError`` when the partials disagree on version, options or metrics,
    ///   share a thread, or `replies` cannot be read.
    /// - Complexity: O(*t* log *t*) to order *t* threads, O(*a* log *a* + *p*) to merge the
    ///   tallies, plus ``NetworkMeasures`` once on the merged network.
    public init(_ parts: [PartialResult], names: [String]? = nil, inputName: String? = nil, replies: String? = nil,
                network measured: Bool = true) throws(PartialError) {
        guard let first = parts.first else { throw PartialError("", "no partial result to merge") }
        let names = names ?? parts.indices.map { "partial \($0 + 1)" }
        for (k, p) in parts.enumerated().dropFirst() {
            func differ(_ what: String, _ a: String, _ b: String) -> PartialError {
                PartialError(names[k], "\(what) differ from \(names[0])'s: \(b) against \(a); analyze every shard with the same ThreadNet and options")
            }
            if p.manifest.provenance.version != first.manifest.provenance.version {
                throw differ("ThreadNet versions", first.manifest.provenance.version, p.manifest.provenance.version)
            }
            if p.manifest.provenance.options != first.manifest.provenance.options {
                throw differ("options", first.manifest.provenance.options.joined(separator: " "), p.manifest.provenance.options.joined(separator: " "))
            }
            if p.manifest.detail != first.manifest.detail { throw differ("--detail values", "\(first.manifest.detail)", "\(p.manifest.detail)") }
            if p.manifest.metrics != first.manifest.metrics { throw differ("metric columns", "\(first.manifest.metrics.count)", "\(p.manifest.metrics.count)") }
            if (p.manifest.rawCSV ?? false) != (first.manifest.rawCSV ?? false) {
                throw differ("--raw-csv settings", "\(first.manifest.rawCSV ?? false)", "\(p.manifest.rawCSV ?? false)")
            }
        }
        if first.manifest.metrics != Metrics.scalars.map(\.definition.id) {
            throw PartialError(names[0], "its metric columns are not this ThreadNet's (\(first.manifest.metrics.count) against \(Metrics.scalars.count)): analyze the shards with this version")
        }
        let inputs = Set(parts.map(\.manifest.provenance.input))
        guard let input = inputName ?? (inputs.count == 1 ? inputs.first : nil) else {
            throw PartialError("", "the partials were made from differently named inputs (\(inputs.sorted().prefix(3).joined(separator: ", "))…): name the whole input with --input-name")
        }
        // The corpus's thread order (CorpusAnalysis): natural order of ids, then titles.
        var order: [(part: Int, row: Int)] = []
        for (k, p) in parts.enumerated() { for i in p.threads.indices { order.append((k, i)) } }
        order.sort { a, b in
            let x = parts[a.part].threads[a.row], y = parts[b.part].threads[b.row]
            return x.id != y.id ? NaturalOrder.less(x.id, y.id) : (x.title, a.part, a.row) < (y.title, b.part, b.row)
        }
        for (a, b) in zip(order, order.dropFirst()) where parts[a.part].threads[a.row].id == parts[b.part].threads[b.row].id
            && parts[a.part].threads[a.row].title == parts[b.part].threads[b.row].title {
            throw PartialError(names[b.part], "thread \"\(parts[b.part].threads[b.row].id)\" is also in \(names[a.part]): shard the input by thread (e.g. by link_id), so that each thread lies in one shard")
        }
        var rank = parts.map { [Int32](repeating: 0, count: $0.threads.count) }
        for (r, o) in order.enumerated() { rank[o.part][o.row] = Int32(r) }
        let ranks = rank
        var tally = try AuthorTally.merged(parts.map { p in
            guard replies != nil else { return p.tally }
            return AuthorTally(authors: p.tally.authors, replies: [:], threadCount: p.tally.threadCount)
        }, threadRank: { ranks[$0][Int($1)] })
        if let replies { try PartialResult.readReplies(replies, into: &tally) }
        self.threads = order.map { parts[$0.part].threads[$0.row] }
        self.parts = order.map(\.part)
        self.localIndex = order.map(\.row)
        self.tally = tally
        self.detail = first.manifest.detail
        self.rawCSV = first.manifest.rawCSV ?? false
        self.comments = threads.reduce(0) { $0 + $1.comments }
        let empty = parts.map(\.manifest.emptyThreads)
        self.emptyThreads = empty.contains(nil) ? nil : empty.reduce(0) { $0 + $1! }
        let rules = Set(parts.map(\.manifest.inclusionRule))
        if rules.count > 1 { throw PartialError("", "the partials were made under different inclusion rules: analyze every shard with the same options") }
        self.inclusionRule = rules.first ?? nil
        // As ReportBundle: corpus-wide files for two or more threads, or more than --detail.
        let corpusWide = threads.count > 1 || threads.count > detail
        self.network = corpusWide && measured ? CorpusNetwork(tally: tally) : nil
        var pool = PooledTimes()
        if corpusWide && measured { for p in parts { pool.append(p.times) } }
        self.time = corpusWide && measured ? pool.profile : nil
        if parts.allSatisfy({ $0.manifest.counts != nil }) {
            var sum = MetricsJSON.Counts()
            for p in parts { sum.add(p.manifest.counts!) }
            sum.authors = network?.count ?? tally.authors.count
            self.counts = sum
        } else {
            self.counts = nil
        }
        let digests = parts.count == 1 ? first.manifest.provenance.sha256 : ""
        self.provenance = Provenance(input: input, sha256: digests, format: first.manifest.provenance.format,
                                     version: first.manifest.provenance.version, options: first.manifest.provenance.options)
    }

    /// Whether `threadnet analyze` of the whole writes the corpus-wide files (network, time,
    /// topics): for two or more threads, or more than `--detail`.
    public var isCorpusWide: Bool { threads.count > 1 || threads.count > detail }

    /// The files `threadnet analyze` writes for the whole corpus that a merge reproduces byte
    /// for byte: `threads.csv` and the histograms under `corpus/` (corpus mode: more threads
    /// than `--detail`) and the corpus-wide
    /// network's `corpus-network.json`, `corpus-authors.csv`, `.gexf`, `.graphml`, the time
    /// charts `corpus-timeline.svg`, `corpus-latency.svg` and `corpus-growth.svg` (``documents``)
    /// and `corpus-authors.dot` (``diagrams``).
    public var documents: [OutputFile] {
        var files: [OutputFile] = []
        let provenance = self.provenance, threads = self.threads
        if let network {
            files += [
                OutputFile(path: "corpus-authors.csv") { CorpusNetworkWriter.csv(network, to: $0) },
                OutputFile(path: "corpus-authors.gexf") { CorpusNetworkWriter.gexf(network, title: provenance.input, to: $0) },
                OutputFile(path: "corpus-authors.graphml") { CorpusNetworkWriter.graphML(network, to: $0) },
                OutputFile(path: "corpus-network.json") { CorpusNetworkWriter.json(network, comments: comments, threads: threads.count, to: $0) },
            ]
        }
        if let time { files += ReportBundle.corpusTimeCharts(time, network: network) }
        if threads.count > detail {
            files.append(OutputFile(path: "threads.csv") { ComparisonCSV.write(threads: threads, source: provenance.input, to: $0) })
            files += CorpusReport.histogramFiles(metricRows)
        }
        return files
    }

    /// One row per scalar metric (``Metrics/scalars``) with every thread's value, as the
    /// ``ComparisonTable`` of the whole corpus has it.
    public var metricRows: [ComparisonTable.Row] {
        Metrics.scalars.enumerated().map { k, metric in ComparisonTable.Row(metric: metric, values: threads.map { $0.values[k] }) }
    }

    /// What the reports say of the corpus besides its metrics (``CorpusReport/Summary``), from
    /// the threads' rows; `findings[i]` the repairs of thread `i` (0 when not given). Nil when a
    /// partial does not record its empty threads.
    public func summary(findings: [Int]? = nil) -> CorpusReport.Summary? {
        guard let emptyThreads else { return nil }
        let authors = Metrics.scalarIndex["authors"]!, depth = Metrics.scalarIndex["maxDepth"]!
        return CorpusReport.Summary(format: InputFormat(rawValue: provenance.format)?.displayName ?? provenance.format, emptyThreads: emptyThreads,
                                    threads: threads.enumerated().map { i, t in
            CorpusReport.Summary.Thread(id: t.id, title: t.title, comments: t.comments, authors: Int(t.values[authors] ?? 0),
                                        maxDepth: Int(t.values[depth] ?? 0), findings: findings?[i] ?? 0)
        })
    }

    /// `corpus.md` (corpus mode: more threads than `--detail`) with the corpus-wide `topics`,
    /// as `analyze` writes it; nil when not in corpus mode, or a partial does not record its
    /// empty threads.
    public func corpusReport(topics: CorpusTopics) -> OutputFile? {
        guard threads.count > detail, let network, let time, let summary = summary() else { return nil }
        let rows = metricRows, provenance = self.provenance, detail = self.detail
        return OutputFile(path: "corpus.md") {
            $0.write(CorpusReport.write(summary, rows: rows, network: network, topics: topics, time: time, provenance: provenance, detail: detail))
        }
    }

    /// The diagrams (DOT) of ``documents``.
    public var diagrams: [OutputFile] {
        guard let network else { return [] }
        return [OutputFile(path: "corpus-authors.dot") { CorpusNetworkWriter.dot(network, to: $0) }]
    }
}
