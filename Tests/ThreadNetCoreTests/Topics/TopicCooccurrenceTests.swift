import Foundation
import Testing
@testable import ThreadNetCore

/// Every measure on ``handIncidence`` (see its table in TopicTestSupport.swift), worked by hand.
@Suite("Topic co-occurrence measures")
struct TopicCooccurrenceTests {
    static func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-12 * max(1, abs(y)) }

    @Test func countsLeaveTheArticleOut() {
        let net = TopicCooccurrence(handIncidence)
        // u0 is the article's: N = 5 (u1…u5, u5 without topics), n = (3, 3, 2).
        #expect(net.unitCount == 5)
        #expect(net.documentFrequency == [3, 3, 2])
        #expect(net.pairs.map { [$0.first, $0.second] } == [[0, 1], [0, 2], [1, 2]])
        #expect(net.pairs.map(\.count) == [2, 1, 2])
    }

    @Test func pairAB() throws {
        let p = try #require(TopicCooccurrence(handIncidence).pairs.first { $0.first == 0 && $0.second == 1 })
        // a = 2, n_A = 3, n_B = 3, N = 5.
        #expect(p.jaccard == 0.5)                       // 2 / (3 + 3 − 2)
        #expect(Self.close(p.cosine, 2.0 / 3))          // 2 / √9
        #expect(Self.close(p.inclusion, 2.0 / 3))       // 2 / min(3, 3)
        #expect(Self.close(p.associationStrength, 10.0 / 9))  // 2·5 / (3·3)
        #expect(Self.close(p.pmi, log2(10.0 / 9)))
        #expect(Self.close(p.npmi, log2(10.0 / 9) / log2(5.0 / 2)))  // −log2(2/5) = log2(5/2)
        // Table O = (2, 1, 1, 1); E = (3·3/5, 3·2/5, 2·3/5, 2·2/5) = (1.8, 1.2, 1.2, 0.8).
        // G² = 2 (2 ln(2/1.8) + ln(1/1.2) + ln(1/1.2) + ln(1/0.8)) = 2 (2 ln 10/9 + 2 ln 5/6 + ln 5/4) ≈ 0.138443.
        let g2 = 2 * (2 * log(10.0 / 9) + 2 * log(5.0 / 6) + log(5.0 / 4))
        #expect(Self.close(p.logLikelihood, g2))
        #expect(abs(p.logLikelihood - 0.138443) < 1e-6)
        #expect(Self.close(p.pValue, erfc((g2 / 2).squareRoot())))
        #expect(abs(p.pValue - 0.70983) < 1e-5)   // χ²₁ tail at 0.138443 (tables: ≈ 0.7098)
    }

    @Test func pairAC() throws {
        let p = try #require(TopicCooccurrence(handIncidence).pairs.first { $0.first == 0 && $0.second == 2 })
        // a = 1, n_A = 3, n_C = 2, N = 5.
        #expect(p.jaccard == 0.25)                      // 1 / (3 + 2 − 1)
        #expect(Self.close(p.cosine, 1 / 6.0.squareRoot()))
        #expect(p.inclusion == 0.5)                     // 1 / 2
        #expect(Self.close(p.associationStrength, 5.0 / 6))
        #expect(Self.close(p.pmi, log2(5.0 / 6)))       // negative: less often than by chance
        #expect(Self.close(p.npmi, log2(5.0 / 6) / log2(5)))
        // O = (1, 2, 1, 1); E = (1.2, 1.8, 0.8, 1.2): the same terms as A–B, rearranged.
        let g2 = 2 * (log(1 / 1.2) + 2 * log(2 / 1.8) + log(1 / 0.8) + log(1 / 1.2))
        #expect(Self.close(p.logLikelihood, g2))
    }

    @Test func pairBC() throws {
        let p = try #require(TopicCooccurrence(handIncidence).pairs.first { $0.first == 1 && $0.second == 2 })
        // a = 2, n_B = 3, n_C = 2, N = 5.
        #expect(Self.close(p.jaccard, 2.0 / 3))         // 2 / (3 + 2 − 2)
        #expect(Self.close(p.cosine, 2 / 6.0.squareRoot()))
        #expect(p.inclusion == 1)                       // every unit with C has B
        #expect(Self.close(p.associationStrength, 5.0 / 3))
        #expect(Self.close(p.pmi, log2(5.0 / 3)))
        #expect(Self.close(p.npmi, log2(5.0 / 3) / log2(5.0 / 2)))
        // O = (2, 1, 0, 2) (0 ln 0 = 0); E = (1.2, 1.8, 0.8, 1.2).
        // G² = 2 (2 ln(2/1.2) + ln(1/1.8) + 2 ln(2/1.2)) = 2 (4 ln 5/3 + ln 5/9) ≈ 2 (2.043302 − 0.587787) ≈ 2.91103.
        let g2 = 2 * (4 * log(5.0 / 3) + log(5.0 / 9))
        #expect(Self.close(p.logLikelihood, g2))
        #expect(abs(p.logLikelihood - 2.91103) < 1e-5)
        #expect(abs(p.pValue - 0.0880) < 1e-4)   // χ²₁ tail at 2.911 (tables: 2.706 → 0.10, 3.841 → 0.05; ≈ 0.088)
    }

    /// Two topics in every unit: a = N, so NPMI is 1 by convention, PMI 0, G² 0, p 1.
    @Test func alwaysTogether() throws {
        let inc = TopicIncidence.make(["x", "y"], [(0, [0, 1]), (1, [0, 1])])
        let p = try #require(TopicCooccurrence(inc).pairs.first)
        #expect(p.count == 2 && p.units == 2)
        #expect(p.npmi == 1 && p.pmi == 0 && p.logLikelihood == 0 && p.pValue == 1)
        #expect(p.jaccard == 1 && p.cosine == 1 && p.inclusion == 1 && p.associationStrength == 1)
    }

    /// Pairs that never share a unit are not listed; an article-only pair is not either.
    @Test func noZeroPairs() {
        let inc = TopicIncidence.make(["x", "y", "z"], [(-1, [0, 1]), (0, [0]), (1, [1]), (2, [2])])
        let net = TopicCooccurrence(inc)
        #expect(net.pairs.isEmpty)
        #expect(net.unitCount == 3)
        #expect(net.documentFrequency == [1, 1, 1])
    }

    /// The measures agree with TopicMeasure.value, the single formula each.
    @Test func valueMatchesFields() throws {
        for p in TopicCooccurrence(handIncidence).pairs {
            for m in TopicMeasure.allCases {
                #expect(Self.close(p.value(m), m.value(a: p.count, ni: p.firstFrequency, nj: p.secondFrequency, n: p.units)), "\(m)")
            }
        }
    }

    /// Merging sums N, n_i and a by topic name: the hand incidence twice, the second with its
    /// topics renamed into another order, gives N = 10, n = (6, 6, 4), a = (4, 2, 4).
    @Test func mergeSumsByName() throws {
        let first = TopicCooccurrence(handIncidence)
        // Same units, topics listed as C, A, B: ids 0 = C, 1 = A, 2 = B.
        let renamed = TopicIncidence.make(["C", "A", "B"], [
            (-1, [1, 0]), (0, [1, 2]), (1, [1, 2, 0]), (2, [1]), (3, [2, 0]), (4, []),
        ])
        let merged = TopicCooccurrence.merged([first, TopicCooccurrence(renamed)])
        #expect(merged.topics == ["A", "B", "C"])
        #expect(merged.unitCount == 10)
        #expect(merged.documentFrequency == [6, 6, 4])
        #expect(merged.pairs.map(\.count) == [4, 2, 4])
        // Doubling every count keeps the ratios: Jaccard of A–B still 4 / (6 + 6 − 4) = 0.5.
        #expect(merged.pairs[0].jaccard == 0.5)
        // … but not G²: it doubles (2·O·ln(O/E) with O and E both doubled).
        #expect(Self.close(merged.pairs[0].logLikelihood, 2 * first.pairs[0].logLikelihood))
    }

    /// The order of units does not change the result.
    @Test func unitOrderDoesNotMatter() {
        let inc = syntheticIncidence(seed: 7, units: 120, topicCount: 12)
        var rng = SplitMix64(seed: 99)
        var units = (0..<inc.unitCount).map { (comment: inc.unitComment[$0], topics: Array(inc.topics(of: $0))) }
        units.shuffle(using: &rng)
        #expect(TopicCooccurrence(TopicIncidence.make(inc.topics, units)) == TopicCooccurrence(inc))
    }
}
