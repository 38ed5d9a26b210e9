import Foundation

/// Who counts as which author: name variants merged, authors left out, and whether the
/// article's author joins the author network.
///
/// The default matches names exactly after trimming, leaves nobody out and keeps the article's
/// author out of the network. Deleted, empty or anonymous names (``AuthorNetwork/isUnknown(_:)``)
/// are always the unknown bucket, whatever the aliases say.
///
/// ```swift
/// let identity = try AuthorIdentity(aliasFile: "aliases.txt", excluding: ["AutoModerator"])
/// let analysis = ThreadAnalysis(thread: thread, identity: identity)
/// ```
public struct AuthorIdentity: Hashable, Sendable {
    /// Name variant → the author it stands for (both trimmed).
    public var aliases: [String: String]
    /// Authors left out of the author network (after aliases are applied). Their comments stay in
    /// the reply tree and are counted as comments by excluded authors.
    public var excluded: Set<String>
    /// Whether the root post's author is a node, with top-level comments as replies to them.
    public var includeArticleAuthor: Bool

    /// Exact names, nobody excluded, the article's author left out.
    public static let `default` = AuthorIdentity()

    public init(aliases: [String: String] = [:], excluded: Set<String> = [], includeArticleAuthor: Bool = false) {
        self.aliases = aliases
        self.excluded = excluded
        self.includeArticleAuthor = includeArticleAuthor
    }

    /// What becomes of one raw author name.
    public enum Resolution: Hashable, Sendable {
        /// A known author, by canonical name.
        case author(String)
        /// Deleted, empty or anonymous: the unknown bucket.
        case unknown
        /// Left out with `--exclude-author`.
        case excluded
    }

    /// Resolves `name`: trimmed, unknown names to the bucket, aliases to their author, excluded
    /// authors left out.
    public func resolve(_ name: String) -> Resolution {
        if AuthorNetwork.isUnknown(name) { return .unknown }
        let trimmed = name.trimmed
        let canonical = aliases[trimmed] ?? trimmed
        return excluded.contains(canonical) ? .excluded : .author(canonical)
    }

    /// Settings in the form the report's provenance lists them (empty for the default).
    public var optionDescriptions: [String] {
        var out: [String] = []
        if !aliases.isEmpty { out.append("aliases: \(aliases.count) name variant\(aliases.count == 1 ? "" : "s")") }
        for name in excluded.sorted() { out.append("--exclude-author \(name)") }
        if includeArticleAuthor { out.append("--include-article-author") }
        return out
    }
}

extension AuthorIdentity {
    /// An alias file that cannot be used, with the line at fault.
    public struct AliasFileError: Error, Hashable, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
    }

    /// Reads an alias file: UTF-8 text, one author per line as `Canonical = variant = variant …`
    /// (names separated by ` = `, surrounding blanks trimmed); blank lines and lines starting
    /// with `#` are ignored.
    ///
    /// A variant given for two different authors is an error naming both lines.
    public static func parseAliases(_ text: String, file: String) throws(AliasFileError) -> [String: String] {
        var aliases: [String: String] = [:]
        var seenAt: [String: Int] = [:]
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = String(raw).trimmed
            if line.isEmpty || line.hasPrefix("#") { continue }
            let names = line.components(separatedBy: " = ").map(\.trimmed)
            guard names.count >= 2, !names.contains(where: \.isEmpty) else {
                throw AliasFileError(file: file, line: lineNumber,
                    message: "expected `Canonical name = variant` (names separated by \" = \"), found \"\(Escaping.excerpt(line, limit: 60))\"")
            }
            let canonical = names[0]
            for variant in names {
                if let other = aliases[variant], other != canonical {
                    throw AliasFileError(file: file, line: lineNumber,
                        message: "\"\(variant)\" is already an alias of \"\(other)\" (line \(seenAt[variant] ?? 0))")
                }
                aliases[variant] = canonical
                seenAt[variant] = seenAt[variant] ?? lineNumber
            }
        }
        // Canonical names map to themselves; drop those entries so that `aliases` holds variants only.
        return aliases.filter { $0.key != $0.value }
    }

    /// Reads the alias file at `path` (see ``parseAliases(_:file:)``).
    public static func loadAliases(path: String) throws(AliasFileError) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AliasFileError(file: path, line: nil, message: "cannot read the alias file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AliasFileError(file: path, line: nil, message: "the alias file is not UTF-8 text")
        }
        return try parseAliases(text, file: (path as NSString).lastPathComponent)
    }
}
