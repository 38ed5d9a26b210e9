/// The fields of one `wp:comment`, as the export wrote them (XML-decoded, not trimmed).
struct WXRRawComment {
    /// 1-based position among all `wp:comment` elements of the file.
    var record: Int
    var line: Int
    var fields: [String: String] = [:]
}

/// The fields of one `item`, with its comments.
struct WXRRawItem {
    /// 1-based position among the file's items; 0 for the catch-all of comments outside items.
    var ordinal: Int
    var line: Int
    var fields: [String: String] = [:]
    var comments: [WXRRawComment] = []
}

/// Collects items and comments from the SAX stream; building happens in ``WXRBuilder``.
final class WXRHandler: XMLEventHandler {
    /// Items in source order.
    private(set) var items: [WXRRawItem] = []
    /// Comments found outside any item (not in a genuine export).
    private(set) var strayComments: [WXRRawComment] = []

    private var item: WXRRawItem?
    private var itemDepth = -1
    private var comment: WXRRawComment?
    private var commentDepth = -1
    private var commentCount = 0

    /// Item children read, by local name (`encoded` only from the `content:` namespace).
    static let itemFields: Set<String> = ["title", "link", "creator", "post_id", "post_date", "post_date_gmt", "encoded", "post_type"]
    /// Comment children read, by local name.
    static let commentFields: Set<String> = [
        "comment_id", "comment_author", "comment_date", "comment_date_gmt", "comment_content",
        "comment_approved", "comment_type", "comment_parent",
    ]

    func didStart(_ element: XMLElementStart) {
        if comment != nil { return }
        if element.localName == "item", item == nil, element.depth >= 1 {
            item = WXRRawItem(ordinal: items.count + 1, line: element.line)
            itemDepth = element.depth
        } else if element.localName == "comment", element.depth >= 1,
                  item == nil || element.depth == itemDepth + 1 {
            commentCount += 1
            comment = WXRRawComment(record: commentCount, line: element.line)
            commentDepth = element.depth
        }
    }

    func didEnd(_ element: XMLElementStart, text: String) {
        let name = element.localName
        if comment != nil {
            if element.depth == commentDepth + 1 {
                if Self.commentFields.contains(name), comment?.fields[name] == nil { comment?.fields[name] = text }
            } else if element.depth == commentDepth, let done = comment {
                comment = nil
                if item != nil { item?.comments.append(done) } else { strayComments.append(done) }
            }
            return
        }
        guard item != nil else { return }
        if element.depth == itemDepth + 1 {
            // `excerpt:encoded` shares the local name of `content:encoded`.
            if Self.itemFields.contains(name), item?.fields[name] == nil, !(name == "encoded" && element.prefix == "excerpt") {
                item?.fields[name] = text
            }
        } else if element.depth == itemDepth, let done = item {
            item = nil
            items.append(done)
        }
    }
}
