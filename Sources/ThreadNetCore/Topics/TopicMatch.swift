/// One occurrence of a topic in a text: the topic id and the token range it covers.
public struct TopicMatch: Hashable, Sendable {
    /// The topic (index into the topic list).
    public var topic: Int32
    /// Index of the first token.
    public var start: Int32
    /// Index one past the last token.
    public var end: Int32

    public init(topic: Int32, start: Int32, end: Int32) {
        self.topic = topic
        self.start = start
        self.end = end
    }
}
