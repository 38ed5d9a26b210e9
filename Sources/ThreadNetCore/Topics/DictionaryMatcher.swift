/// Finds a ``TopicDictionary``'s terms in tokenized text.
///
/// A term matches at token `i` when its first word matches token `i` and each further word
/// matches the next token, each token following the previous directly (``Token/isFollowed(by:)``):
/// a phrase matches across commas, quotes, dashes and brackets (`secure, “communities”`), but
/// not across a sentence end or a dropped URL or number. Matching is case-insensitive on the
/// tokenizer's surface forms (no stemming). The count of a topic in a text is the number of
/// non-overlapping matches of its terms, found left to right taking the longest match at each
/// position, so `illegal immigrants` counts once for a topic listing both `illegal*` and
/// `illegal immigra*`; different topics may match the same tokens.
///
/// - Complexity: O(*n* × *c*) for *n* tokens and *c* candidate terms per token (those whose
///   first word is the token, plus the glob-first terms, cached per distinct token).
public struct DictionaryMatcher: Sendable {
    let patterns: [(topic: Int32, pattern: TermPattern)]
    let exactFirst: [String: [Int32]]
    let globFirst: [Int32]
    var globCache: [String: [Int32]] = [:]

    /// A matcher for `dictionary`'s terms, indexed by their first word.
    ///
    /// - Complexity: O(*t*) for *t* terms.
    public init(_ dictionary: TopicDictionary) {
        var patterns: [(Int32, TermPattern)] = []
        var exact: [String: [Int32]] = [:]
        var glob: [Int32] = []
        for (t, terms) in dictionary.terms.enumerated() {
            for term in terms {
                let id = Int32(patterns.count)
                patterns.append((Int32(t), term))
                switch term.elements[0] {
                case .exact(let word): exact[word, default: []].append(id)
                case .glob: glob.append(id)
                }
            }
        }
        self.patterns = patterns
        self.exactFirst = exact
        self.globFirst = glob
    }

    /// The matches in `tokens`, ordered by start token, then topic. Mutating only to cache
    /// which glob-first terms match each distinct token.
    ///
    /// - Complexity: see the type.
    public mutating func matches(in tokens: [Token]) -> [TopicMatch] {
        var found: [TopicMatch] = []
        for i in tokens.indices {
            let text = tokens[i].text
            var candidates = exactFirst[text] ?? []
            if !globFirst.isEmpty {
                if let cached = globCache[text] {
                    candidates += cached
                } else {
                    let scalars = Array(text.unicodeScalars)
                    let hits = globFirst.filter { id in
                        guard case .glob(let g) = patterns[Int(id)].pattern.elements[0] else { return false }
                        return GlobMatch.matches(g, scalars)
                    }
                    globCache[text] = hits
                    candidates += hits
                }
            }
            for id in candidates {
                let (topic, pattern) = patterns[Int(id)]
                let m = pattern.elements.count
                guard i + m <= tokens.count else { continue }
                var ok = true
                var k = 1
                while ok, k < m {
                    ok = tokens[i + k - 1].isFollowed(by: tokens[i + k])
                        && TermPattern.matches(pattern.elements[k], tokens[i + k].text)
                    k += 1
                }
                if ok { found.append(TopicMatch(topic: topic, start: Int32(i), end: Int32(i + m))) }
            }
        }
        return Self.nonOverlapping(found)
    }

    /// Per topic, keeps matches left to right, the longest at each start, skipping overlaps.
    static func nonOverlapping(_ matches: [TopicMatch]) -> [TopicMatch] {
        guard matches.count > 1 else { return matches }
        let sorted = matches.sorted { ($0.topic, $0.start, $1.end) < ($1.topic, $1.start, $0.end) }
        var kept: [TopicMatch] = []
        var lastTopic: Int32 = -1
        var lastEnd: Int32 = 0
        for m in sorted {
            if m.topic != lastTopic {
                lastTopic = m.topic
                lastEnd = 0
            }
            if m.start >= lastEnd {
                kept.append(m)
                lastEnd = m.end
            }
        }
        return kept.sorted { ($0.start, $0.topic) < ($1.start, $1.topic) }
    }
}
