import Foundation
import Testing
@testable import ThreadNetCore

/// The author tally behind `--partial` and `merge`: counted by hand on the three threads of
/// ``CorpusNetworkTests``, and merged from shards in every split of them.
@Suite("Author tally (partial results)")
struct AuthorTallyTests {
    static var threads: [ThreadAnalysis] { CorpusNetworkTests.analysis.threads }

    /// Thread a: 1 Ann; 2 Bob → 1; 3 Ann → 2; 4 Cy → 1; 5 Bob → 2 (a self-reply).
    /// Thread b: 1 Bob; 2 Ann → 1; 3 Dee → 2; 4 [deleted] → 1; 5 Ann → 4. Thread c: 1 Eve.
    @Test func byHand() {
        let tally = AuthorTally(Self.threads)
        #expect(tally.authors.map(\.name) == ["Ann", "Bob", "Cy", "Dee", "Eve"])
        #expect(tally.authors.map(\.comments) == [4, 3, 1, 1, 1])
        #expect(tally.authors.map(\.threads) == [2, 2, 1, 1, 1])
        #expect(tally.authors.map(\.repliesGiven) == [3, 2, 1, 1, 0])
        // First appearance: thread a (0) holds Ann, Bob, Cy at 0, 1, 2; Dee is b's (1) third; Eve c's (2) first.
        #expect(tally.authors.map { [$0.firstThread, $0.firstLocal] } == [[0, 0], [0, 1], [0, 2], [1, 2], [2, 0]])
        func weight(_ a: Int64, _ b: Int64) -> Double? { tally.replies[a << 32 | b]?.weight }
        #expect(weight(1, 0) == 1 && weight(0, 1) == 2 && weight(2, 0) == 1 && weight(3, 0) == 1 && weight(1, 1) == 1)
        #expect(tally.replies.count == 5)
        #expect(tally.threadCount == 3)
    }

    /// Every split of the threads into shards (each in the corpus's order), tallied apart and
    /// merged, is the tally of the whole, and gives the same network and measures.
    @Test func everySplitMergesToTheWhole() throws {
        let threads = Self.threads
        let whole = AuthorTally(threads)
        let network = CorpusNetwork(threads)
        // 3 threads into up to 3 shards: every assignment (3³ = 27), empty shards skipped.
        for code in 0..<27 {
            let shardOf = [code % 3, code / 3 % 3, code / 9]
            var shards: [[Int]] = [[], [], []]
            for (t, s) in shardOf.enumerated() { shards[s].append(t) }
            let used = shards.filter { !$0.isEmpty }
            let parts = used.map { AuthorTally($0.map { threads[$0] }) }
            let merged = try AuthorTally.merged(parts) { part, local in Int32(used[part][Int(local)]) }
            #expect(merged.authors.map(\.name) == whole.authors.map(\.name), "split \(shardOf)")
            #expect(merged.authors.map(\.comments) == whole.authors.map(\.comments))
            #expect(merged.authors.map(\.threads) == whole.authors.map(\.threads))
            #expect(merged.authors.map(\.repliesGiven) == whole.authors.map(\.repliesGiven))
            #expect(merged.replies == whole.replies, "split \(shardOf)")
            let n = CorpusNetwork(tally: merged)
            #expect(n.graph == network.graph && n.names == network.names && n.measures.pageRank == network.measures.pageRank)
        }
    }

    /// Timed comments: the first comment and the first reply along a pair are minima over shards.
    @Test func firstTimesAreMinimaOverShards() throws {
        func timed(_ id: String, _ rows: [(String, String?, String, Double)]) -> CommentThread {
            CommentThread(id: id, title: id, comments: rows.enumerated().map { k, row in
                var c = ThreadComment(id: row.0, parentID: row.1, author: row.2, text: "x", location: ThreadNetCore.SourceLocation(file: id, record: k + 1))
                c.timestamp = Date(timeIntervalSince1970: row.3)
                return c
            })
        }
        // Thread x: Ann at 500, Bob replies at 600. Thread y: Bob at 100, Ann replies at 200, Bob replies to Ann at 300.
        let analysis = CorpusAnalysis(corpus: Corpus(format: .json, threads: [
            timed("x", [("1", nil, "Ann", 500), ("2", "1", "Bob", 600)]),
            timed("y", [("1", nil, "Bob", 100), ("2", "1", "Ann", 200), ("3", "2", "Bob", 300)]),
        ]))
        let parts = analysis.threads.map { AuthorTally([$0]) }
        let merged = try AuthorTally.merged(parts) { part, _ in Int32(part) }
        #expect(merged == AuthorTally(analysis.threads))
        #expect(merged.authors.map(\.firstSeen) == [200, 100])          // Ann first in x, but earliest in y
        #expect(merged.replies[1 << 32 | 0]?.first == 300)              // Bob → Ann: 600 in x, 300 in y
        #expect(merged.replies[0 << 32 | 1]?.first == 200)              // Ann → Bob: 200 in y
        let n = CorpusNetwork(tally: merged)
        #expect(n.authorArrivals == [100, 200] && n.edgeArrivals == [200, 300])
    }

    /// Sums that do not fit ThreadNet's 32-bit counts (partials not made by ThreadNet) are an
    /// error naming the author, not a trap.
    @Test func countsBeyond32BitsAreRefused() {
        let big = AuthorTally(authors: [AuthorTally.Author(name: "Ann", comments: .max, threads: 1, firstThread: 0, firstLocal: 0)],
                              replies: [:], threadCount: 1)
        #expect(throws: PartialError.self) { try AuthorTally.merged([big, big]) { part, _ in Int32(part) } }
        let fits = try? AuthorTally.merged([big]) { _, _ in 0 }
        #expect(fits?.authors.first?.comments == .max)
    }
}
