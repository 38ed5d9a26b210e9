/// Reads WordPress eXtended RSS exports (WXR 1.0, 1.1 and 1.2): one thread per post that has
/// comments.
///
/// What is read, per `rss > channel > item`:
/// - the thread: `id` = `wp:post_id` (else the item's `link`, else `item-N`), `title` = the
///   item's `title` (entities decoded; the id when empty), root post author = `dc:creator`,
///   text = `content:encoded`, url = `link`, time = `wp:post_date_gmt` (else `wp:post_date`);
/// - each `wp:comment` child, in source order: `id` = `wp:comment_id`; `parentID` = nil when
///   `wp:comment_parent` is `0` or empty, else that id (within the same item, even if absent);
///   `author` = `wp:comment_author` with HTML entities decoded (the export does not decode
///   them); `text` = plain text of `wp:comment_content`; time = `wp:comment_date_gmt`, or the
///   site-local `wp:comment_date` read as UTC when the GMT one is missing or
///   `0000-00-00 00:00:00` (one `.note` finding per thread says so);
/// - status: `wp:comment_approved` `0` → `.pending`, `spam` → `.spam`, `trash` and
///   `post-trashed` → `.trash`; `wp:comment_type` `pingback`/`trackback` → `.pingback`.
///
/// Elements are matched by local name, so any `wp:` namespace version works. Items without
/// comments are counted in ``Corpus/emptyThreadCount``. A prefix used without an `xmlns:`
/// declaration (`<atom:link>` in WordPress.com exports) is repaired and reported as a
/// `.malformedInput` finding.
///
/// ```swift
/// let corpus = try WXRImporter().read(InputSource(path: "blog.wordpress.xml"), options: ImportOptions())
/// ```
///
/// - Complexity: O(n) in the size of the input; the whole (decompressed) file is held in memory.
public struct WXRImporter: ThreadImporter {
    public init() {}

    public var format: InputFormat { .wxr }

    /// Yes when the first element is `<rss>` and the head mentions the WordPress export
    /// namespace (`wordpress.org/export/`) or uses `<wp:` elements.
    public func detect(head: [UInt8], fileName: String) -> Bool {
        guard let root = XMLProlog.scan(head).rootName, XMLNames.split(root).local == "rss" else { return false }
        return XMLProlog.contains(head, "wordpress.org/export/") || XMLProlog.contains(head, "<wp:")
    }

    /// Reads the whole export. Throws `.malformed` (with the line) for XML that is not well
    /// formed or has another root, `.empty` when no item has a comment.
    public func read(_ input: InputSource, options: ImportOptions) throws(ImportError) -> Corpus {
        let bytes = try input.readAll()
        let (handler, fileFindings) = try XMLDocumentReader.read(
            bytes, file: input.name, expectedRoot: "rss", formatName: format.displayName,
            makeHandler: { WXRHandler() })
        var corpus = WXRBuilder(file: input.name).build(handler)
        corpus.findings.insert(contentsOf: fileFindings, at: 0)
        let commentCount = corpus.threads.reduce(0) { $0 + $1.comments.count }
        guard commentCount > 0 else {
            throw ImportError(.empty, at: SourceLocation(file: input.name),
                              "the WordPress export has \(handler.items.count) item(s) but no <wp:comment>; nothing to analyze")
        }
        if let title = options.title, corpus.threads.count == 1 { corpus.threads[0].title = title }
        return corpus
    }
}
