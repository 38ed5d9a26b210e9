import Foundation

/// What a partial result holds for the merged `report.md` and `metrics.json` beyond its rows
/// and tallies: every thread's entry of `metrics.json` and every repair.
///
/// - `metrics-threads.json`: each thread's item of `metrics.json`'s `threads`, not detailed,
///   in the shard's thread order, as `threadnet analyze` writes it (indented for its depth,
///   ``MetricsJSON/threadEntry(_:detailed:topics:to:)``), each followed by a line break: a
///   sequence of JSON objects (`jq` reads it). A merge copies them through a buffer in the
///   corpus's order, the corpus's `--detail` largest replaced by their detailed entries from
///   `folders.ndjson` (``PartialFolders``). These grow with threads, not comments.
/// - `repairs.ndjson`: every repair (``Finding``), `{"file", "kind", "line", "message",
///   "record", "thread"}`, `thread` the line of its thread in `threads.ndjson` (from 0), absent
///   for a repair of the input; the input's first, then each thread's in order.
///
/// A repair's location is the shard's file and line: on a corpus split into files (or Spark
/// partitions) those differ from the whole input's, so the merged `repairs` and report.md's
/// list of repairs name the shards' lines; their counts by kind and per thread are the whole's.
public enum PartialReport {
    /// The files, optional in a partial result: a merge writes report.md and metrics.json when
    /// every partial has them.
    public static let fileNames = ["metrics-threads.json", "repairs.ndjson"]

    /// The files of an analyzed shard.
    public static func files(_ analysis: CorpusAnalysis, metrics: [ThreadMetrics]) -> [OutputFile] {
        [
            OutputFile(path: "metrics-threads.json") { out in
                for m in metrics {
                    MetricsJSON.threadEntry(m, detailed: false, topics: nil, to: out)
                    out.write(byte: 0x0A)
                }
            },
            OutputFile(path: "repairs.ndjson") { out in
                let json = JSONOutput(out)
                for f in analysis.corpus.findings { line(f, thread: nil, json) }
                for (k, t) in analysis.threads.enumerated() { for f in t.findings { line(f, thread: k, json) } }
            },
        ]
    }

    static func line(_ f: Finding, thread: Int?, _ json: JSONOutput) {
        json.object(inline: true) {
            json.field("file", f.location.reported.file)
            json.field("kind", f.kind.rawValue)
            json.field("line", f.location.line)
            json.field("message", f.message)
            json.field("record", f.location.record)
            if let thread { json.field("thread", thread) }
        }
    }

    /// A line of `repairs.ndjson`.
    struct RepairLine: Codable {
        var file: String
        var kind: String
        var line: Int?
        var message: String
        var record: Int?
        var thread: Int?
    }

    /// One partial's repairs: the input's, and each thread's by its line in `threads.ndjson`.
    public struct Repairs: Sendable {
        public var input: [Finding] = []
        public var threads: [Int: [Finding]] = [:]
    }

    /// Reads `repairs.ndjson` (`path` names it in errors) of a partial of `threads` threads.
    ///
    /// - Throws: ``PartialError`` naming the line of a malformed repair, an unknown kind or a
    ///   thread not in the partial.
    public static func repairs(_ data: Data, path: String, threads: Int) throws(PartialError) -> Repairs {
        var out = Repairs()
        for (k, r) in try PartialResult.lines(data, path, as: RepairLine.self, kind: "repair").enumerated() {
            guard let kind = Finding.Kind(rawValue: r.kind) else {
                throw PartialError(path + ":\(k + 1)", "unknown repair kind \"\(r.kind)\" (one of \(Finding.Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard (r.line ?? 1) >= 1, (r.record ?? 1) >= 1 else { throw PartialError(path + ":\(k + 1)", "line and record are counted from 1") }
            let finding = Finding(kind, at: SourceLocation(file: r.file, line: r.line, record: r.record), r.message)
            if let t = r.thread {
                guard t >= 0, t < threads else { throw PartialError(path + ":\(k + 1)", "thread \(t) is not a line of threads.ndjson (0..<\(threads))") }
                out.threads[t, default: []].append(finding)
            } else {
                out.input.append(finding)
            }
        }
        return out
    }

    /// Reads the items of a `metrics-threads.json` one at a time through a fixed-size buffer:
    /// an item ends with a line holding its closing brace at the item's indentation.
    public final class EntryReader {
        private let handle: FileHandle
        private var buffer: [UInt8] = []
        private var start = 0
        private var atEnd = false
        /// `\n    }\n`: the end of an item at ``MetricsJSON/threadEntryDepth``.
        private static let end: [UInt8] = Array(("\n" + String(repeating: "  ", count: MetricsJSON.threadEntryDepth) + "}\n").utf8)
        /// Items read so far.
        public private(set) var count = 0

        /// A reader of the file at `path`; nil when it cannot be opened.
        public init?(path: String) {
            guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
            self.handle = handle
        }

        deinit { try? handle.close() }

        /// The next item without its final line break, or nil at the end of the file; valid
        /// until the next call.
        public func next() -> ArraySlice<UInt8>? {
            var scan = start
            let end = Self.end
            while true {
                while scan + end.count <= buffer.count {
                    if buffer[scan] == 0x0A, buffer[scan..<(scan + end.count)].elementsEqual(end) {
                        let item = buffer[start..<(scan + end.count - 1)]
                        start = scan + end.count
                        count += 1
                        return item
                    }
                    scan += 1
                }
                if atEnd { return nil }
                if !handle.refill(&buffer, start: &start, scan: &scan) { atEnd = true }
            }
        }

        /// Whether anything but white space is left unread.
        public var hasMore: Bool {
            var scan = buffer.count
            while !atEnd { if !handle.refill(&buffer, start: &start, scan: &scan) { atEnd = true } }
            return buffer[start...].contains { $0 != 0x0A && $0 != 0x20 }
        }
    }
}
