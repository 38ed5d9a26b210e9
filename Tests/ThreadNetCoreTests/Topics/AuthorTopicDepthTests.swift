import Foundation
import Testing
@testable import ThreadNetCore

/// The author × topic table and the depth profile on a small pasted thread, counted by hand.
///
/// Comments in source order (index: author, depth):
/// ```
/// 0 Ann d1   units {A} {A,B}     carries A B
/// 1 Bob d2   units {B}           carries B
/// 2 Ann d3   units {C} {C}       carries C (twice in two units: one comment)
/// 3 Cy  d4   units {}            carries nothing
/// 4 Bob d1   units {A,C}         carries A C
/// 5 [deleted] d1  units {A}      carries A (unknown bucket: not in the author table)
/// 6 Bob d1   units {A}           carries A
/// article    units {A}
/// ```
@Suite("Author × topic table and topic depth profile")
struct AuthorTopicDepthTests {
    static let text = """
    Article text
    Comments
      1. Ann says:
         c0
         1. Bob says:
            c1
            1. Ann says:
               c2
               1. Cy says:
                  c3
      2. Bob says:
         c4
      3. [deleted] says:
         c5
      4. Bob says:
         c6
    """

    static func sample() throws -> (TopicIncidence, ThreadAnalysis) {
        let a = try analyzeText(text)
        let inc = TopicIncidence.make(["A", "B", "C"], [
            (-1, [0]), (0, [0]), (0, [0, 1]), (1, [1]), (2, [2]), (2, [2]), (3, []), (4, [0, 2]), (5, [0]), (6, [0]),
        ], unit: .sentence)
        return (inc, a)
    }

    @Test func threadIsAsDrawn() throws {
        let (_, a) = try Self.sample()
        #expect(a.tree.depth == [1, 2, 3, 4, 1, 1, 1])
        #expect(a.network.names == ["Ann", "Bob", "Cy"])
        #expect(a.network.commentAuthor == [0, 1, 0, 2, 1, -1, 1])
    }

    @Test func authorTopicTable() throws {
        let (inc, a) = try Self.sample()
        let table = AuthorTopicTable(incidence: inc, analysis: a)
        // Comments per author: Ann 2 (0, 2), Bob 3 (1, 4, 6), Cy 1 (3).
        #expect(table.authorComments == [2, 3, 1])
        // Column totals over known authors: A = Ann 1 + Bob 2 = 3 (comment 5 is unknown), B = 2, C = 2.
        #expect(table.topicComments == [3, 2, 2])
        struct Row: Equatable { var u: Int32, t: Int32, n: Int, act: Double, prom: Double }
        let rows = table.cells.map { Row(u: $0.author, t: $0.topic, n: $0.comments, act: $0.byActivity, prom: $0.byProminence) }
        #expect(rows == [
            Row(u: 0, t: 0, n: 1, act: 1.0 / 2, prom: 1.0 / 3),   // Ann–A: 1 of her 2; 1 of A's 3
            Row(u: 0, t: 1, n: 1, act: 1.0 / 2, prom: 1.0 / 2),   // Ann–B
            Row(u: 0, t: 2, n: 1, act: 1.0 / 2, prom: 1.0 / 2),   // Ann–C: comment 2, counted once
            Row(u: 1, t: 0, n: 2, act: 2.0 / 3, prom: 2.0 / 3),   // Bob–A: comments 4 and 6
            Row(u: 1, t: 1, n: 1, act: 1.0 / 3, prom: 1.0 / 2),   // Bob–B
            Row(u: 1, t: 2, n: 1, act: 1.0 / 3, prom: 1.0 / 2),   // Bob–C
        ])
        // A: Bob (2) before Ann (1). B: a tie at 1 comment, Ann first (1/2 of her comments vs 1/3).
        #expect(table.topAuthors(of: 0).map(\.author) == [1, 0])
        #expect(table.topAuthors(of: 1).map(\.author) == [0, 1])
        #expect(table.topAuthors(of: 1, limit: 1).map(\.author) == [0])
    }

    @Test func depthProfileAndDrift() throws {
        let (inc, a) = try Self.sample()
        let d = TopicDepthProfile(incidence: inc, analysis: a)
        // Depth 1: comments 0, 4, 5, 6; depth 2: 1; depth 3+: 2, 3.
        #expect(d.commentsInBand == [4, 1, 2])
        // A: all four depth-1 comments; B: comment 0 (d1) and 1 (d2); C: comment 4 (d1), 2 (d3).
        #expect(d.carrying == [4, 0, 0, 1, 1, 0, 1, 0, 1])
        #expect(d.share(of: 0, band: 0) == 1)
        #expect(d.share(of: 1, band: 0) == 0.25 && d.share(of: 1, band: 1) == 1 && d.share(of: 1, band: 2) == 0)
        #expect(d.share(of: 2, band: 2) == 0.5)
        #expect(d.comments(carrying: 0) == 4)
        #expect(d.share(of: 0) == 4.0 / 7)
        // The article carries A; comments on A: 4 at depth 1, none deeper.
        #expect(d.articleTopics == [0])
        #expect(d.carryingArticleTopic == [4, 0, 0])
        #expect(d.articleTopicShare(band: 0) == 1 && d.articleTopicShare(band: 1) == 0 && d.articleTopicShare(band: 2) == 0)
        let articleShare: Double = 4.0 / 7
        #expect(d.articleTopicShare == articleShare)
    }

    @Test func emptyBandsHaveNoShare() throws {
        let a = try analyzeText("Post\nComments\n  1. Ann says:\n     hi\n")
        let d = TopicDepthProfile(incidence: .make(["A"], [(0, [0])]), analysis: a)
        #expect(d.commentsInBand == [1, 0, 0])
        #expect(d.share(of: 0, band: 0) == 1)
        #expect(d.share(of: 0, band: 1) == nil)
        #expect(d.articleTopicShare(band: 2) == nil)
        #expect(d.articleTopics.isEmpty && d.articleTopicShare == 0)
    }

    /// Merging two copies doubles every count and keeps every share.
    @Test func mergeSums() throws {
        let (inc, a) = try Self.sample()
        let one = TopicAnalysis(incidence: inc, analysis: a)
        let two = TopicAnalysis.merged([one, one])
        #expect(two.authors.authorComments == [4, 6, 2])
        #expect(two.authors.cells.map(\.comments) == one.authors.cells.map { 2 * $0.comments })
        #expect(two.authors.cells.map(\.byActivity) == one.authors.cells.map(\.byActivity))
        #expect(two.depth.carrying == one.depth.carrying.map { 2 * $0 })
        #expect(two.depth.articleTopicShare == one.depth.articleTopicShare)
        #expect(two.unit == .sentence)
    }
}

