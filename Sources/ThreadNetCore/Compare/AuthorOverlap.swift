/// Who took part in more than one of several threads, and how similar the threads' author
/// sets are.
///
/// Authors are known authors (``AuthorNetwork/names``), matched by exact name across
/// threads. The Jaccard overlap of threads *i* and *j* is |A_i ∩ A_j| / |A_i ∪ A_j| for
/// their author sets (0 when both are empty).
public struct AuthorOverlap: Sendable {
    /// An author who wrote in two or more threads.
    public struct SharedAuthor: Hashable, Sendable {
        public var name: String
        /// Comments by the author in each thread, in thread order (0 where absent).
        public var comments: [Int]
        /// Threads the author wrote in.
        public var threads: Int { comments.count { $0 > 0 } }
        /// Comments across all threads.
        public var total: Int { comments.reduce(0, +) }
    }

    /// The overlap of one pair of threads (`first` < `second`, indices into the threads).
    public struct Pair: Hashable, Sendable {
        public var first: Int, second: Int
        /// |A_i ∩ A_j| and |A_i ∪ A_j|.
        public var shared: Int, union: Int
        /// shared / union (0 when the union is empty).
        public var jaccard: Double { union == 0 ? 0 : Double(shared) / Double(union) }
    }

    /// Shared authors, most threads first, then most comments, then name.
    public let shared: [SharedAuthor]
    /// Every pair of threads, in (first, second) order.
    public let pairs: [Pair]

    /// The overlap of `threads`.
    ///
    /// - Complexity: O(*c* + *A* · *t* + *t*² · *A*) for *c* comments, *A* distinct authors and *t* threads.
    public init(_ threads: [ThreadAnalysis]) {
        var counts: [String: [Int]] = [:]
        for (k, t) in threads.enumerated() {
            for ac in Metrics.authorCommentCounts(t) {
                counts[ac.name, default: [Int](repeating: 0, count: threads.count)][k] = ac.comments
            }
        }
        shared = counts.compactMap { name, c in c.count { $0 > 0 } >= 2 ? SharedAuthor(name: name, comments: c) : nil }
            .sorted { ($1.threads, $1.total, $0.name) < ($0.threads, $0.total, $1.name) }
        var pairs: [Pair] = []
        let sets = threads.map { Set($0.network.names) }
        for i in sets.indices {
            for j in sets.indices where j > i {
                let s = sets[i].intersection(sets[j]).count
                pairs.append(Pair(first: i, second: j, shared: s, union: sets[i].count + sets[j].count - s))
            }
        }
        self.pairs = pairs
    }
}
