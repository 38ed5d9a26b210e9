import Foundation

/// Named topics, each a list of terms (words or phrases with `*` / `?` globs).
///
/// Read from a quanteda YAML dictionary (``parseYAML(_:file:)``) or a LIWC-style `.dic`
/// (``parseLIWC(_:file:)``). Topics keep the file's order; a nested YAML topic is named by its
/// path joined with `/` (`immigration/enforcement`). A parent topic does **not** collect its
/// children's terms: only keys whose value is a list of terms become topics, so topics never
/// contain one another and their co-occurrence is never trivially certain.
public struct TopicDictionary: Hashable, Sendable {
    /// Topic names, in the file's order.
    public private(set) var topics: [String]
    /// For each topic, its terms in the file's order (duplicates removed).
    public private(set) var terms: [[TermPattern]]

    /// A dictionary from `(topic, terms)` pairs, in order; empty terms are skipped.
    public init(_ entries: [(topic: String, terms: [String])]) {
        topics = entries.map(\.topic)
        terms = entries.map { entry in
            var seen = Set<String>()
            return entry.terms.compactMap(TermPattern.init).filter { seen.insert($0.source).inserted }
        }
    }

    /// The format of a dictionary file.
    public enum Format: Hashable, Sendable {
        /// quanteda's YAML dictionary.
        case yaml
        /// LIWC-style `.dic`: a `%` header of numbered categories, then `term<TAB>ids`.
        case liwc
    }

    /// Reads a dictionary file: `.dic` is LIWC; `.yml` / `.yaml` is YAML; otherwise a file whose
    /// first non-blank line is `%` is LIWC and anything else YAML.
    ///
    /// - Throws: ``TopicInputError`` naming the file and, where known, the line.
    /// - Complexity: O(*n*) in the size of the file.
    public init(contentsOf url: URL) throws(TopicInputError) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw TopicInputError(file: url.path, line: nil, message: "cannot read the dictionary: \(error.localizedDescription)")
        }
        let ext = url.pathExtension.lowercased()
        let format: Format
        if ext == "dic" {
            format = .liwc
        } else if ext == "yml" || ext == "yaml" {
            format = .yaml
        } else {
            let firstLine = text.split(whereSeparator: \.isNewline).first { !$0.trimmed.isEmpty }
            format = firstLine?.trimmed == "%" ? .liwc : .yaml
        }
        self = try Self.parse(text, file: url.path, format: format)
    }

    /// Parses dictionary text in the given format; `file` names it in errors.
    ///
    /// - Complexity: O(*n*) in the size of the text.
    public static func parse(_ text: String, file: String, format: Format) throws(TopicInputError) -> TopicDictionary {
        switch format {
        case .yaml: return try parseYAML(text, file: file)
        case .liwc: return try parseLIWC(text, file: file)
        }
    }
}
