/// Accumulates topic matches unit by unit into the CSR arrays of a ``TopicIncidence``.
struct IncidenceBuilder {
    var counts: [Int32]
    var touched: [Int32] = []
    var unitComment: [Int32] = []
    var unitStart: [Int32] = [0]
    var unitTopics: [Int32] = []
    var unitCounts: [Int32] = []

    init(topicCount: Int) {
        counts = [Int32](repeating: 0, count: topicCount)
    }

    /// Counts one match of `topic` in the open unit.
    mutating func add(_ topic: Int32) {
        if counts[Int(topic)] == 0 { touched.append(topic) }
        counts[Int(topic)] += 1
    }

    /// Closes the open unit, owned by comment `owner` (`-1` = root post).
    mutating func closeUnit(_ owner: Int32) {
        touched.sort()
        for t in touched {
            unitTopics.append(t)
            unitCounts.append(counts[Int(t)])
            counts[Int(t)] = 0
        }
        touched.removeAll(keepingCapacity: true)
        unitComment.append(owner)
        unitStart.append(Int32(unitTopics.count))
    }

    func incidence(unit: TopicIncidence.Unit, topics: [String]) -> TopicIncidence {
        TopicIncidence(unit: unit, topics: topics, unitComment: unitComment, unitStart: unitStart,
                       unitTopics: unitTopics, unitCounts: unitCounts)
    }
}
