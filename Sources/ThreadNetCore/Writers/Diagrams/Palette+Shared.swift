extension Palette {
    /// One colour per author across several threads, so an author has the same fill in every
    /// picture of a comparison.
    ///
    /// Authors coloured: those who write in two or more of `threads`, and those with 2 or more
    /// comments in one. Order: authors in more threads first, then more comments in total,
    /// then name; the first ``fills``.count get ``fills`` in that order. Everyone else gets no
    /// entry (drawn in the "other authors" colour). The result depends only on the threads' authors and counts, not on the
    /// threads' order.
    ///
    /// - Complexity: O(*c* + *A* log *A*) for *c* comments and *A* distinct authors.
    public static func sharedColors(_ threads: [ThreadAnalysis]) -> [String: String] {
        var threadsOf: [String: Int] = [:]
        var total: [String: Int] = [:]
        for t in threads {
            for ac in Metrics.authorCommentCounts(t) where ac.comments > 0 {
                threadsOf[ac.name, default: 0] += 1
                total[ac.name, default: 0] += ac.comments
            }
        }
        let ranked = total.keys.filter { (threadsOf[$0] ?? 0) >= 2 || (total[$0] ?? 0) >= 2 }
            .sorted { (threadsOf[$1]!, total[$1]!, $0) < (threadsOf[$0]!, total[$0]!, $1) }
        var colors: [String: String] = [:]
        for (i, name) in ranked.prefix(fills.count).enumerated() { colors[name] = fills[i] }
        return colors
    }
}
