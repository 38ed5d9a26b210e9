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
    /// - Complexity: O((*n* + *m*) · *k*) for *k* ≈ log(tolerance)/log(α) iterations.
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
}
