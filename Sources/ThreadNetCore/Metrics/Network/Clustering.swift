/// Triangle-based clustering of the undirected simple graph.
struct Clustering: Sendable {
    /// Global transitivity: 3 × triangles / connected triples, i.e. Σ 2T(v) / Σ d(v)(d(v) − 1)
    /// (networkx `transitivity`, igraph `transitivity_undirected`); 0 when there are no
    /// triangles. Unit: fraction.
    let transitivity: Double
    /// Local clustering of each node: 2T(v) / (d(v)(d(v) − 1)), 0 for degree < 2
    /// (networkx `clustering`, igraph `transitivity_local_undirected(mode="zero")`).
    let local: [Double]

    /// Mean of ``local`` over all nodes, zeros included (networkx `average_clustering`); 0
    /// for an empty graph. Unit: fraction.
    var average: Double { local.isEmpty ? 0 : local.reduce(0, +) / Double(local.count) }

    /// Counts the triangles at each node.
    ///
    /// Edges are oriented from lower to higher (degree, index) rank and each triangle is found
    /// once from its lowest-ranked node by marking (Chiba & Nishizeki 1985; Latapy 2008).
    ///
    /// - Complexity: O(*m* √*m*) time, O(*n* + *m*) memory.
    init(_ graph: UndirectedAdjacency) {
        let n = graph.nodeCount
        func ranksBelow(_ a: Int, _ b: Int) -> Bool {
            let da = graph.degree(a), db = graph.degree(b)
            return da != db ? da < db : a < b
        }
        // Forward adjacency: neighbours of higher rank.
        var fStart = [Int32](repeating: 0, count: n + 1)
        var forward: [Int32] = []
        forward.reserveCapacity(graph.edgeCount)
        for v in 0..<n {
            for w in graph.neighbors(of: v) where ranksBelow(v, Int(w)) { forward.append(w) }
            fStart[v + 1] = Int32(forward.count)
        }
        var triangles = [Int](repeating: 0, count: n)
        var mark = [Int32](repeating: -1, count: n)
        for u in 0..<n {
            let us = Int(fStart[u]), ue = Int(fStart[u + 1])
            for k in us..<ue { mark[Int(forward[k])] = Int32(u) }
            for k in us..<ue {
                let v = Int(forward[k])
                for j in Int(fStart[v])..<Int(fStart[v + 1]) where mark[Int(forward[j])] == Int32(u) {
                    triangles[u] += 1
                    triangles[v] += 1
                    triangles[Int(forward[j])] += 1
                }
            }
        }
        var local = [Double](repeating: 0, count: n)
        var closed = 0.0, triples = 0.0
        for v in 0..<n {
            let d = Double(graph.degree(v))
            guard d >= 2 else { continue }
            let pairs = d * (d - 1)
            local[v] = 2 * Double(triangles[v]) / pairs
            closed += 2 * Double(triangles[v])
            triples += pairs
        }
        self.local = local
        self.transitivity = closed == 0 ? 0 : closed / triples
    }
}
