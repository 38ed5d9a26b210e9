import Foundation

/// Positions for a radial reply-tree picture, computed by ThreadNet and drawn as given
/// (Graphviz's `nop` layout, i.e. `neato -n`), so that a tree of any size lays out in linear
/// time and shows its shape: the root post at the centre, each level on a ring, each branch in a
/// wedge whose angle is proportional to the number of leaves it ends in (drawn comments without
/// drawn replies, and summary nodes), replies in source order clockwise from the top. Rings
/// are spaced by how many nodes they carry (a crowded ring of top-level comments gets a larger
/// radius), then scaled so the outermost has the given radius.
///
/// - Complexity: O(*d*) for *d* drawn nodes, no recursion.
struct RadialLayout {
    /// A point in Graphviz points (1/72 in), the root at (0, 0).
    struct Point { var x: Double; var y: Double }

    /// Position of each ``ReplyTreeReduction/drawn`` comment, in the same order.
    let drawn: [Point]
    /// Position of each ``ReplyTreeReduction/summaries`` node, in the same order.
    let summaries: [Point]

    /// - Parameter radius: the outermost ring's radius, in points.
    init(_ reduction: ReplyTreeReduction, tree: ReplyTree, radius: Double) {
        let drawnList = reduction.drawn
        // Node ids: 0 = root, 1…d = drawn comments, d+1… = summaries.
        let d = drawnList.count
        var slot = [Int32: Int]()
        slot.reserveCapacity(d)
        for (k, c) in drawnList.enumerated() { slot[c] = k + 1 }
        let total = 1 + d + reduction.summaries.count
        var children = [[Int]](repeating: [], count: total)
        var depth = [Int](repeating: 0, count: total)
        for (k, c) in drawnList.enumerated() {
            let p = tree.parent[Int(c)]
            let parentSlot = p < 0 ? 0 : slot[p]!
            children[parentSlot].append(k + 1)
            depth[k + 1] = Int(tree.depth[Int(c)])
        }
        for (k, s) in reduction.summaries.enumerated() {
            let parentSlot = s.parent < 0 ? 0 : slot[s.parent]!
            children[parentSlot].append(1 + d + k)
            depth[1 + d + k] = s.parent < 0 ? 1 : Int(tree.depth[Int(s.parent)]) + 1
        }
        // Leaves below each node: drawn slots come parents first, so a reverse pass suffices.
        var leaves = [Double](repeating: 0, count: total)
        for v in stride(from: total - 1, through: 0, by: -1) {
            leaves[v] = children[v].isEmpty ? 1 : children[v].reduce(0) { $0 + leaves[$1] }
        }
        // Ring radii: each ring at least `gap` outside the previous one and long enough for its
        // nodes `spacing` apart, then all scaled so the outermost ring has radius `radius`.
        let maxDepth = max(1, depth.max() ?? 1)
        var perRing = [Int](repeating: 0, count: maxDepth + 1)
        for v in 1..<total { perRing[depth[v]] += 1 }
        let gap = 14.0, spacing = 6.0
        var ring = [Double](repeating: 0, count: maxDepth + 1)
        for k in 1...maxDepth { ring[k] = max(ring[k - 1] + gap, Double(perRing[k]) * spacing / (2 * Double.pi)) }
        let scale = radius / ring[maxDepth]
        var start = [Double](repeating: 0, count: total)
        var span = [Double](repeating: 0, count: total)
        var points = [Point](repeating: Point(x: 0, y: 0), count: total)
        span[0] = 2 * Double.pi
        var queue = [0]
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            var angle = start[v]
            for c in children[v] {
                start[c] = angle
                span[c] = span[v] * leaves[c] / leaves[v]
                angle += span[c]
                let mid = start[c] + span[c] / 2
                let r = ring[depth[c]] * scale
                // Clockwise from twelve o'clock.
                points[c] = Point(x: r * sin(mid), y: r * cos(mid))
                queue.append(c)
            }
        }
        drawn = Array(points[1..<(1 + d)])
        summaries = Array(points[(1 + d)..<total])
    }
}
