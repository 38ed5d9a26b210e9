/// A topic dictionary's topics side by side across threads: for each topic, the comments that
/// carry it in each thread and their share of the thread's comments.
///
/// Every thread is read with the same dictionary, so topics line up by name (dictionary order).
public struct TopicComparison: Sendable {
    /// The dictionary's file name, as the report shows it.
    public let dictionaryName: String
    /// Topic names, in dictionary order.
    public let topics: [String]
    /// `comments[topic][thread]`: comments of the thread that carry the topic.
    public let comments: [[Int]]
    /// `shares[topic][thread]`: those comments divided by the thread's comments; `nil` for a
    /// thread without comments.
    public let shares: [[Double?]]

    /// Reads every thread with `settings`' dictionary; `nil` when it has none.
    ///
    /// - Complexity: linear in the threads' text (see ``TopicExtractor``).
    public init?(_ threads: [ThreadAnalysis], settings: TopicSettings) {
        guard let dictionary = settings.options.dictionary else { return nil }
        let analyses = threads.map { TopicAnalysis(incidence: TopicExtractor.incidence(of: $0, options: settings.options), analysis: $0, selection: settings.selection) }
        dictionaryName = settings.dictionaryName ?? "dictionary"
        topics = dictionary.topics
        comments = topics.indices.map { i in analyses.map { $0.depth.comments(carrying: Int32(i)) } }
        shares = topics.indices.map { i in analyses.map { $0.depth.share(of: Int32(i)) } }
    }
}
