/// Short, unique column labels for compared threads.
///
/// Rule: a user's label when given; otherwise the thread's title cut at a word boundary to
/// at most ``maxLength`` characters (the thread id when the title has no letter or digit). Labels that
/// repeat get ` (2)`, ` (3)`, … appended in column order, skipping any label already taken,
/// so the result depends only on the inputs and their order.
public enum ComparisonLabels {
    /// The longest derived label, in characters (before a uniqueness suffix).
    public static let maxLength = 24

    /// A derived label for a thread with `title` and `id`.
    ///
    /// A thread whose title says nothing more than its id (a Pushshift or HN item without a
    /// title) is named after its input file instead (`source`, without extensions), followed by
    /// the id when the file holds several threads (`multiple`).
    public static func derived(title: String, id: String, source: String? = nil, multiple: Bool = false) -> String {
        let t = title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var base = t.contains { $0.isLetter || $0.isNumber } ? t : id
        if base == id, let source {
            let stem = source.split(separator: ".").first.map(String.init) ?? source
            base = multiple ? "\(stem) \(id)" : stem
        }
        guard base.count > maxLength else { return base }
        let cut = base.prefix(maxLength - 1)
        let atSpace = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return String(atSpace.isEmpty ? cut : atSpace) + "…"
    }

    /// Makes `labels` unique: the first occurrence keeps its label, later ones get ` (n)`.
    ///
    /// - Complexity: O(*n*) expected for *n* labels of bounded repetition.
    public static func unique(_ labels: [String]) -> [String] {
        var used = Set<String>()
        var out: [String] = []
        for l in labels {
            var candidate = l
            var n = 2
            while used.contains(candidate) { candidate = "\(l) (\(n))"; n += 1 }
            used.insert(candidate)
            out.append(candidate)
        }
        return out
    }
}
