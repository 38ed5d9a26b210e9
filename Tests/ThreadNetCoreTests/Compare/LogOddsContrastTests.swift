import Foundation
import Testing
@testable import ThreadNetCore

/// Log-odds z-scores against `scripts/reference/log_odds_reference.py` (plain Python), on
/// the term counts of two small fixtures (YouTube and Hacker News comments).
@Suite("Weighted log-odds with an informative Dirichlet prior")
struct LogOddsContrastTests {
    static func load() throws -> [String: Any] { try Paths.expected("compare/log-odds.expected.json") }

    static func counts(_ any: Any?) throws -> [String: Int] { try #require(any as? [String: Int]) }

    static func check(_ contrast: LogOddsContrast, against expected: [String: Any]) throws {
        let terms = try #require(expected["terms"] as? [String: [String: Double]])
        #expect(contrast.terms.count == terms.count)
        #expect(abs(contrast.priorTotal - (try #require(expected["alpha0"] as? Double))) < 1e-9)
        for t in contrast.terms {
            let e = try #require(terms[t.term], "\(t.term) missing from the reference")
            #expect(abs(t.delta - e["delta"]!) < 1e-9, "\(t.term) delta")
            #expect(abs(t.variance - e["variance"]!) < 1e-9, "\(t.term) variance")
            #expect(abs(t.z - e["z"]!) < 1e-9, "\(t.term) z")
        }
    }

    @Test func defaultPriorMatchesReference() throws {
        let e = try Self.load()
        let contrast = LogOddsContrast(try Self.counts(e["a"]), try Self.counts(e["b"]))
        try Self.check(contrast, against: try #require(e["defaultPrior"] as? [String: Any]))
        // Order: z descending; topA and topB list only terms beyond ±1.96, the reference's own
        // z values deciding which.
        #expect(zip(contrast.terms, contrast.terms.dropFirst()).allSatisfy { $0.z >= $1.z })
        let reference = try #require((e["defaultPrior"] as? [String: Any])?["terms"] as? [String: [String: Double]])
        let aboveA = reference.filter { $0.value["z"]! > 1.96 }.count, belowB = reference.filter { $0.value["z"]! < -1.96 }.count
        #expect(contrast.topA(1000).count == aboveA && contrast.topB(1000).count == belowB)
        #expect(contrast.topA(5).allSatisfy { $0.z > 1.96 } && contrast.topB(5).allSatisfy { $0.z < -1.96 })
        #expect(contrast.topA(1000, minimumZ: 0).count == reference.filter { $0.value["z"]! > 0 }.count)
    }

    @Test func explicitBackgroundMatchesReference() throws {
        let e = try Self.load()
        let contrast = LogOddsContrast(try Self.counts(e["a"]), try Self.counts(e["b"]), background: try Self.counts(e["background"]), priorTotal: 50)
        try Self.check(contrast, against: try #require(e["explicitBackground"] as? [String: Any]))
    }

    /// A text against itself: every δ is log(1) = 0.
    @Test func identicalTextsGiveZero() {
        let a = ["cat": 3, "dog": 1]
        #expect(LogOddsContrast(a, a).terms.allSatisfy { $0.z == 0 && $0.delta == 0 })
        #expect(LogOddsContrast(a, a).topA(3).isEmpty)
    }

    /// One term by hand: a = {x: 2, y: 2}, b = {y: 4}, background a + b = {x: 2, y: 6}, α_0 = 0.8
    /// (0.1 · 8), so α_x = 0.2. n^a = n^b = 4.
    /// δ_x = log(2.2 / (4 + 0.8 − 2.2)) − log(0.2 / (4 + 0.8 − 0.2)) = log(2.2/2.6) − log(0.2/4.6)
    ///     = −0.167054 + 3.135494 = 2.968440; σ² = 1/2.2 + 1/0.2 = 5.454545; z = 1.271013.
    @Test func oneTermByHand() throws {
        let c = LogOddsContrast(["x": 2, "y": 2], ["y": 4])
        let x = try #require(c.terms.first { $0.term == "x" })
        #expect(abs(x.delta - 2.968440) < 1e-5)
        #expect(abs(x.variance - 5.454545) < 1e-5)
        #expect(abs(x.z - 1.271013) < 1e-5)
    }

    /// Words by hand, as the project's tokenizer reads them.
    @Test func termCounts() {
        // Tokenizer words: the, cat's, cat, cats, a, (42 dropped), dog-cat (one word); "the",
        // "a" are stop words.
        #expect(TermCounts.count(["The Cat's cat, CATS! a 42", "dog-cat"]) == ["cat's": 1, "cat": 1, "cats": 1, "dog-cat": 1])
    }
}
