import Foundation

/// `report.md` and `metrics.json` of merged partial results, as `threadnet analyze` of the
/// whole corpus writes them.
///
/// The corpus's parts come from the merge (the counts summed, the corpus-wide network, time
/// profile and topics, every thread's metrics); the detailed threads' sections and entries from
/// `folders.ndjson` (``PartialFolders``), the other threads' entries from `metrics-threads.json`
/// and the repairs from `repairs.ndjson` (``PartialReport``). Two things cannot be the whole's:
/// the input's SHA-256 (the merge never sees the whole input; `provenance.sha256` is empty and
/// report.md says so) and the repairs' locations, which are the shards' files and lines (their
/// counts by kind and per thread are the whole's). Repairs of the input itself (not of a
/// thread) come partial by partial in the order the partials are given.
public struct MergedReport: Sendable {
    /// The text of `report.md`.
    public let markdown: String
    /// What `metrics.json` says besides the repairs and the threads' entries.
    let document: MetricsJSON.Document
    let repairs: [MarkdownReport.DataQuality.Repair]
    /// For each thread of the corpus: its partial, and its detailed entry when it has one.
    let parts: [Int]
    let detailedEntries: [Int: String]
    let folders: [String]
    let ids: [String]

    /// What a merged report says of its repairs' locations.
    public static let repairsNote = "The repairs were made by each shard's analysis: their line and record numbers are those of the shard's input (its partial result's), not of the whole input."

    /// Why a merge cannot write `report.md` and `metrics.json`, or nil when it can.
    public static func missing(_ merged: MergedCorpus, folders: [String]) -> String? {
        if merged.threads.count < 2 { return "the partial results hold one thread (analyze the input itself)" }
        if merged.network == nil || merged.time == nil { return "the corpus-wide network was not measured" }
        if merged.emptyThreads == nil || merged.counts == nil || merged.inclusionRule == nil {
            return "a partial result does not record its counts (made by an older ThreadNet); analyze the shards again"
        }
        for folder in folders {
            for name in PartialReport.fileNames + [PartialFolders.fileName] where !FileManager.default.fileExists(atPath: folder + "/" + name) {
                return "\(folder) has no \(name); analyze the shards with this version"
            }
        }
        return nil
    }

