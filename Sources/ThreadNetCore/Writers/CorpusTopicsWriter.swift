/// Writes the corpus-wide topics (``CorpusTopics``): the key terms as CSV, every pair as CSV
/// (the columns of a thread's `topics.csv`), a `metrics.json` block, a report section and a
/// diagram. Reals keep full precision in CSV and JSON.
public enum CorpusTopicsWriter {
    /// The columns of `corpus-terms.csv`.
    public static let termHeader = ["rank", "term", "key", "collocation", "documents", "comments", "frequency", "logLikelihood"]

    /// `corpus-terms.csv`: one row per key term, best first.
    ///
    /// Columns: `rank` (from 1); `term` (the label: the most frequent surface form); `key` (the
    /// form counted: the stem when stemming, two words joined by a space for a collocation);
    /// `collocation` (`true`/`false`); `documents` (root posts and comments holding it, the
    /// ranking key); `comments` (comments holding it: its co-occurrence frequency *n_i*);
    /// `frequency` (occurrences); `logLikelihood` (Dunning's G² of a collocation, empty for a
    /// word).
    ///
    /// - Complexity: O(*K*).
    public static func terms(_ t: CorpusTopics, to out: TextOutput) {
        var csv = CSVOutput(out)
        csv.row(termHeader)
        for (k, term) in t.terms.enumerated() {
            csv.field(k + 1)
            csv.field(term.label)
            csv.field(term.key)
            csv.field(term.isCollocation ? "true" : "false")
            csv.field(term.documentFrequency)
            csv.field(t.cooccurrence.documentFrequency[k])
            csv.field(term.frequency)
            csv.field(term.logLikelihood)
            csv.endRow()
        }
    }

    /// `corpus-topics.csv`: every pair of key terms sharing a comment, with every measure
    /// (columns of ``TopicsCSV/pairHeader``).
    public static func pairs(_ t: CorpusTopics, to out: TextOutput) {
        out.write(TopicsCSV.pairs(t.cooccurrence))
    }

    /// The members of `metrics.json`'s `corpus.topics` object: `definition`, `unit`
    /// (`comment`), `units` (*N*, comments), `maxTerms`, `minDocuments`, `stem`, `terms`
    /// (`name`, `key`, `collocation`, `documents`, `comments`, `frequency`, `logLikelihood`
    /// for collocations), `pairs` (as a thread's topics), `edgeRule` and `edges` (the pairs
    /// the diagram draws).
    public static func json(_ t: CorpusTopics, _ json: JSONOutput) {
        let net = t.cooccurrence
        json.field("definition", definition)
        TopicsJSON.edgeRuleAndEdges(t.selection, t.edges, topics: net.topics, json)
        json.field("language", t.language.language.name)
        json.field("maxTerms", t.options.maxTerms)
        json.field("minDocuments", t.options.minDocumentFrequency)
        json.field("pairs", array: { TopicsJSON.pairs(net, json) })
        json.field("stem", t.options.stem)
        json.field("terms", array: {
            for (k, term) in t.terms.enumerated() {
                json.object(inline: true) {
                    json.field("collocation", term.isCollocation)
                    json.field("comments", net.documentFrequency[k])
                    json.field("documents", term.documentFrequency)
                    json.field("frequency", term.frequency)
                    json.field("key", term.key)
                    if let g2 = term.logLikelihood { json.field("logLikelihood", g2) }
                    json.field("name", term.label)
                }
            }
        })
        json.field("unit", "comment")
        json.field("units", net.unitCount)
    }

    /// One sentence stating what the corpus-wide topics are.
    public static let definition = "Automatic key terms of all the corpus's text (every comment and root post as one document): words without stop words and two-word collocations with Dunning's G² ≥ 3.84, ranked by the documents holding them; co-occurrence counted per comment."

    /// Rows of the report's term and pair tables.
    public static let listed = 20

    /// The report section: the key terms, the strongest pairs and the diagram.
    static func section(_ t: CorpusTopics, level h: String, into md: inout MarkdownText) {
        let net = t.cooccurrence
        md.line("\(h) Topics across the corpus")
        md.blank()
        guard !t.terms.isEmpty else {
            md.line("No word occurs in \(t.options.minDocumentFrequency) or more comments, so the corpus has no key terms.")
            md.blank()
            return
        }
        var settings = "the first \(t.options.maxTerms) kept, each in at least \(t.options.minDocumentFrequency) documents"
        if t.options.stem { settings += ", words counted under their Snowball stem" }
        md.line("The automatic key terms of all the corpus's text, taken as one collection (each comment and each root post a document): words other than stop words, and two-word collocations (Dunning's G² ≥ 3.84), ranked by the documents holding them, \(settings). Co-occurrence is counted per comment over \(net.unitCount) comments. Every term is in `corpus-terms.csv`, every pair with every measure in `corpus-topics.csv`; the measures are defined in the topics glossary.")
        md.blank()
        md.line(t.language.sentence)
        md.blank()
        md.table(["Rank", "Term", "Comments", "Share of comments", "Occurrences"], align: "|---:|:---|---:|---:|---:|",
                 t.terms.prefix(listed).enumerated().map { k, term in
            ["\(k + 1)", Escaping.markdown(term.label) + (term.isCollocation ? " (collocation)" : ""), "\(net.documentFrequency[k])",
             net.unitCount > 0 ? MarkdownReport.percent(Double(net.documentFrequency[k]) / Double(net.unitCount)) : "—", "\(term.frequency)"]
        })
        md.blank()
        let strongest = net.pairs.sorted { EdgeSelection.ranks($0, before: $1, by: .count) }.prefix(listed)
        if !strongest.isEmpty {
            md.line("Pairs sharing most comments:")
            md.blank()
            md.table(["Term", "Term", "Comments with both", "Jaccard", "NPMI"], align: "|:---|:---|---:|---:|---:|", strongest.map { p in
                [Escaping.markdown(net.topics[Int(p.first)]), Escaping.markdown(net.topics[Int(p.second)]), "\(p.count)",
                 MarkdownReport.significant(p.jaccard), MarkdownReport.significant(p.npmi)]
            })
            md.blank()
        }
        md.line("![Topic co-occurrence across the corpus: key terms sharing comments](corpus-topics.png)")
        md.blank()
    }
}
