import Foundation

/// Writes a ``TopicAnalysis`` as JSON (`topics.json`, or a `topics` field of a thread in
/// `metrics.json`), with sorted keys and camelCase names, so the same input gives the same
/// bytes.
///
/// Shape: `{"unit", "units", "edgeRule": {"rule", "minCount", "description"}, "topics": [{"name",
/// "frequency", "comments", "commentShare", "depthShare": {"1", "2", "3+"}, "inArticle",
/// "topAuthors"}], "pairs": [{"topic1", "topic2", "count", "frequency1", "frequency2",
/// "jaccard", "cosine", "inclusion", "associationStrength", "pmi", "npmi", "logLikelihood",
/// "pValue"}], "edges": [{"topic1", "topic2"}], "authorTopics": [{"author", "topic",
/// "comments", "byActivity", "byProminence"}], "depth": {"comments", "articleTopics",
/// "articleTopicShare"}, "glossary": [...]}`. Measures are written in full precision (not
/// rounded like `metrics.json`'s shares): a p-value of 1e-20 must not become 0. A share with
/// no comments to divide by is left out.
public enum TopicsJSON {
    /// The JSON text, ending in a newline.
    ///
    /// - Complexity: O(*p* log *p* + *x* log *x* + *t*·*x*) for *p* pairs, *x* author–topic
    ///   cells and *t* topics.
    public static func write(_ topics: TopicAnalysis) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return MetricsJSON.encode(Entry(topics), encoder) + "\n"
    }

    /// The encodable value behind ``write(_:)``, for embedding in another document.
    public struct Entry: Encodable, Sendable {
        var unit: String
        var units: Int
        var edgeRule: Rule
        var topics: [Topic]
        var pairs: [Pair]
        var edges: [Edge]
        var authorTopics: [AuthorTopic]
        var depth: Depth
        var glossary: [MetricsJSON.GlossaryEntry]

        public init(_ t: TopicAnalysis) {
            let net = t.cooccurrence
            let name = { (id: Int32) in net.topics[Int(id)] }
            unit = t.unit.map(TopicsJSON.unitName) ?? "mixed"
            units = net.unitCount
            edgeRule = Rule(rule: t.selection.description, minCount: t.selection.minCount, description: t.selection.sentence)
            let authorTopic = t.authors
            topics = net.topics.indices.map { i in
                let id = Int32(i)
                var bands: [String: Double] = [:]
                for b in 0..<3 { if let s = t.depth.share(of: id, band: b) { bands[TopicDepthProfile.bands[b]] = s } }
                return Topic(name: net.topics[i], frequency: net.documentFrequency[i], comments: t.depth.comments(carrying: id),
                             commentShare: t.depth.share(of: id), depthShare: bands, inArticle: t.depth.isArticleTopic(id),
                             topAuthors: authorTopic.topAuthors(of: id).map { authorTopic.authors[Int($0.author)] })
            }
            pairs = net.pairs.sorted { EdgeSelection.ranks($0, before: $1, by: .count) }.map { p in
                Pair(topic1: name(p.first), topic2: name(p.second), count: p.count, frequency1: p.firstFrequency, frequency2: p.secondFrequency,
                     jaccard: p.jaccard, cosine: p.cosine, inclusion: p.inclusion, associationStrength: p.associationStrength,
                     pmi: p.pmi, npmi: p.npmi, logLikelihood: p.logLikelihood, pValue: p.pValue)
            }
            edges = t.edges.map { Edge(topic1: name($0.first), topic2: name($0.second)) }
            authorTopics = authorTopic.cells.map { c in
                AuthorTopic(author: authorTopic.authors[Int(c.author)], topic: authorTopic.topics[Int(c.topic)], comments: c.comments,
                            byActivity: c.byActivity, byProminence: c.byProminence)
            }.sorted { ($0.author, $0.topic) < ($1.author, $1.topic) }
            var comments: [String: Int] = [:], onArticle: [String: Double] = [:]
            for b in 0..<3 {
                comments[TopicDepthProfile.bands[b]] = t.depth.commentsInBand[b]
                if let s = t.depth.articleTopicShare(band: b) { onArticle[TopicDepthProfile.bands[b]] = s }
            }
            if let s = t.depth.articleTopicShare { onArticle["all"] = s }
            depth = Depth(comments: comments, articleTopics: t.depth.articleTopics.map { t.depth.topics[Int($0)] }, articleTopicShare: onArticle)
            glossary = (TopicMeasure.allCases.map(\.definition) + AuthorTopicTable.definitions + TopicDepthProfile.definitions)
                .map(MetricsJSON.GlossaryEntry.init)
        }
    }

    struct Rule: Encodable, Sendable { var rule: String, minCount: Int, description: String }

    struct Topic: Encodable, Sendable {
        var name: String
        var frequency: Int
        var comments: Int
        var commentShare: Double?
        var depthShare: [String: Double]
        var inArticle: Bool
        var topAuthors: [String]
    }

    struct Pair: Encodable, Sendable {
        var topic1, topic2: String
        var count, frequency1, frequency2: Int
        var jaccard, cosine, inclusion, associationStrength, pmi, npmi, logLikelihood, pValue: Double
    }

    struct Edge: Encodable, Sendable { var topic1, topic2: String }

    struct AuthorTopic: Encodable, Sendable {
        var author, topic: String
        var comments: Int
        var byActivity, byProminence: Double
    }

    struct Depth: Encodable, Sendable {
        var comments: [String: Int]
        var articleTopics: [String]
        var articleTopicShare: [String: Double]
    }

    /// `comment`, `sentence` or `window:K`.
    static func unitName(_ unit: TopicIncidence.Unit) -> String {
        switch unit {
        case .comment: "comment"
        case .sentence: "sentence"
        case .window(let k): "window:\(k)"
        }
    }
}
