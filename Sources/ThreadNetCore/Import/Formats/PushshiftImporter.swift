import Foundation

/// Reads Pushshift / Arctic-shift dumps: NDJSON with one Reddit comment object per line
/// (`RC_YYYY-MM`), optionally mixed with submission objects (`RS_YYYY-MM`), usually as a
/// `.zst` stream (see ``Decompression``).
///
/// The file is read LINE BY LINE (dumps are gigabytes): memory holds the comments kept, never
/// the file. Each line is parsed with `JSONSerialization`.
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
        let lines = LineReader(source)
        var state = PushshiftReadState(name: name)
        state.fileFindings = encodingFindings
        var records = 0
        while let line = try lines.next() {
            if line.isBlank { continue }
            records += 1
            state.take(line: line, record: records)
        }
        return try state.finish(records: records)
    }
}
