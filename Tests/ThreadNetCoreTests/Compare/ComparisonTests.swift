import Foundation
import Testing
@testable import ThreadNetCore

@Suite("Comparing threads")
struct ComparisonTests {
    /// Thread A: Ann, Ben, Ann (replying to Ben), Cat — authors {Ann, Ben, Cat}.
    static let a = """
        Thread A

        Comments

          1. Ann says:
             The budget vote is tonight.
          2. Ben says:
             Budget again, really.
                1. Ann says:
                   Yes, the budget.
          3. Cat says:
             Parks matter.
        """
    /// Thread B: Ben, Dan, Ben, Ann — authors {Ann, Ben, Dan}.
    static let b = """
        Thread B

        Comments

          1. Ben says:
             Police on every corner.
          2. Dan says:
             Police overtime costs.
          3. Ben says:
             More police.
          4. Ann says:
             I disagree.
        """

    static func compared(_ threads: [(String, ThreadAnalysis)]) -> [ComparedThread] {
        threads.map { ComparedThread(label: $0.0, source: "test.txt", metrics: ThreadMetrics($0.1)) }
    }

    /// By hand: Ann (2 in A, 1 in B) and Ben (1, 2) are shared, 3 comments each, sorted by
    /// name; Cat and Dan are not. Jaccard = |{Ann, Ben}| / |{Ann, Ben, Cat, Dan}| = 2 / 4.
    @Test func sharedAuthorsAndJaccard() throws {
        let ta = try analyzeText(Self.a), tb = try analyzeText(Self.b)
        let o = AuthorOverlap([ta, tb])
        #expect(o.shared == [AuthorOverlap.SharedAuthor(name: "Ann", comments: [2, 1]), AuthorOverlap.SharedAuthor(name: "Ben", comments: [1, 2])])
        #expect(o.pairs.count == 1)
        #expect(o.pairs[0].shared == 2 && o.pairs[0].union == 4 && o.pairs[0].jaccard == 0.5)
    }

