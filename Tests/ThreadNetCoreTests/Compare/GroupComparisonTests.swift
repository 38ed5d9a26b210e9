import Foundation
import Testing
@testable import ThreadNetCore

/// The group statistics (``GroupTests``) against `scripts/reference/group_reference.py`
/// (NumPy, SciPy, exact enumeration with itertools) and against values worked by hand.
@Suite("Group comparison statistics")
struct GroupComparisonTests {
    static var reference: [String: Any] {
        let url = Paths.fixture("compare/groups.expected.json")
        return (try? JSONSerialization.jsonObject(with: Data(contentsOf: url))) as? [String: Any] ?? [:]
    }

    static func close(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-12) -> Bool {
        guard let a, let b else { return false }
        return abs(a - b) <= tolerance * max(1, abs(a), abs(b))
    }

    /// a = {1, 2}, b = {3, 4}: difference 2; of the C(4, 2) = 6 relabellings, {1, 2} and {3, 4}
    /// reach |difference| 2, so p = 2/6 exactly; every b exceeds every a: δ = 1; both sample
    /// variances 0.5, pooled SD √0.5: d = 2/√0.5 = 2√2.
    @Test func byHand() throws {
        let a = [1.0, 2.0], b = [3.0, 4.0]
        #expect(GroupTests.meanDifference(a, b) == 2)
        let test = try #require(GroupTests.permutationPValue(a, b))
        #expect(test.exact && Self.close(test.p, 1.0 / 3.0))
        #expect(GroupTests.cliffsDelta(a, b) == 1 && GroupTests.cliffsDelta(b, a) == -1)
        #expect(Self.close(GroupTests.cohensD(a, b), 2 * 2.0.squareRoot()))
        // η² of {1, 2}, {3, 4}: grand mean 2.5, total SS 5, between 2·1 + 2·1 = 4: 0.8.
        #expect(Self.close(GroupTests.etaSquared([a, b]), 0.8))
        #expect(GroupTests.magnitude(ofCliffsDelta: -0.2) == "small" && GroupTests.magnitude(ofCliffsDelta: 0.5) == "large")
        // Undefined: an empty group; no variance for d.
        #expect(GroupTests.meanDifference([], b) == nil && GroupTests.cohensD([1, 1], [1, 1]) == nil)
    }

