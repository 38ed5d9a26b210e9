/// The distinct topics of each comment (the union over its units) and of the root post, in
/// CSR form: what "a comment carries a topic" means for ``AuthorTopicTable`` and
/// ``TopicDepthProfile``.
struct CommentTopics: Sendable {
    /// CSR offsets into ``topicIDs`` by comment; count: comments + 1.
    let start: [Int32]
    /// Each comment's distinct topic ids, ascending, concatenated.
    let topicIDs: [Int32]
    /// The root post's distinct topic ids (units with `unitComment == -1`), ascending.
    let article: [Int32]

    /// Groups the units of `incidence` by comment; `comments` is the thread's comment count.
    ///
    /// - Complexity: O(*m* + *c* + *t*) for *m* unit–topic entries, *c* comments and *t*
    ///   topics, plus sorting each comment's (short) list.
    init(_ incidence: TopicIncidence, comments: Int) {
        // Entries per comment, then fill buckets, then drop repeats per comment.
        var start = [Int32](repeating: 0, count: comments + 2)
        for u in 0..<incidence.unitCount {
            let c = Int(incidence.unitComment[u])
            precondition(c >= -1 && c < comments, "unit \(u) names comment \(c) of \(comments)")
            start[c + 2] += incidence.unitStart[u + 1] - incidence.unitStart[u]
        }
        for s in 1..<start.count { start[s] += start[s - 1] }
        var fill = start
        var bucket = [Int32](repeating: 0, count: Int(start[comments + 1]))
        for u in 0..<incidence.unitCount {
            let slot = Int(incidence.unitComment[u]) + 1
            for t in incidence.topics(of: u) {
                bucket[Int(fill[slot])] = t
                fill[slot] += 1
            }
        }
        var seen = [Int32](repeating: -2, count: incidence.topics.count)
        var distinct = [Int32](repeating: 0, count: comments + 2)
        var ids: [Int32] = []
        ids.reserveCapacity(bucket.count)
        for slot in 0..<(comments + 1) {
            let from = ids.count
            for t in bucket[Int(start[slot])..<Int(start[slot + 1])] where seen[Int(t)] != Int32(slot) {
                seen[Int(t)] = Int32(slot)
                ids.append(t)
            }
            ids[from...].sort()
            distinct[slot + 1] = Int32(ids.count)
        }
        // Slot 0 is the root post; slots 1… are the comments.
        self.article = Array(ids[0..<Int(distinct[1])])
        self.topicIDs = Array(ids[Int(distinct[1])...])
        self.start = distinct[1...].map { $0 - distinct[1] }
    }

    /// Number of comments.
    var count: Int { start.count - 1 }

    /// The distinct topic ids of comment `c`.
    func topics(of c: Int) -> ArraySlice<Int32> {
        topicIDs[Int(start[c])..<Int(start[c + 1])]
    }
}
