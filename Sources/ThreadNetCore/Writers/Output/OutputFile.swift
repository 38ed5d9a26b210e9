/// One file of a report, not yet written: its path and the writer that streams its contents.
///
/// Bundles (``ReportBundle``, ``ComparisonBundle``) list their files this way so that the
/// command line can write each one into its own ``TextOutput`` as it goes (several at once),
/// and tests can read any one as text (``contents``).
public struct OutputFile: Sendable {
    /// The path relative to the output folder.
    public var path: String
    /// Writes the file's contents into an output.
    public let write: @Sendable (TextOutput) -> Void

    /// A file whose contents `write` streams.
    public init(path: String, write: @escaping @Sendable (TextOutput) -> Void) {
        self.path = path
        self.write = write
    }

    /// A file whose contents are already known.
    public init(path: String, contents: String) {
        self.path = path
        self.write = { $0.write(contents) }
    }

    /// The contents, written into memory.
    ///
    /// - Complexity: that of the writer; memory O(the file's size).
    public var contents: String { TextOutput.text(write) }
}
