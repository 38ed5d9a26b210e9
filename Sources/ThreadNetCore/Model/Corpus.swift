/// Everything read from one input: one or more threads plus the file-level findings.
public struct Corpus: Hashable, Sendable {
    /// The input's format, as detected or as forced with `--format`.
    public var format: InputFormat
    /// Non-empty threads, in the order the importer found them.
    public var threads: [CommentThread]
    /// Threads the input declares that hold no comments (counted, not listed).
    public var emptyThreadCount: Int
    /// Findings that concern the file rather than one thread (a skipped NDJSON line).
    public var findings: [Finding]

    public init(format: InputFormat, threads: [CommentThread], emptyThreadCount: Int = 0, findings: [Finding] = []) {
        self.format = format
        self.threads = threads
        self.emptyThreadCount = emptyThreadCount
        self.findings = findings
    }
}