    @Test func matchesTheReference() throws {
        let cases = try #require(Self.reference["cases"] as? [[String: Any]])
        #expect(cases.count == 4)
        for c in cases {
            let name = c["name"] as? String ?? "?"
            let a = try #require(c["a"] as? [Double]), b = try #require(c["b"] as? [Double])
            #expect(Self.close(GroupTests.meanDifference(a, b), c["meanDifference"] as? Double), "\(name) difference")
            let interval = try #require(GroupTests.bootstrapInterval(a, b))
            #expect(Self.close(interval.low, c["intervalLow"] as? Double) && Self.close(interval.high, c["intervalHigh"] as? Double), "\(name) interval \(interval)")
            let test = try #require(GroupTests.permutationPValue(a, b))
            #expect(Self.close(test.p, c["p"] as? Double) && test.exact == (c["exact"] as? Bool), "\(name) p \(test)")
            #expect(Self.close(GroupTests.cohensD(a, b), c["cohensD"] as? Double, 1e-10), "\(name) d")
            #expect(Self.close(GroupTests.cliffsDelta(a, b), c["cliffsDelta"] as? Double), "\(name) δ")
        }
        let eta = try #require(Self.reference["etaSquared"] as? [String: Any])
        #expect(Self.close(GroupTests.etaSquared(try #require(eta["groups"] as? [[Double]])), eta["value"] as? Double, 1e-10))
        let bh = try #require(Self.reference["benjaminiHochberg"] as? [String: [Double]])
        let q = GroupTests.benjaminiHochberg(try #require(bh["p"]).map { $0 })
        #expect(zip(q, try #require(bh["q"])).allSatisfy { Self.close($0, $1) }, "\(q)")
        // Not-a-test entries stay nil and do not count in m.
        #expect(GroupTests.benjaminiHochberg([0.01, nil, 0.04]).map { $0.map { ($0 * 1e12).rounded() / 1e12 } } == [0.02, nil, 0.04])
    }

    /// Two groups of small made-up threads: summaries by hand, one row per metric,
    /// the q-values the Benjamini–Hochberg adjustment of the p-values, ranked by |δ|.
    @Test func comparisonOfTwoGroups() {
        // Five threads: comment counts 1, 2, 3 (group a) and 10, 20 (group b).
        let threads = [1, 2, 3, 10, 20].enumerated().map { k, n in
            ComparedThread(label: "t\(k)", source: "s", metrics: ThreadMetrics(ThreadAnalysis(thread: CommentThread(id: "t\(k)", title: "t",
                comments: (0..<n).map { i in ThreadComment(id: "\(i)", parentID: nil, author: "a\(i % 3)", text: "x", location: SourceLocation(file: "f", line: i + 1)) }))))
        }
        let table = ComparisonTable(threads)
        let c = GroupComparison(table, groups: [.init(name: "a", threads: [0, 1, 2]), .init(name: "b", threads: [3, 4])])
        let comments = c.rows.first { $0.metric.definition.id == "comments" }!
        #expect(comments.summaries[0] == GroupComparison.Summary([1, 2, 3]) && comments.summaries[0]?.median == 2 && comments.summaries[0]?.q1 == 1.5)
        #expect(comments.summaries[1]?.mean == 15 && comments.summaries[1]?.q3 == 17.5)
        // 15 − 2 = 13; C(5, 3) = 10 relabellings, only the observed one reaches 13: p = 0.1, exact.
        #expect(comments.difference == 13 && comments.p == 0.1 && comments.exact && comments.cliffsDelta == 1)
        let q = GroupTests.benjaminiHochberg(c.rows.map(\.p))
        #expect(zip(c.rows, q).allSatisfy { $0.q == $1 })
        let effects = c.ranked.compactMap(\.effect)
        #expect(effects == effects.sorted(by: >))

        // Three groups {1, 2}, {3}, {10, 20}: grand mean 7.2; total SS 254.8; between
        // 2·(1.5 − 7.2)² + (3 − 7.2)² + 2·(15 − 7.2)² = 204.3: η² = 204.3 / 254.8. No pairwise statistics.
        let three = GroupComparison(table, groups: [.init(name: "a", threads: [0, 1]), .init(name: "b", threads: [2]), .init(name: "c", threads: [3, 4])])
        let row = three.rows.first { $0.metric.definition.id == "comments" }!
        #expect(abs(row.etaSquared! - 204.3 / 254.8) < 1e-12 && row.difference == nil && row.cliffsDelta == nil && row.p != nil)
        #expect(three.ranked.first?.effect == three.rows.compactMap(\.etaSquared).max())
    }
}

/// Grouping threads by month and by a list.
@Suite("Thread grouping")
struct ThreadGroupingTests {
    func thread(_ id: String, _ times: [Double]) -> ThreadAnalysis {
        ThreadAnalysis(thread: CommentThread(id: id, title: id, comments: times.enumerated().map { i, t in
            ThreadComment(id: "\(i)", author: "a", timestamp: Date(timeIntervalSince1970: t), text: "x", location: SourceLocation(file: "f", line: i + 1))
        }))
    }

    /// 2023-01-31T23:59:59Z (1675209599) is January; 2023-02-01T00:00:00Z (1675209600) February;
    /// a thread's month is its earliest comment's; no times: undated, last.
    @Test func byMonth() {
        let threads = [thread("b", [1675209600, 1675209599]), thread("c", []), thread("a", [1675209600 + 86_400])]
        let groups = ThreadGrouping.byMonth(threads)
        #expect(groups.map(\.name) == ["2023-01", "2023-02", "undated"])
        #expect(groups.map(\.threads) == [[0], [2], [1]])
    }

    @Test func byList() throws {
        let list = try ThreadGrouping.parseList("thread,group\r\nt3_x,\"left, wing\"\n# a note\n\ny,right\n", file: "g.csv")
        #expect(list.order == ["left, wing", "right"] && list.assignment == ["x": "left, wing", "y": "right"])
        let (groups, unlisted) = ThreadGrouping.byList([thread("t3_y", []), thread("x", []), thread("z", [])], assignment: list.assignment, order: list.order)
        #expect(groups.map(\.name) == ["left, wing", "right"] && groups.map(\.threads) == [[1], [0]] && unlisted == [2])
        #expect(throws: ThreadGrouping.ListError.self) { try ThreadGrouping.parseList("x,a\nx,b\n", file: "g.csv") }
        do {
            _ = try ThreadGrouping.parseList("x,a\ny\n", file: "g.csv")
            Issue.record("a line with one field was accepted")
        } catch let e as ThreadGrouping.ListError {
            #expect(e.description == "g.csv:2: expected two fields, thread,group, got 1 field")
        }
    }
}
