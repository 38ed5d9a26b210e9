/// Weighted PageRank by power iteration.
public enum PageRank {
    /// Damping factor α.
    static let damping = 0.85
    /// The iteration stops when the L1 change of the whole vector falls below this.
    static let tolerance = 1e-13
    /// Safety cap on iterations (the error shrinks by about α per step, so ~190 suffice).
    static let maxIterations = 10_000

    /// PageRank of each node, summing to 1 (networkx `pagerank(G, alpha=0.85,
    /// weight="weight")`, igraph `pagerank(weights=…)`; Brin & Page 1998).
    ///
    /// x′(v) = α · (Σ_{u→v} x(u) · w(u,v) / s(u) + D / n) + (1 − α) / n, where s(u) is u's
    /// out-strength and D the total rank of dangling nodes (out-strength 0), spread uniformly
    /// as networkx does with uniform personalization. Starts from 1/n; iterates until the L1
    /// change is below ``tolerance``. Unit: probability (share of a random surfer's time).
    ///
    /// A graph without cycles (most small reply graphs) is solved exactly instead: the fixed
    /// point is x = y / Σy with y(v) = 1 + α · Σ_{u→v} y(u) · w(u,v) / s(u) (the dangling and
    /// teleport terms add the same amount to every node), which one pass in topological order
    /// computes; the values equal the iteration's limit up to rounding.
    ///
    /// - Complexity: O(*n* + *m*) without cycles, else O((*n* + *m*) · *k*) for
    ///   *k* ≈ log(tolerance)/log(α) iterations.
    public static func compute(_ g: WeightedDigraph) -> [Double] {
        let n = g.nodeCount
        guard n > 0 else { return [] }
        var outStrength = [Double](repeating: 0, count: n)
        for v in 0..<n {
            for k in Int(g.outStart[v])..<Int(g.outStart[v + 1]) { outStrength[v] += g.outWeight[k] }
        }
        // Weight of each in-edge divided by its source's out-strength.
        var share = [Double](repeating: 0, count: g.inSource.count)
        for k in 0..<share.count { share[k] = g.inWeight[k] / outStrength[Int(g.inSource[k])] }
        if let order = topologicalOrder(g) {
            var y = [Double](repeating: 0, count: n)
            var total = 0.0
            for v in order {
                var sum = 0.0
                for k in Int(g.inStart[Int(v)])..<Int(g.inStart[Int(v) + 1]) { sum += y[Int(g.inSource[k])] * share[k] }
                y[Int(v)] = 1 + damping * sum
                total += y[Int(v)]
            }
            return y.map { $0 / total }
        }
        let uniform = 1 / Double(n)
        var x = [Double](repeating: uniform, count: n)
        var next = [Double](repeating: 0, count: n)
        for _ in 0..<maxIterations {
            var dangling = 0.0
            for v in 0..<n where outStrength[v] == 0 { dangling += x[v] }
            let base = damping * dangling * uniform + (1 - damping) * uniform
            var change = 0.0
            g.inStart.withUnsafeBufferPointer { start in
                g.inSource.withUnsafeBufferPointer { source in
                    share.withUnsafeBufferPointer { share in
                        x.withUnsafeBufferPointer { x in
                            next.withUnsafeMutableBufferPointer { next in
                                for v in 0..<n {
                                    var sum = 0.0
                                    for k in Int(start[v])..<Int(start[v + 1]) { sum += x[Int(source[k])] * share[k] }
                                    let value = damping * sum + base
                                    change += abs(value - x[v])
                                    next[v] = value
                                }
                            }
                        }
                    }
                }
            }
            swap(&x, &next)
            if change < tolerance { break }
        }
        return x
    }

    /// The nodes in an order where every edge goes forward (Kahn), or `nil` when the graph has
    /// a cycle.
    ///
    /// - Complexity: O(*n* + *m*).
    static func topologicalOrder(_ g: WeightedDigraph) -> [Int32]? {
        let n = g.nodeCount
        var remaining = [Int32](repeating: 0, count: n)
        var order: [Int32] = []
        order.reserveCapacity(n)
        for v in 0..<n {
            remaining[v] = g.inStart[v + 1] - g.inStart[v]
            if remaining[v] == 0 { order.append(Int32(v)) }
        }
        var head = 0
        while head < order.count {
            let u = Int(order[head])
            head += 1
            for k in Int(g.outStart[u])..<Int(g.outStart[u + 1]) {
                let w = Int(g.outTarget[k])
                remaining[w] -= 1
                if remaining[w] == 0 { order.append(Int32(w)) }
            }
        }
        return order.count == n ? order : nil
    }
}
