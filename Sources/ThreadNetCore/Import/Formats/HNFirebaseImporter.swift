import Foundation

/// Reads Hacker News items as the Firebase API returns them
/// (`hacker-news.firebaseio.com/v0/item/<id>.json`): flat objects, collected as a JSON array,
/// as NDJSON (one item per line), or as a single item.
///
/// ```json
/// {"id": 8863, "type": "story", "by": "dhouston", "time": 1175714200, "title": "…", "url": "…", "kids": [9224, 8917]}
/// {"id": 9224, "type": "comment", "by": "BrandonM", "time": 1175816820, "text": "…", "parent": 8863, "kids": [9232]}
/// {"id": 9232, "type": "comment", "deleted": true, "time": 1175817000, "parent": 9224}
/// ```
///
/// What is read, and how:
/// - Items of type `story`, `job` or `poll` are root posts, one thread each (`by`, `title`,
///   `text`, `url`, `time`); the thread id is the story id. Comments whose parent is the story
///   are top level (`parentID` nil).
/// - Items of type `comment` are comments, in file order. `parent` is the parent's id; when an
///   item lacks `parent`, the first item whose `kids` lists it is taken as the parent. A parent
///   that is not in the file stays the `parentID` (an orphan the analysis reports).
/// - A comment belongs to the story its chain of parents reaches (walked iteratively,
///   memoized, cycle-safe). When the chain ends at an item not in the file: with exactly one
///   story in the file the comment joins that story's thread; otherwise comments are grouped by
///   the missing item their chains end at, one thread per such item (id = that item's id,
///   titled "HN item N (not in the file)").
/// - `deleted: true` items (no `by`, no `text`) are kept as ``CommentStatus/deleted``;
///   `dead: true` items keep their author and text and are flagged ``CommentStatus/removed``.
///   `by` missing gives the empty author. `text` is HTML (``HTMLText/plainText(_:)``).
/// - `time` is Unix seconds. `pollopt` items are not comments: skipped and counted in a note.
/// - A record that is not an object with an `id` is skipped with a
///   ``Finding/Kind/malformedRecord`` finding (file level); so is an NDJSON line that is not
///   valid JSON. ``SourceLocation/record`` is the array index + 1, or for NDJSON the line.
/// - Stories without comments are counted in ``Corpus/emptyThreadCount``; a file with no
///   comment at all throws ``ImportError/Kind/empty``.
///
/// - Complexity: O(*n*) in the number of items after parsing.
public struct HNFirebaseImporter: ThreadImporter {
    public init() {}

    public var format: InputFormat { .hnFirebase }

    static let storyTypes: Set<String> = ["story", "job", "poll"]
    static let itemTypes: Set<String> = ["story", "job", "poll", "comment", "pollopt"]

    /// The first record (array element, NDJSON line or the object) has an `id` and an HN
    /// `type` (or `by` and `time` with `parent`/`kids`), and none of the keys that mark the
    /// Algolia (`children`, `created_at_i`), Reddit/Pushshift (`author`, `body`, `link_id`) or
    /// Reddit listing (`kind`) shapes.
    public func detect(head: [UInt8], fileName: String) -> Bool {
        let head = JSONSupport.Head(head)
        guard head.startsWithObject || head.startsWithArray, let record = head.firstRecord(),
              record["id"] != nil else { return false }
        for key in ["children", "created_at_i", "author", "body", "link_id", "kind", "post_stream", "ancestors"]
        where record[key] != nil { return false }
        if let type = record["type"] as? String, Self.itemTypes.contains(type) {
            return ["by", "time", "parent", "kids", "deleted", "dead", "title"].contains { record[$0] != nil }
        }
        return record["by"] != nil && record["time"] != nil && (record["parent"] != nil || record["kids"] != nil)
    }

    public func read(_ input: InputSource, options: ImportOptions) throws(ImportError) -> Corpus {
        let bytes = try input.readAll()
        var corpusFindings: [Finding] = []
        let records = try Self.records(bytes, file: input.name, findings: &corpusFindings)
        var items: [Item] = []
        items.reserveCapacity(records.count)
        for record in records {
            if let item = try Item(record, file: input.name, findings: &corpusFindings) { items.append(item) }
        }
        var corpus = try Self.assemble(items, file: input.name, findings: corpusFindings)
        if let title = options.title, corpus.threads.count == 1 { corpus.threads[0].title = title }
        return corpus
    }
}

extension HNFirebaseImporter {
    /// One JSON value of the input with where it came from.
    struct Record {
        var node: JSONSupport.Node
        var location: SourceLocation
    }

