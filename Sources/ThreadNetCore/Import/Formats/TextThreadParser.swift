import Foundation

/// The state machine behind ``TextImporter``: one pass over the lines, a stack of open
/// comments for nesting, no recursion.
struct TextThreadParser {
    let name: String
    let lines: [Substring]

    private struct Open {
        var indent: Int
        var index: Int
        var childIndent: Int?
        var childCount = 0
    }

    private struct Draft {
        var header: Header
        var line: Int
        var id: String
        var parentID: String?
        var body: [(line: Int, text: Substring)] = []
        var timestamp: Date?
        var pending = false
    }

    /// How to read dates (`--timezone`, `--date-order`).
    let reading: TimestampParser.Reading

    init(name: String, lines: [Substring], reading: TimestampParser.Reading = .standard) {
        self.name = name
        self.lines = lines
        self.reading = reading
    }

    mutating func run(title: String?) throws(ImportError) -> CommentThread {
        // Every line is parsed as a header once: numbered headers first; unnumbered
        // `Name says:` lines count only in files that number none.
        var headers = lines.map { Header.parse($0, allowUnnumbered: false, reading: reading) }
        if !headers.contains(where: { $0 != nil }) { headers = lines.map { Header.parse($0, allowUnnumbered: true, reading: reading) } }
        func header(_ i: Int) -> Header? { headers[i] }
        func nextNonBlank(after i: Int) -> Int? {
            var j = i + 1
            while j < lines.count, lines[j].allSatisfy(\.isWhitespace) { j += 1 }
            return j < lines.count ? j : nil
        }

        var findings: [Finding] = []
        var ambiguous: [Int] = []
        // Where the comments start: a "Comments" line followed by a header, else the first header.
        var commentsLine: Int?
        for i in lines.indices where Self.isCommentsLine(lines[i]) {
            if let j = nextNonBlank(after: i), header(j) != nil { commentsLine = i; break }
        }
        guard let firstHeader = lines.indices.first(where: { i in (commentsLine.map { i > $0 } ?? true) && header(i) != nil }) else {
            throw ImportError(.empty, at: SourceLocation(file: name),
                              "no comments found: expected comment headers such as `1. Name says:` (pasted comment text)")
        }
        var root = RootPost()
        var threadTitle = title
        if let commentsLine {
            let article = lines[..<commentsLine]
            let text = Self.paragraphs(article.map { $0 }, dropIndent: false)
            root.text = text
            if threadTitle == nil {
                threadTitle = article.first { !$0.allSatisfy(\.isWhitespace) }.map { $0.trimmed }
            }
        } else if let strayEnd = (0..<firstHeader).last(where: { !lines[$0].allSatisfy(\.isWhitespace) }) {
            let strayStart = (0..<firstHeader).first { !lines[$0].allSatisfy(\.isWhitespace) } ?? strayEnd
            findings.append(Finding(.note, at: SourceLocation(file: name, line: strayStart + 1),
                                    "no `Comments` line: lines \(strayStart + 1)–\(strayEnd + 1) before the first comment header are not part of any comment and were ignored"))
        }

        var drafts: [Draft] = []
        var stack: [Open] = []
        var topIndent: Int?
        var topCount = 0
        var usedIDs: [String: Int] = [:]
        var current: Int?

        var i = firstHeader
        while i < lines.count {
            let line = lines[i]
            if let h = header(i) {
                // Close siblings and deeper comments.
                while let top = stack.last, top.indent >= h.indent { stack.removeLast() }
                var parentID: String?
                var pathPrefix = ""
                var position: Int
                if let parent = stack.last {
                    let p = parent.index
                    if let expected = parent.childIndent, expected != h.indent {
                        findings.append(Finding(.indentation, at: SourceLocation(file: name, line: i + 1),
                            "header of \(h.name) is indented \(h.indent) where earlier replies to comment \(drafts[p].id) were indented \(expected); read as a reply to comment \(drafts[p].id) (\(drafts[p].header.name))"))
                    }
                    stack[stack.count - 1].childIndent = stack[stack.count - 1].childIndent ?? h.indent
                    stack[stack.count - 1].childCount += 1
                    position = stack[stack.count - 1].childCount
                    parentID = drafts[p].id
                    pathPrefix = drafts[p].id + "."
                } else {
                    if let topIndent, h.indent != topIndent {
                        findings.append(Finding(.indentation, at: SourceLocation(file: name, line: i + 1),
                            "header of \(h.name) is indented \(h.indent), less than the top-level comments (\(topIndent)); read as a top-level comment"))
                    }
                    topIndent = topIndent ?? h.indent
                    topCount += 1
                    position = topCount
                }
                var id = pathPrefix + (h.number ?? String(position))
                if let seen = usedIDs[id] {
                    let unique = "\(id)#\(seen + 1)"
                    findings.append(Finding(.duplicateID, at: SourceLocation(file: name, line: i + 1),
                        "comment number \(id) appears again (\(h.name)); kept apart as \(unique)"))
                    usedIDs[id] = seen + 1
                    id = unique
                } else {
                    usedIDs[id] = 1
                }
                drafts.append(Draft(header: h, line: i + 1, id: id, parentID: parentID, timestamp: h.date))
                current = drafts.count - 1
                stack.append(Open(indent: h.indent, index: drafts.count - 1))
            } else if let c = current {
                let trimmed = line.trimmed
                if Self.droppedLines.contains(trimmed) {
                    // navigation chrome, not text
                } else if trimmed == "Your comment is awaiting moderation." {
                    drafts[c].pending = true
                } else if drafts[c].body.allSatisfy({ $0.text.allSatisfy(\.isWhitespace) }), drafts[c].timestamp == nil,
                          !trimmed.isEmpty, trimmed.count <= 60, case let scan = TimestampParser.humanScan(trimmed, reading: reading), let date = scan.date {
                    drafts[c].timestamp = date
                    if scan.ambiguousOrder { ambiguous.append(i + 1) }
                } else {
                    drafts[c].body.append((i + 1, line))
                }
            }
            i += 1
        }

        let comments = drafts.map { d in
            var status: CommentStatus = []
            if d.pending { status.insert(.pending) }
            if d.header.isPingback { status.insert(.pingback) }
            return Comment(id: d.id, parentID: d.parentID, author: d.header.name, timestamp: d.timestamp,
                           text: Self.paragraphs(d.body.map(\.text), dropIndent: true), status: status,
                           location: SourceLocation(file: name, line: d.line), sourceNumber: d.header.number)
        }
        let id = ((name as NSString).lastPathComponent as NSString).deletingPathExtension
        // Pasted dates never say their zone; say how they were read.
        let timed = comments.count { $0.timestamp != nil }
        findings += TimeReading.findings(zoneless: timed, ambiguous: ambiguous, file: name, reading: reading)
        return CommentThread(id: id, title: threadTitle ?? id, root: root, comments: comments, findings: findings)
    }

