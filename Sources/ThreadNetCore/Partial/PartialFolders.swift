import Foundation

/// The detailed threads' folders of partial results: each shard writes the folder
/// (`threads/<name>/`, ``ReportBundle/threadFiles(_:metrics:topics:folder:diagrams:dynamicGEXF:images:)``)
/// of each of its `--detail` largest threads, and a merge copies those of the corpus's `--detail`
/// largest threads under the names the whole analysis gives them.
///
/// A thread among the corpus's largest is among its shard's largest (the shard's threads keep
/// their relative corpus order, which breaks ties), so the shards' folders always hold the
/// merged ones. Every file of a folder depends on its thread alone; the diagrams stay DOT
/// sources (`.dot`), rendered by the merge.
///
/// `folders.ndjson` lists them, one line per folder: `{"files", "folder", "thread"}` — the file
/// names, the folder (`threads/<name>/`) and the thread's line in `threads.ndjson` (from 0).
public enum PartialFolders {
    /// The index of the folders, optional in a partial result: a merge writes the detailed
    /// threads' folders when every partial has it.
    public static let fileName = "folders.ndjson"

    /// One line of `folders.ndjson`.
    public struct Entry: Codable, Sendable, Equatable {
        /// The thread's line in `threads.ndjson`, from 0.
        public var thread: Int
        /// The folder, `threads/<name>/`, relative to the partial result.
        public var folder: String
        /// The names of its files (DOT sources end in `.dot`).
        public var files: [String]
        /// The thread's detailed item of `metrics.json`'s `threads` (``MetricsJSON/threadEntry(_:detailed:topics:to:)``).
        public var metrics: String?
        /// Its sections of `report.md` (``MarkdownReport/threadSection(_:topics:images:single:)``)
        /// with the pictures drawn, and without (`--no-images`); ``folderMark`` stands for its
        /// folder in the merged output.
        public var report: String?
        public var reportNoImages: String?

        public init(thread: Int, folder: String, files: [String], metrics: String? = nil, report: String? = nil, reportNoImages: String? = nil) {
            self.thread = thread
            self.folder = folder
            self.files = files
            self.metrics = metrics
            self.report = report
            self.reportNoImages = reportNoImages
        }

        /// The report sections with `folder` (`threads/<name>/`) for ``folderMark``.
        public func report(images: Bool, folder: String) -> String? {
            (images ? report : reportNoImages)?.replacingOccurrences(of: PartialFolders.folderMark, with: folder)
        }
    }

    /// What stands for a thread's folder in the report sections of `folders.ndjson`: a NUL
    /// character, which the report's escaping never lets through from the data.
    public static let folderMark = "\u{0}"

    /// The folders of a shard's `detail` largest threads and their index.
    ///
    /// - Complexity: the drawn threads' topics (``ThreadTopics``, on all cores); the files cost
    ///   nothing until written.
    public static func files(_ analysis: CorpusAnalysis, metrics: [ThreadMetrics], settings: AnalysisOptions, detail: Int,
                             progress: RunProgress = .silent) -> [OutputFile] {
        let threads = analysis.threads
        let drawn = ReportBundle.detailed(threads.map(\.comments.count), detail: detail)
        progress.begin("topics", total: drawn.count, unit: "threads")
        let topics = Parallel.map(drawn, cost: { threads[$0].comments.count }) { k -> ThreadTopics in
            defer { progress.advance() }
            return ThreadTopics(threads[k], settings: settings.topics)
        }
        let names = ReportBundle.folderNames(drawn.map { threads[$0].thread.id })
        var files: [OutputFile] = []
        var entries: [Entry] = []
        for ((k, threadTopics), name) in zip(zip(drawn, topics), names) {
            let folder = "threads/\(name)/"
            let thread = ReportBundle.threadFiles(threads[k], metrics: metrics[k], topics: threadTopics, folder: folder, diagrams: settings.diagrams,
                                                  dynamicGEXF: settings.dynamicGEXF, images: settings.images)
            let all = thread.diagrams + thread.exports
            files += all
            var images = thread.images.moved(from: folder, to: folderMark)
            images.drawn = true
            let report = MarkdownReport.threadSection(metrics[k], topics: threadTopics, images: images, single: false)
            images.drawn = false
            let reportNoImages = MarkdownReport.threadSection(metrics[k], topics: threadTopics, images: images, single: false)
            let entry = TextOutput.text { MetricsJSON.threadEntry(metrics[k], detailed: true, topics: threadTopics, to: $0) }
            entries.append(Entry(thread: k, folder: folder, files: all.map { String($0.path.dropFirst(folder.count)) },
                                 metrics: entry, report: report, reportNoImages: reportNoImages))
        }
        let index = entries
        files.append(OutputFile(path: fileName) { out in
            let json = JSONOutput(out)
            for e in index {
                json.object(inline: true) {
                    json.field("files", array: { for f in e.files { json.value(f) } })
                    json.field("folder", e.folder)
                    json.field("metrics", e.metrics)
                    json.field("report", e.report)
                    json.field("reportNoImages", e.reportNoImages)
                    json.field("thread", e.thread)
                }
            }
        })
        return files
    }

