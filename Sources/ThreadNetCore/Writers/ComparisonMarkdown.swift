/// Writes `comparison.md`: the threads side by side, ready to paste into a paper.
///
/// Sections: the threads (label, title, source); one table with a row per scalar metric
/// (``Metrics/scalars``) and a column per thread, each metric linked to its glossary entry,
/// with the median and each thread's z-score when 3 or more threads are compared; a dot
/// plot of key metrics; differences worth noticing (``ComparisonTable/callouts``); shared
/// participants and pairwise Jaccard overlap; vocabulary contrast; the reply trees and
/// author networks as small multiples; glossary; provenance. Every piece of user data is
/// escaped with ``Escaping/markdown(_:)``.
public enum ComparisonMarkdown {
    /// Image paths relative to the report: one per column for each kind of diagram, and the chart.
    public struct Pictures: Sendable {
        public var replyTrees: [String]
        public var authorNetworks: [String]
        public var chart: String?
        public init(replyTrees: [String], authorNetworks: [String], chart: String?) {
            self.replyTrees = replyTrees
            self.authorNetworks = authorNetworks
            self.chart = chart
        }
    }

    /// Shared authors listed at most.
    public static let sharedShown = 30

    /// The Markdown text.
    ///
    /// - Complexity: O(*m* · *t*² + shared authors · *t* + the vocabulary lists).
    public static func write(_ table: ComparisonTable, overlap: AuthorOverlap, vocabulary: VocabularyContrast,
                             pictures: Pictures?, provenance: [Provenance], topics: TopicComparison? = nil) -> String {
        var md = MarkdownText()
        let cols = table.columns
        let labels = cols.map { Escaping.markdown($0.label) }
        md.line("# Comparison of \(cols.count) thread\(cols.count == 1 ? "" : "s")")
        md.blank()
        md.table(["Label", "Title", "Source", "Thread id"], align: "|:---|:---|:---|:---|", cols.map {
            [Escaping.markdown($0.label), Escaping.markdown(Escaping.excerpt($0.analysis.thread.title, limit: 90)),
             Escaping.markdown($0.source), Escaping.markdown($0.analysis.thread.id)]
        })
        md.blank()

        md.line("## Metrics")
        md.blank()
        let stats = table.showsCorpusStatistics
        if stats {
            md.line("Each value is followed by its z-score among the \(cols.count) threads (population standard deviation; blank when every thread has the same value); the median is over the threads. Definitions in the glossary.")
        } else {
            md.line("Definitions in the glossary.")
        }
        md.blank()
        let zs = table.rows.map(\.zScores)
        md.table(["Metric"] + labels + (stats ? ["Median"] : []), align: "|:---|" + String(repeating: "---:|", count: cols.count + (stats ? 1 : 0)),
                 table.rows.enumerated().map { r, row in
            let m = row.metric
            let cells = row.values.indices.map { k -> String in
                let v = ComparisonTable.format(row.values[k], metric: m)
                guard stats, let z = zs[r][k] else { return v }
                return "\(v) (z \(signed(z)))"
            }
            return ["[\(Escaping.markdown(m.definition.name))](#\(anchor(m.definition.id)))"] + cells
                + (stats ? [m.definition.unit == "seconds" ? ComparisonTable.format(row.median, metric: m) : ComparisonTable.format(row.median, isCount: false)] : [])
        })
        md.blank()
        if let chart = pictures?.chart {
            md.line("![Dot plot of key metrics, one colour per thread](\(chart))")
            md.blank()
        }

        md.line("## Differences worth noticing")
        md.blank()
        let callouts = table.callouts
        let quieter = table.quieterDifferences
        if callouts.isEmpty && quieter == 0 {
            md.line("No differences: every metric has the same value in every thread.")
        } else {
            md.line("Metrics whose largest value is at least 1.5 × the smallest (a relative spread of a third or more), most different first, at most \(ComparisonTable.calloutLimit):")
            md.blank()
            if callouts.isEmpty { md.line("- none") }
            for c in callouts { md.line("- \(Escaping.markdown(c))") }
            if quieter > 0 {
                md.blank()
                md.line("\(quieter) other metric\(quieter == 1 ? " differs" : "s differ") less\(callouts.count == ComparisonTable.calloutLimit ? " or beyond the first \(ComparisonTable.calloutLimit)" : ""); every value is in the table above and in `comparison.csv`.")
            }
        }
        md.blank()

        sharedParticipants(table, overlap, labels: labels, into: &md)
        vocabularySection(vocabulary, labels: labels, into: &md)
        if let topics { topicSection(topics, labels: labels, into: &md) }

        if let pictures, !pictures.replyTrees.isEmpty {
            md.line("## Reply trees")
            md.blank()
            md.line("Drawn at one scale with the same settings; an author has the same colour in every picture (authors in several threads or with 2 or more comments). Open an image for full size.")
            md.blank()
            grid(pictures.replyTrees, labels: labels, alt: "Reply tree", into: &md)
            md.line("## Author networks")
            md.blank()
            grid(pictures.authorNetworks, labels: labels, alt: "Author network", into: &md)
        }

        md.line("## Glossary")
        md.blank()
        glossary(table.rows.map(\.metric), into: &md)
        md.line("- **Median, z-score, percentile**: \(statsDefinition)")
        md.line("- **Distinctive terms**: \(vocabularyDefinition)")
        md.line("- **Jaccard overlap**: the authors two threads share divided by the authors in either, |A ∩ B| / |A ∪ B|; authors are matched by exact name.")
        md.blank()

        md.line("## Provenance")
        md.blank()
        for p in provenance {
            md.line("- `\(Escaping.codeSpan(p.input))` (\(p.format)), SHA-256 `\(p.sha256)`")
        }
        md.line("- ThreadNet: \(provenance.first?.version ?? ThreadNetVersion.current)")
        let options = Set(provenance.flatMap(\.options)).sorted()
        md.line("- Options: \(options.isEmpty ? "none" : options.map { "`\(Escaping.codeSpan($0))`" }.joined(separator: ", "))")
        return md.text
    }

