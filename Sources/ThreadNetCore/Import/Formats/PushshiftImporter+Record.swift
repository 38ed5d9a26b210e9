import Foundation

/// What the Pushshift importer has gathered so far: threads by `link_id`, file findings.
struct PushshiftReadState {
    struct ThreadParts {
        var comments: [Comment] = []
        var findings: [Finding] = []
        var root: RootPost?
        var title: String?
    }

    let name: String
    var threads: [String: ThreadParts] = [:]
    var fileFindings: [Finding] = []
    var parsedRecords = 0
    var firstBad: (location: SourceLocation, reason: String)?

    init(name: String) { self.name = name }

    mutating func take(line: LineReader.Line, record: Int) {
        let location = SourceLocation(file: name, line: line.number, record: record)
        switch JSONValues.parse(line.bytes) {
        case .failure(let reason):
            skip(location, reason.text)
        case .success(let value):
            guard let object = value as? [String: Any] else {
                return skip(location, "not a JSON object (\(JSONValues.describe(value)))")
            }
            take(object: object, at: location)
        }
    }

    mutating func skip(_ location: SourceLocation, _ reason: String) {
        if firstBad == nil { firstBad = (location, reason) }
        fileFindings.append(Finding(.malformedRecord, at: location, "line \(location.line ?? 0) skipped: \(reason)"))
    }

    mutating func take(object: [String: Any], at location: SourceLocation) {
        guard let rawID = JSONValues.string(object["id"]), !JSONValues.trim(rawID).isEmpty else {
            return skip(location, "no \"id\" (keys: \(JSONValues.keyList(object)))")
        }
        let id = JSONValues.trim(rawID)
        let parent = JSONValues.string(object["parent_id"])
        let link = JSONValues.string(object["link_id"])
        if parent == nil, link == nil {
            guard JSONValues.isPresent(object["title"]) else {
                return skip(location, "neither a comment (parent_id, link_id) nor a submission (title); keys: \(JSONValues.keyList(object))")
            }
            parsedRecords += 1
            return takeSubmission(object, id: id)
        }
        guard let threadID = Self.threadID(link: link, parent: parent) else {
            return skip(location, "comment \(id) has no link_id naming its thread")
        }
        parsedRecords += 1
        var findings: [Finding] = []
        let stampValue = JSONValues.isPresent(object["created_utc"]) ? object["created_utc"] : object["created"]
        let stamp = JSONValues.timestamp(stampValue)
        if stamp.date == nil, stamp.present {
            findings.append(Finding(.badTimestamp, at: location, "comment \(id): created_utc \(JSONValues.describe(stampValue)) is not a Unix time or ISO 8601 date; kept without a time"))
        }
        var comment = Self.comment(id: id, parent: parent, threadID: threadID, author: Self.author(object["author"]),
                                   body: object["body"] as? String ?? "", timestamp: stamp.date, at: location)
        // As the scanner: `score` when an integer; `edited` when `true` or a time.
        if let v = object["score"], JSONSupport.kind(of: v) == .number, let n = JSONSupport.number(v)?.doubleValue, n == n.rounded(), abs(n) < 1e15 {
            comment.score = Int(n)
        }
        if let v = object["edited"] {
            switch JSONSupport.kind(of: v) {
            case .number: comment.status.insert(.edited)
            case .boolean: if (v as? NSNumber)?.boolValue == true { comment.status.insert(.edited) }
            default: break
            }
        }
        add(comment, thread: threadID, findings: findings)
    }

    /// A comment read by ``PushshiftScanner``; false when the line needs the full parser
    /// (no id, no thread, an unreadable timestamp: cases with findings of their own).
    mutating func take(fields f: PushshiftScanner.Fields, at location: SourceLocation) -> Bool {
        guard let parsed = Self.comment(fields: f, at: location) else { return false }
        parsedRecords += 1
        add(parsed.comment, thread: parsed.thread, findings: [])
        return true
    }

    /// The comment and thread of scanned fields, or `nil` when the full parser must decide.
    static func comment(fields f: PushshiftScanner.Fields, at location: SourceLocation) -> (comment: Comment, thread: String)? {
        let id = JSONValues.trim(f.id)
        guard !id.isEmpty, f.parent != nil || f.link != nil,
              let threadID = threadID(link: f.link, parent: f.parent) else { return nil }
        var date: Date?
        switch f.created {
        case .seconds(let x)?:
            date = TimestampParser.unixSeconds(x)
            if date == nil { return nil }
        case .text(let text)?:
            let stamp = JSONValues.timestamp(text)
            if stamp.date == nil, stamp.present { return nil }
            date = stamp.date
        case nil:
            date = nil
        }
        let author = JSONValues.trim(HTMLText.decodeEntities(f.author ?? ""))
        var comment = Self.comment(id: id, parent: f.parent, threadID: threadID, author: author == "[deleted]" ? "" : author,
                                   body: f.body, timestamp: date, at: location)
        comment.score = f.score
        if f.edited { comment.status.insert(.edited) }
        return (comment, threadID)
    }

