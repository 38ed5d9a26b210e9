import Foundation

/// Turns the raw items and comments of a WXR file into threads, following the importer
/// conventions (see ``WXRImporter``).
struct WXRBuilder {
    let file: String

    func build(_ handler: WXRHandler) -> Corpus {
        var items = handler.items
        if !handler.strayComments.isEmpty {
            var stray = WXRRawItem(ordinal: 0, line: handler.strayComments[0].line)
            stray.fields["title"] = "(comments outside any item)"
            stray.fields["post_id"] = "(no item)"
            stray.comments = handler.strayComments
            items.append(stray)
        }
        var threads: [CommentThread] = []
        var emptyCount = 0
        var seenIDs: [String: Int] = [:]
        for item in items {
            guard !item.comments.isEmpty else {
                emptyCount += 1
                continue
            }
            threads.append(thread(item, seenIDs: &seenIDs))
        }
        return Corpus(format: .wxr, threads: threads, emptyThreadCount: emptyCount)
    }

    private func thread(_ item: WXRRawItem, seenIDs: inout [String: Int]) -> CommentThread {
        let itemLocation = SourceLocation(file: file, line: item.line)
        var findings: [Finding] = []
        if item.ordinal == 0 {
            findings.append(Finding(.note, at: itemLocation, "\(item.comments.count) <wp:comment> element(s) are not inside an <item>; they are kept in a thread of their own"))
        }
        let postID = Self.trimmed(item.fields["post_id"])
        let link = Self.trimmed(item.fields["link"])
        var id = !postID.isEmpty ? postID : (!link.isEmpty ? link : "item-\(item.ordinal)")
        let seen = seenIDs[id, default: 0] + 1
        seenIDs[id] = seen
        if seen > 1 {
            findings.append(Finding(.note, at: itemLocation, "another item already has the id \(id); this one is listed as \(id)#\(seen)"))
            id = "\(id)#\(seen)"
        }
        let title = XMLText.decodedName(item.fields["title"])
        let content = Self.trimmed(item.fields["encoded"])
        let root = RootPost(
            id: postID.isEmpty ? nil : postID,
            author: XMLText.decodedName(item.fields["creator"]),
            text: content.isEmpty ? "" : HTMLText.plainText(content),
            timestamp: Self.date(item.fields["post_date_gmt"]) ?? Self.date(item.fields["post_date"]),
            url: link.isEmpty ? nil : link)

        var comments: [Comment] = []
        comments.reserveCapacity(item.comments.count)
        var localTimeIDs: [String] = []
        var localTimeLocation: SourceLocation?
        for raw in item.comments {
            let location = SourceLocation(file: file, line: raw.line, record: raw.record)
            var commentID = Self.trimmed(raw.fields["comment_id"])
            if commentID.isEmpty {
                commentID = "record-\(raw.record)"
                findings.append(Finding(.malformedInput, at: location, "a <wp:comment> has no wp:comment_id; it was given the id \(commentID)"))
            }
            let parent = Self.trimmed(raw.fields["comment_parent"])
            let body = Self.trimmed(raw.fields["comment_content"])
            let text = HTMLText.plainText(body)

            var status = CommentStatus()
            let approved = Self.trimmed(raw.fields["comment_approved"]).lowercased()
            switch approved {
            case "", "1", "approve", "approved": break
            case "0", "hold", "unapproved": status.insert(.pending)
            case "spam": status.insert(.spam)
            case "trash", "post-trashed": status.insert(.trash)
            default:
                findings.append(Finding(.note, at: location, "comment \(commentID) has wp:comment_approved \"\(approved)\", which is not 1, 0, spam, trash or post-trashed; read as approved"))
            }
            let type = Self.trimmed(raw.fields["comment_type"]).lowercased()
            if type == "pingback" || type == "trackback" { status.insert(.pingback) }

            var timestamp: Date?
            let gmt = Self.trimmed(raw.fields["comment_date_gmt"])
            if !gmt.isEmpty, !Self.isZeroDate(gmt) {
                timestamp = Self.date(gmt)
                if timestamp == nil {
                    findings.append(Finding(.badTimestamp, at: location, "comment \(commentID): wp:comment_date_gmt \"\(gmt)\" is not a date"))
                }
            }
            if timestamp == nil {
                let local = Self.trimmed(raw.fields["comment_date"])
                if !local.isEmpty, !Self.isZeroDate(local) {
                    timestamp = Self.date(local)
                    if timestamp == nil {
                        findings.append(Finding(.badTimestamp, at: location, "comment \(commentID): wp:comment_date \"\(local)\" is not a date"))
                    } else {
                        localTimeIDs.append(commentID)
                        localTimeLocation = localTimeLocation ?? location
                    }
                }
            }

            comments.append(Comment(
                id: commentID,
                parentID: parent.isEmpty || parent == "0" ? nil : parent,
                author: XMLText.decodedName(raw.fields["comment_author"]),
                timestamp: timestamp,
                text: text,
                rawText: text == body ? nil : body,
                status: status,
                location: location,
                // WordPress gives every comment the anchor `#comment-ID` on its post's page.
                permalink: link.isEmpty || commentID.isEmpty ? nil : link + "#comment-" + URLText.component(commentID)))
        }
        if let localTimeLocation {
            let shown = localTimeIDs.prefix(10).joined(separator: ", ") + (localTimeIDs.count > 10 ? ", …" : "")
            findings.append(Finding(.note, at: localTimeLocation, "\(localTimeIDs.count) comment(s) have no usable wp:comment_date_gmt; their site-local wp:comment_date was read as UTC (the export does not give the site's time zone): \(shown)"))
        }
        return CommentThread(id: id, title: title.isEmpty ? id : title, root: root, comments: comments, findings: findings)
    }

    static func trimmed(_ text: String?) -> String { XMLText.trim(text) }

    /// WordPress writes `0000-00-00 00:00:00` for "no date".
    static func isZeroDate(_ text: String) -> Bool { text.hasPrefix("0000-00-00") }

    /// `YYYY-MM-DD HH:MM:SS` (no zone: UTC) and the other forms ``TimestampParser`` reads;
    /// `nil` for missing, zero or unreadable dates.
    static func date(_ text: String?) -> Date? {
        let value = trimmed(text)
        guard !value.isEmpty, !isZeroDate(value) else { return nil }
        return TimestampParser.iso8601(value) ?? TimestampParser.parse(value)
    }
}
