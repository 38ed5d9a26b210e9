/// What the topic analysis of `threadnet analyze` does: the text options, the optional
/// dictionary's file name, and the rule choosing the diagram's edges.
public struct TopicSettings: Sendable {
    /// Text processing, unit and (optional) dictionary.
    public var options: TopicOptions
    /// The dictionary's file name as the report shows it, when there is a dictionary.
    public var dictionaryName: String?
    /// Which pairs the diagrams draw (`--edges`, `--min-count`).
    public var selection: EdgeSelection

    public init(options: TopicOptions = TopicOptions(), dictionaryName: String? = nil, selection: EdgeSelection = .default) {
        self.options = options
        self.dictionaryName = dictionaryName
        self.selection = selection
    }

    /// The settings as the report's provenance lists them (empty for the defaults).
    public var descriptions: [String] {
        var out: [String] = []
        if let dictionaryName { out.append("--topics \(dictionaryName)") }
        if options.unit != .comment { out.append("--unit \(TopicsJSON.unitName(options.unit))") }
        if options.stem { out.append("--stem") }
        if let language = options.language { out.append("--language \(language.name)") }
        let defaults = TopicOptions()
        if options.maxTerms != defaults.maxTerms { out.append("--key-terms \(options.maxTerms)") }
        if options.minDocumentFrequency != defaults.minDocumentFrequency { out.append("--min-comments \(options.minDocumentFrequency)") }
        if options.stopwords != .english { out.append("--stopwords (extra list)") }
        if selection != .default { out.append("--edges \(selection.description)"); out.append("--min-count \(selection.minCount)") }
        return out
    }
}

/// One thread's topics: from the dictionary when one is given, and the automatic key terms.
public struct ThreadTopics: Sendable {
    /// Topics from `--topics FILE`, when given.
    public let dictionary: TopicAnalysis?
    /// The dictionary's file name.
    public let dictionaryName: String?
    /// Automatic key terms (always computed).
    public let keyTerms: TopicAnalysis
    /// The language of the thread's key terms (its stop words and stemmer), fixed or detected.
    public let language: TopicLanguage.Detection

    /// Extracts and analyzes the topics of `analysis`.
    ///
    /// - Complexity: linear in the thread's text, plus the co-occurrence pairs (see
    ///   ``TopicExtractor`` and ``TopicAnalysis``).
    public init(_ analysis: ThreadAnalysis, settings: TopicSettings) {
        let (options, detection) = settings.options.resolved(for: [analysis.thread.root.text] + analysis.comments.lazy.map(\.text))
        language = detection
        if options.dictionary != nil {
            dictionary = TopicAnalysis(incidence: TopicExtractor.incidence(of: analysis, options: options),
                                       analysis: analysis, selection: settings.selection)
        } else {
            dictionary = nil
        }
        dictionaryName = settings.dictionaryName
        var automatic = options
        automatic.dictionary = nil
        keyTerms = TopicAnalysis(incidence: TopicExtractor.incidence(of: analysis, options: automatic),
                                 analysis: analysis, selection: settings.selection)
    }

    /// The analysis drawn as `topics.*`: the dictionary's when there is one, else the key terms.
    public var primary: TopicAnalysis { dictionary ?? keyTerms }
}