    /// A thread against itself: identical columns, no difference called out.
    @Test func threadWithItself() throws {
        let seed = try analyzeText(String(contentsOf: Paths.seed, encoding: .utf8))
        let table = ComparisonTable(Self.compared([("x", seed), ("y", seed)]))
        #expect(table.rows.count == Metrics.scalars.count)
        for row in table.rows { #expect(row.values[0] == row.values[1], "\(row.metric.definition.id)") }
        #expect(table.callouts.isEmpty)
        let csv = ComparisonCSV.write(table).split(separator: "\n")
        #expect(csv[1].dropFirst(2) == csv[2].dropFirst(2))  // same but for the label
        let bundle = ComparisonBundle(Self.compared([("x", seed), ("y", seed)]), provenance: [])
        let md = try #require(bundle.documents.first { $0.path == "comparison.md" }).contents
        #expect(md.contains("No differences: every metric has the same value in every thread."))
    }

    /// Swapping the inputs swaps the columns and nothing else.
    @Test func swappingSwapsColumns() throws {
        let ta = try analyzeText(Self.a), tb = try analyzeText(Self.b)
        let ab = ComparisonTable(Self.compared([("A", ta), ("B", tb)]))
        let ba = ComparisonTable(Self.compared([("B", tb), ("A", ta)]))
        for (r1, r2) in zip(ab.rows, ba.rows) { #expect(r1.values == r2.values.reversed()) }
        let csvAB = ComparisonCSV.write(ab).split(separator: "\n"), csvBA = ComparisonCSV.write(ba).split(separator: "\n")
        #expect(csvAB[0] == csvBA[0] && csvAB[1] == csvBA[2] && csvAB[2] == csvBA[1])
        // By hand: A has 4 comments, B 4; A max depth 2, B 1.
        let depth = try #require(ab.rows.first { $0.metric.definition.id == "maxDepth" })
        #expect(depth.values == [2, 1])
        #expect(ab.callouts.contains("Maximum depth: highest in A (2), lowest in B (1), 2×."))
        // Only differences of a third or more are called out, the largest first; the rest are counted.
        let differing = ab.rows.filter(\.differs)
        let spreads = differing.map { r in (r.defined.max()! - r.defined.min()!) / max(abs(r.defined.max()!), abs(r.defined.min()!)) }
        let noticeable = spreads.filter { $0 >= 1.0 / 3.0 }.count
        #expect(ab.callouts.count == min(noticeable, ComparisonTable.calloutLimit))
        #expect(ab.quieterDifferences == differing.count - ab.callouts.count)
        #expect(ab.callouts.first.map { $0.hasSuffix("×.") || $0.contains("lowest in") } == true)
    }

    /// Shared colours: Ann (2 threads, 3 comments) gets the first fill, Ben (2 threads, 3)
    /// the second (by name); Cat and Dan (1 comment, 1 thread) none. Checked on the DOT text
    /// of both reply trees and both author networks.
    @Test func sharedAuthorColoursAgree() throws {
        let ta = try analyzeText(Self.a), tb = try analyzeText(Self.b)
        let colors = Palette.sharedColors([ta, tb])
        #expect(colors == ["Ann": Palette.fills[0], "Ben": Palette.fills[1]])
        #expect(Palette.sharedColors([tb, ta]) == colors)
        for t in [ta, tb] {
            let tree = ReplyTreeDOT.write(t, colors: colors)
            let lines = tree.split(separator: "\n")
            func filled(_ name: String, _ color: String) -> Int { lines.count { $0.contains(". \(name)\"") && $0.contains("fillcolor=\"\(color)\"") } }
            #expect(filled("Ann", Palette.fills[0]) == Metrics.authorCommentCounts(t).first { $0.name == "Ann" }!.comments)
            #expect(filled("Ben", Palette.fills[1]) == Metrics.authorCommentCounts(t).first { $0.name == "Ben" }!.comments)
            let net = AuthorNetworkDOT.write(t, colors: colors)
            #expect(net.contains("label=\"Ann\\n") && net.split(separator: "\n").contains { $0.contains("label=\"Ann\\n") && $0.contains("fillcolor=\"\(Palette.fills[0])\"") })
            #expect(net.split(separator: "\n").contains { $0.contains("label=\"Ben\\n") && $0.contains("fillcolor=\"\(Palette.fills[1])\"") })
        }
        // Without colours, the per-thread rule is unchanged: in B only Ben repeats.
        #expect(!ReplyTreeDOT.write(tb).contains(". Ann\", fillcolor"))
    }

    @Test func labels() {
        #expect(ComparisonLabels.derived(title: "Short title", id: "x") == "Short title")
        #expect(ComparisonLabels.derived(title: "BOSTON (AP) — Gov. Deval Patrick has decided", id: "x") == "BOSTON (AP) — Gov.…")
        #expect(ComparisonLabels.derived(title: "...", id: "post-4") == "post-4")
        // A title that is only the id: the input file's name, with the id when it holds several threads.
        #expect(ComparisonLabels.derived(title: "1", id: "1", source: "hn-item17.json") == "hn-item17")
        #expect(ComparisonLabels.derived(title: "t3_ab", id: "t3_ab", source: "RC_2019.ndjson.zst", multiple: true) == "RC_2019 t3_ab")
        #expect(ComparisonLabels.derived(title: "A title", id: "1", source: "hn.json") == "A title")
        #expect(ComparisonLabels.unique(["a", "b", "a", "a (2)", "a"]) == ["a", "b", "a (2)", "a (2) (2)", "a (3)"])
    }

    /// User data is escaped in every output: a label with Markdown, CSV and XML specials.
    @Test func labelsAreEscaped() throws {
        let ta = try analyzeText(Self.a), tb = try analyzeText(Self.b)
        let bundle = ComparisonBundle(Self.compared([("a|b*<c>", ta), ("x,\"y\"", tb)]), provenance: [])
        let md = try #require(bundle.documents.first { $0.path == "comparison.md" }).contents
        #expect(md.contains("a\\|b\\*\\<c\\>") && !md.contains("a|b*<c>"))
        let csv = try #require(bundle.documents.first { $0.path == "comparison.csv" }).contents
        #expect(csv.contains("\"x,\"\"y\"\"\""))
        let svg = try #require(bundle.documents.first { $0.path == "metrics.svg" }).contents
        #expect(svg.contains("a|b*&lt;c&gt;") && !svg.contains("<c>"))
        let json = try #require(bundle.documents.first { $0.path == "comparison.json" }).contents
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let threads = try #require(object["threads"] as? [[String: Any]])
        #expect(threads.map { $0["label"] as? String } == ["a|b*<c>", "x,\"y\""])
        #expect((threads[0]["metrics"] as? [String: Any])?["comments"] as? Int == 4)
    }
}
