/// The registry of importers: detection by content and reading with the right one.
public enum Importers {
    /// Every importer, most specific first: detection asks them in this order.
    /// Generic CSV and JSON come after every platform format, and pasted text last.
    public static let all: [any ThreadImporter] = [
        WXRImporter(), DisqusImporter(), RedditImporter(), HNAlgoliaImporter(), MastodonImporter(),
        DiscourseImporter(), YouTubeImporter(), HNFirebaseImporter(), PushshiftImporter(),
        GenericJSONImporter(), CSVImporter(), TextImporter(),
    ]

    /// The importer for `format`.
    public static func importer(for format: InputFormat) -> (any ThreadImporter)? {
        all.first { $0.format == format }
    }

    /// Detects the format of `input` from its first 64 KiB (decompressed).
    ///
    /// - Throws: ``ImportError/Kind/unknownFormat`` naming every format tried.
    public static func detect(_ input: InputSource) throws(ImportError) -> InputFormat {
        let head = try input.head()
        if head.isEmpty { throw ImportError(.empty, at: SourceLocation(file: input.name), "the file is empty") }
        if head.prefix(8192).contains(0), !(head.count >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF))) {
            throw ImportError(.encoding, at: SourceLocation(file: input.name), "binary file, not text (it contains NUL bytes)")
        }
        for importer in all where importer.detect(head: head, fileName: input.baseName) {
            return importer.format
        }
        // Pasted text stays the default for .txt files, so that its own error explains what a
        // comment header looks like.
        let lowered = input.baseName.lowercased()
        if [".txt", ".txt.gz", ".txt.zst", ".text"].contains(where: { lowered.hasSuffix($0) }) { return .text }
        throw ImportError(.unknownFormat, at: SourceLocation(file: input.name),
            "matches no supported format (tried \(all.map(\.format.rawValue).joined(separator: ", "))); use --format to say which it is")
    }

    /// Reads `input` with the format forced in `options` or detected from its content.
    ///
    /// `progress` counts the bytes read (phase `reading`) for the importers that stream.
    public static func read(_ input: InputSource, options: ImportOptions = ImportOptions(), progress: RunProgress = .silent) throws(ImportError) -> Corpus {
        let format: InputFormat
        if let forced = options.format { format = forced } else { format = try detect(input) }
        guard let importer = importer(for: format) else {
        throw ImportError(.unknownFormat, at: SourceLocation(file: input.name), "no importer for format \(format.rawValue)")
        }
        progress.begin("reading", total: input.byteCount, unit: "bytes")
        defer { progress.end() }
        var bounded = input.counting(progress)
        bounded.limits = options.limits
        let corpus = try importer.read(bounded, options: options)
        if corpus.threads.allSatisfy({ $0.comments.isEmpty }) {
            throw ImportError(.empty, at: SourceLocation(file: input.name), "no comments found in this \(format.displayName) file")
        }
        if let id = options.threadID, !corpus.threads.contains(where: { $0.id == id }) {
            let known = corpus.threads.prefix(10).map(\.id).joined(separator: ", ")
            throw ImportError(.empty, at: SourceLocation(file: input.name), "no thread with id \(id) (threads: \(known)\(corpus.threads.count > 10 ? ", …" : ""))")
        }
        return corpus
    }
}
