import Foundation
import Testing
@testable import ThreadNetCore

/// The corpus-wide author network on three small threads, every figure counted by hand.
///
/// Thread a: 1 Ann; 2 Bob → 1; 3 Ann → 2; 4 Cy → 1; 5 Bob → 2 (a self-reply).
/// Thread b: 1 Bob; 2 Ann → 1; 3 Dee → 2; 4 [deleted] → 1; 5 Ann → 4.
/// Thread c: 1 Eve.
/// Reply edges across threads: Bob → Ann 1, Ann → Bob 2 (one per thread), Cy → Ann 1,
/// Dee → Ann 1; Bob → Bob is a self-reply; replies by or to the deleted author make no edge.
@Suite("Corpus-wide author network")
struct CorpusNetworkTests {
    static func thread(_ id: String, _ rows: [(String, String?, String)]) -> CommentThread {
        CommentThread(id: id, title: id, comments: rows.enumerated().map { k, row in
            ThreadComment(id: row.0, parentID: row.1, author: row.2, text: "x", location: ThreadNetCore.SourceLocation(file: id, record: k + 1))
        })
    }

    static let analysis = CorpusAnalysis(corpus: Corpus(format: .json, threads: [
        thread("a", [("1", nil, "Ann"), ("2", "1", "Bob"), ("3", "2", "Ann"), ("4", "1", "Cy"), ("5", "2", "Bob")]),
        thread("b", [("1", nil, "Bob"), ("2", "1", "Ann"), ("3", "2", "Dee"), ("4", "1", "[deleted]"), ("5", "4", "Ann")]),
        thread("c", [("1", nil, "Eve")]),
    ]))

    @Test func byHand() throws {
        let n = CorpusNetwork(Self.analysis.threads)
        #expect(n.names == ["Ann", "Bob", "Cy", "Dee", "Eve"])
        #expect(n.comments == [4, 3, 1, 1, 1])
        #expect(n.threads == [2, 2, 1, 1, 1])
        #expect(n.repliesGiven == [3, 2, 1, 1, 0])
        #expect(n.selfReplies == 1)
        let m = n.measures
        #expect(m.nodes == 5 && m.edges == 4)
        #expect(m.density == 4.0 / 20.0)
        #expect(m.edgeReciprocity == 0.5)             // Ann ⇄ Bob: 2 of 4 edges
        #expect(m.pairReciprocity == 1.0 / 3.0)       // 1 mutual of 3 connected pairs
        #expect(m.weakComponents == 2 && m.largestWeakComponentShare == 0.8)
        #expect(m.strongComponents == 4 && m.largestStrongComponentShare == 0.4)
        #expect(m.neverRepliedToShare == 0.6)         // Cy, Dee, Eve
        #expect(m.inDegree == [3, 1, 0, 0, 0] && m.outDegree == [1, 1, 1, 1, 0])
        #expect(m.inStrength == [3, 2, 0, 0, 0] && m.outStrength == [2, 1, 1, 1, 0])
        #expect(abs(m.pageRank.reduce(0, +) - 1) < 1e-12)
        // Ann lies on the only paths Cy → Bob and Dee → Bob: 2 of the (n − 1)(n − 2) = 12 pairs.
        let share: Double = 2.0 / 12.0
        #expect(abs(m.betweenness[0] - share) < 1e-15)
        #expect(n.top(2) { m.inStrength[$0] } == [0, 1])
    }

    /// metrics.json carries the corpus network and per-thread metrics, and no per-comment rows.
    @Test func inMetricsJSON() throws {
        let metrics = ThreadMetrics.computeAll(Self.analysis.threads)
        let network = CorpusNetwork(Self.analysis.threads)
        let text = TextOutput.text {
            MetricsJSON.write(Self.analysis, metrics: metrics, provenance: Provenance(input: "t", sha256: "0", format: "json", options: []),
                              network: network, detailed: [0], to: $0)
        }
        let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let corpus = try #require(object["corpus"] as? [String: Any])
        let net = try #require(corpus["network"] as? [String: Any])
        #expect(net["nodes"] as? Int == 5 && net["edges"] as? Int == 4 && net["weakComponents"] as? Int == 2)
        #expect(net["edgeReciprocity"] as? Double == 0.5 && net["selfReplies"] as? Int == 1)
        #expect(net["betweennessSampled"] as? Bool == false)
        let top = try #require(net["topAuthors"] as? [[String: Any]])
        #expect(top.count == 5 && top.first?["name"] as? String == "Ann" && top.first?["threads"] as? Int == 2)
        #expect((corpus["counts"] as? [String: Any])?["authors"] as? Int == 5)
        let threads = try #require(object["threads"] as? [[String: Any]])
        #expect(threads.map { $0["detailed"] as? Bool } == [true, false, false])
        #expect(threads.allSatisfy { $0["comments"] == nil })
        #expect(threads[0]["authors"] != nil && threads[1]["authors"] == nil)
        #expect((threads[1]["network"] as? [String: Any])?["nodes"] as? Int == 3)   // Bob, Ann, Dee; the deleted author is not a node
    }

    /// `top(k)` selects with a heap when k is small: the same authors, in the same order, as
    /// sorting everyone (ties by name).
    @Test func topSelection() {
        var rows: [(String, String?, String)] = []
        for k in 0..<400 { rows.append(("\(k)", k == 0 ? nil : "\((k * 7) % k)", "user\(k % 97)")) }
        let n = CorpusNetwork(CorpusAnalysis(corpus: Corpus(format: .json, threads: [Self.thread("x", rows)])).threads)
        for key in [{ (a: Int) in Double(n.comments[a]) }, { (a: Int) in n.measures.pageRank[a] }, { (_: Int) in 1.0 }] {
            let all = (0..<n.count).sorted { key($0) != key($1) ? key($0) > key($1) : n.names[$0] < n.names[$1] }
            for k in [1, 5, 20, 97, 200] { #expect(n.top(k, by: key) == Array(all.prefix(k)), "k = \(k)") }
        }
    }
}
