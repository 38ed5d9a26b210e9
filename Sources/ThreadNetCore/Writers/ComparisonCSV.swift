/// Writes `comparison.csv`: one row per compared thread, one column per scalar metric
/// (named by its id, as in `metrics.json`), after `label`, `source`, `thread` and `title`.
///
/// Counts are written as integers, other values rounded to 4 decimals; an undefined value
/// is an empty field.
public enum ComparisonCSV {
    /// - Complexity: O(*m* · *t*).
    public static func write(_ table: ComparisonTable) -> String {
        var out = (["label", "source", "thread", "title"] + table.rows.map(\.metric.definition.id)).map(Escaping.csv).joined(separator: ",") + "\n"
        for (k, c) in table.columns.enumerated() {
            let head = [c.label, c.source, c.analysis.thread.id, c.analysis.thread.title].map(Escaping.csv)
            let values = table.rows.map { number($0.values[k], isCount: $0.metric.isCount) }
            out += (head + values).joined(separator: ",") + "\n"
        }
        return out
    }

    /// A value as CSV/JSON text: integers for counts, else 4 decimals; "" when undefined.
    static func number(_ v: Double?, isCount: Bool) -> String {
        guard let v, v.isFinite else { return "" }
        if isCount || v == v.rounded(), abs(v) < 1e15 { return String(Int(v.rounded())) }
        return String((v * 10_000).rounded() / 10_000)
    }
}
