extension ComparisonTable {
    /// One generated sentence per metric whose values differ: which thread has the largest
    /// and which the smallest value (ties name every thread that shares it), and the ratio
    /// of largest to smallest when the smallest is positive. Metrics with equal values
    /// everywhere give no sentence.
    ///
    /// - Complexity: O(*m* · *t*).
    public var callouts: [String] {
        rows.compactMap { row -> String? in
            guard row.differs, let hi = row.defined.max(), let lo = row.defined.min() else { return nil }
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
