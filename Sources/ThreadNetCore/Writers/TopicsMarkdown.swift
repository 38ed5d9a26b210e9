import Foundation

/// Writes the topics section of `report.md`: the unit and edge rule, the network diagram,
/// every topic with its frequency, depth profile and place in the article, the strongest
/// pairs with every measure, the top authors per topic, the drift from the article's topics,
/// and the definition of every number shown.
///
/// Topic and author names pass through ``Escaping/markdown(_:)``.
public enum TopicsMarkdown {
    /// The section text, starting with a `level` heading (`##`), ending in a blank line.
    ///
    /// - Parameters:
    ///   - image: the diagram's file name relative to the report, if one was rendered.
    ///   - topicLimit: topics listed (most frequent first); the rest are in `metrics.json`.
    ///   - pairLimit: pairs listed (the rule's edges, strongest first).
    /// - Complexity: O(*t* log *t* + *x* log *x*) for *t* topics and *x* author–topic cells.
    public static func section(_ t: TopicAnalysis, level h: String = "##", image: String? = nil,
                               topicLimit: Int = 40, pairLimit: Int = 30, title: String = "Topics", csvName: String = "topics.csv", measures: Bool = true) -> String {
        var md = MarkdownText()
        let net = t.cooccurrence
        let sub = h + "#"
        md.line("\(h) \(title)")
        md.blank()
        md.line("Co-occurrence units: \(unitPhrase(t.unit)); \(net.unitCount) units counted. The article's own text is left out of the co-occurrence counts and used only for the drift below. \(net.pairs.count) pairs of topics share at least one unit (all of them, with every measure, are in `\(csvName)`).")
        md.blank()
        md.line(t.selection.sentence)
        md.blank()
        if let image {
            md.line("![Topic co-occurrence network: node size by the units holding the topic, edge width by \(t.selection.measure.definition.name)](\(image))")
            md.blank()
        }

        let order = net.topics.indices.sorted { (net.documentFrequency[$1], net.topics[$0], $0) < (net.documentFrequency[$0], net.topics[$1], $1) }
        md.line("\(sub) Topics by frequency and depth")
        md.blank()
        if net.topics.isEmpty {
            md.line("No topics were found.")
        } else {
            md.table(["Topic", "Units", "Comments", "Share of comments", "Depth 1", "Depth 2", "Depth 3+", "In the article"],
                     align: "|:---|---:|---:|---:|---:|---:|---:|:---|", order.prefix(topicLimit).map { i in
                let id = Int32(i)
                return [Escaping.markdown(net.topics[i]), "\(net.documentFrequency[i])", "\(t.depth.comments(carrying: id))",
                        share(t.depth.share(of: id)), share(t.depth.share(of: id, band: 0)), share(t.depth.share(of: id, band: 1)),
                        share(t.depth.share(of: id, band: 2)), t.depth.isArticleTopic(id) ? "yes" : ""]
            })
            if net.topics.count > topicLimit { md.line("(\(net.topics.count - topicLimit) more topics in metrics.json.)") }
            md.line("")
            md.line("Comments at depth 1, 2, 3+: \(t.depth.commentsInBand.map(String.init).joined(separator: ", ")). Units: co-occurrence units holding the topic (*n_i*); depth columns: share of the comments at that depth carrying the topic; — when there are none.")
        }
        md.blank()

        md.line("\(sub) Strongest pairs")
        md.blank()
        if t.edges.isEmpty {
            md.line("No pair of topics meets the rule.")
        } else {
            md.table(["Topic 1", "Topic 2", "Co-occurrences", "Jaccard", "Cosine", "Inclusion", "Association strength", "PMI", "NPMI", "G²", "p"],
                     align: "|:---|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|", t.edges.prefix(pairLimit).map { p in
                [Escaping.markdown(net.topics[Int(p.first)]), Escaping.markdown(net.topics[Int(p.second)]), "\(p.count)",
                 decimal(p.jaccard), decimal(p.cosine), decimal(p.inclusion), decimal(p.associationStrength),
                 decimal(p.pmi), decimal(p.npmi), decimal(p.logLikelihood), pValue(p.pValue)]
            })
            if t.edges.count > pairLimit { md.line("(\(t.edges.count - pairLimit) more edges in metrics.json, every pair in \(csvName).)") }
        }
        md.blank()

        md.line("\(sub) Who writes about each topic")
        md.blank()
        let table = t.authors
        let withAuthors = order.filter { table.topicComments[$0] > 0 }
        if withAuthors.isEmpty {
            md.line("No comment by a known author carries a topic.")
        } else {
            md.line("For each topic, the authors with most comments carrying it: comments carrying the topic; share of the author's comments (activity); share of the topic's comments by known authors (prominence).")
            md.blank()
            md.table(["Topic", "Comments by known authors", "Top authors"], align: "|:---|---:|:---|", withAuthors.prefix(topicLimit).map { i in
                let top = table.topAuthors(of: Int32(i), limit: 3).map { c in
                    "\(Escaping.markdown(table.authors[Int(c.author)])) (\(c.comments); \(MarkdownReport.percent(c.byActivity)); \(MarkdownReport.percent(c.byProminence)))"
                }
                return [Escaping.markdown(net.topics[i]), "\(table.topicComments[i])", top.joined(separator: ", ")]
            })
        }
        md.blank()

        md.line("\(sub) Drift from the article's topics")
        md.blank()
        let article = t.depth.articleTopics.map { net.topics[Int($0)] }
        if article.isEmpty {
            md.line("The article's own text carries none of the topics.")
        } else {
            md.line("The article's own text carries \(article.count) topic\(article.count == 1 ? "" : "s"): \(article.prefix(30).map(Escaping.markdown).joined(separator: ", "))\(article.count > 30 ? ", …" : "").")
            md.blank()
            var rows = (0..<3).map { b in
                ["\(TopicDepthProfile.bands[b])", "\(t.depth.commentsInBand[b])", share(t.depth.articleTopicShare(band: b))]
            }
            rows.append(["all", "\(t.depth.commentCount)", share(t.depth.articleTopicShare)])
            md.table(["Depth", "Comments", "Carrying an article topic"], align: "|:---|---:|---:|", rows)
        }
        let offArticle = order.filter { !t.depth.isArticleTopic(Int32($0)) && t.depth.comments(carrying: Int32($0)) > 0 }
            .sorted { (t.depth.comments(carrying: Int32($1)), net.topics[$0], $0) < (t.depth.comments(carrying: Int32($0)), net.topics[$1], $1) }
        if !offArticle.isEmpty {
            md.blank()
            md.line("Topics of the comments that the article does not carry (comments carrying each): " + offArticle.prefix(10).map {
                "\(Escaping.markdown(net.topics[$0])) (\(t.depth.comments(carrying: Int32($0))))"
            }.joined(separator: ", ") + ".")
        }
        md.blank()

        if measures {
            md.line("\(sub) Topic measures")
            md.blank()
            glossary(into: &md)
        }
        return md.text
    }

