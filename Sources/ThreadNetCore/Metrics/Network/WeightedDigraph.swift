/// A directed graph with Double edge weights in compressed sparse row form, out and in.
///
/// Nodes are `0..<nodeCount`. Parallel edges are merged (weights summed) and self-loops are
/// dropped, their total weight kept in ``loopWeight``.
///
/// Convention (the team's decision): every structural measure of the author network
/// (``NetworkMeasures``) is computed on the reply graph with self-loops removed, built with
/// ``init(replyEdgesOf:)``; self-replies are reported separately (``loopWeight``, and the
/// `selfReplies` metric).
///
/// Within each node's out-list targets are ascending; within each in-list sources are ascending.
public struct WeightedDigraph: Hashable, Sendable {
    /// Number of nodes.
    public let nodeCount: Int
    /// CSR offsets into ``outTarget``/``outWeight`` by source; count: nodes + 1.
    public let outStart: [Int32]
    /// Edge targets, grouped by source, ascending within a source.
    public let outTarget: [Int32]
    /// Edge weights, parallel to ``outTarget``.
    public let outWeight: [Double]
    /// CSR offsets into ``inSource``/``inWeight`` by target; count: nodes + 1.
    public let inStart: [Int32]
    /// Edge sources, grouped by target, ascending within a target.
    public let inSource: [Int32]
    /// Edge weights, parallel to ``inSource``.
    public let inWeight: [Double]
    /// Total weight of the self-loops that were dropped.
    public let loopWeight: Double

    /// Builds the graph from weighted edges; duplicates are summed, self-loops dropped.
    ///
    /// - Precondition: every endpoint is in `0..<nodeCount`.
    /// - Complexity: O(*n* + *m* log *m*) for *n* nodes and *m* input edges.
    public init(nodeCount: Int, edges: [(from: Int32, to: Int32, weight: Double)]) {
        var loops = 0.0
        var kept: [(from: Int32, to: Int32, weight: Double)] = []
        kept.reserveCapacity(edges.count)
        for e in edges {
            precondition(e.from >= 0 && Int(e.from) < nodeCount && e.to >= 0 && Int(e.to) < nodeCount, "edge endpoint out of range")
            if e.from == e.to { loops += e.weight } else { kept.append(e) }
        }
        kept.sort { ($0.from, $0.to) < ($1.from, $1.to) }
        var target: [Int32] = [], weight: [Double] = [], source: [Int32] = []
        target.reserveCapacity(kept.count)
        weight.reserveCapacity(kept.count)
        source.reserveCapacity(kept.count)
        for e in kept {
            if let last = target.last, source.last == e.from, last == e.to {
                weight[weight.count - 1] += e.weight
            } else {
                source.append(e.from)
                target.append(e.to)
                weight.append(e.weight)
            }
        }
        let m = target.count
        var outStart = [Int32](repeating: 0, count: nodeCount + 1)
        var inStart = [Int32](repeating: 0, count: nodeCount + 1)
        for k in 0..<m {
            outStart[Int(source[k]) + 1] += 1
            inStart[Int(target[k]) + 1] += 1
        }
        for v in 0..<nodeCount {
            outStart[v + 1] += outStart[v]
            inStart[v + 1] += inStart[v]
        }
        // Counting sort by target; edges are visited in (source, target) order, so the sources
        // within each in-list come out ascending.
        var inSource = [Int32](repeating: 0, count: m)
        var inWeight = [Double](repeating: 0, count: m)
        var next = inStart
        for k in 0..<m {
            let slot = Int(next[Int(target[k])])
            inSource[slot] = source[k]
            inWeight[slot] = weight[k]
            next[Int(target[k])] += 1
        }
        self.nodeCount = nodeCount
        self.outStart = outStart
        self.outTarget = target
        self.outWeight = weight
        self.inStart = inStart
        self.inSource = inSource
        self.inWeight = inWeight
        self.loopWeight = loops
    }

    /// The reply graph of an author network: its ``AuthorNetwork/EdgeKind/reply`` edges,
    /// weighted by reply counts, over all its authors (isolated ones included), self-replies
    /// dropped into ``loopWeight``.
    ///
    /// - Complexity: O(*n* + *m* log *m*).
    public init(replyEdgesOf network: AuthorNetwork) {
        let edges = network.edges.filter { $0.kind == .reply }.map { (from: $0.from, to: $0.to, weight: Double($0.weight)) }
        self.init(nodeCount: network.count, edges: edges)
    }

    /// Number of distinct directed edges (ordered pairs of distinct nodes). Unit: edges.
    ///
    /// - Complexity: O(1).
    public var edgeCount: Int { outTarget.count }

    /// Targets of the edges leaving `v`, ascending.
    ///
    /// - Complexity: O(1).
    public func successors(of v: Int32) -> ArraySlice<Int32> {
        outTarget[Int(outStart[Int(v)])..<Int(outStart[Int(v) + 1])]
    }

    /// Sources of the edges entering `v`, ascending.
    ///
    /// - Complexity: O(1).
    public func predecessors(of v: Int32) -> ArraySlice<Int32> {
        inSource[Int(inStart[Int(v)])..<Int(inStart[Int(v) + 1])]
    }

    /// Whether the edge `u → v` exists.
    ///
    /// - Complexity: O(log *d*) for the out-degree *d* of `u`.
    public func hasEdge(from u: Int32, to v: Int32) -> Bool {
        var lo = Int(outStart[Int(u)]), hi = Int(outStart[Int(u) + 1])
        while lo < hi {
            let mid = (lo + hi) / 2
            if outTarget[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < Int(outStart[Int(u) + 1]) && outTarget[lo] == v
    }
}
