/// The undirected simple graph underlying a ``WeightedDigraph``: `u` and `v` are neighbours
/// when `u → v` or `v → u` (a mutual pair is one undirected edge); no loops, no weights.
///
/// This is networkx's `G.to_undirected()` without its edge data.
struct UndirectedAdjacency: Sendable {
    /// CSR offsets into ``neighbor``; count: nodes + 1.
    let start: [Int32]
    /// Neighbours of each node, ascending, without repeats.
    let neighbor: [Int32]

    /// Merges each node's (sorted) out- and in-lists.
    ///
    /// - Complexity: O(*n* + *m*).
    init(_ g: WeightedDigraph) {
        let n = g.nodeCount
        var start = [Int32](repeating: 0, count: n + 1)
        var neighbor: [Int32] = []
        neighbor.reserveCapacity(2 * g.edgeCount)
        for v in 0..<n {
            let outs = g.successors(of: Int32(v)), ins = g.predecessors(of: Int32(v))
            var i = outs.startIndex, j = ins.startIndex
            while i < outs.endIndex || j < ins.endIndex {
                let next: Int32
                if j == ins.endIndex || (i < outs.endIndex && outs[i] < ins[j]) {
                    next = outs[i]; i += 1
                } else if i == outs.endIndex || ins[j] < outs[i] {
                    next = ins[j]; j += 1
                } else {
                    next = outs[i]; i += 1; j += 1
                }
                neighbor.append(next)
            }
            start[v + 1] = Int32(neighbor.count)
        }
        self.start = start
        self.neighbor = neighbor
    }

    var nodeCount: Int { start.count - 1 }
    /// Number of undirected edges.
    var edgeCount: Int { neighbor.count / 2 }

    func degree(_ v: Int) -> Int { Int(start[v + 1] - start[v]) }

    func neighbors(of v: Int) -> ArraySlice<Int32> {
        neighbor[Int(start[v])..<Int(start[v + 1])]
    }
}