    static let droppedLines: Set<String> = ["Reply", "Log in to Reply", "Reply ↓", "Edit", "(Edit)", "Reply↓"]

    /// `Comments`, `21 Comments`, `Responses`, `3 Responses`, with an optional colon.
    static func isCommentsLine(_ line: Substring) -> Bool {
        var t = line.trimmed.lowercased()
        if t.hasSuffix(":") { t.removeLast() }
        let words = t.split(separator: " ")
        guard let last = words.last, ["comments", "comment", "responses", "response"].contains(String(last)) else { return false }
        return words.count == 1 || (words.count == 2 && Int(words[0]) != nil)
    }

    /// Joins lines into paragraphs separated by one blank line, removing the common
    /// indentation (`dropIndent`) and leading/trailing blank lines.
    static func paragraphs(_ lines: [Substring], dropIndent: Bool) -> String {
        let nonBlank = lines.filter { !$0.allSatisfy(\.isWhitespace) }
        let common = dropIndent ? (nonBlank.map { Header.indentation(of: $0) }.min() ?? 0) : 0
        var out: [String] = []
        var blank = false
        for line in lines {
            if line.allSatisfy(\.isWhitespace) { blank = !out.isEmpty; continue }
            if blank { out.append("") }
            blank = false
            var text = String(line)
            if common > 0 {
                // Remove `common` columns of leading whitespace.
                var width = 0
                var idx = text.startIndex
                while idx < text.endIndex, width < common {
                    let c = text[idx]
                    if c == "\t" { width = (width / 4 + 1) * 4 } else if c == " " || c == "\u{00A0}" { width += 1 } else { break }
                    idx = text.index(after: idx)
                }
                text = String(text[idx...])
            }
            while text.last == " " || text.last == "\t" { text.removeLast() }
            out.append(text)
        }
        return out.joined(separator: "\n")
    }
}
