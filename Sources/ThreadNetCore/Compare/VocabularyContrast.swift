/// The words that set compared threads apart, by ``LogOddsContrast``.
///
/// Two threads: one contrast, the first against the second (prior: their pooled counts).
/// Three or more: each thread against the rest of them pooled (prior: all threads' pooled
/// counts). Terms come from ``TermCounts``.
public struct VocabularyContrast: Sendable {
    /// One contrast: column `column` against column `other`, or against the rest when nil.
    public struct Entry: Sendable {
        public var column: Int
        public var other: Int?
        public var contrast: LogOddsContrast
    }

    public let entries: [Entry]

    /// - Complexity: O(total text + *t* · *V* log *V*) for *t* threads and *V* distinct terms.
    ///
    /// - Parameters:
    ///   - threads: the threads, one column each.
    ///   - language: whose stop words are left out; nil: detected from the threads' text
    ///     (``TopicLanguage/detect(_:)``).
    public init(_ threads: [ThreadAnalysis], language: TopicLanguage? = nil) {
        let stopwords = Self.stopwords(threads, language)
        self.init(counts: Parallel.map(threads, cost: { $0.comments.count }) { TermCounts.count($0.comments.lazy.map(\.text), stopwords: stopwords) })
    }

    static func stopwords(_ threads: [ThreadAnalysis], _ language: TopicLanguage?) -> Stopwords {
        (language ?? TopicLanguage.detect(threads.lazy.flatMap { $0.comments.lazy.map(\.text) }).language).stopwords
    }

    /// The contrast of groups of threads: each group's term counts are the sum over its
    /// threads (`groups` holds indices into `threads`); columns are groups.
    ///
    /// - Complexity: O(total text + *g* · *V* log *V*) for *g* groups.
    public init(_ threads: [ThreadAnalysis], groups: [[Int]], language: TopicLanguage? = nil) {
        let stopwords = Self.stopwords(threads, language)
        let perThread = Parallel.map(threads, cost: { $0.comments.count }) { TermCounts.count($0.comments.lazy.map(\.text), stopwords: stopwords) }
        self.init(counts: groups.map { members in
            var sum: [String: Int] = [:]
            for k in members { sum.merge(perThread[k], uniquingKeysWith: +) }
            return sum
        })
    }

    /// The contrast of term counts, one per column (two: the first against the second; more:
    /// each against the rest pooled).
    public init(counts: [[String: Int]]) {
        if counts.count == 2 {
            entries = [Entry(column: 0, other: 1, contrast: LogOddsContrast(counts[0], counts[1]))]
        } else if counts.count >= 3 {
            var all: [String: Int] = [:]
            for c in counts { all.merge(c, uniquingKeysWith: +) }
            entries = counts.indices.map { k in
                var rest = all
                for (w, n) in counts[k] {
                    let left = (rest[w] ?? 0) - n
                    rest[w] = left > 0 ? left : nil
                }
                return Entry(column: k, other: nil, contrast: LogOddsContrast(counts[k], rest, background: all))
            }
        } else {
            entries = []
        }
    }
}
