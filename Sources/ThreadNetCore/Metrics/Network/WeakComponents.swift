extension ComponentLabels {
    /// Weakly connected components: nodes joined by edges followed in either direction
    /// (networkx `weakly_connected_components`, igraph `connected_components(mode="weak")`).
    ///
    /// An explicit breadth-first queue, no recursion.
    ///
    /// - Complexity: O(*n* + *m*).
    static func weak(_ graph: UndirectedAdjacency) -> ComponentLabels {
        let n = graph.nodeCount
        var label = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var count: Int32 = 0
        for s in 0..<n where label[s] < 0 {
            label[s] = count
            var head = 0, tail = 0
            queue[tail] = Int32(s); tail += 1
            while head < tail {
                let v = Int(queue[head]); head += 1
                for w in graph.neighbors(of: v) where label[Int(w)] < 0 {
                    label[Int(w)] = count
                    queue[tail] = w; tail += 1
                }
            }
            count += 1
        }
        return ComponentLabels(rawLabels: label, rawCount: Int(count))
    }
}
