/// Term counts of comment text, for ``LogOddsContrast``.
///
/// PROVISIONAL TOKENIZER — the one place comparison text is split into words. A term is a
/// maximal run of letters or digits, lower-cased, of 2 or more characters, not in
/// ``stopwords``. The project's `Tokenizer` (`Sources/ThreadNetCore/Topics/`) replaces this
/// splitter when it lands; only ``count(_:)`` changes then.
public enum TermCounts {
    /// A small English stopword list (articles, pronouns, auxiliaries, prepositions,
    /// conjunctions).
    public static let stopwords: Set<String> = [
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because",
        "been", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he",
        "her", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "more", "my",
        "no", "not", "of", "on", "one", "or", "our", "out", "so", "some", "than", "that", "the", "their",
        "them", "then", "there", "these", "they", "this", "to", "up", "us", "was", "we", "were", "what",
        "when", "which", "who", "will", "with", "would", "you", "your", "s", "t", "don", "re", "ve", "ll", "m", "d",
    ]

    /// Counts the terms of `texts`.
    ///
    /// - Complexity: O(total characters).
    public static func count<S: Sequence>(_ texts: S) -> [String: Int] where S.Element == String {
        var counts: [String: Int] = [:]
        for text in texts {
            var word = ""
            func flush() {
                if word.count >= 2, !stopwords.contains(word) { counts[word, default: 0] += 1 }
                word = ""
            }
            for c in text.lowercased() {
                if c.isLetter || c.isNumber { word.append(c) } else { flush() }
            }
            flush()
        }
        return counts
    }

    /// The term counts of every comment of `a`.
    public static func count(_ a: ThreadAnalysis) -> [String: Int] {
        count(a.comments.lazy.map(\.text))
    }
}