    static let statsDefinition = "the median of the threads' values (mean of the two middle ones for an even count); z = (value − mean) / population standard deviation; the percentile rank (in comparison.json) is 100 · (values below + ½ · values equal) / threads."
    static let vocabularyDefinition = "weighted log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, eq. 22); the prior is the pooled term counts of the texts compared (all threads for one-against-the-rest), scaled so that α₀ is 0.1 times their total; z = δ / √σ². Terms are the tokenizer's words (lower-cased, apostrophes kept, URLs and numbers dropped, CJK as character bigrams) of 2 or more characters, without the English stop words of the key terms. |z| > 1.96 is the usual threshold of note."

    /// The dictionary's topics side by side: comments carrying each topic and their share.
    static func topicSection(_ t: TopicComparison, labels: [String], into md: inout MarkdownText) {
        md.line("## Topics (dictionary \(Escaping.markdown(t.dictionaryName)))")
        md.blank()
        md.line("Comments carrying each topic (a comment carries a topic when it contains one of the topic's terms) and their share of the thread's comments.")
        md.blank()
        md.table(["Topic"] + labels, align: "|:---|" + String(repeating: "---:|", count: labels.count), t.topics.indices.map { i in
            [Escaping.markdown(t.topics[i])] + labels.indices.map { k in
                "\(t.comments[i][k]) (\(t.shares[i][k].map(MarkdownReport.percent) ?? "—"))"
            }
        })
        md.blank()
    }

