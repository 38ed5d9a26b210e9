/// Writes the group comparison as two tidy CSV files (one observation per row, as R and pandas
/// like them; metrics named by their `metrics.json` id):
///
/// - `groups.csv`: `metric,group,threads,min,q1,median,mean,q3,max`, one row per metric and
///   group (a group where the metric is defined for no thread has `threads` 0 and empty values);
/// - `differences.csv` (two or more groups):
///   `metric,difference,intervalLow,intervalHigh,p,exact,q,cohensD,cliffsDelta,etaSquared,differsBeyondChance`,
///   one row per metric in catalog order; with two groups `difference` is mean(second) −
///   mean(first), with more only `etaSquared`, `p` and `q` are filled.
///
/// Reals keep full precision (their shortest round-trip form); undefined is an empty field.
public enum GroupComparisonCSV {
    /// Streams `groups.csv` into `out`.
    ///
    /// - Complexity: O(*m* · *g*).
    public static func writeSummaries(_ c: GroupComparison, to out: TextOutput) {
        var csv = CSVOutput(out)
        csv.header(["metric", "group", "threads", "min", "q1", "median", "mean", "q3", "max"])
        for row in c.rows {
            for (g, s) in zip(c.groups, row.summaries) {
                csv.field(row.metric.definition.id); csv.field(g.name); csv.field(s?.count ?? 0)
                for v in [s?.min, s?.q1, s?.median, s?.mean, s?.q3, s?.max] { csv.field(v) }
                csv.endRow()
            }
        }
    }

    /// Streams `differences.csv` into `out`.
    ///
    /// - Complexity: O(*m*).
    public static func writeDifferences(_ c: GroupComparison, to out: TextOutput) {
        var csv = CSVOutput(out)
        csv.header(["metric", "difference", "intervalLow", "intervalHigh", "p", "exact", "q", "cohensD", "cliffsDelta", "etaSquared", "differsBeyondChance"])
        for row in c.rows {
            csv.field(row.metric.definition.id)
            for v in [row.difference, row.interval?.low, row.interval?.high, row.p] { csv.field(v) }
            csv.field(row.p == nil ? "" : row.exact ? "true" : "false")
            for v in [row.q, row.cohensD, row.cliffsDelta, row.etaSquared] { csv.field(v) }
            csv.field(c.differs(row) ? "true" : "false")
            csv.endRow()
        }
    }
}
