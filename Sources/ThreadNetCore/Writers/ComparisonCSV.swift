/// Writes `comparison.csv`: one row per compared thread, one column per scalar metric
/// (named by its id, as in `metrics.json`), after `label`, `source`, `thread` and `title`; in
/// a group comparison a last column, `group`.
///
/// Counts are written as integers, other values in full precision (their shortest round-trip
/// form); an undefined value is an empty field.
public enum ComparisonCSV {
    /// - Complexity: O(*m* · *t*).
    public static func write(_ table: ComparisonTable) -> String {
        TextOutput.text { write(table, to: $0) }
    }

    /// Streams the table into `out`.
    ///
    /// - Parameters:
    ///   - table: the per-thread values.
    ///   - groups: each column's group name, for the `group` column (nil: no column).
    ///   - out: where the rows go.
    public static func write(_ table: ComparisonTable, groups: [String]? = nil, to out: TextOutput) {
        var csv = CSVOutput(out)
        csv.row(["label", "source", "thread", "title"] + table.rows.map(\.metric.definition.id) + (groups == nil ? [] : ["group"]))
        for (k, c) in table.columns.enumerated() {
            csv.field(c.label); csv.field(c.source); csv.field(c.analysis.thread.id); csv.field(c.analysis.thread.title)
            for row in table.rows {
                let v = row.values[k]
                if row.metric.isCount, let v, v.isFinite, abs(v) < 1e15 { csv.field(Int(v.rounded())) } else { csv.field(v) }
            }
            if let groups { csv.field(groups[k]) }
            csv.endRow()
        }
    }

}
