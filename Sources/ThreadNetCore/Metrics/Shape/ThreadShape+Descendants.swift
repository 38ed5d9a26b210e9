extension ThreadShape {
    /// Descendants by someone other than the comment's known author, for every comment.
    ///
    /// In pre-order the subtree of comment `i` occupies positions `pos[i] ... pos[i] + size[i] − 1`,
    /// so its descendants are `pos[i] + 1 ... pos[i] + size[i] − 1`. Each known author's comments
    /// are listed by pre-order position (ascending, by bucketing in pre-order); two binary
    /// searches in the author's list count the same-author descendants, and the rest are "other".
    /// A comment by the unknown bucket (`-1`) counts all its descendants as other.
    ///
    /// - Complexity: O(*n* log *n*) time, O(*n*) memory, no recursion.
    static func otherAuthorDescendants(order: [Int32], size: [Int32], commentAuthor: [Int32]) -> [Int32] {
        let n = order.count
        var position = [Int32](repeating: 0, count: n)
        for (p, node) in order.enumerated() { position[Int(node)] = Int32(p) }

        // Pre-order positions grouped by author (CSR), each group ascending.
        let authors = Int(commentAuthor.max() ?? -1) + 1
        var start = [Int32](repeating: 0, count: authors + 1)
        for a in commentAuthor where a >= 0 { start[Int(a) + 1] += 1 }
        for a in 0..<authors { start[a + 1] += start[a] }
        var fill = start
        var positions = [Int32](repeating: 0, count: Int(start[authors]))
        for (p, node) in order.enumerated() {
            let a = commentAuthor[Int(node)]
            guard a >= 0 else { continue }
            positions[Int(fill[Int(a)])] = Int32(p)
            fill[Int(a)] += 1
        }

        var other = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let descendants = size[i] - 1
            let a = commentAuthor[i]
            guard a >= 0, descendants > 0 else {
                other[i] = descendants
                continue
            }
            let group = positions[Int(start[Int(a)])..<Int(start[Int(a) + 1])]
            let first = position[i] + 1
            let last = position[i] + descendants
            let same = lowerBound(group, last + 1) - lowerBound(group, first)
            other[i] = descendants - Int32(same)
        }
        return other
    }

    /// The index of the first element of the ascending `slice` that is ≥ `value`.
    ///
    /// - Complexity: O(log *m*) for a slice of *m* elements.
    private static func lowerBound(_ slice: ArraySlice<Int32>, _ value: Int32) -> Int {
        var low = slice.startIndex
        var high = slice.endIndex
        while low < high {
            let mid = low + (high - low) / 2
            if slice[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