@Suite("Author × topic diagram")
struct AuthorTopicDOTTests {
    /// Cells as counted in AuthorTopicDepthTests: Ann–A 1, Ann–B 1, Ann–C 1, Bob–A 2, Bob–B 1,
    /// Bob–C 1; topic columns A 3, B 2, C 2.
    @Test func diagram() throws {
        let (inc, a) = try AuthorTopicDepthTests.sample()
        let dot = AuthorTopicDOT.write(AuthorTopicTable(incidence: inc, analysis: a))
        #expect(dot.contains("2 of 2 authors, 3 of 3 topics"))   // Cy carries no topic
        #expect(dot.contains("  a0 [shape=box, fillcolor=\"#e8e8e8\", fontsize=10, label=\"Ann\"]\n  a1 [shape=box"))
        // Font 10 + 14 · column / 3: A → 24, B and C → 19.33.
        #expect(dot.contains("  t0 [shape=ellipse, fillcolor=\"#ffffff\", fontsize=24, label=\"A\\n3\"]\n"))
        #expect(dot.contains("  t2 [shape=ellipse, fillcolor=\"#ffffff\", fontsize=19.33, label=\"C\\n2\"]\n"))
        // Width 1 + 5 (x − 1) / (2 − 1): Bob–A (2) → 6, every other cell (1) → 1.
        #expect(dot.contains("  a0 -- t0 [penwidth=1]\n  a0 -- t1 [penwidth=1]\n  a0 -- t2 [penwidth=1]\n  a1 -- t0 [penwidth=6]\n"))
        #expect(!dot.contains("Cy"))
    }

    /// 16 authors × 10 topics = 160 pairs > 150: only the one pair with 2 comments is linked.
    @Test func denseDiagramsKeepRepeatedPairsOnly() {
        var counts: [UInt64: Int] = [:]
        for u in 0..<16 { for t in 0..<10 { counts[UInt64(u) << 32 | UInt64(t)] = u == 3 && t == 7 ? 2 : 1 } }
        let table = AuthorTopicTable(authors: (0..<16).map { "u\($0)" }, topics: (0..<10).map { "t\($0)" },
                                     authorComments: Array(repeating: 10, count: 16), counts: counts)
        let dot = AuthorTopicDOT.write(table)
        #expect(dot.components(separatedBy: " -- ").count == 2)
        #expect(dot.contains("  a3 -- t7 [penwidth=6]\n"))   // x = 2 = max x: 1 + 5 · 1 / 1
        #expect(dot.contains("only authors with 2 or more comments on a topic are linked"))
    }
}
