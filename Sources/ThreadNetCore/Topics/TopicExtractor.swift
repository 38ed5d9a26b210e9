/// Turns a thread's text into a ``TopicIncidence``: which topics occur in which units.
///
/// Documents are the root post (when ``TopicOptions/includeRoot`` and its text has words;
/// comment `-1`) followed by the analysed comments in order. Each is tokenized (``Tokenizer``);
/// topics are found with the dictionary (``DictionaryMatcher``) or as automatic key terms
/// (``KeyTerms``); then matches are gathered into units:
/// - `comment`: one unit per comment, even one without words (so unit counts equal comment
///   counts), and one for the root post when it has words;
/// - `sentence`: one unit per sentence that has words; a match belongs to the sentence of its
///   first token (phrases never cross sentences);
/// - `window(k)`: windows of *k* consecutive tokens sliding one token at a time, within one
///   document and across its sentences (max(1, *n* − *k* + 1) windows for *n* ≥ 1 tokens, none
///   for a document without words); a match counts in a window when all its tokens are inside.
///
/// A unit's count for a topic is its number of matches (≥ 1); topic ids are ascending within
/// each unit.
public enum TopicExtractor {
    /// The topic incidence of `analysis` under `options`.
    ///
    /// - Complexity: O(*n* log *n*) for *n* tokens (plus *k* per window for window units).
    public static func incidence(of analysis: ThreadAnalysis, options: TopicOptions) -> TopicIncidence {
        let (documents, owners) = tokenize(analysis, options: options)
        if let dictionary = options.dictionary {
            var matcher = DictionaryMatcher(dictionary)
            let matches = documents.map { matcher.matches(in: $0) }
            return build(unit: options.unit, topics: dictionary.topics, documents: documents, owners: owners, matches: matches)
        }
        let keyTerms = keyTerms(documents: documents, options: options)
        return build(unit: options.unit, topics: keyTerms.terms.map(\.label), documents: documents, owners: owners, matches: keyTerms.matches)
    }

    /// The automatic key terms of `analysis` (with their counts and G²), as ``incidence(of:options:)``
    /// uses them when no dictionary is given.
    public static func keyTerms(of analysis: ThreadAnalysis, options: TopicOptions) -> KeyTerms {
        keyTerms(documents: tokenize(analysis, options: options).documents, options: options)
    }

    static func keyTerms(documents: [[Token]], options: TopicOptions) -> KeyTerms {
        KeyTerms(documents: documents, stopwords: options.stopwords, stem: options.stem, stemLanguage: options.stemLanguage,
                 maxTerms: options.maxTerms, minDocumentFrequency: options.minDocumentFrequency)
    }

    /// The documents' tokens and, for each, its comment index (`-1` for the root post).
    static func tokenize(_ analysis: ThreadAnalysis, options: TopicOptions) -> (documents: [[Token]], owners: [Int32]) {
        let tokenizer = Tokenizer(options: options.tokenizer)
        var documents: [[Token]] = []
        var owners: [Int32] = []
        documents.reserveCapacity(analysis.comments.count + 1)
        owners.reserveCapacity(analysis.comments.count + 1)
        if options.includeRoot {
            let tokens = tokenizer.tokens(in: analysis.thread.root.text)
            if !tokens.isEmpty {
                documents.append(tokens)
                owners.append(-1)
            }
        }
        for (i, c) in analysis.comments.enumerated() {
            documents.append(tokenizer.tokens(in: c.text))
            owners.append(Int32(i))
        }
        return (documents, owners)
    }

    /// Gathers per-document matches into units.
    static func build(unit: TopicIncidence.Unit, topics: [String], documents: [[Token]], owners: [Int32], matches: [[TopicMatch]]) -> TopicIncidence {
        var builder = IncidenceBuilder(topicCount: topics.count)
        for d in documents.indices {
            let tokens = documents[d], found = matches[d], owner = owners[d]
            switch unit {
            case .comment:
                for m in found { builder.add(m.topic) }
                builder.closeUnit(owner)
            case .sentence:
                guard !tokens.isEmpty else { continue }
                var next = 0
                var sentence = tokens[0].sentence
                var i = 0
                while i < tokens.count {
                    sentence = tokens[i].sentence
                    while next < found.count, tokens[Int(found[next].start)].sentence == sentence {
                        builder.add(found[next].topic)
                        next += 1
                    }
                    while i < tokens.count, tokens[i].sentence == sentence { i += 1 }
                    builder.closeUnit(owner)
                }
            case .window(let size):
                guard !tokens.isEmpty else { continue }
                let k = min(max(1, size), TopicOptions.maxWindow) // positions stay within Int32
                let windows = max(1, tokens.count - k + 1)
                // A window [s, s + k) holds the matches with start ≥ s and end ≤ s + k: take
                // matches in order of their end as the window's end passes it, and let go of
                // those whose start the window's start has passed.
                let byEnd = found.indices.sorted { (found[$0].end, found[$0].start) < (found[$1].end, found[$1].start) }
                var e = 0
                var active: [Int] = []
                for s in 0..<windows {
                    let first = Int32(s), limit = Int32(s + k)
                    while e < byEnd.count, found[byEnd[e]].end <= limit {
                        if found[byEnd[e]].start >= first { active.append(byEnd[e]) }
                        e += 1
                    }
                    active.removeAll { found[$0].start < first }
                    for j in active { builder.add(found[j].topic) }
                    builder.closeUnit(owner)
                }
            }
        }
        return builder.incidence(unit: unit, topics: topics)
    }
}

extension ThreadAnalysis {
    /// This thread's topic incidence; see ``TopicExtractor/incidence(of:options:)``.
    public func topicIncidence(_ options: TopicOptions = TopicOptions()) -> TopicIncidence {
        TopicExtractor.incidence(of: self, options: options)
    }
}
