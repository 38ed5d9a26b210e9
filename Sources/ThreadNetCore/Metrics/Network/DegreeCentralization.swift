/// Freeman degree centralization of a directed graph.
enum DegreeCentralization {
    /// Σ_v (max degree − degree(v)) divided by its largest possible value for n nodes,
    /// (n − 1)², the value of a directed star without loops (Freeman 1979; igraph
    /// `centralization_degree(mode="in"|"out", loops=False, normalized=True)`, whose
    /// theoretical maximum `centralization_degree_tmax(n, mode="in"|"out", loops=False)` is
    /// (n − 1)²). 0 for n < 2 (igraph gives NaN there). Unit: fraction, 0 (all equal) to
    /// 1 (a star).
    ///
    /// - Complexity: O(*n*).
    static func compute(_ degree: [Int32]) -> Double {
        let n = degree.count
        guard n >= 2, let top = degree.max() else { return 0 }
        let spread = degree.reduce(0.0) { $0 + Double(top - $1) }
        return spread / (Double(n - 1) * Double(n - 1))
    }
}