    /// A file of a merged thread folder: where it is in a partial result and where it goes.
    public struct Copy: Sendable, Equatable {
        /// The file in the partial result.
        public var source: String
        /// Its path in the merged output (`threads/<name>/<file>`).
        public var path: String
        /// Whether it is a DOT source, rendered to SVG and PNG.
        public var isDiagram: Bool { path.hasSuffix(".dot") }
    }

    /// Every partial's `folders.ndjson`, parsed (``parse(_:path:)``): each folder by its thread's
    /// line, in the order of `folders`.
    ///
    /// - Parameter maxBytes: the largest index read (`--max-partial-mib`).
    /// - Returns: nil when a partial has no `folders.ndjson` (then a merge writes no thread
    ///   folders, nor the report).
    /// - Throws: ``PartialError`` for an index too large, unreadable or damaged.
    public static func indexes(folders: [String], maxBytes: Int = PartialResult.defaultMaxFileBytes) throws(PartialError) -> [[Int: Entry]]? {
        var indexes: [[Int: Entry]] = []
        for folder in folders {
            let path = folder + "/" + fileName
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            indexes.append(try parse(try PartialResult.contents(path, maxBytes: maxBytes), path: path))
        }
        return indexes
    }

    /// The files of the merged corpus's detailed threads' folders, from the partials' folders.
    ///
    /// - Parameters:
    ///   - merged: the merged corpus.
    ///   - indexes: each partial's index (``indexes(folders:maxBytes:)``), as in `merged.parts`.
    ///   - folders: each partial's folder, likewise.
    /// - Throws: ``PartialError`` when a partial has no folder for one of the corpus's detailed
    ///   threads, or a file it lists cannot be read.
    public static func copies(_ merged: MergedCorpus, indexes: [[Int: Entry]], folders: [String]) throws(PartialError) -> [Copy] {
        let drawn = ReportBundle.detailed(merged.threads.map(\.comments), detail: merged.detail)
        let names = ReportBundle.folderNames(drawn.map { merged.threads[$0].id })
        var copies: [Copy] = []
        for (i, name) in zip(drawn, names) {
            let part = merged.parts[i]
            guard let entry = indexes[part][merged.localIndex[i]] else {
                throw PartialError(folders[part] + "/" + fileName, "no folder for thread \"\(merged.threads[i].id)\", one of the corpus's \(merged.detail) largest: was the shard analyzed with this --detail?")
            }
            for file in entry.files {
                let copy = Copy(source: folders[part] + "/" + entry.folder + file, path: "threads/\(name)/" + file)
                guard FileManager.default.isReadableFile(atPath: copy.source) else {
                    throw PartialError(copy.source, "cannot be read, and \(folders[part])/\(fileName) lists it")
                }
                copies.append(copy)
            }
        }
        return copies
    }

    /// Parses `folders.ndjson` (`path` names it in errors): each folder by its thread's line.
    ///
    /// - Throws: ``PartialError`` for a damaged line, or a folder outside `threads/` or a file
    ///   name with a path (which a merge would write outside its folder).
    public static func parse(_ data: Data, path: String) throws(PartialError) -> [Int: Entry] {
        var byThread: [Int: Entry] = [:]
        for (line, e) in try PartialResult.lines(data, path, as: Entry.self, kind: "folder").enumerated() {
            let name = e.folder.dropFirst("threads/".count)
            guard e.folder.hasPrefix("threads/"), e.folder.hasSuffix("/"), name.count > 1, !name.dropLast().contains("/"), !name.hasPrefix("."),
                  e.files.allSatisfy({ !$0.isEmpty && !$0.contains("/") && !$0.hasPrefix(".") }) else {
                throw PartialError(path + ":\(line + 1)", "a folder outside threads/ or a file name with a path: not written by threadnet analyze --partial")
            }
            byThread[e.thread] = e
        }
        return byThread
    }

    /// Copies a folder's file (not a diagram) from `path` into `out` as it is, through a fixed 1 MiB buffer.
    ///
    /// - Returns: what went wrong (the file cannot be opened or read), or nil.
    public static func copy(_ path: String, to out: TextOutput) -> PartialError? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return PartialError(path, "cannot be read") }
        defer { try? handle.close() }
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch { return PartialError(path, "cannot be read: \(error.localizedDescription)") }
            guard let chunk, !chunk.isEmpty else { return nil }
            chunk.withUnsafeBytes { out.write($0) }
        }
    }

    /// The DOT source of `copy` (a diagram), read now, to be rendered under its merged path.
    public static func diagram(_ copy: Copy) throws(PartialError) -> OutputFile {
        OutputFile(path: copy.path, contents: String(decoding: try PartialResult.contents(copy.source), as: UTF8.self))
    }
}
