/// k-core numbers of the undirected simple graph.
enum CoreNumbers {
    /// The core number of each node: the largest *k* such that the node belongs to a subgraph
    /// in which every node has at least *k* neighbours (networkx `core_number` on
    /// `G.to_undirected()`, igraph `coreness(mode="all")` on the simple graph). Unit: neighbours.
    ///
    /// Batagelj & Zaversnik, "An O(m) Algorithm for Cores Decomposition of Networks" (2003):
    /// nodes bucket-sorted by degree, peeled in increasing order.
    ///
    /// - Complexity: O(*n* + *m*).
    static func compute(_ graph: UndirectedAdjacency) -> [Int32] {
        let n = graph.nodeCount
        guard n > 0 else { return [] }
        var degree = [Int32](repeating: 0, count: n)
        var maxDegree = 0
        for v in 0..<n {
            degree[v] = Int32(graph.degree(v))
            maxDegree = max(maxDegree, graph.degree(v))
        }
        // bin[d]: first position of degree d in `order`; pos[v]: position of v in `order`.
        var bin = [Int32](repeating: 0, count: maxDegree + 2)
        for v in 0..<n { bin[Int(degree[v]) + 1] += 1 }
        for d in 0...maxDegree { bin[d + 1] += bin[d] }
        var pos = [Int32](repeating: 0, count: n)
        var order = [Int32](repeating: 0, count: n)
        var next = bin
        for v in 0..<n {
            let p = Int(next[Int(degree[v])])
            pos[v] = Int32(p)
            order[p] = Int32(v)
            next[Int(degree[v])] += 1
        }
        for i in 0..<n {
            let v = Int(order[i])
            for w32 in graph.neighbors(of: v) {
                let w = Int(w32)
                guard degree[w] > degree[v] else { continue }
                // Move w to the front of its bin, then shrink its degree by one.
                let dw = Int(degree[w])
                let pw = Int(pos[w]), pu = Int(bin[dw])
                let u = Int(order[pu])
                if u != w {
                    order[pu] = Int32(w); order[pw] = Int32(u)
                    pos[w] = Int32(pu); pos[u] = Int32(pw)
                }
                bin[dw] += 1
                degree[w] -= 1
            }
        }
        return degree
    }
}
