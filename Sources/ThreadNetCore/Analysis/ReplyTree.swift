/// The reply structure of one thread as flat arrays indexed by `Int32`.
///
/// Comment `i` (in source order) has parent `parent[i]` (`-1` = the root post) and depth
/// `depth[i]` (the root post is depth 0, a top-level comment depth 1, a reply to it depth 2).
/// Children are stored in CSR form: the children of comment `i` are
/// `childIndex[childStart[i + 1] ..< childStart[i + 2]]`, those of the root
/// `childIndex[childStart[0] ..< childStart[1]]`, each list in source order.
///
/// Built without recursion, so a chain of a million replies is as cheap as a flat thread.
public struct ReplyTree: Hashable, Sendable {
    /// Parent comment of each comment; `-1` for the root post.
    public let parent: [Int32]
    /// Depth of each comment: 1 for a top-level comment.
    public let depth: [Int32]
    /// CSR offsets; slot 0 is the root post, slot `i + 1` is comment `i`. Count: comments + 2.
    public let childStart: [Int32]
    /// Children of every slot, concatenated.
    public let childIndex: [Int32]

    /// Number of comments.
    public var count: Int { parent.count }

    /// Builds the tree from resolved parent links (`-1` = root). Links must be acyclic and
    /// in range: ``ReplyTreeBuilder`` guarantees that.
    ///
    /// - Complexity: O(*n*).
    public init(parent: [Int32]) {
        let n = parent.count
        var start = [Int32](repeating: 0, count: n + 2)
        for p in parent { start[Int(p) + 2] += 1 }
        for s in 1..<start.count { start[s] += start[s - 1] }
        var fill = start
        var children = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let slot = Int(parent[i]) + 1
            children[Int(fill[slot])] = Int32(i)
            fill[slot] += 1
        }
        // Breadth-first from the root: each child's depth is its parent's plus one.
        var depth = [Int32](repeating: 0, count: n)
        var queue = [Int32]()
        queue.reserveCapacity(n)
        for c in start[0]..<start[1] {
            let child = children[Int(c)]
            depth[Int(child)] = 1
            queue.append(child)
        }
        var head = 0
        while head < queue.count {
            let node = Int(queue[head])
            head += 1
            for c in start[node + 1]..<start[node + 2] {
                let child = children[Int(c)]
                depth[Int(child)] = depth[node] + 1
                queue.append(child)
            }
        }
        self.parent = parent
        self.depth = depth
        self.childStart = start
        self.childIndex = children
    }

    /// The direct replies to comment `i`, in source order.
    public func children(of i: Int32) -> ArraySlice<Int32> {
        childIndex[Int(childStart[Int(i) + 1])..<Int(childStart[Int(i) + 2])]
    }

    /// The top-level comments, in source order.
    public var topLevel: ArraySlice<Int32> {
        childIndex[Int(childStart[0])..<Int(childStart[1])]
    }

    /// Number of direct replies to comment `i`.
    public func replyCount(of i: Int32) -> Int {
        Int(childStart[Int(i) + 2] - childStart[Int(i) + 1])
    }

    /// Comments in depth-first pre-order (the order a reader scrolls), without recursion.
    public func preorder() -> [Int32] {
        var order: [Int32] = []
        order.reserveCapacity(count)
        var stack: [Int32] = topLevel.reversed()
        while let node = stack.popLast() {
            order.append(node)
            stack.append(contentsOf: children(of: node).reversed())
        }
        return order
    }
}