    static func sharedParticipants(_ table: ComparisonTable, _ overlap: AuthorOverlap, labels: [String], into md: inout MarkdownText) {
        md.line("## Shared participants")
        md.blank()
        if overlap.shared.isEmpty {
            md.line("No author wrote in more than one thread.")
        } else {
            md.line("Authors who wrote in more than one thread, with their comments in each:")
            md.blank()
            md.table(["Author"] + labels + ["Total"], align: "|:---|" + String(repeating: "---:|", count: labels.count + 1),
                     overlap.shared.prefix(sharedShown).map { s in [Escaping.markdown(s.name)] + s.comments.map { "\($0)" } + ["\(s.total)"] })
            if overlap.shared.count > sharedShown { md.line("(\(overlap.shared.count - sharedShown) more in comparison.json.)") }
        }
        md.blank()
        if !overlap.pairs.isEmpty {
            md.table(["Thread", "Thread", "Shared authors", "Authors in either", "Jaccard overlap"], align: "|:---|:---|---:|---:|---:|",
                     overlap.pairs.map { [labels[$0.first], labels[$0.second], "\($0.shared)", "\($0.union)", ComparisonTable.format($0.jaccard, isCount: false)] })
            md.blank()
        }
    }

    static func vocabularySection(_ v: VocabularyContrast, labels: [String], into md: inout MarkdownText) {
        guard !v.entries.isEmpty else { return }
        md.line("## Vocabulary contrast")
        md.blank()
        md.line("Terms used distinctively more in one thread than in \(v.entries.first?.other == nil ? "the others pooled" : "the other"), with z-scores of the weighted log-odds ratio (definition in the glossary) and the term's count on each side. Only terms with |z| above \(LogOddsContrast.significantZ) are listed (up to 10 a side): the two-sided 5 % level for one term, so among thousands of terms a few pass by chance.")
        md.blank()
        let k = 10
        func cell(_ t: LogOddsContrast.Term) -> String { "\(Escaping.markdown(t.term)) (z \(signed(t.z)); \(t.countA) vs \(t.countB))" }
        for e in v.entries {
            let a = labels[e.column], b = e.other.map { labels[$0] } ?? "the rest"
            let ta = e.contrast.topA(k), tb = e.contrast.topB(k)
            md.line(e.other == nil ? "### \(a) against the rest" : "### \(a) against \(b)")
            md.blank()
            if ta.isEmpty && tb.isEmpty {
                md.line("No term distinguishes them (none has |z| above \(LogOddsContrast.significantZ)).")
            } else {
                md.table(["More in \(a)", "More in \(b)"], align: "|:---|:---|", (0..<max(ta.count, tb.count)).map {
                    [$0 < ta.count ? cell(ta[$0]) : "", $0 < tb.count ? cell(tb[$0]) : ""]
                })
            }
            md.blank()
        }
    }

    static func grid(_ images: [String], labels: [String], alt: String, into md: inout MarkdownText) {
        let perRow = 3
        var start = 0
        while start < images.count {
            let end = min(start + perRow, images.count)
            md.table(Array(labels[start..<end]), align: "|" + String(repeating: ":---:|", count: end - start),
                     [(start..<end).map { "[![\(alt): \(labels[$0])](\(images[$0]))](\(images[$0]))" }])
            md.blank()
            start = end
        }
    }

    /// A z-score with its sign and 1 decimal.
    static func signed(_ z: Double) -> String {
        let r = (z * 10).rounded() / 10
        return (r > 0 ? "+" : r < 0 ? "−" : "") + String(abs(r))
    }

    /// One glossary entry per metric, each with the anchor the tables link to.
    static func glossary(_ metrics: [ScalarMetric], into md: inout MarkdownText) {
        for m in metrics {
            let d = m.definition
            md.line("- <a id=\"\(anchor(d.id))\"></a>**\(Escaping.markdown(d.name))** (`\(d.id)`, \(Escaping.markdown(d.unit))): \(d.definition)")
        }
    }

    /// The glossary anchor of a metric id.
    static func anchor(_ id: String) -> String { "metric-" + Escaping.fileName(id) }
}
