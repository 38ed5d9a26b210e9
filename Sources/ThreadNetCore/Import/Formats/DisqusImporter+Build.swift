import Foundation

/// Turns the raw `<thread>` and `<post>` records of a Disqus export into threads, following
/// the importer conventions (see ``DisqusImporter``).
struct DisqusBuilder {
    let file: String

    /// The id and title of the thread that collects posts naming no thread at all.
    static let noThreadID = "(no thread)"

    private struct Accumulator {
        var declared: DisqusRawThread?
        var firstLine: Int
        var comments: [Comment] = []
        var findings: [Finding] = []
    }

    func build(_ handler: DisqusHandler) -> Corpus {
        // Site identifiers (`<id>` text) → dsq:id, for the `<parent>2</parent>` text form.
        var threadSiteIDs: [String: String] = [:]
        var postSiteIDs: [String: String] = [:]
        for record in handler.records {
            switch record {
            case .thread(let raw):
                let site = Self.trimmed(raw.fields["id"]), dsq = Self.trimmed(raw.dsqID)
                if !site.isEmpty, !dsq.isEmpty, threadSiteIDs[site] == nil { threadSiteIDs[site] = dsq }
            case .post(let raw):
                let site = Self.trimmed(raw.fields["id"]), dsq = Self.trimmed(raw.dsqID)
                if !site.isEmpty, !dsq.isEmpty, postSiteIDs[site] == nil { postSiteIDs[site] = dsq }
            }
        }

        // Threads in order of first appearance (declaration or first post), found by id.
        var threads: [(id: String, accumulator: Accumulator)] = []
        var index: [String: Int] = [:]
        func accumulator(_ id: String, firstLine: Int) -> Int {
            if let k = index[id] { return k }
            index[id] = threads.count
            threads.append((id, Accumulator(declared: nil, firstLine: firstLine)))
            return threads.count - 1
        }
        var corpusFindings: [Finding] = []
        var unnamedThreads = 0
        for record in handler.records {
            switch record {
            case .thread(let raw):
                let location = SourceLocation(file: file, line: raw.line, record: raw.record)
                let id = Self.trimmed(raw.dsqID)
                guard !id.isEmpty else {
                    unnamedThreads += 1
                    corpusFindings.append(Finding(.note, at: location, "a <thread> has no dsq:id, so no post can refer to it; counted as an empty thread"))
                    continue
                }
                let k = accumulator(id, firstLine: raw.line)
                if let existing = threads[k].accumulator.declared {
                    threads[k].accumulator.findings.append(Finding(.note, at: location, "thread \(id) is declared again (first at line \(existing.line)); the first declaration's title and link are kept"))
                } else {
                    threads[k].accumulator.declared = raw
                }
            case .post(let raw):
                let location = SourceLocation(file: file, line: raw.line, record: raw.record)
                var findings: [Finding] = []
                let key = threadKey(of: raw, threadSiteIDs: threadSiteIDs)
                let comment = self.comment(raw, location: location, postSiteIDs: postSiteIDs, findings: &findings)
                let k = accumulator(key, firstLine: raw.line)
                threads[k].accumulator.comments.append(comment)
                threads[k].accumulator.findings.append(contentsOf: findings)
            }
        }

        var result: [CommentThread] = []
        var emptyCount = unnamedThreads
        for (id, accumulator) in threads {
            guard !accumulator.comments.isEmpty else {
                emptyCount += 1
                continue
            }
            result.append(thread(id: id, accumulator))
        }
        return Corpus(format: .disqus, threads: result, emptyThreadCount: emptyCount, findings: corpusFindings)
    }

    /// The thread a post belongs to: `thread/@dsq:id`, else the `thread` text (a site
    /// identifier when a declared thread has it), else ``noThreadID``.
    private func threadKey(of raw: DisqusRawPost, threadSiteIDs: [String: String]) -> String {
        let attribute = Self.trimmed(raw.threadAttribute)
        if !attribute.isEmpty { return attribute }
        let text = Self.trimmed(raw.threadText)
        if !text.isEmpty { return threadSiteIDs[text] ?? text }
        return Self.noThreadID
    }

