/// Kleinberg's hubs and authorities on the weighted, directed reply graph.
///
/// An author is a good *authority* when good hubs reply to them, and a good *hub* when they reply
/// to good authorities: the authorities are the principal eigenvector of AᵀA and the hubs that of
/// AAᵀ, with A the weighted adjacency matrix (A[u][v] = replies of u to v). HITS rather than
/// eigenvector centrality because the reply graph is directed and mostly acyclic: eigenvector
/// centrality on a directed graph is zero for every author outside a cycle of replies (most
/// authors of a thread), and on the undirected graph it forgets who answered whom. HITS is
/// defined on any directed graph and separates the two roles a reply network has.
///
/// Each vector sums to 1 (networkx `hits(G)`; igraph `hub_score`/`authority_score(weights=…)`
/// rescaled to sum 1). All zeros without edges. When the leading eigenvalue is shared (two
/// equally strong, separate parts of the graph), the eigenvector is not unique: the result is
/// then the one power iteration reaches from the uniform start, deterministic but not what
/// another library's solver must return.
public struct HITS: Hashable, Sendable {
    /// Hub score of each node. Unit: share, summing to 1.
    public let hubs: [Double]
    /// Authority score of each node. Unit: share, summing to 1.
    public let authorities: [Double]
    /// Power iterations made.
    public let iterations: Int

    /// Up to this many nodes the default tolerance is 10⁻¹⁴ (the limit of exact betweenness too).
    public static let exactLimit = 10_000

    /// Power iteration from uniform hubs: authorities ← Aᵀ hubs, hubs ← A authorities, each
    /// rescaled to sum 1 (the sums compensated, Kahan, so that rounding stays near ε however
    /// many authors there are and a tolerance of 10⁻¹⁴ is reachable), until the authorities
    /// change by less than `tolerance` (L1) or after
    /// `maxIterations` (by default 2·10⁷ / (*n* + *m*) clamped to 1,000–100,000: a small graph
    /// may iterate long, a large one stops within a bounded time). The error shrinks by λ₂/λ₁
    /// of AᵀA per iteration, so a graph whose two leading eigenvalues are nearly equal needs
    /// many iterations (0.99: about 3,000 for 10⁻¹⁴).
    ///
    /// - Complexity: O((*n* + *m*) · *k*) time for *k* iterations, O(*n*) memory.
    /// - Parameters:
    ///   - g: the weighted reply graph.
    ///   - tolerance: the L1 change at which iteration stops; by default 10⁻¹⁴ up to
    ///     ``exactLimit`` nodes (as exact as doubles allow: the reference tests compare to 10⁻⁹)
    ///     and 10⁻¹⁰ above, where each score is about 10⁻⁵ and the extra iterations would
    ///     change digits no one reads.
    ///   - maxIterations: the most iterations (default as above).
    public init(_ g: WeightedDigraph, tolerance: Double? = nil, maxIterations: Int? = nil) {
        let n = g.nodeCount
        let tolerance = tolerance ?? (n <= Self.exactLimit ? 1e-14 : 1e-10)
        let maxIterations = maxIterations ?? min(100_000, max(1_000, 20_000_000 / max(1, n + g.edgeCount)))
        var hubs = [Double](repeating: n == 0 ? 0 : 1 / Double(n), count: n)
        var authorities = [Double](repeating: 0, count: n)
        guard g.edgeCount > 0 else {
            self.hubs = [Double](repeating: 0, count: n)
            self.authorities = authorities
            self.iterations = 0
            return
        }
        var next = authorities
        var iterations = 0
        while iterations < maxIterations {
            iterations += 1
            // Authorities: replies received, weighted by the repliers' hub scores.
            var sum = CompensatedSum()
            for v in 0..<n {
                var a = 0.0
                for k in Int(g.inStart[v])..<Int(g.inStart[v + 1]) { a += g.inWeight[k] * hubs[Int(g.inSource[k])] }
                next[v] = a
                sum.add(a)
            }
            var change = CompensatedSum()
            for v in 0..<n {
                let a = next[v] / sum.value
                change.add(abs(a - authorities[v]))
                authorities[v] = a
            }
            // Hubs: replies written, weighted by the replied-to authors' authority scores.
            sum = CompensatedSum()
            for u in 0..<n {
                var h = 0.0
                for k in Int(g.outStart[u])..<Int(g.outStart[u + 1]) { h += g.outWeight[k] * authorities[Int(g.outTarget[k])] }
                hubs[u] = h
                sum.add(h)
            }
            for u in 0..<n { hubs[u] /= sum.value }
            if change.value < tolerance { break }
        }
        self.hubs = hubs
        self.authorities = authorities
        self.iterations = iterations
    }
}

/// Kahan–Babuška (Neumaier) summation: the running sum and the low-order bits it lost, so that
/// adding *n* terms errs by about ε rather than *n*ε.
struct CompensatedSum {
    private var sum = 0.0, compensation = 0.0
    mutating func add(_ x: Double) {
        let t = sum + x
        compensation += abs(sum) >= abs(x) ? (sum - t) + x : (x - t) + sum
        sum = t
    }
    var value: Double { sum + compensation }
}
