/// Resolves a thread's parent ids into a ``ReplyTree``, repairing what is broken.
///
/// Repairs, each reported as a ``Finding``:
/// - a parent id that is not in the thread: the reply is attached to the root
///   (``Finding/Kind/orphanReply``);
/// - a comment naming itself as parent: attached to the root (``Finding/Kind/selfParent``);
/// - parent links forming a loop: the loop is broken at its earliest comment in source
///   order, which is attached to the root (``Finding/Kind/parentCycle``);
/// - two comments with one id: both are kept; replies naming that id go to the first
///   (``Finding/Kind/duplicateID``).
///
/// Comments repaired this way are "orphan replies": they meant to answer a comment, but hang
/// under the root.
public struct ReplyTreeBuilder {
    /// The built tree.
    public private(set) var tree: ReplyTree
    /// For each comment, whether it was attached to the root by a repair.
    public private(set) var repairedToRoot: [Bool]
    /// The repairs made.
    public private(set) var findings: [Finding]

    /// Resolves `comments`' parent ids.
    ///
    /// - Complexity: O(*n*) expected (hashing ids), no recursion.
    public init(comments: [Comment]) {
        let n = comments.count
        var findings: [Finding] = []
        var index: [String: Int32] = [:]
        index.reserveCapacity(n)
        for (i, c) in comments.enumerated() {
            if let first = index[c.id] {
                findings.append(Finding(.duplicateID, at: c.location,
                    "comment id \(c.id) is used again (first at \(comments[Int(first)].location)); both kept, replies to \(c.id) go to the first"))
            } else {
                index[c.id] = Int32(i)
            }
        }
        var parent = [Int32](repeating: -1, count: n)
        var repaired = [Bool](repeating: false, count: n)
        for (i, c) in comments.enumerated() {
            guard let pid = c.parentID else { continue }
            guard let p = index[pid] else {
                repaired[i] = true
                findings.append(Finding(.orphanReply, at: c.location,
                    "comment \(c.id) replies to \(pid), which is not in the input; attached to the root"))
                continue
            }
            if Int(p) == i {
                repaired[i] = true
                findings.append(Finding(.selfParent, at: c.location,
                    "comment \(c.id) names itself as its parent; attached to the root"))
                continue
            }
            parent[i] = p
        }
        // Loops: walk up from each unvisited comment; a walk that meets its own path is a loop.
        var state = [UInt8](repeating: 0, count: n) // 0 new, 1 on the current path, 2 done
        var path: [Int32] = []
        for start in 0..<n where state[start] == 0 {
            path.removeAll(keepingCapacity: true)
            var j = Int32(start)
            while j >= 0, state[Int(j)] == 0 {
                state[Int(j)] = 1
                path.append(j)
                j = parent[Int(j)]
            }
            if j >= 0, state[Int(j)] == 1, let from = path.firstIndex(of: j), let breakAt = path[from...].min() {
                let loop = path[from...]
                let names = loop.map { comments[Int($0)].id } + [comments[Int(j)].id]
                parent[Int(breakAt)] = -1
                repaired[Int(breakAt)] = true
                findings.append(Finding(.parentCycle, at: comments[Int(breakAt)].location,
                    "parent links form a loop (\(names.joined(separator: " → "))); comment \(comments[Int(breakAt)].id) attached to the root"))
            }
            for k in path { state[Int(k)] = 2 }
        }
        self.tree = ReplyTree(parent: parent)
        self.repairedToRoot = repaired
        self.findings = findings
    }
}
