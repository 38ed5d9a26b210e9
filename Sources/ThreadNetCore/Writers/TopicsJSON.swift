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
        TextOutput.text { out in
            let json = JSONOutput(out)
            json.object { write(topics, json) }
        }
    }

    /// Writes the members of the object for `t` (inside an object the caller opened), for
    /// embedding in another document; without `authorTopics` when `cells` is false (each
    /// topic's `topAuthors` stay).
    public static func write(_ t: TopicAnalysis, cells: Bool = true, _ json: JSONOutput) {
        let net = t.cooccurrence
        let authorTopic = t.authors
        if cells { json.field("authorTopics", array: {
            let cells = authorTopic.cells.map { c in
                (author: authorTopic.authors[Int(c.author)], topic: authorTopic.topics[Int(c.topic)], comments: c.comments,
                 byActivity: c.byActivity, byProminence: c.byProminence)
            }.sorted { ($0.author, $0.topic) < ($1.author, $1.topic) }
            for c in cells {
                json.object(inline: true) {
                    json.field("author", c.author)
                    json.field("byActivity", c.byActivity)
                    json.field("byProminence", c.byProminence)
                    json.field("comments", c.comments)
                    json.field("topic", c.topic)
                }
            }
        }) }
        json.field("depth", inlineObject: {
            json.field("articleTopicShare", object: {
                var onArticle: [(String, Double)] = []
                for b in 0..<3 { if let s = t.depth.articleTopicShare(band: b) { onArticle.append((TopicDepthProfile.bands[b], s)) } }
                if let s = t.depth.articleTopicShare { onArticle.append(("all", s)) }
                for (k, v) in onArticle.sorted(by: { $0.0 < $1.0 }) { json.field(k, v) }
            })
            json.key("articleTopics"); json.strings(t.depth.articleTopics.map { t.depth.topics[Int($0)] })
            json.field("comments", counts: (0..<3).map { (TopicDepthProfile.bands[$0], t.depth.commentsInBand[$0]) }.sorted { $0.0 < $1.0 })
        })
        edgeRuleAndEdges(t.selection, t.edges, topics: net.topics, json)
        json.field("glossary", array: {
            for d in TopicMeasure.allCases.map(\.definition) + AuthorTopicTable.definitions + TopicDepthProfile.definitions {
                MetricsJSON.glossaryEntry(d, json)
            }
        })
        json.field("pairs", array: { pairs(net, json) })
        json.field("topics", array: {
            for i in net.topics.indices {
                let id = Int32(i)
                json.object(inline: true) {
                    if let share = t.depth.share(of: id) { json.field("commentShare", share) }
                    json.field("comments", t.depth.comments(carrying: id))
                    json.field("depthShare", object: {
                        var bands: [(String, Double)] = []
                        for b in 0..<3 { if let s = t.depth.share(of: id, band: b) { bands.append((TopicDepthProfile.bands[b], s)) } }
                        for (k, v) in bands.sorted(by: { $0.0 < $1.0 }) { json.field(k, v) }
                    })
                    json.field("frequency", net.documentFrequency[i])
                    json.field("inArticle", t.depth.isArticleTopic(id))
                    json.field("name", net.topics[i])
                    json.key("topAuthors"); json.strings(authorTopic.topAuthors(of: id).map { authorTopic.authors[Int($0.author)] })
                }
            }
        })
        json.field("unit", t.unit.map(TopicsJSON.unitName) ?? "mixed")
        json.field("units", net.unitCount)
    }

    /// The members `edgeRule` (the rule that chose the drawn pairs) and `edges` (those pairs).
    static func edgeRuleAndEdges(_ selection: EdgeSelection, _ edges: [TopicPair], topics: [String], _ json: JSONOutput) {
        json.field("edgeRule", inlineObject: {
            json.field("description", selection.sentence)
            json.field("minCount", selection.minCount)
            json.field("rule", selection.description)
        })
        json.field("edges", array: {
            for e in edges {
                json.object(inline: true) {
                    json.field("topic1", topics[Int(e.first)])
                    json.field("topic2", topics[Int(e.second)])
                }
            }
        })
    }

    /// Every pair of `net` with every measure, most co-occurrences first, one inline object each.
    static func pairs(_ net: TopicCooccurrence, _ json: JSONOutput) {
        let name = { (id: Int32) in net.topics[Int(id)] }
        for p in net.pairs.sorted(by: { EdgeSelection.ranks($0, before: $1, by: .count) }) {
            json.object(inline: true) {
                json.field("associationStrength", p.associationStrength)
                json.field("cosine", p.cosine)
                json.field("count", p.count)
                json.field("frequency1", p.firstFrequency)
                json.field("frequency2", p.secondFrequency)
                json.field("inclusion", p.inclusion)
                json.field("jaccard", p.jaccard)
                json.field("logLikelihood", p.logLikelihood)
                json.field("npmi", p.npmi)
                json.field("pValue", p.pValue)
                json.field("pmi", p.pmi)
                json.field("topic1", name(p.first))
                json.field("topic2", name(p.second))
            }
        }
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