    /// The records of a JSON array, a single object, or NDJSON lines.
    static func records(_ bytes: [UInt8], file: String, findings: inout [Finding]) throws(ImportError) -> [Record] {
        let paths = JSONSupport.Paths(file: file)
        let whole: Any
        do {
            whole = try JSONSupport.parse(bytes, file: file)
        } catch {
            // Not one document: NDJSON, when it starts with an object and has several lines.
            let head = JSONSupport.Head(Array(bytes.prefix(16)))
            guard error.kind == .malformed, head.startsWithObject,
                  let lines = ndjson(bytes, file: file, paths: paths, findings: &findings) else { throw error }
            return lines
        }
        let root = JSONSupport.Node(root: whole, paths: paths)
        if let array = root.asArray {
            return (0..<array.count).map { Record(node: array[$0], location: SourceLocation(file: file, record: $0 + 1)) }
        }
        if root.asObject != nil { return [Record(node: root, location: SourceLocation(file: file, record: 1))] }
        throw root.error(expected: "a JSON array of Hacker News items, one item object, or NDJSON")
    }

    /// Parses line by line; `nil` when fewer than two lines hold anything (a single broken
    /// document, whose own parse error is more useful).
    private static func ndjson(_ bytes: [UInt8], file: String, paths: JSONSupport.Paths,
                               findings: inout [Finding]) -> [Record]? {
        var records: [Record] = []
        var bad: [Finding] = []
        var nonBlank = 0
        var line = 1, start = 0
        var i = 0
        while i <= bytes.count {
            if i == bytes.count || bytes[i] == 0x0A {
                var slice = bytes[start..<i]
                while let last = slice.last, JSONSupport.isBlank(last) { slice = slice.dropLast() }
                while let first = slice.first, JSONSupport.isBlank(first) { slice = slice.dropFirst() }
                if !slice.isEmpty {
                    nonBlank += 1
                    let location = SourceLocation(file: file, line: line, record: line)
                    if let value = JSONSupport.parseValue(slice) {
                        let id = paths.child(of: JSONSupport.Paths.root, .index(line - 1))
                        records.append(Record(node: JSONSupport.Node(value, path: id, paths: paths), location: location))
                    } else {
                        bad.append(Finding(.malformedRecord, at: location, "line \(line) is not valid JSON; skipped"))
                    }
                }
                line += 1
                start = i + 1
            }
            i += 1
        }
        guard nonBlank >= 2, !records.isEmpty else { return nil }
        findings += bad
        return records
    }

    /// A Firebase item, as far as threads need it.
    struct Item {
        var id: String
        var type: String?
        var author: String
        var time: Date?
        var text: String
        var rawText: String?
        var parent: String?
        var kids: [String]
        var deleted: Bool
        var dead: Bool
        var title: String?
        var url: String?
        /// `score`: a story's points (comments have none in the API).
        var score: Int?
        var location: SourceLocation
        var findings: [Finding] = []

        var isStory: Bool {
            if let type { return HNFirebaseImporter.storyTypes.contains(type) }
            return parent == nil && title != nil
        }

        /// `nil` (with a finding) for a record that is not an item with an id.
        init?(_ record: Record, file: String, findings: inout [Finding]) throws(ImportError) {
            let location = record.location
            guard let object = record.node.asObject else {
                let what = JSONSupport.describe(record.node.value)
                findings.append(Finding(.malformedRecord, at: location, "\(record.node.pathDescription): expected an item object, found \(what); skipped"))
                return nil
            }
            guard let id = try? object.id("id"), !id.isEmpty else {
                findings.append(Finding(.malformedRecord, at: location, "\(object.pathDescription): an item without an `id`; skipped"))
                return nil
            }
            let r = location.record
            self.id = id
            type = try object.string("type", record: r)
            author = JSONSupport.author(try object.string("by", record: r))
            let raw = try object.string("text", record: r)
            let body = JSONSupport.htmlBody(raw)
            text = body.text
            rawText = body.raw
            parent = try object.id("parent", record: r)
            kids = []
            if let list = try object.array("kids", record: r) {
                for k in 0..<list.count { if let kid = list[k].scalarText { kids.append(kid) } }
            }
            deleted = object.flag("deleted")
            dead = object.flag("dead")
            title = try object.string("title", record: r).map(HTMLText.decodeEntities)
            url = try object.string("url", record: r).flatMap { $0.isEmpty ? nil : $0 }
            score = object.int("score")
            self.location = location
            time = JSONSupport.timestamp(object, "time", at: location, findings: &self.findings)
        }

        var comment: Comment {
            var status: CommentStatus = []
            if deleted { status.insert(.deleted) }
            if dead { status.insert(.removed) }
            return Comment(id: id, parentID: parent, author: author, timestamp: time, text: text,
                           rawText: rawText, status: status, location: location, score: score, permalink: HNFirebaseImporter.itemURL(id))
        }
    }

    /// An item's page on Hacker News.
    static func itemURL(_ id: String) -> String {
        "https://news.ycombinator.com/item?id=" + URLText.component(id)
    }
}
