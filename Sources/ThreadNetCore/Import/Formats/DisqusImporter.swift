/// Reads Disqus export XML (`<disqus>` with flat `<thread>` and `<post>` siblings): one thread
/// per Disqus thread that has posts.
///
/// What is read:
/// - threads are keyed by `thread/@dsq:id`; `title` = `<title>` (entities decoded), else
///   `<link>`, else the id; the root post has the thread's `author/name`, `<message>`,
///   `<createdAt>` and `<link>`. Declared threads without posts are counted in
///   ``Corpus/emptyThreadCount``. A post naming a thread the file does not declare still forms
///   a thread (`(undeclared thread N)`) with a `.note` finding;
/// - each `<post>`, in source order: `id` = `@dsq:id` (a post without one gets `record-N`, N
///   its position among posts, and a `.malformedInput` finding); `parentID` =
///   `parent/@dsq:id`, or the `<parent>` text (the parent's `<id>`, mapped to that post's
///   `dsq:id`) when there is no attribute, nil without `<parent>`; `author` = `author/name`
///   with entities decoded; `text` = plain text of `<message>`; time = `<createdAt>`;
/// - `isDeleted` true → `.deleted` (the post, its author and message are kept, as Disqus keeps
///   them), `isSpam` true → `.spam`; a value other than true/false is reported and read as false.
///
/// Threads are listed in order of first appearance (declaration or first post).
///
/// ```swift
/// let corpus = try DisqusImporter().read(InputSource(path: "export.xml"), options: ImportOptions())
/// ```
///
/// - Complexity: O(n) in the size of the input; the whole (decompressed) file is held in memory.
public struct DisqusImporter: ThreadImporter {
    public init() {}

    public var format: InputFormat { .disqus }

    /// Yes when the first element is `<disqus>` (after the XML declaration, comments and a few
    /// stray bytes).
    public func detect(head: [UInt8], fileName: String) -> Bool {
        guard let root = XMLProlog.scan(head).rootName else { return false }
        return XMLNames.split(root).local == "disqus"
    }

    /// Reads the whole export. Throws `.malformed` (with the line) for XML that is not well
    /// formed or has another root, `.empty` when it holds no `<post>`.
    public func read(_ input: InputSource, options: ImportOptions) throws(ImportError) -> Corpus {
        let bytes = try input.readAll()
        let (handler, fileFindings) = try XMLDocumentReader.read(
            bytes, file: input.name, expectedRoot: "disqus", formatName: format.displayName,
            makeHandler: { DisqusHandler() })
        guard handler.postCount > 0 else {
            throw ImportError(.empty, at: SourceLocation(file: input.name),
                              "the Disqus export has \(handler.threadCount) thread(s) but no <post>; nothing to analyze")
        }
        var corpus = DisqusBuilder(file: input.name).build(handler)
        corpus.findings.insert(contentsOf: fileFindings, at: 0)
        if let title = options.title, corpus.threads.count == 1 { corpus.threads[0].title = title }
        return corpus
    }
}
