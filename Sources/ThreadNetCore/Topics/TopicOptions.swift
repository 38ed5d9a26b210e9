/// How comment text becomes topics: a dictionary or automatic key terms, the unit, and the
/// text processing.
public struct TopicOptions: Hashable, Sendable {
    /// The topics to look for; `nil` finds automatic key terms (``KeyTerms``).
    public var dictionary: TopicDictionary?
    /// The co-occurrence unit (`--unit comment|sentence|window:k`); default: the comment.
    public var unit: TopicIncidence.Unit
    /// Count key terms under their Snowball stem (`--stem`); dictionaries always match surface forms.
    public var stem: Bool
    /// The language of the text (`--language`): its stop words and stemmer. nil (the default,
    /// `--language auto`): detected per thread, and over the corpus for corpus-wide terms
    /// (``TopicLanguage/detect(_:)``).
    public var language: TopicLanguage?
    /// The Snowball stemmer `--stem` uses (set with the language by ``in(_:)``; default English,
    /// Porter2).
    public var stemLanguage: String = "english"
    /// *K*, the number of automatic key terms kept (default 30).
    public var maxTerms: Int
    /// The fewest documents an automatic key term must occur in (default 2).
    public var minDocumentFrequency: Int
    /// Words left out of automatic key terms: the English list plus any `--stopwords FILE`.
    public var stopwords: Stopwords
    /// What the tokenizer keeps besides words.
    public var tokenizer: Tokenizer.Options
    /// Whether the root post's text is analysed too (its units have comment `-1`).
    public var includeRoot: Bool

    public init(
        dictionary: TopicDictionary? = nil, unit: TopicIncidence.Unit = .comment, stem: Bool = false,
        maxTerms: Int = 30, minDocumentFrequency: Int = 2, stopwords: Stopwords = .english,
        tokenizer: Tokenizer.Options = Tokenizer.Options(), includeRoot: Bool = true
    ) {
        self.dictionary = dictionary
        self.unit = unit
        self.stem = stem
        self.maxTerms = maxTerms
        self.minDocumentFrequency = minDocumentFrequency
        self.stopwords = stopwords
        self.tokenizer = tokenizer
        self.includeRoot = includeRoot
    }

    /// The largest window `--unit window:K` accepts, in words (a window longer than a comment
    /// holds the whole comment, so larger sizes add nothing).
    public static let maxWindow = 1_000_000

    /// Parses the unit syntax: `comment`, `sentence`, or `window:k` with a whole number
    /// 1 ≤ *k* ≤ ``maxWindow``.
    ///
    /// - Throws: ``TopicInputError`` (no file) saying what is accepted.
    /// - Complexity: O(*m*) in the length of `text`.
    public static func parseUnit(_ text: String) throws(TopicInputError) -> TopicIncidence.Unit {
        let value = text.trimmed.lowercased()
        switch value {
        case "comment": return .comment
        case "sentence": return .sentence
        default:
            if value.hasPrefix("window") {
                let rest = value.dropFirst("window".count)
                guard rest.first == ":" || rest.first == "=" else {
                    throw TopicInputError(file: "", line: nil, message: "--unit window needs a size: window:5")
                }
                guard let k = Int(rest.dropFirst()), k >= 1, k <= maxWindow else {
                    throw TopicInputError(file: "", line: nil, message: "--unit \(text): the window size must be a whole number of words from 1 to \(maxWindow) (window:5)")
                }
                return .window(k)
            }
            throw TopicInputError(file: "", line: nil, message: "--unit \(text): expected comment, sentence or window:K (for example window:5)")
        }
    }
}

extension TopicIncidence.Unit {
    /// The unit as the `--unit` option writes it: `comment`, `sentence`, `window:5`.
    public var optionText: String {
        switch self {
        case .comment: return "comment"
        case .sentence: return "sentence"
        case .window(let k): return "window:\(k)"
        }
    }
}
