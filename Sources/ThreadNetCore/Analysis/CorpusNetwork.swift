/// The corpus-wide author network: who replies to whom across every thread of a corpus.
///
/// Nodes are the known authors of all threads, matched by name (after aliases), in order of
/// first appearance (threads in corpus order, comments in source order); the unknown bucket
/// and excluded authors are not nodes, as in a thread's ``AuthorNetwork``. An edge
/// `a → b` with weight *w* means *a* wrote *w* comments, in any threads, that directly reply
/// to a comment by *b*. Self-replies are counted apart (``selfReplies``) and dropped, so the
/// graph and its ``measures`` follow the same convention as a thread's (``WeightedDigraph``).
/// Mention, quote and reference links are not part of the graph.
///
/// ```swift
/// let network = CorpusNetwork(analysis.threads)
/// network.measures.edgeReciprocity
/// ```
public struct CorpusNetwork: Sendable {
    /// Author names, indexed by corpus author id.
    public let names: [String]
    /// Comments each author wrote, over all threads. Unit: comments.
    public let comments: [Int32]
    /// Threads each author wrote in. Unit: threads.
    public let threads: [Int32]
    /// Replies each author wrote to another comment (of anyone), over all threads. Unit: comments.
    public let repliesGiven: [Int32]
    /// The reply graph, weights summed over threads, self-loops dropped.
    public let graph: WeightedDigraph
    /// Every measure of ``graph`` (``NetworkMeasures``).
    public let measures: NetworkMeasures
    /// Comments that directly reply to a comment by the same author, over all threads.
    /// Unit: comments.
    public var selfReplies: Int { Int(graph.loopWeight) }
    /// When each author first commented (seconds since 1970, UTC), sorted; authors without a
    /// timed comment are not in it. With ``edgeArrivals``, how the network grew.
    public let authorArrivals: [Double]
    /// When each reply edge between different authors (replier → replied-to, both known)
    /// first appeared: the time of the first timed reply along it, sorted.
    public let edgeArrivals: [Double]

    /// The network's size at the end of each bin of `timeline` and at the last comment: the
    /// growth curve of metrics.json (`corpus.network.growth`) and `corpus-growth.svg`.
    public func growth(_ timeline: TimeProfile.Timeline, last: Double) -> [(time: Double, authors: Int, edges: Int)] {
        var points: [(time: Double, authors: Int, edges: Int)] = []
        for b in 1...timeline.counts.count {
            let t = timeline.start + timeline.binSeconds * Double(b)
            let g = grown(by: t.nextDown)
            points.append((t, g.authors, g.edges))
        }
        if last >= points.last?.time ?? -.infinity {
            let g = grown(by: last)
            points.append((last, g.authors, g.edges))
        }
        return points
    }

    /// The authors and edges that had appeared by `time` (inclusive).
    ///
    /// - Complexity: O(log *a* + log *e*).
    public func grown(by time: Double) -> (authors: Int, edges: Int) {
        func count(_ sorted: [Double]) -> Int {
            var lo = 0, hi = sorted.count
            while lo < hi { let mid = (lo + hi) / 2; if sorted[mid] <= time { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        return (count(authorArrivals), count(edgeArrivals))
    }

    /// Merges the threads' author networks and measures the result.
    ///
    /// - Complexity: O(*a* + *e* log *e*) to merge *a* (thread, author) pairs and *e* thread
    ///   edges (one hash lookup per pair, ``AuthorTally``), plus ``NetworkMeasures`` on the merged graph.
    public init(_ threads: [ThreadAnalysis], betweenness: Betweenness.Options = .standard) {
        self.init(tally: AuthorTally(threads), betweenness: betweenness)
    }

    /// The network of a tally: of one corpus, or merged from the partial results of its shards
    /// (`threadnet merge`), which gives the same network, node for node, as the whole corpus.
    ///
    /// - Complexity: O(*a* + *e* log *e*) for *a* authors and *e* pairs, plus ``NetworkMeasures``.
    public init(tally: AuthorTally, betweenness: Betweenness.Options = .standard) {
        var edges: [(from: Int32, to: Int32, weight: Double)] = []
        edges.reserveCapacity(tally.replies.count)
        var arrivals: [Double] = []
        for (key, r) in tally.replies {
            let from = Int32(key >> 32), to = Int32(key & 0xFFFF_FFFF)
            if r.weight > 0 { edges.append((from, to, r.weight)) }
            if from != to, let t = r.first { arrivals.append(t) }
        }
        let graph = WeightedDigraph(nodeCount: tally.authors.count, edges: edges)
        self.authorArrivals = tally.authors.compactMap(\.firstSeen).sorted()
        self.edgeArrivals = arrivals.sorted()
        self.names = tally.authors.map(\.name)
        self.comments = tally.authors.map(\.comments)
        self.threads = tally.authors.map(\.threads)
        self.repliesGiven = tally.authors.map(\.repliesGiven)
        self.graph = graph
        self.measures = NetworkMeasures(graph, betweenness: betweenness)
    }

    /// Number of authors.
    public var count: Int { names.count }

    /// Authors ranked by `key` descending, ties by name: the first `k`.
    ///
    /// - Complexity: O(*n* log *k*) to select, plus O(*k* log *k*) to sort the selection.
    public func top(_ k: Int, by key: (Int) -> Double) -> [Int] {
        let n = count
        guard k > 0, n > 0 else { return [] }
        let keys = (0..<n).map(key)
        func before(_ a: Int, _ b: Int) -> Bool { keys[a] != keys[b] ? keys[a] > keys[b] : names[a] < names[b] }
        if k >= n / 4 { return Array((0..<n).sorted(by: before).prefix(k)) }
        // Keep the best k seen so far in a heap whose root is the worst of them.
        var heap: [Int] = []
        heap.reserveCapacity(k)
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var worst = i
                if l < heap.count, before(heap[worst], heap[l]) { worst = l }
                if r < heap.count, before(heap[worst], heap[r]) { worst = r }
                if worst == i { return }
                heap.swapAt(i, worst)
                i = worst
            }
        }
        for v in 0..<n {
            if heap.count < k {
                heap.append(v)
                var i = heap.count - 1
                while i > 0, before(heap[(i - 1) / 2], heap[i]) {
                    heap.swapAt(i, (i - 1) / 2)
                    i = (i - 1) / 2
                }
            } else if before(v, heap[0]) {
                heap[0] = v
                siftDown(0)
            }
        }
        return heap.sorted(by: before)
    }

    /// Every author, most comments first, ties by name (the order of `corpus-authors.csv`).
    ///
    /// - Complexity: O(*n* log *n*).
    public var byActivity: [Int] {
        let n = count
        return (0..<n).sorted { comments[$0] != comments[$1] ? comments[$0] > comments[$1] : names[$0] < names[$1] }
    }
}
