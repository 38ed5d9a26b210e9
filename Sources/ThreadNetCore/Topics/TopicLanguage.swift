/// The language of a thread's text, for automatic key terms: which stop words are left out and
/// which Snowball stemmer `--stem` uses.
///
/// English uses ThreadNet's list (``Stopwords/english``: Snowball's, the words it names in
/// comments, and conversational words); every other language Snowball publishes a stop list for
/// (Danish, Dutch, Finnish, French, German, Hungarian, Italian, Nepali, Norwegian, Portuguese,
/// Russian, Spanish, Swedish, Turkish) uses that list as published.
///
/// **Detection** (`--language auto`, the default): the first ``detectionTokens`` words of the
/// text are looked up in every language's Snowball stop list (for English the list as
/// published, so that every language is judged alike); the language whose list covers the
/// largest share of the words wins, provided that share is at least ``minimumShare`` (running
/// text in any of these languages is 30–50 % stop words); otherwise — too little text, or a
/// language without a list (Chinese, Japanese) — English is kept, and the detection says it was
/// not decided. Ties go to English, then to the alphabetically first language.
public struct TopicLanguage: Hashable, Sendable {
    /// The Snowball algorithm name (`english`, `german`, …).
    public let name: String
    /// The stop words left out of key terms.
    public let stopwords: Stopwords

    /// English, with ThreadNet's stop words.
    public static let english = TopicLanguage(name: "english", stopwords: .english)

    /// Every language with a stop list, English first, then by name.
    public static let all: [TopicLanguage] = [english] + Stopwords.snowballLists.keys.sorted().map {
        TopicLanguage(name: $0, stopwords: Stopwords(Stopwords.snowballLists[$0]!))
    }

    /// The language called `name` (a Snowball name such as `german`, any case), or nil.
    public static func named(_ name: String) -> TopicLanguage? {
        let n = name.lowercased()
        return all.first { $0.name == n }
    }

    /// Words looked at by ``detect(_:)``.
    public static let detectionTokens = 20_000
    /// The smallest share of stop words that decides a language.
    public static let minimumShare = 0.1

    /// The outcome of ``detect(_:)``.
    public struct Detection: Hashable, Sendable {
        /// The language chosen (English when undecided).
        public var language: TopicLanguage
        /// Whether the text decided it (false: English by default).
        public var decided: Bool
        /// The share of the words looked at that are the chosen language's stop words.
        public var share: Double
        /// Words looked at.
        public var words: Int
    }

    /// Detects the language of `texts` (see the type's description).
    ///
    /// - Complexity: O(text up to ``detectionTokens`` words · languages).
    public static func detect<S: Sequence>(_ texts: S) -> Detection where S.Element == String {
        detect(masks: masks(of: texts))
    }

    /// The first ``detectionTokens`` words of `texts` (CJK left out), each as the set of
    /// languages whose detection list holds it: bit *k* set when ``all``[*k*]'s list does (for
    /// English the Snowball list as published).
    ///
    /// - Complexity: O(text up to `limit` words · languages).
    static func masks<S: Sequence>(of texts: S, limit: Int = detectionTokens) -> [UInt32] where S.Element == String {
        let tokenizer = Tokenizer()
        var masks: [UInt32] = []
        guard limit > 0 else { return masks }
        outer: for text in texts {
            for token in tokenizer.tokens(in: text) where !token.isCJK {
                var mask: UInt32 = 0
                for (k, list) in detectionLists.enumerated() where list.contains(token.text) { mask |= 1 << UInt32(k) }
                masks.append(mask)
                if masks.count >= limit { break outer }
            }
        }
        return masks
    }

    /// The stop lists detection compares, in the order of ``all``.
    static let detectionLists: [Stopwords] = all.map { $0.name == "english" ? Stopwords.snowballEnglish : $0.stopwords }

    /// Detects the language of words given as ``masks(of:limit:)`` (the first
    /// ``detectionTokens`` are used).
    static func detect<S: Sequence>(masks: S) -> Detection where S.Element == UInt32 {
        var counts = [Int](repeating: 0, count: all.count)
        var words = 0
        for mask in masks {
            if words >= detectionTokens { break }
            words += 1
            for k in counts.indices where mask & (1 << UInt32(k)) != 0 { counts[k] += 1 }
        }
        guard words > 0, let best = counts.indices.max(by: { (counts[$0], $1) < (counts[$1], $0) }) else {
            return Detection(language: english, decided: false, share: 0, words: words)
        }
        let share = Double(counts[best]) / Double(words)
        guard share >= minimumShare else {
            return Detection(language: english, decided: false, share: Double(counts[0]) / Double(words), words: words)
        }
        return Detection(language: all[best], decided: true, share: share, words: words)
    }
}

extension TopicOptions {
    /// These options for a text in `language`: its stop words in place of English's (words added
    /// with `--stopwords` kept), and its stemmer for `--stem`.
    public func `in`(_ language: TopicLanguage) -> TopicOptions {
        var o = self
        o.stemLanguage = language.name
        if language.name != TopicLanguage.english.name {
            o.stopwords = language.stopwords.union(stopwords.subtracting(.english))
        }
        return o
    }

    /// The options for the texts of one thread or corpus: ``language`` when set, else the
    /// language ``TopicLanguage/detect(_:)`` finds in `texts`; with that detection.
    public func resolved<S: Sequence>(for texts: S) -> (options: TopicOptions, detection: TopicLanguage.Detection) where S.Element == String {
        if let language {
            return (self.in(language), TopicLanguage.Detection(language: language, decided: true, share: .nan, words: 0))
        }
        let d = TopicLanguage.detect(texts)
        return (self.in(d.language), d)
    }
}

extension TopicLanguage.Detection {
    /// One sentence for a report: the language and how it was chosen.
    public var sentence: String {
        let name = language.name.prefix(1).uppercased() + language.name.dropFirst()
        if words == 0 && decided { return "Key terms in \(name) (`--language \(language.name)`): its stop words left out\(language.name == "english" ? "" : ", its Snowball stemmer for `--stem`")." }
        let percent = Int((share * 100).rounded())
        if decided {
            return "Key terms in \(name), detected: \(percent) % of the first \(words) words are \(name) stop words, more than for any other language with a Snowball stop list (`--language` sets it)."
        }
        return "Key terms in English by default: no language's stop words made up \(Int(TopicLanguage.minimumShare * 100)) % of the \(words) words read (`--language` sets it)."
    }
}
