import Foundation

/// Writes `comparison.json`, sorted keys: `threads[]` (one entry per compared thread with
/// `label`, `source`, `thread`, `title` and `metrics` — one field per scalar metric, named
/// as in `metrics.json` — plus `zScores` and `percentiles` when 3 or more threads are
/// compared), `median` per metric (3 or more threads), `sharedAuthors[]`, `authorOverlap[]`
/// (pairwise Jaccard), `vocabulary[]` (top distinctive terms with z-scores), `glossary`
/// and `provenance[]`. Values keep full precision (their shortest round-trip form); undefined values are `null`.
public enum ComparisonJSON {
    struct Root: Encodable {
        var threads: [ThreadEntry]
        var median: [String: Double?]?
        var sharedAuthors: [Shared]
        var authorOverlap: [Pair]
        var vocabulary: [Vocabulary]
        var topics: Topics?
        var groups: [GroupEntry]?
        var groupMetrics: [GroupMetric]?
        var resampling: Resampling?
        var glossary: [Glossary]
        var provenance: [Provenance]
    }
    struct GroupEntry: Encodable { var name: String; var threads: [String]; var sources: [String] }
    struct GroupMetric: Encodable {
        var id: String
        var summaries: [GroupComparison.Summary?]
        var difference, intervalLow, intervalHigh, p: Double?
        var exact: Bool?
        var q, cohensD, cliffsDelta, etaSquared: Double?
        var differsBeyondChance: Bool
    }
    struct Resampling: Encodable { var resamples: Int; var seed: UInt64; var confidence, falseDiscoveryRate: Double }
    struct ThreadEntry: Encodable {
        var label, source, thread, title: String
        var metrics: [String: Double?]
        var zScores: [String: Double?]?
        var percentiles: [String: Double?]?
    }
    struct Shared: Encodable { var name: String; var comments: [String: Int] }
    struct Pair: Encodable { var first, second: String; var shared, union: Int; var jaccard: Double }
    struct Term: Encodable { var term: String; var countA, countB: Int; var delta, z: Double }
    struct Vocabulary: Encodable { var a, b: String; var priorTotal: Double; var favouringA, favouringB: [Term] }
    struct Glossary: Encodable { var id, name, definition, unit: String }
    /// Topic name → thread label → comments carrying it / their share.
    struct Topics: Encodable { var dictionary: String; var comments: [String: [String: Int]]; var shares: [String: [String: Double?]] }

    /// The number of distinctive terms listed each way.
    public static let termsShown = 15