    /// Files `comment` under its thread.
    mutating func add(_ comment: Comment, thread threadID: String, findings: [Finding]) {
        // Mutate in place: copying the parts out and back would copy the thread's comments.
        threads[threadID, default: ThreadParts()].comments.append(comment)
        if !findings.isEmpty { threads[threadID, default: ThreadParts()].findings.append(contentsOf: findings) }
    }

    /// `t3_abc` for `link_id` `t3_abc` or `abc`, else taken from a `t3_` parent.
    static func threadID(link: String?, parent: String?) -> String? {
        if let link = link.map(JSONValues.trim), !link.isEmpty {
            return link.hasPrefix("t3_") ? link : "t3_" + link
        }
        if let parent, parent.hasPrefix("t3_") { return parent }
        return nil
    }

    /// One comment: parent ids resolved against the thread, `[deleted]`/`[removed]` bodies
    /// marked, entities decoded.
    static func comment(id: String, parent: String?, threadID: String, author: String, body: String,
                        timestamp: Date?, at location: SourceLocation) -> Comment {
        var parentID: String?
        if let parent = parent.map(JSONValues.trim), !parent.isEmpty {
            if parent.hasPrefix("t3_") || parent == threadID || "t3_" + parent == threadID {
                parentID = nil
            } else if parent.hasPrefix("t1_") {
                parentID = String(parent.dropFirst(3))
            } else {
                parentID = parent
            }
        }
        var status: CommentStatus = []
        var text: String
        var rawText: String?
        switch JSONValues.trim(body) {
        case "[deleted]":
            status = .deleted; text = ""; rawText = body
        case "[removed]", "[ Removed by Reddit ]", "[ Removed by reddit ]":
            status = .removed; text = ""; rawText = body
        default:
            text = JSONValues.trim(HTMLText.decodeEntities(body))
            rawText = text == body ? nil : body
        }
        return Comment(id: id, parentID: parentID, author: author, timestamp: timestamp, text: text,
                       rawText: rawText, status: status, location: location)
    }

    static func author(_ value: Any?) -> String {
        let name = JSONValues.trim(HTMLText.decodeEntities(JSONValues.string(value) ?? ""))
        return name == "[deleted]" ? "" : name
    }

    mutating func takeSubmission(_ object: [String: Any], id: String) {
        let threadID = id.hasPrefix("t3_") ? id : "t3_" + id
        guard threads[threadID]?.root == nil else { return }  // a repeated submission line: the first wins
        let selftext = object["selftext"] as? String ?? ""
        let hidden = ["[deleted]", "[removed]"].contains(JSONValues.trim(selftext))
        let link = JSONValues.string(object["url"]).flatMap { $0.isEmpty ? nil : $0 }
        let permalink = RedditImporter.absolute(JSONValues.string(object["permalink"]))
        var score: Int?
        if let v = object["score"], JSONSupport.kind(of: v) == .number, let n = JSONSupport.number(v)?.doubleValue, n == n.rounded(), abs(n) < 1e15 { score = Int(n) }
        let root = RootPost(
            id: String(threadID.dropFirst(3)), author: Self.author(object["author"]),
            text: hidden ? "" : JSONValues.trim(HTMLText.decodeEntities(selftext)),
            timestamp: JSONValues.timestamp(object["created_utc"]).date,
            url: link ?? permalink, permalink: link == nil || link == permalink ? nil : permalink, score: score)
        let title = JSONValues.trim(HTMLText.decodeEntities(JSONValues.string(object["title"]) ?? ""))
        threads[threadID, default: ThreadParts()].root = root
        threads[threadID, default: ThreadParts()].title = title.isEmpty ? nil : title
    }

    func finish(records: Int) throws(ImportError) -> Corpus {
        guard parsedRecords > 0 else {
            if let firstBad {
                throw ImportError(.malformed, at: firstBad.location,
                                  "no line is a Reddit comment object (expected one JSON object per line with id, parent_id and link_id); first bad line \(firstBad.location.line ?? 0): \(firstBad.reason)")
            }
            throw ImportError(.empty, at: SourceLocation(file: name), "the file holds no lines (expected one Reddit comment object per line)")
        }
        var result: [CommentThread] = []
        var empty = 0
        for key in threads.keys.sorted() {
            guard let parts = threads[key] else { continue }
            if parts.comments.isEmpty { empty += 1; continue }
            result.append(CommentThread(id: key, title: parts.title ?? key,
                                        root: parts.root ?? RootPost(id: String(key.dropFirst(3))),
                                        comments: parts.comments, findings: parts.findings))
        }
        guard !result.isEmpty else {
            throw ImportError(.empty, at: SourceLocation(file: name),
                              "no comments: the \(records) record(s) read are submissions only (expected Reddit comment objects with parent_id)")
        }
        return Corpus(format: .pushshift, threads: result, emptyThreadCount: empty, findings: fileFindings)
    }
}
