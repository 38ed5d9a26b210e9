/// Every thread of a corpus analyzed under one inclusion rule.
public struct CorpusAnalysis: Sendable {
    /// The corpus as imported.
    public let corpus: Corpus
    /// One analysis per non-empty thread, sorted by thread id (then title) for stable output.
    public let threads: [ThreadAnalysis]
    /// The rule that chose the comments.
    public let policy: InclusionPolicy

    /// Analyzes every thread of `corpus`, or only `threadID` when given, under one author `identity` rule.
    ///
    /// Threads are analyzed on all cores; the result does not depend on scheduling.
    public init(corpus: Corpus, policy: InclusionPolicy = .visible, threadID: String? = nil, identity: AuthorIdentity = .default,
                progress: RunProgress = .silent) {
        let chosen = corpus.threads.filter { threadID == nil || $0.id == threadID }
        let sorted = chosen.count > 1 ? chosen.sorted { $0.id != $1.id ? NaturalOrder.less($0.id, $1.id) : $0.title < $1.title } : chosen
        self.corpus = corpus
        progress.begin("analysis", total: sorted.count, unit: "threads")
        self.threads = Parallel.map(sorted, cost: { $0.comments.count }) { t in
            defer { progress.advance() }
            return ThreadAnalysis(thread: t, policy: policy, identity: identity)
        }
        progress.end()
        self.policy = policy
    }
}