    /// The JSON text, ending in a newline.
    ///
    /// - Complexity: O(*m* · *t*² + the vocabulary contrasts).
    /// - Parameters:
    ///   - table: the per-thread values.
    ///   - vocabulary: the vocabulary contrast (nil: none).
    ///   - provenance: the inputs' provenance.
    ///   - topics: the dictionary's topics side by side (nil: none).
    ///   - overlap: shared authors and pairwise overlap (nil with many threads: `sharedAuthors`
    ///     and `authorOverlap` are then empty).
    ///   - groups: a group comparison, written as `groups[]` (name, thread labels, inputs),
    ///     `groupMetrics[]` (per metric `summaries` in group order, `difference`,
    ///     `intervalLow`/`High`, `p`, `exact`, `q`, `cohensD`, `cliffsDelta`, `etaSquared`,
    ///     `differsBeyondChance`) and `resampling`; `sources` holds each group's inputs.
    public static func write(_ table: ComparisonTable, overlap: AuthorOverlap?, vocabulary: VocabularyContrast?, provenance: [Provenance], topics: TopicComparison? = nil,
                             groups: GroupComparison? = nil, sources: [[String]] = []) -> String {
        let r4 = { (v: Double?) -> Double? in v.flatMap { $0.isFinite ? $0 : nil } }  // full precision; undefined → null
        let stats = table.showsCorpusStatistics
        let labels = table.columns.map(\.label)
        // Each row's statistics once (O(t log t)), not once per thread.
        let ids = table.rows.map(\.metric.definition.id)
        let zScores = stats ? table.rows.map(\.zScores) : []
        let percentiles = stats ? table.rows.map(\.percentiles) : []
        let threads = table.columns.enumerated().map { k, c in
            ThreadEntry(label: c.label, source: c.source, thread: c.analysis.thread.id, title: c.analysis.thread.title,
                        metrics: Dictionary(uniqueKeysWithValues: table.rows.indices.map { (ids[$0], r4(table.rows[$0].values[k])) }),
                        zScores: stats ? Dictionary(uniqueKeysWithValues: ids.indices.map { (ids[$0], r4(zScores[$0][k])) }) : nil,
                        percentiles: stats ? Dictionary(uniqueKeysWithValues: ids.indices.map { (ids[$0], r4(percentiles[$0][k])) }) : nil)
        }
        let term = { (t: LogOddsContrast.Term) in Term(term: t.term, countA: t.countA, countB: t.countB, delta: r4(t.delta) ?? 0, z: r4(t.z) ?? 0) }
        let root = Root(
            threads: threads,
            median: stats ? Dictionary(uniqueKeysWithValues: table.rows.map { ($0.metric.definition.id, r4($0.median)) }) : nil,
            sharedAuthors: (overlap?.shared ?? []).map { s in
                Shared(name: s.name, comments: Dictionary(uniqueKeysWithValues: zip(labels, s.comments).filter { $0.1 > 0 }))
            },
            authorOverlap: (overlap?.pairs ?? []).map { Pair(first: labels[$0.first], second: labels[$0.second], shared: $0.shared, union: $0.union, jaccard: r4($0.jaccard) ?? 0) },
            vocabulary: (vocabulary?.entries ?? []).map { e in
                let columnNames = groups.map { $0.groups.map(\.name) } ?? labels
                return Vocabulary(a: columnNames[e.column], b: e.other.map { columnNames[$0] } ?? "rest", priorTotal: r4(e.contrast.priorTotal) ?? 0,
                           favouringA: e.contrast.topA(termsShown).map(term), favouringB: e.contrast.topB(termsShown).map(term))
            },
            topics: topics.map { t in
                Topics(dictionary: t.dictionaryName,
                       comments: Dictionary(uniqueKeysWithValues: t.topics.indices.map { i in (t.topics[i], Dictionary(uniqueKeysWithValues: zip(labels, t.comments[i]))) }),
                       shares: Dictionary(uniqueKeysWithValues: t.topics.indices.map { i in (t.topics[i], Dictionary(uniqueKeysWithValues: zip(labels, t.shares[i].map(r4)))) }))
            },
            groups: groups.map { g in g.groups.indices.map { k in
                GroupEntry(name: g.groups[k].name, threads: g.groups[k].threads.map { labels[$0] }, sources: k < sources.count ? sources[k] : [])
            } },
            groupMetrics: groups.map { g in g.rows.map { row in
                GroupMetric(id: row.metric.definition.id, summaries: row.summaries, difference: r4(row.difference), intervalLow: r4(row.interval?.low),
                            intervalHigh: r4(row.interval?.high), p: r4(row.p), exact: row.p == nil ? nil : row.exact, q: r4(row.q),
                            cohensD: r4(row.cohensD), cliffsDelta: r4(row.cliffsDelta), etaSquared: r4(row.etaSquared), differsBeyondChance: g.differs(row))
            } },
            resampling: groups.map { g in Resampling(resamples: g.options.resamples, seed: g.options.seed, confidence: g.options.confidence, falseDiscoveryRate: g.options.falseDiscoveryRate) },
            glossary: table.rows.map { Glossary(id: $0.metric.definition.id, name: $0.metric.definition.name, definition: $0.metric.definition.definition, unit: $0.metric.definition.unit) },
            provenance: provenance)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(root)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
