/// A partition of a graph's nodes into components, numbered by their first node.
///
/// Component ids are `0..<count`, assigned in order of each component's smallest node index
/// (for an author network: its earliest author), so the numbering is deterministic.
public struct ComponentLabels: Hashable, Sendable {
    /// Component id of each node.
    public let component: [Int32]
    /// Number of components (0 for an empty graph).
    public let count: Int
    /// Size of the largest component in nodes (0 for an empty graph).
    public let largestSize: Int

    /// Renumbers arbitrary labels by first appearance and measures the components.
    ///
    /// - Complexity: O(*n*).
    init(rawLabels: [Int32], rawCount: Int) {
        var renumber = [Int32](repeating: -1, count: rawCount)
        var sizes: [Int] = []
        var component = [Int32](repeating: 0, count: rawLabels.count)
        for (v, raw) in rawLabels.enumerated() {
            if renumber[Int(raw)] < 0 {
                renumber[Int(raw)] = Int32(sizes.count)
                sizes.append(0)
            }
            let c = renumber[Int(raw)]
            component[v] = c
            sizes[Int(c)] += 1
        }
        self.component = component
        self.count = sizes.count
        self.largestSize = sizes.max() ?? 0
    }
}