    /// Every topic measure's definition, from ``definitions``.
    static func glossary(into md: inout MarkdownText) {
        md.line(notation)
        md.blank()
        for d in definitions {
            md.line("- **\(d.name)** (`\(d.id)`, \(d.unit)): \(d.definition)")
        }
        md.blank()
    }

    /// The notation the topic definitions use.
    public static let notation = "N: co-occurrence units counted; n_i, n_j: units holding topic i, topic j; a: units holding both. A comment carries a topic when one of its units holds it."

    /// The definitions of every topic measure, author × topic and depth figure.
    public static var definitions: [MetricDefinition] {
        TopicMeasure.allCases.map(\.definition) + AuthorTopicTable.definitions + TopicDepthProfile.definitions
    }

    static func unitPhrase(_ unit: TopicIncidence.Unit?) -> String {
        switch unit {
        case .comment: "whole comments"
        case .sentence: "sentences of comments"
        case .window(let k): "windows of \(k) consecutive words"
        case nil: "mixed (the threads were counted over different units)"
        }
    }

    static func share(_ x: Double?) -> String { x.map(MarkdownReport.percent) ?? "—" }

    /// Three decimals, trailing zeros dropped.
    static func decimal(_ x: Double) -> String {
        let r = (x * 1000).rounded() / 1000
        return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(r)
    }

    /// A p-value: three decimals, or `1.2e-05` below 0.001.
    static func pValue(_ p: Double) -> String {
        p >= 0.001 ? decimal(p) : p == 0 ? "< 1e-300" : String(format: "%.1e", p)
    }
}
