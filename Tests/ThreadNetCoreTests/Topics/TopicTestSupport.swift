import Foundation
@testable import ThreadNetCore

extension TopicIncidence {
    /// An incidence from per-unit topic lists (each list's ids in any order, counts 1).
    static func make(_ topics: [String], _ units: [(comment: Int32, topics: [Int32])], unit: Unit = .comment) -> TopicIncidence {
        var start: [Int32] = [0], ids: [Int32] = []
        for u in units {
            ids += u.topics.sorted()
            start.append(Int32(ids.count))
        }
        return TopicIncidence(unit: unit, topics: topics, unitComment: units.map(\.comment), unitStart: start,
                              unitTopics: ids, unitCounts: Array(repeating: 1, count: ids.count))
    }
}

/// The tiny incidence worked by hand in the tests: topics A, B, C; one article unit and five
/// comment units.
///
/// ```
/// unit  comment  topics
/// u0    -1       A C      (article: not counted)
/// u1     0       A B
/// u2     1       A B C
/// u3     2       A
/// u4     3       B C
/// u5     4       —
/// ```
/// N = 5; n_A = 3 (u1 u2 u3), n_B = 3 (u1 u2 u4), n_C = 2 (u2 u4);
/// a(A,B) = 2 (u1 u2), a(A,C) = 1 (u2), a(B,C) = 2 (u2 u4).
let handIncidence = TopicIncidence.make(["A", "B", "C"], [
    (-1, [0, 2]), (0, [0, 1]), (1, [0, 1, 2]), (2, [0]), (3, [1, 2]), (4, []),
])

/// A synthetic incidence: `units` units over `topicCount` topics, a few article units first;
/// topic t is drawn with probability decreasing in t, and topics 2k, 2k+1 tend to come together.
func syntheticIncidence(seed: UInt64, units: Int, topicCount: Int, articleUnits: Int = 3) -> TopicIncidence {
    var rng = SplitMix64(seed: seed)
    var list: [(comment: Int32, topics: [Int32])] = []
    for u in 0..<units {
        var set = Set<Int32>()
        for t in 0..<topicCount where Double.random(in: 0..<1, using: &rng) < 0.35 / Double(1 + t / 3) {
            set.insert(Int32(t))
            if t % 2 == 0, t + 1 < topicCount, Double.random(in: 0..<1, using: &rng) < 0.6 { set.insert(Int32(t + 1)) }
        }
        list.append((u < articleUnits ? -1 : Int32(u - articleUnits), Array(set)))
    }
    return TopicIncidence.make((0..<topicCount).map { "topic \($0)" }, list)
}
