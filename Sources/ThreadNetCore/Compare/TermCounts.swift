/// Term counts of comment text, for ``LogOddsContrast``.
///
/// Terms are the words of the project's ``Tokenizer`` (lower-cased, apostrophes inside words
/// kept, URLs, e-mail addresses and numbers dropped, CJK text as character bigrams) of 2 or
/// more characters that are not stop words (``Stopwords/english`` unless given; the
/// comparison passes the detected language's): the same words the automatic key terms are
/// chosen from, unstemmed.
public enum TermCounts {
    /// Counts the terms of `texts`.
    ///
    /// - Complexity: O(total characters).
    public static func count<S: Sequence>(_ texts: S, stopwords: Stopwords = .english) -> [String: Int] where S.Element == String {
        let tokenizer = Tokenizer()
        var counts: [String: Int] = [:]
        for text in texts {
            for token in tokenizer.tokens(in: text) where token.isCJK || token.text.count >= 2 {
                if !stopwords.contains(token.text) { counts[token.text, default: 0] += 1 }
            }
        }
        return counts
    }

    /// The term counts of every comment of `a`.
    public static func count(_ a: ThreadAnalysis) -> [String: Int] {
        count(a.comments.lazy.map(\.text))
    }
}
