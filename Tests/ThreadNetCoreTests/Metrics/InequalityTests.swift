import Foundation
import Testing
@testable import ThreadNetCore

/// Gini, normalised entropy and h-index on lists small enough to work by hand.
@Suite("Inequality helpers")
struct InequalityTests {
    private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-12 }

    @Test func giniDegenerateCases() {
        #expect(Inequality.gini([Int]()) == 0)   // n < 2
        #expect(Inequality.gini([5]) == 0)       // n < 2
        #expect(Inequality.gini([0, 0]) == 0)    // Σx = 0
        #expect(Inequality.gini([3, 3, 3]) == 0) // all equal
    }

    @Test func giniByHand() {
        // [1, 1, 2]: n = 3, Σx = 4; weights 2i − n − 1 = −2, 0, 2 → (−2 + 0 + 4) / (3 · 4) = 1/6.
        #expect(close(Inequality.gini([1, 1, 2]), 1.0 / 6))
        // [3, 1, 2] sorts to 1, 2, 3: (−2·1 + 0·2 + 2·3) / (3 · 6) = 4/18 = 2/9.
        // Check by pairs: |1−2| + |1−3| + |2−3| = 4 unordered, 8 ordered; 8 / (2 · 3 · 6) = 2/9.
        #expect(close(Inequality.gini([3, 1, 2]), 2.0 / 9))
        // [0, 0, 1]: (−2·0 + 0·0 + 2·1) / (3 · 1) = 2/3, the maximum 1 − 1/n.
        #expect(close(Inequality.gini([0, 0, 1]), 2.0 / 3))
    }

    @Test func entropyByHand() {
        #expect(Inequality.normalizedEntropy([Int]()) == 0) // n < 2
        #expect(Inequality.normalizedEntropy([7]) == 0)     // n < 2
        #expect(Inequality.normalizedEntropy([0, 0]) == 0)  // Σx = 0
        #expect(Inequality.normalizedEntropy([1, 0]) == 0)  // p = (1, 0): −1·ln 1 = 0
        // Equal values: −n · (1/n) ln(1/n) / ln n = 1.
        #expect(close(Inequality.normalizedEntropy([1, 1]), 1))
        #expect(close(Inequality.normalizedEntropy([2, 2, 2, 2]), 1))
        // [1, 3]: p = 1/4, 3/4; (1/4 · ln 4 + 3/4 · ln(4/3)) / ln 2 = 0.5 + 0.75 · log2(4/3).
        #expect(close(Inequality.normalizedEntropy([1, 3]), 0.5 + 0.75 * log2(4.0 / 3)))
        // [2, 1, 1]: p = 1/2, 1/4, 1/4; (1/2 · ln 2 + 2 · 1/4 · ln 4) / ln 3 = 1.5 ln 2 / ln 3.
        #expect(close(Inequality.normalizedEntropy([2, 1, 1]), 1.5 * log(2.0) / log(3.0)))
    }

    @Test func hIndexByHand() {
        #expect(Inequality.hIndex([Int]()) == 0)
        #expect(Inequality.hIndex([0, 0]) == 0)
        #expect(Inequality.hIndex([10]) == 1)              // one count ≥ 1, not two ≥ 2
        #expect(Inequality.hIndex([4, 2, 1, 1]) == 2)      // 4, 2 are ≥ 2; only 4 is ≥ 3
        #expect(Inequality.hIndex([1, 2, 3, 4, 5]) == 3)   // 3, 4, 5 are ≥ 3; only 4, 5 ≥ 4
        #expect(Inequality.hIndex([3, 3, 3]) == 3)
        #expect(Inequality.hIndex([5, 5, 5, 5, 5, 5]) == 5) // six counts of 5: h stops at 5
        #expect(Inequality.hIndex([100, 100]) == 2)         // capped by the number of counts
        #expect(Inequality.hIndex([Int32(19), 2]) == 2)
    }
}
