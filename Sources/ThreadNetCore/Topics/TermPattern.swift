/// One dictionary term: a word or phrase, each word exact or a glob.
///
/// Terms are written as in quanteda dictionaries: words separated by spaces (`secure
/// communities`), `*` for any run of characters and `?` for one character, anywhere in a word
/// (`immigra*`, `*crime*`). Matching is on the tokenizer's normalised surface forms: lower case,
/// `'` for apostrophes; a trailing dot is ignored (`U.S.` → `u.s`). A word written in a script
/// without spaces (Han, Kana, Hangul) is cut into character bigrams like the text, so `移民政策`
/// matches the three bigram tokens of that run; a single CJK character matches only a
/// one-character run (write `*民*` to find it inside longer runs).
public struct TermPattern: Hashable, Sendable {
    /// One word of a term.
    public enum Element: Hashable, Sendable {
        /// A word matched exactly.
        case exact(String)
        /// A word with `*` / `?` wildcards, as Unicode scalars.
        case glob([Unicode.Scalar])
    }

    /// The words, in order; at least one.
    public var elements: [Element]
    /// The term as written in the dictionary.
    public var source: String

    /// Parses a term; `nil` when it has no words.
    ///
    /// - Complexity: O(*m*) in the length of the term.
    public init?(_ term: String) {
        var elements: [Element] = []
        for raw in term.split(whereSeparator: { $0.isWhitespace }) {
            var word = Stopwords.normalise(String(raw))
            while word.count > 1, word.hasSuffix(".") { word.removeLast() }
            let scalars = Array(word.unicodeScalars)
            if scalars.contains(where: { $0 == "*" || $0 == "?" }) {
                elements.append(.glob(scalars))
            } else if scalars.count > 1, scalars.allSatisfy(TokenizerRun.isCJK) {
                for k in 0..<(scalars.count - 1) {
                    elements.append(.exact(String(String.UnicodeScalarView(scalars[k...(k + 1)]))))
                }
            } else {
                elements.append(.exact(word))
            }
        }
        guard !elements.isEmpty else { return nil }
        self.elements = elements
        self.source = term
    }

    /// Whether `element` matches `token`.
    @inlinable
    public static func matches(_ element: Element, _ token: String) -> Bool {
        switch element {
        case .exact(let word): return word == token
        case .glob(let pattern): return GlobMatch.matches(pattern, Array(token.unicodeScalars))
        }
    }
}

/// Wildcard matching of `*` (any run, possibly empty) and `?` (one scalar).
public enum GlobMatch {
    /// Whether `text` matches `pattern` as a whole.
    ///
    /// Iterative, with one backtracking point (the last `*`), so no recursion.
    /// - Complexity: O(*p* × *t*) in the worst case, O(*p* + *t*) for the usual prefix globs.
    public static func matches(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
        var p = 0, t = 0
        var star = -1, mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || (pattern[p] != "*" && pattern[p] == text[t]) {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