    /// Reads what the partials in `folders` (as in `merged.parts`) hold for the report.
    ///
    /// - Parameters:
    ///   - merged: the merged corpus.
    ///   - folders: each partial's folder, as in `merged.parts`.
    ///   - indexes: their `folders.ndjson` (``PartialFolders/indexes(folders:maxBytes:)``).
    ///   - topics: the corpus-wide topics (after the three rounds).
    ///   - images: whether the merge draws the diagrams (the report embeds them, or names their DOT files).
    ///   - maxFileBytes: the largest `repairs.ndjson` read.
    /// - Precondition: ``missing(_:folders:)`` is nil.
    /// - Throws: ``PartialError`` for a damaged file, or a detailed thread without its entry.
    /// - Complexity: O(*t* log *t* + *r*) for *t* threads and *r* repairs; memory O(*r* + the
    ///   detailed threads' entries). The other threads' entries are read as `metrics.json` is written.
    public init(_ merged: MergedCorpus, folders: [String], indexes: [[Int: PartialFolders.Entry]], topics: CorpusTopics, images: Bool,
                maxFileBytes: Int = PartialResult.defaultMaxFileBytes) throws(PartialError) {
        precondition(Self.missing(merged, folders: folders) == nil)
        var threadCounts = [Int](repeating: 0, count: folders.count)
        for (p, l) in zip(merged.parts, merged.localIndex) { threadCounts[p] = max(threadCounts[p], l + 1) }
        var partRepairs: [PartialReport.Repairs] = []
        for (k, folder) in folders.enumerated() {
            let path = folder + "/repairs.ndjson"
            partRepairs.append(try PartialReport.repairs(try PartialResult.contents(path, maxBytes: maxFileBytes), path: path, threads: threadCounts[k]))
        }
        // The repairs in metrics.json's order: the input's, partial by partial, then each thread's.
        var repairs: [MarkdownReport.DataQuality.Repair] = []
        var counts: [Finding.Kind: Int] = [:]
        for r in partRepairs { repairs += r.input.map { MarkdownReport.DataQuality.Repair($0, thread: nil) } }
        var findings = [Int](repeating: 0, count: merged.threads.count)
        for (i, t) in merged.threads.enumerated() {
            let list = partRepairs[merged.parts[i]].threads[merged.localIndex[i]] ?? []
            findings[i] = list.count
            repairs += list.map { MarkdownReport.DataQuality.Repair($0, thread: t.id) }
        }
        for r in repairs { counts[r.finding.kind, default: 0] += 1 }

        // The detailed threads (the --detail largest), their folders named as analyze names them.
        let drawn = ReportBundle.detailed(merged.threads.map(\.comments), detail: merged.detail)
        let names = ReportBundle.folderNames(drawn.map { merged.threads[$0].id })
        var sections: [Int: String] = [:], entries: [Int: String] = [:]
        for (i, name) in zip(drawn, names) {
            let part = merged.parts[i]
            guard let entry = indexes[part][merged.localIndex[i]], let metrics = entry.metrics,
                  let section = entry.report(images: images, folder: "threads/\(name)/") else {
                throw PartialError(folders[part] + "/" + PartialFolders.fileName, "no report section and metrics entry for thread \"\(merged.threads[i].id)\", one of the corpus's \(merged.detail) largest: was the shard analyzed with this version and --detail?")
            }
            sections[i] = section
            entries[i] = metrics
        }
        let summary = merged.summary(findings: findings)!
        var quality = MarkdownReport.DataQuality(rule: merged.inclusionRule!, counts: counts, first: Array(repairs.prefix(MarkdownReport.DataQuality.listed)),
                                                 total: repairs.count)
        // One partial is the whole input: its lines are the whole's.
        quality.note = merged.provenance.sha256.isEmpty ? Self.repairsNote : nil
        markdown = MarkdownReport.write(summary: summary, network: merged.network, time: merged.time, topics: topics, provenance: merged.provenance,
                                        detail: merged.detail, sections: drawn.sorted().map { sections[$0]! }, dataQuality: quality)
        let figures = MetricsJSON.CorpusFigures(format: merged.provenance.format, threads: merged.threads.count, emptyThreads: merged.emptyThreads!,
                                                counts: merged.counts!, maxDepth: summary.threads.map(\.maxDepth).max() ?? 0,
                                                values: merged.threads.map(\.values))
        document = MetricsJSON.Document(corpus: figures, network: merged.network, topics: topics, time: merged.time, inclusionRule: merged.inclusionRule!,
                                        provenance: merged.provenance,
                                        repairCounts: counts.map { ($0.key.rawValue, $0.value) }.sorted { $0.0 < $1.0 })
        self.repairs = repairs
        self.parts = merged.parts
        self.detailedEntries = entries
        self.folders = folders
        self.ids = merged.threads.map(\.id)
    }

    /// Writes `metrics.json` into `out`, the threads' entries copied from the partials'
    /// `metrics-threads.json` through fixed-size buffers.
    ///
    /// - Returns: what is wrong (a file missing, or holding other than one entry per thread), or nil.
    public func writeMetrics(to out: TextOutput) -> PartialError? {
        var readers: [PartialReport.EntryReader] = []
        for folder in folders {
            guard let reader = PartialReport.EntryReader(path: folder + "/metrics-threads.json") else {
                return PartialError(folder + "/metrics-threads.json", "cannot be read")
            }
            readers.append(reader)
        }
        var problem: PartialError?
        let repairs = self.repairs, parts = self.parts, entries = detailedEntries, ids = self.ids
        document.write(to: out, repairs: { json in
            for r in repairs { MetricsJSON.repair(r.finding, thread: r.thread, json) }
        }, threads: { json in
            for (i, part) in parts.enumerated() where problem == nil {
                guard let entry = readers[part].next() else {
                    problem = PartialError(folders[part] + "/metrics-threads.json", "\(readers[part].count) entries, fewer than the partial's threads")
                    return
                }
                let id = TextOutput.text { JSONOutput($0, nestedIn: 0).value(ids[i]) }
                guard entry.firstRange(of: Array(("\n      \"id\": " + id + ",\n").utf8)) != nil else {
                    problem = PartialError(folders[part] + "/metrics-threads.json", "entry \(readers[part].count) is not thread \(id)'s: the file does not belong to the partial's threads.ndjson")
                    return
                }
                if let detailed = entries[i] {
                    json.raw { $0.write(detailed) }
                } else {
                    json.raw { $0.write(bytes: entry) }
                }
            }
        })
        if problem == nil, let k = readers.indices.first(where: { readers[$0].hasMore }) {
            problem = PartialError(folders[k] + "/metrics-threads.json", "more entries than the partial's threads")
        }
        return problem
    }
}
