import Testing
@testable import ThreadNetCore

@Suite("Statistics across threads")
struct ComparisonStatsTests {
    /// The textbook example 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x − 5)² = 32, population
    /// variance 32 / 8 = 4, σ = 2; median (4 + 5) / 2 = 4.5; z(9) = (9 − 5) / 2 = 2;
    /// percentile of 4: (1 below + ½ · 3 equal) / 8 = 31.25%; Q1 (type 7): h = 7 · 0.25 = 1.75,
    /// sorted[1] + 0.75 · (sorted[2] − sorted[1]) = 4.
    @Test func byHand() {
        let v: [Double] = [9, 4, 2, 4, 5, 4, 7, 5]
        #expect(ComparisonStats.mean(v) == 5)
        #expect(ComparisonStats.standardDeviation(v) == 2)
        #expect(ComparisonStats.median(v) == 4.5)
        #expect(ComparisonStats.median([3, 1, 2]) == 2)
        #expect(ComparisonStats.zScore(9, in: v) == 2)
        #expect(ComparisonStats.percentileRank(4, in: v) == 31.25)
        #expect(ComparisonStats.percentileRank(7, in: [7]) == 50)
        #expect(ComparisonStats.quantile(v, 0.25) == 4)
        #expect(ComparisonStats.quantile(v, 1) == 9)
    }

    @Test func undefinedCases() {
        #expect(ComparisonStats.median([]) == nil)
        #expect(ComparisonStats.zScore(3, in: [3, 3, 3]) == nil)
        #expect(ComparisonStats.percentileRank(1, in: []) == nil)
    }

    /// Counts in powers of two: 0 | 1 | 2–3 | 4–7 | 8–15, by hand for 0, 1, 2, 3, 4, 8, 8.
    @Test func histogramOfCounts() {
        let h = Histogram([1, 2, 3, 4, 8, 8, 0], isCount: true)
        #expect(h.bins.map(\.label) == ["0", "1", "2–3", "4–7", "8–15"])
        #expect(h.bins.map(\.count) == [1, 1, 2, 1, 2])
    }

    /// Equal-width bins: 0 … 1 in 10 bins of 0.1; 1 falls in the last, closed bin.
    @Test func histogramOfFractions() {
        let h = Histogram([0, 0.05, 0.5, 1], isCount: false)
        #expect(h.bins.count == 10)
        #expect(h.bins.map(\.count) == [2, 0, 0, 0, 0, 1, 0, 0, 0, 1])
        #expect(Histogram([0.5, 0.5], isCount: false).bins.map(\.count) == [2])
    }
}
