import Foundation
import Dispatch

/// Reads Pushshift / Arctic-shift dumps: NDJSON with one Reddit comment object per line
/// (`RC_YYYY-MM`), optionally mixed with submission objects (`RS_YYYY-MM`), usually as a
/// `.zst` stream (see ``Decompression``).
///
/// The file is read in blocks of lines (dumps are gigabytes): memory holds the comments kept,
/// never the file. Each line is read by ``PushshiftScanner`` straight from its bytes, on all
/// cores; a line the scanner does not model (a submission, an odd type, invalid JSON) is parsed
/// with `JSONSerialization`, so both paths give the same comments and findings.
///
/// - Threads are keyed by `link_id` (`t3_…`) and listed sorted by it; comments keep file order.
/// - `parent_id` `t3_…` is a top-level comment (`parentID` nil); `t1_x` is a reply to `x`, kept
///   even when `x` is not in the file (monthly dumps scatter threads: the analysis reports
///   orphans).
/// - Schema drift is expected: `name` may be absent (2005), `created_utc` may be an integer,
///   a float (2024) or a string (2009–2012).
/// - Author `[deleted]` becomes the empty (unknown) author; body `[deleted]` marks the comment
///   `.deleted`, `[removed]` marks it `.removed` (text empty, the marker in `rawText`); in old
///   data the author may be deleted while the body is kept. Bodies are Markdown with HTML
///   entities (`&gt;`), which are decoded.
/// - A submission (an object with `title` and no `parent_id`) becomes its thread's root post
///   and gives the title; otherwise the title is the `link_id`. A submission with no comment in
///   the file counts as an empty thread.
/// - A line that is not a JSON object, or has no `id`, is skipped with a `.malformedRecord`
///   finding in `Corpus.findings`; blank lines are skipped silently. If no line parses, the
///   import fails naming the first bad line.
public struct PushshiftImporter: ThreadImporter {
    public init() {}

    public var format: InputFormat { .pushshift }

    /// Yes when the first non-blank line is a JSON object with `link_id` and `parent_id` and
    /// `body` or `author` (a Reddit comment), or a submission line followed by such a line.
    public func detect(head: [UInt8], fileName: String) -> Bool {
        var body = head[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let lines = body.split(separator: 0x0A).filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
        // The head is cut at 64 KiB: its last line may be incomplete.
        let lastIsCut = head.count >= 64 * 1024 && head.last != 0x0A
        for (index, line) in lines.prefix(8).enumerated() {
            let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 }
            guard trimmed.first == UInt8(ascii: "{") else { return false }
            if index == lines.count - 1 && lastIsCut { return Self.looksLikeCommentText(Array(trimmed)) }
            guard case .success(let value) = JSONValues.parse(Array(trimmed)),
                  let object = value as? [String: Any] else { return false }
            if Self.isCommentObject(object) { return true }
            // Submission lines may come first in a mixed file; anything else is not ours.
            guard Self.isSubmissionObject(object) else { return false }
        }
        return false
    }

    static func isCommentObject(_ object: [String: Any]) -> Bool {
        object["link_id"] is String && object["parent_id"] is String
            && (object["body"] != nil || object["author"] != nil) && object["kind"] == nil
    }

    static func isSubmissionObject(_ object: [String: Any]) -> Bool {
        object["title"] != nil && object["parent_id"] == nil && object["id"] != nil && object["kind"] == nil
            && (object["subreddit"] != nil || object["selftext"] != nil || object["permalink"] != nil)
    }

    static func looksLikeCommentText(_ line: [UInt8]) -> Bool {
        let text = String(decoding: line.prefix(64 * 1024), as: UTF8.self)
        return text.contains("\"link_id\"") && text.contains("\"parent_id\"")
            && (text.contains("\"body\"") || text.contains("\"author\""))
            && !text.contains("\"children\"") && !text.contains("\"kind\"")
    }

    public func read(_ input: InputSource, options: ImportOptions) throws(ImportError) -> Corpus {
        let name = input.name
        let (source, encodingFindings) = try TextDecoding.textSource(try input.open(), name: name)
        let lines = LineBatches(source, name: name, limits: input.limits)
        // Blocks are read one ahead, lines scanned on all cores, and each block's comments filed
        // (in order, on one thread) while the next block is scanned.
        let batches = Prefetcher { () throws(ImportError) in try lines.next() }
        let filing = DispatchQueue(label: "threadnet.pushshift.filing")
        let shared = UnsafeSendable(StateBox(PushshiftReadState(name: name)))
        shared.value.state.fileFindings = encodingFindings
        while let batch = try batches.next() {
            let parts = stride(from: 0, to: batch.ranges.count, by: Self.linesPerTask).map { $0..<min($0 + Self.linesPerTask, batch.ranges.count) }
            let scanned = batch.bytes.withUnsafeBufferPointer { bytes in
                Parallel.map(parts) { part in
                    part.map { k -> Scanned in
                        let line = UnsafeBufferPointer(rebasing: bytes[batch.ranges[k]])
                        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return .blank }
                        guard let fields = PushshiftScanner.scan(line),
                              let parsed = PushshiftReadState.comment(fields: fields, at: SourceLocation(file: name, line: batch.firstLine + k))
                        else { return .slow }
                        return .comment(parsed.comment, parsed.thread)
                    }
                }
            }
            let work = UnsafeSendable((batch, parts, scanned))
            filing.async {
                let (batch, parts, scanned) = work.value
                let box = shared.value
                for (part, results) in zip(parts, scanned) {
                    for (k, result) in zip(part, results) {
                        switch result {
                        case .blank:
                            continue
                        case .comment(var comment, let thread):
                            box.records += 1
                            comment.location.record = box.records
                            box.state.parsedRecords += 1
                            box.state.add(comment, thread: thread, findings: [])
                        case .slow:
                            box.records += 1
                            box.state.take(line: LineReader.Line(number: batch.firstLine + k, bytes: Array(batch.bytes[batch.ranges[k]])), record: box.records)
                        }
                    }
                }
            }
        }
        filing.sync {}
        let records = shared.value.records
        let state = shared.value.state
        return try state.finish(records: records)
    }

    /// The reading state, filed into on one thread at a time.
    private final class StateBox {
        var state: PushshiftReadState
        var records = 0
        init(_ state: PushshiftReadState) { self.state = state }
    }

    /// Lines scanned by one task of the parallel scan.
    static let linesPerTask = 2048

    /// What the parallel scan made of one line.
    private enum Scanned {
        case blank
        case comment(Comment, String)
        case slow
    }
}
