/// The topic co-occurrence network of one thread (or of a corpus): unit frequencies per topic
/// and every pair of topics that share a unit, with all ``TopicMeasure``s.
///
/// Units of the root post (`unitComment == -1`) are left out: *N* counts the comment units
/// (every one, also those without topics), `documentFrequency[i]` (*n_i*) the comment units
/// that contain topic *i*, and a pair's `count` (*a*) those that contain both.
///
/// ```swift
/// let network = TopicCooccurrence(incidence)
/// network.pairs.first?.jaccard
/// ```
public struct TopicCooccurrence: Hashable, Sendable {
    /// Topic names, indexed by topic id (those of the incidence).
    public let topics: [String]
    /// *N*: co-occurrence units counted (the root post's left out).
    public let unitCount: Int
    /// *n_i*: for each topic, the counted units that contain it.
    public let documentFrequency: [Int]
    /// Every pair with *a* ≥ 1, sorted by (`first`, `second`).
    public let pairs: [TopicPair]

    /// Counts the pairs of `incidence`.
    ///
    /// - Complexity: O(Σ *k_u*² + *p* log *p*) for *k_u* topics in unit *u* and *p* pairs;
    ///   memory O(*t* + *p*) for *t* topics.
    public init(_ incidence: TopicIncidence) {
        var frequency = [Int](repeating: 0, count: incidence.topics.count)
        var counts: [UInt64: Int] = [:]
        var units = 0
        for u in 0..<incidence.unitCount where incidence.unitComment[u] >= 0 {
            units += 1
            let ids = incidence.topics(of: u)
            for x in ids.indices {
                let i = ids[x]
                frequency[Int(i)] += 1
                for y in (x + 1)..<ids.endIndex where ids[y] != i {
                    counts[Self.key(i, ids[y]), default: 0] += 1
                }
            }
        }
        self.init(topics: incidence.topics, unitCount: units, documentFrequency: frequency, counts: counts)
    }

    /// Builds the pairs from packed pair counts (`key(i, j)` → *a*).
    init(topics: [String], unitCount: Int, documentFrequency: [Int], counts: [UInt64: Int]) {
        self.topics = topics
        self.unitCount = unitCount
        self.documentFrequency = documentFrequency
        self.pairs = counts.keys.sorted().map { k in
            let i = Int32(truncatingIfNeeded: k >> 32), j = Int32(truncatingIfNeeded: k & 0xFFFF_FFFF)
            return TopicPair(first: i, second: j, count: counts[k] ?? 0, firstFrequency: documentFrequency[Int(i)],
                             secondFrequency: documentFrequency[Int(j)], units: unitCount)
        }
    }

    /// The packed key of the pair {`i`, `j`}: the smaller id in the high 32 bits.
    static func key(_ i: Int32, _ j: Int32) -> UInt64 {
        let (lo, hi) = i < j ? (i, j) : (j, i)
        return UInt64(UInt32(lo)) << 32 | UInt64(UInt32(hi))
    }

    /// The networks of several threads summed into one: topics matched by name (in order of
    /// first appearance), *N*, *n_i* and *a* added, and every measure computed again from the
    /// sums.
    ///
    /// - Complexity: O(Σ (*t* + *p*) + *p* log *p*) over the parts.
    public static func merged(_ parts: [TopicCooccurrence]) -> TopicCooccurrence {
        var index: [String: Int32] = [:]
        var topics: [String] = []
        var frequency: [Int] = []
        var counts: [UInt64: Int] = [:]
        var units = 0
        for part in parts {
            let map = part.topics.map { name in
                if let id = index[name] { return id }
                let id = Int32(topics.count)
                index[name] = id
                topics.append(name)
                frequency.append(0)
                return id
            }
            units += part.unitCount
            for (i, f) in part.documentFrequency.enumerated() { frequency[Int(map[i])] += f }
            for p in part.pairs { counts[key(map[Int(p.first)], map[Int(p.second)]), default: 0] += p.count }
        }
        return TopicCooccurrence(topics: topics, unitCount: units, documentFrequency: frequency, counts: counts)
    }
}
