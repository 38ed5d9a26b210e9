import Foundation

/// The per-row files of partial results — `comments.csv`, `authors.csv` and `edges.csv` as
/// `threadnet analyze` writes them beside the report (every thread's rows after a `thread`
/// column) — joined into the whole corpus's files in its thread order.
///
/// Unlike the rest of a partial result these grow with comments; `threadnet merge` copies
/// them through a fixed-size buffer without parsing more than the `thread` field.
public enum PartialRows {
    /// The row files, optional in a partial result: a merge writes one when every partial has it.
    public static let fileNames = ["comments.csv", "authors.csv", "edges.csv"]

    /// The row files of a shard, as `threadnet analyze` writes them for it.
    public static func files(_ metrics: [ThreadMetrics]) -> [OutputFile] {
        [
            OutputFile(path: "comments.csv") { CSVWriter.writeComments(metrics, threadColumn: true, to: $0) },
            OutputFile(path: "authors.csv") { CSVWriter.writeAuthors(metrics, threadColumn: true, to: $0) },
            OutputFile(path: "edges.csv") { CSVWriter.writeEdges(metrics.map(\.analysis), threadColumn: true, to: $0) },
        ]
    }

    /// Writes the merged `name` (one of ``fileNames``): the header, the same in every partial,
    /// then the rows of each thread of `order` (its id and the index of the folder holding it),
    /// taken from that folder's file, which lists its threads in the same relative order.
    ///
    /// - Returns: what is wrong (a missing file, differing headers, rows of a thread not where
    ///   `order` puts them), or nil.
    /// - Complexity: O(size of the files); memory O(the longest row).
    public static func merge(_ name: String, folders: [String], order: [(id: String, part: Int)], to out: TextOutput) -> PartialError? {
        var readers: [RecordReader] = []
        for folder in folders {
            guard let reader = RecordReader(path: folder + "/" + name) else { return PartialError(folder + "/" + name, "cannot be read") }
            readers.append(reader)
        }
        var header: [UInt8]?
        for (k, reader) in readers.enumerated() {
            guard let h = reader.next() else { return PartialError(folders[k] + "/" + name, "empty: no header") }
            if let header, header != Array(h) { return PartialError(folders[k] + "/" + name, "its header differs from \(folders[0])'s") }
            header = Array(h)
            reader.consume()
        }
        out.write(bytes: header ?? [])
        for (id, part) in order {
            let reader = readers[part]
            let keys = threadFields(id)
            while let record = reader.next(), keys.contains(where: { record.starts(with: $0) }) {
                out.write(bytes: record)
                reader.consume()
            }
        }
        for (k, reader) in readers.enumerated() where reader.next() != nil {
            return PartialError(folders[k] + "/" + name + ":\(reader.line)", "a row of a thread not in its threads.ndjson, or out of its order")
        }
        return nil
    }

    /// The `thread` field of a row of `id` followed by its comma, as CSVOutput writes it with
    /// and without formula neutralization (`id`, and `'id` which is never neutralized again).
    static func threadFields(_ id: String) -> [[UInt8]] {
        [id, "'" + id].map { value in
            let text = TextOutput.memory()
            var csv = CSVOutput(text)
            csv.field(value)
            csv.field("")
            return text.bytes
        }
    }

    /// Reads CSV records (a record ends at a line break outside quotes) through a buffer.
    final class RecordReader {
        private let handle: FileHandle
        private var buffer: [UInt8] = []
        private var start = 0
        private var recordEnd: Int?
        private var atEnd = false
        /// The line number the next record starts on (1-based).
        private(set) var line = 1

        init?(path: String) {
            guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
            self.handle = handle
        }

        deinit { try? handle.close() }

        /// The next record, with its line break, or nil at the end; it stays next until consumed.
        func next() -> ArraySlice<UInt8>? {
            if let end = recordEnd { return buffer[start..<end] }
            var scan = start, quoted = false
            while true {
                while scan < buffer.count {
                    let b = buffer[scan]
                    scan += 1
                    if b == 0x22 { quoted.toggle() } else if b == 0x0A, !quoted { recordEnd = scan; return buffer[start..<scan] }
                }
                if atEnd {
                    guard start < buffer.count else { return nil }
                    recordEnd = buffer.count // a last record without a line break
                    return buffer[start...]
                }
                // Keep the unread part and read more; the scan resumes where it stopped.
                if !handle.refill(&buffer, start: &start, scan: &scan) { atEnd = true }
            }
        }

        func consume() {
            guard let end = recordEnd else { return }
            line += buffer[start..<end].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            start = end
            recordEnd = nil
        }
    }
}

extension FileHandle {
    /// For readers that scan records through a buffer: drops the consumed bytes
    /// `buffer[..<start]` (shifting `scan`, an index into `buffer`, with them) and appends the
    /// next chunk of up to 1 MiB. Returns false at the end of the file (or on a read error).
    func refill(_ buffer: inout [UInt8], start: inout Int, scan: inout Int) -> Bool {
        if start > 0 {
            buffer.removeFirst(start)
            scan -= start
            start = 0
        }
        guard let chunk = (try? read(upToCount: 1 << 20)) ?? nil, !chunk.isEmpty else { return false }
        buffer.append(contentsOf: chunk)
        return true
    }
}
