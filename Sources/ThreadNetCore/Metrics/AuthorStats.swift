/// Per-author figures of one thread; see ``Metrics/authorColumns`` for the definitions.
public struct AuthorStats: Hashable, Sendable {
    public var name: String
    public var comments: Int
    public var repliesGiven: Int
    public var repliesReceived: Int
    public var inDegree: Int
    public var outDegree: Int
    public var weightedDegree: Int

    /// One entry per known author, in author-id (first appearance) order.
    ///
    /// - Complexity: O(*n* + *e*).
    static func compute(_ a: ThreadAnalysis) -> [AuthorStats] {
        let net = a.network
        var stats = net.names.map { AuthorStats(name: $0, comments: 0, repliesGiven: 0, repliesReceived: 0, inDegree: 0, outDegree: 0, weightedDegree: 0) }
        for i in 0..<a.comments.count {
            let author = net.commentAuthor[i]
            let p = a.tree.parent[i]
            if author >= 0 {
                stats[Int(author)].comments += 1
                if p >= 0 { stats[Int(author)].repliesGiven += 1 }
            }
            if p >= 0, net.commentAuthor[Int(p)] >= 0 { stats[Int(net.commentAuthor[Int(p)])].repliesReceived += 1 }
        }
        for e in net.edges where e.kind == .reply {
            stats[Int(e.from)].weightedDegree += Int(e.weight)
            stats[Int(e.to)].weightedDegree += Int(e.weight)
            if e.from != e.to {
                stats[Int(e.from)].outDegree += 1
                stats[Int(e.to)].inDegree += 1
            }
        }
        return stats
    }
}
