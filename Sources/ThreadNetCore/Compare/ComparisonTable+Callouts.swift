extension ComparisonTable {
    /// How different a metric's values must be to be called out: a relative spread
    /// (largest − smallest) / max(|largest|, |smallest|) of at least 1/3, that is the largest at
    /// least 1.5 × the smallest for positive values.
    public static let noticeableSpread = 1.0 / 3.0
    /// At most this many metrics are called out (the most different first).
    public static let calloutLimit = 12

    /// The relative spread of a row's defined values (0 when they are equal or undefined).
    static func spread(_ row: Row) -> Double {
        guard let hi = row.defined.max(), let lo = row.defined.min(), hi != lo else { return 0 }
        return (hi - lo) / max(abs(hi), abs(lo))
    }

    /// Rows worth a sentence: spread at least ``noticeableSpread``, most different first (ties
    /// in catalog order), at most ``calloutLimit``.
    var noticeableRows: [Row] {
        let ranked = rows.enumerated().filter { $0.element.differs && Self.spread($0.element) >= Self.noticeableSpread }
            .sorted { (Self.spread($1.element), $0.offset) < (Self.spread($0.element), $1.offset) }
        return ranked.prefix(Self.calloutLimit).map(\.element)
    }

    /// Metrics whose values differ but that are not called out (a smaller spread, or beyond
    /// ``calloutLimit``).
    public var quieterDifferences: Int { rows.count { $0.differs } - noticeableRows.count }

    /// One generated sentence per metric worth noticing (``noticeableRows``): which thread has
    /// the largest and which the smallest value (ties name every thread that shares it), and the
    /// ratio of largest to smallest when the smallest is positive.
    ///
    /// - Complexity: O(*m* · *t* + *m* log *m*).
    public var callouts: [String] {
        noticeableRows.compactMap { row -> String? in
            guard let hi = row.defined.max(), let lo = row.defined.min() else { return nil }
            let f = { ComparisonTable.format($0, metric: row.metric) }
            let at = { (v: Double) in columns.indices.filter { row.values[$0] == v }.map { columns[$0].label } }
            var s = "\(row.metric.definition.name): highest in \(Self.list(at(hi))) (\(f(hi))), lowest in \(Self.list(at(lo))) (\(f(lo)))"
            if lo > 0 {
                let ratio = (hi / lo * 10).rounded() / 10
                s += ", \(ratio == ratio.rounded() ? String(Int(ratio)) : String(ratio))×"
            }
            return s + "."
        }
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        case 2: "\(items[0]) and \(items[1])"
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }
}
