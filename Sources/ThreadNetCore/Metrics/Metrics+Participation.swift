/// Participation metrics: computed by ``Participation``, defined here.
///
/// Authors are known authors; the unknown bucket's comments are left out of every figure.
extension Metrics {
    public static let participationScalars: [ScalarMetric] = [
        ScalarMetric(commentsPerAuthor.definition, group: .participation) { $0.participation.meanCommentsPerAuthor },
        ScalarMetric("maxCommentsPerAuthor", "Most comments by one author", group: .participation, unit: "comments", isCount: true,
            "The largest number of comments written by one author.") { Double($0.participation.maxCommentsPerAuthor) },
        ScalarMetric(repeatPosterShare.definition, group: .participation) { $0.participation.repeatPosterShare },
        ScalarMetric(repeatPosterCommentShare.definition, group: .participation) { $0.participation.repeatPosterCommentShare },
        ScalarMetric("topOnePercentShare", "Top 1% authors' share", group: .participation, unit: "fraction",
            "Comments written by the top ⌈1% × authors⌉ authors (at least 1) by comment count, divided by comments by known authors.") { $0.participation.topOnePercentShare },
        ScalarMetric("topFivePercentShare", "Top 5% authors' share", group: .participation, unit: "fraction",
            "As the top 1% share, for the top ⌈5% × authors⌉ authors.") { $0.participation.topFivePercentShare },
        ScalarMetric("topTenPercentShare", "Top 10% authors' share", group: .participation, unit: "fraction",
            "As the top 1% share, for the top ⌈10% × authors⌉ authors.") { $0.participation.topTenPercentShare },
        ScalarMetric("activityGini", "Gini of comments per author", group: .participation, unit: "index 0–1", source: "Gini (1912); sample form without small-n correction",
            "The Gini coefficient of comments per author: with counts sorted ascending x₁…xₙ, Σ(2i − n − 1)xᵢ / (n Σx). 0 when every author wrote as many comments; 0 with fewer than 2 authors.") { $0.participation.gini },
        ScalarMetric("activityEntropy", "Entropy of comments per author", group: .participation, unit: "index 0–1", source: "Shannon (1948), normalised by ln n",
            "The normalised Shannon entropy of comments per author: −Σ pᵢ ln pᵢ / ln n over n authors. 1 when every author wrote as many comments; 0 with fewer than 2 authors.") { $0.participation.entropy },
        ScalarMetric("authorHIndex", "Author h-index", group: .participation, unit: "authors", isCount: true, source: "Hirsch 2005, applied to comments per author",
            "The largest h such that h authors wrote at least h comments each.") { Double($0.participation.authorHIndex) },
    ]

    /// Per-author participation columns (in metrics.json `authors` and `authors.csv`).
    public static let authorParticipationColumns: [MetricDefinition] = [
        MetricDefinition(id: "commentsAtDepth", name: "Comments at each depth", definition: "The author's comments at depth 1, 2, … (a list; in metrics.json as {depth: comments} for the depths where the author wrote).", unit: "comments", scope: .author),
        MetricDefinition(id: "firstCommentTime", name: "First comment", definition: "The earliest timestamp of the author's comments (UTC, ISO 8601); absent when none has a timestamp.", unit: "time", scope: .author),
        MetricDefinition(id: "lastCommentTime", name: "Last comment", definition: "The latest timestamp of the author's comments (UTC, ISO 8601).", unit: "time", scope: .author),
        MetricDefinition(id: "words", name: "Words", definition: "Words written over all the author's comments: a word is a maximal run of letters (Unicode Alphabetic) and digits, a single apostrophe between two of them kept inside (`don't` is one word, `well-known` two).", unit: "words", scope: .author),
    ]
}