    private func comment(_ raw: DisqusRawPost, location: SourceLocation, postSiteIDs: [String: String], findings: inout [Finding]) -> Comment {
        var id = Self.trimmed(raw.dsqID)
        if id.isEmpty {
            id = "record-\(raw.record)"
            findings.append(Finding(.malformedInput, at: location, "a <post> has no dsq:id; it was given the id \(id)"))
        }
        var parentID: String?
        let parentAttribute = Self.trimmed(raw.parentAttribute)
        let parentText = Self.trimmed(raw.parentText)
        if !parentAttribute.isEmpty {
            parentID = parentAttribute
        } else if !parentText.isEmpty {
            parentID = postSiteIDs[parentText] ?? parentText
        }

        var status = CommentStatus()
        if flag("isDeleted", of: raw, id: id, location: location, findings: &findings) { status.insert(.deleted) }
        if flag("isSpam", of: raw, id: id, location: location, findings: &findings) { status.insert(.spam) }

        var timestamp: Date?
        let created = Self.trimmed(raw.fields["createdAt"])
        if !created.isEmpty {
            timestamp = Self.date(created)
            if timestamp == nil {
                findings.append(Finding(.badTimestamp, at: location, "post \(id): createdAt \"\(created)\" is not a date"))
            }
        }
        let body = Self.trimmed(raw.fields["message"])
        let text = HTMLText.plainText(body)
        return Comment(
            id: id, parentID: parentID,
            author: XMLText.decodedName(raw.authorName),
            timestamp: timestamp, text: text, rawText: text == body ? nil : body,
            status: status, location: location)
    }

    /// A `true`/`false` child; anything else is reported and read as false.
    private func flag(_ name: String, of raw: DisqusRawPost, id: String, location: SourceLocation, findings: inout [Finding]) -> Bool {
        let value = Self.trimmed(raw.fields[name])
        switch value.lowercased() {
        case "true", "1": return true
        case "false", "0", "": return false
        default:
            findings.append(Finding(.note, at: location, "post \(id): \(name) is \"\(value)\", not true or false; read as false"))
            return false
        }
    }

    private func thread(id: String, _ accumulator: Accumulator) -> CommentThread {
        var findings: [Finding] = []
        guard let declared = accumulator.declared else {
            let location = accumulator.comments.first?.location ?? SourceLocation(file: file, line: accumulator.firstLine)
            if id == Self.noThreadID {
                findings.append(Finding(.note, at: location, "\(accumulator.comments.count) post(s) name no thread (no <thread dsq:id>); they are kept in a thread of their own"))
                return CommentThread(id: id, title: "(posts with no thread)", comments: accumulator.comments,
                                     findings: findings + accumulator.findings)
            }
            findings.append(Finding(.note, at: location, "\(accumulator.comments.count) post(s) refer to thread \(id), which the export does not declare; they form a thread titled \"(undeclared thread \(id))\""))
            return CommentThread(id: id, title: "(undeclared thread \(id))", root: RootPost(id: id), comments: accumulator.comments,
                                 findings: findings + accumulator.findings)
        }
        let location = SourceLocation(file: file, line: declared.line, record: declared.record)
        let title = XMLText.decodedName(declared.fields["title"])
        let link = Self.trimmed(declared.fields["link"])
        let message = Self.trimmed(declared.fields["message"])
        let created = Self.trimmed(declared.fields["createdAt"])
        let createdDate = created.isEmpty ? nil : Self.date(created)
        if !created.isEmpty, createdDate == nil {
            findings.append(Finding(.badTimestamp, at: location, "thread \(id): createdAt \"\(created)\" is not a date"))
        }
        if ["true", "1"].contains(Self.trimmed(declared.fields["isDeleted"]).lowercased()) {
            findings.append(Finding(.note, at: location, "thread \(id) is marked deleted in the export; its posts are kept"))
        }
        let root = RootPost(
            id: id,
            author: XMLText.decodedName(declared.authorName),
            text: message.isEmpty ? "" : HTMLText.plainText(message),
            timestamp: createdDate,
            url: link.isEmpty ? nil : link)
        return CommentThread(id: id, title: !title.isEmpty ? title : (!link.isEmpty ? link : id), root: root,
                             comments: accumulator.comments, findings: findings + accumulator.findings)
    }

    static func trimmed(_ text: String?) -> String { XMLText.trim(text) }

    /// ISO 8601 (`2015-08-03T14:06:17Z`) and the other forms ``TimestampParser`` reads.
    static func date(_ text: String) -> Date? {
        TimestampParser.iso8601(text) ?? TimestampParser.parse(text)
    }
}
