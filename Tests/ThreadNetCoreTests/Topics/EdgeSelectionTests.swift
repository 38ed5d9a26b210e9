import Testing
@testable import ThreadNetCore

@Suite("Edge selection")
struct EdgeSelectionTests {
    @Test func parsesTheForms() throws {
        #expect(try EdgeSelection(parsing: "top:60") == EdgeSelection(rule: .top(60, by: .count), minCount: 2))
        #expect(try EdgeSelection(parsing: "TOP: 5 :npmi", minCount: 1) == EdgeSelection(rule: .top(5, by: .npmi), minCount: 1))
        #expect(try EdgeSelection(parsing: "min:jaccard=0.2") == EdgeSelection(rule: .atLeast(.jaccard, 0.2)))
        #expect(try EdgeSelection(parsing: "min:association=1.5").rule == .atLeast(.associationStrength, 1.5))
        #expect(try EdgeSelection(parsing: "max:p=0.001").rule == .atMost(.pValue, 0.001))
        #expect(try EdgeSelection(parsing: "min:g2=3.84").rule == .atLeast(.logLikelihood, 3.84))
        #expect(try EdgeSelection(parsing: "min:pmi=-1").rule == .atLeast(.pmi, -1))
        #expect(EdgeSelection.default.description == "top:60")
        #expect(try EdgeSelection(parsing: "top:5:npmi").description == "top:5:npmi")
        #expect(try EdgeSelection(parsing: "min:jaccard=0.2").description == "min:jaccard=0.2")
    }

    @Test(arguments: [
        ("", "cannot read the edge rule"),
        ("top", "cannot read the edge rule"),
        ("top:", "cannot read the edge rule"),
        ("top:abc", "is not a whole number"),
        ("top:0", "keeps no edges"),
        ("top:-3", "keeps no edges"),
        ("top:5:bogus", "unknown measure \"bogus\""),
        ("min:jaccard", "cannot read the edge rule"),
        ("min:=0.2", "cannot read the edge rule"),
        ("min:jaccard=x", "is not a number"),
        ("min:jaccard=nan", "is not a number"),
        ("min:foo=1", "unknown measure \"foo\""),
        ("bottom:5", "cannot read the edge rule"),
        ("jaccard=0.2", "cannot read the edge rule"),
    ])
    func rejects(_ text: String, _ message: String) {
        #expect {
            try EdgeSelection(parsing: text)
        } throws: { error in
            (error as? EdgeSelectionError)?.message.contains(message) == true
        }
    }

    @Test func rejectsMinCountBelowOne() {
        #expect(throws: EdgeSelectionError.self) { try EdgeSelection(parsing: "top:5", minCount: 0) }
    }

    /// On the hand incidence: pairs A–B (a 2, Jaccard 1/2), A–C (a 1, 1/4), B–C (a 2, 2/3).
    @Test func selectsOnTheHandIncidence() throws {
        let net = TopicCooccurrence(handIncidence)
        func names(_ s: EdgeSelection) -> [String] { s.select(net).map { net.topics[Int($0.first)] + net.topics[Int($0.second)] } }
        // Minimum count 2 drops A–C; count ties (2, 2) are broken by Jaccard: B–C first.
        #expect(names(.default) == ["BC", "AB"])
        #expect(names(try EdgeSelection(parsing: "top:1")) == ["BC"])
        #expect(names(try EdgeSelection(parsing: "top:10", minCount: 1)) == ["BC", "AB", "AC"])
        // PMI: B–C log2(5/3) > A–B log2(10/9) > A–C log2(5/6).
        #expect(names(try EdgeSelection(parsing: "top:3:pmi", minCount: 1)) == ["BC", "AB", "AC"])
        // Jaccard ≥ 0.5: B–C (2/3) and A–B (1/2, kept: the bound is inclusive).
        #expect(names(try EdgeSelection(parsing: "min:jaccard=0.5", minCount: 1)) == ["BC", "AB"])
        #expect(names(try EdgeSelection(parsing: "min:jaccard=0.7", minCount: 1)) == [])
        // p ≤ 0.5: only B–C (p ≈ 0.088; A–B and A–C ≈ 0.71); ranked smallest p first.
        #expect(names(try EdgeSelection(parsing: "max:p=0.5", minCount: 1)) == ["BC"])
        #expect(names(try EdgeSelection(parsing: "top:3:p", minCount: 1)).first == "BC")
        #expect(names(try EdgeSelection(parsing: "min:count=2", minCount: 3)) == [])
    }

    @Test func sentencesStateTheRule() throws {
        #expect(EdgeSelection.default.sentence == "Edges: of pairs that share at least 2 units, the 60 with the most co-occurrences, ties broken by Jaccard index, then by topic names (`top:60`, minimum count 2).")
        #expect(try EdgeSelection(parsing: "min:jaccard=0.2", minCount: 1).sentence == "Edges: of every pair that shares at least one unit, every one with Jaccard index ≥ 0.2 (`min:jaccard=0.2`, minimum count 1).")
    }
}
