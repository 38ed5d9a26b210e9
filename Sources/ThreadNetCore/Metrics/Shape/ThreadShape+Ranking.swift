extension ThreadShape {
    /// The most-discussed comments: up to `k` comments with at least one descendant, ranked by
    /// ``otherAuthorDescendants`` (most first), then ``descendants`` (most first), then source
    /// order (earliest first). Returns comment indices.
    ///
    /// ```swift
    /// shape.mostDiscussed(5)   // e.g. [12, 16]: two comments with one reply each, by others
    /// ```
    ///
    /// - Complexity: O(*n* log *n*) for *n* comments.
    public func mostDiscussed(_ k: Int) -> [Int32] {
        guard k > 0 else { return [] }
        let ranked = (0..<Int32(comments)).filter { descendants[Int($0)] > 0 }.sorted { a, b in
            let (ia, ib) = (Int(a), Int(b))
            return (otherAuthorDescendants[ib], descendants[ib], a) < (otherAuthorDescendants[ia], descendants[ia], b)
        }
        return Array(ranked.prefix(k))
    }
}
