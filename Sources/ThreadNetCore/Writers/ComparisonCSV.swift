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
        let metrics = table.rows.map(\.metric)
        header(metrics, group: groups != nil, &csv)
        for (k, c) in table.columns.enumerated() {
            row(label: c.label, source: c.source, thread: c.analysis.thread.id, title: c.analysis.thread.title,
                values: table.rows.lazy.map { $0.values[k] }, metrics: metrics, group: groups?[k], &csv)
        }
    }

    /// Streams rows of values already computed (the threads of merged partial results,
    /// ``PartialResult``): the same bytes as ``write(_:groups:to:)`` of the same threads.
    ///
    /// - Parameters:
    ///   - threads: each thread's id (also its label), title and values, `values[i]` of `metrics[i]`.
    ///   - source: the input file name, for the `source` column.
    ///   - metrics: the columns, ``Metrics/scalars`` by default.
    ///   - out: where the rows go.
    public static func write(threads: [PartialResult.ThreadRow], source: String, metrics: [ScalarMetric] = Metrics.scalars, to out: TextOutput) {
        var csv = CSVOutput(out)
        header(metrics, group: false, &csv)
        for t in threads {
            row(label: t.id, source: source, thread: t.id, title: t.title, values: t.values, metrics: metrics, group: nil, &csv)
        }
    }

    static func header(_ metrics: [ScalarMetric], group: Bool, _ csv: inout CSVOutput) {
        csv.row(["label", "source", "thread", "title"] + metrics.map(\.definition.id) + (group ? ["group"] : []))
    }

    static func row<V: Sequence<Double?>>(label: String, source: String, thread: String, title: String, values: V, metrics: [ScalarMetric],
                                          group: String?, _ csv: inout CSVOutput) {
        csv.field(label); csv.field(source); csv.field(thread); csv.field(title)
        for (metric, v) in zip(metrics, values) {
            if metric.isCount, let v, v.isFinite, abs(v) < 1e15 { csv.field(Int(v.rounded())) } else { csv.field(v) }
        }
        if let group { csv.field(group) }
        csv.endRow()
    }

}
