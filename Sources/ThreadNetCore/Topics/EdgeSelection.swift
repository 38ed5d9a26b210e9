/// Which pairs of the co-occurrence network become edges of the diagram (and the report's
/// "top pairs" table): a rule, plus a minimum co-occurrence count.
///
/// - `top:K` — the *K* pairs ranked highest by count (ties by Jaccard index, then by topic
///   names); `top:K:MEASURE` ranks by another measure (ties by count, Jaccard, names). For
///   the p-value, smaller ranks higher.
/// - `min:MEASURE=X` — every pair whose measure is at least *X* (`min:jaccard=0.2`);
///   `max:MEASURE=X` — at most *X* (`max:p=0.001`).
///
/// In every case pairs with fewer than ``minCount`` co-occurrences are left out first. The
/// default is `top:60` with a minimum count of 2: a pair seen in one unit only is listed in
/// `topics.csv` but not drawn. Measure names are the ids of ``TopicMeasure`` or their aliases
/// (``TopicMeasure/init(name:)``).
///
/// ```swift
/// let rule = try EdgeSelection(parsing: "min:jaccard=0.2", minCount: 3)
/// let edges = rule.select(network)
/// ```
public struct EdgeSelection: Hashable, Sendable, CustomStringConvertible {
    /// How pairs are chosen once ``minCount`` is applied.
    public enum Rule: Hashable, Sendable {
        /// The `k` strongest pairs by `measure`.
        case top(Int, by: TopicMeasure)
        /// Every pair with `measure` ≥ the threshold.
        case atLeast(TopicMeasure, Double)
        /// Every pair with `measure` ≤ the threshold.
        case atMost(TopicMeasure, Double)
    }

    /// The rule.
    public var rule: Rule
    /// Pairs with fewer co-occurrences than this are never edges.
    public var minCount: Int

    /// The default minimum co-occurrence count.
    public static let defaultMinCount = 2
    /// `top:60`, minimum count 2.
    public static let `default` = EdgeSelection(rule: .top(60, by: .count), minCount: defaultMinCount)

    public init(rule: Rule, minCount: Int = defaultMinCount) {
        self.rule = rule
        self.minCount = minCount
    }

    /// Parses `top:K`, `top:K:MEASURE`, `min:MEASURE=X` or `max:MEASURE=X` (case-insensitive,
    /// spaces ignored).
    ///
    /// - Throws: ``EdgeSelectionError`` naming what is wrong and what is accepted.
    public init(parsing text: String, minCount: Int = defaultMinCount) throws(EdgeSelectionError) {
        guard minCount >= 1 else { throw EdgeSelectionError("the minimum count must be 1 or more, not \(minCount)") }
        let spec = text.filter { !$0.isWhitespace }
        let parts = spec.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, !parts[1].isEmpty else { throw EdgeSelectionError.syntax(text) }
        switch parts[0].lowercased() {
        case "top":
            guard let k = Int(parts[1]) else { throw EdgeSelectionError("\"\(parts[1])\" in \"\(text)\" is not a whole number of edges") }
            guard k >= 1 else { throw EdgeSelectionError("top:\(k) keeps no edges; give 1 or more") }
            var measure = TopicMeasure.count
            if parts.count == 3 { measure = try Self.measure(parts[2], in: text) }
            self.init(rule: .top(k, by: measure), minCount: minCount)
        case "min", "max":
            let rest = parts.dropFirst().joined(separator: ":")
            let pieces = rest.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
            guard pieces.count == 2, !pieces[0].isEmpty else { throw EdgeSelectionError.syntax(text) }
            let measure = try Self.measure(pieces[0], in: text)
            guard let x = Double(pieces[1]), x.isFinite else {
                throw EdgeSelectionError("\"\(pieces[1])\" in \"\(text)\" is not a number")
            }
            self.init(rule: parts[0].lowercased() == "min" ? .atLeast(measure, x) : .atMost(measure, x), minCount: minCount)
        default:
            throw EdgeSelectionError.syntax(text)
        }
    }

    private static func measure(_ name: String, in text: String) throws(EdgeSelectionError) -> TopicMeasure {
        guard let m = TopicMeasure(name: name) else {
            throw EdgeSelectionError("unknown measure \"\(name)\" in \"\(text)\"; known: \(TopicMeasure.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return m
    }

    /// The measure the rule ranks or filters by; edge widths follow it.
    public var measure: TopicMeasure {
        switch rule {
        case .top(_, let m), .atLeast(let m, _), .atMost(let m, _): m
        }
    }

    /// The rule as typed on the command line (`top:60`, `min:jaccard=0.2`), without the count.
    public var description: String {
        switch rule {
        case .top(let k, let m): m == .count ? "top:\(k)" : "top:\(k):\(m.rawValue)"
        case .atLeast(let m, let x): "min:\(m.rawValue)=\(x)"
        case .atMost(let m, let x): "max:\(m.rawValue)=\(x)"
        }
    }

    /// The rule as a sentence for the report.
    public var sentence: String {
        let floor = minCount <= 1 ? "every pair that shares at least one unit" : "pairs that share at least \(minCount) units"
        switch rule {
        case .top(let k, let m):
            let ties = m == .count ? "ties broken by Jaccard index, then by topic names" : "ties broken by co-occurrences, Jaccard index, then topic names"
            let order = m == .count ? "most co-occurrences" : "\(m.higherIsStronger ? "highest" : "lowest") \(m.definition.name)"
            return "Edges: of \(floor), the \(k) with the \(order), \(ties) (`\(description)`, minimum count \(minCount))."
        case .atLeast(let m, let x):
            return "Edges: of \(floor), every one with \(m.definition.name) ≥ \(x) (`\(description)`, minimum count \(minCount))."
        case .atMost(let m, let x):
            return "Edges: of \(floor), every one with \(m.definition.name) ≤ \(x) (`\(description)`, minimum count \(minCount))."
        }
    }

    /// Whether pair `p` ranks before pair `q` for `measure`: stronger first, then more
    /// co-occurrences, a higher Jaccard index, and smaller topic ids.
    public static func ranks(_ p: TopicPair, before q: TopicPair, by measure: TopicMeasure) -> Bool {
        let x = p.value(measure), y = q.value(measure)
        if x != y { return measure.higherIsStronger ? x > y : x < y }
        if p.count != q.count { return p.count > q.count }
        if p.jaccard != q.jaccard { return p.jaccard > q.jaccard }
        return (p.first, p.second) < (q.first, q.second)
    }

    /// The pairs of `network` the rule keeps, strongest first (``ranks(_:before:by:)``).
    ///
    /// - Complexity: O(*p* log *p*) for *p* pairs.
    public func select(_ network: TopicCooccurrence) -> [TopicPair] {
        let m = measure
        var kept = network.pairs.filter { $0.count >= minCount }
        switch rule {
        case .top: break
        case .atLeast(_, let x): kept.removeAll { !($0.value(m) >= x) }
        case .atMost(_, let x): kept.removeAll { !($0.value(m) <= x) }
        }
        kept.sort { Self.ranks($0, before: $1, by: m) }
        if case .top(let k, _) = rule, kept.count > k { kept.removeSubrange(k...) }
        return kept
    }
}

/// A bad edge-selection rule, with a message saying what was expected.
public struct EdgeSelectionError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    static func syntax(_ text: String) -> EdgeSelectionError {
        EdgeSelectionError("cannot read the edge rule \"\(text)\"; expected top:K, top:K:MEASURE, min:MEASURE=X or max:MEASURE=X (e.g. top:60, min:jaccard=0.2)")
    }
}
