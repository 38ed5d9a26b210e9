import Testing
@testable import ThreadNetCore

/// A 20,000-node reply chain measured on a 256 KiB stack (``onSmallStack(_:_:)``): nothing
/// recurses over the path, which would need 20,000 frames of at least 16 bytes, 320 KB. The
/// analysis of a deep thread is tested in `deepChainThroughTheAnalysis`; this
/// size keeps the debug build's Leiden quick (about 4 s; 27 s for the 120,000 nodes this test
/// had on an 8 MB stack).
@Suite("Network measures at scale")
struct NetworkScaleTests {
    /// Chain 0→1→…→19,999. One weak component; every node its own strong component; the
    /// undirected path has core number 1 everywhere and no triangles; PageRank sums to 1 and
    /// grows along the chain; betweenness is sampled above the exact limit (8 pivots here to
    /// keep the debug build quick), and the chain's ends lie on no path (0).
    @Test func longChain() {
        let n = 20_000
        let edges = (0..<(n - 1)).map { (from: Int32($0), to: Int32($0 + 1), weight: 1.0) }
        let g = WeightedDigraph(nodeCount: n, edges: edges)
        let (m, hits) = onSmallStack {
            (NetworkMeasures(g, betweenness: .init(exactLimit: Betweenness.Options.standard.exactLimit, pivots: 8, seed: 1)), HITS(g))
        }
        #expect(m.weakComponents == 1 && m.largestWeakComponentShare == 1)
        #expect(m.strongComponents == n)
        #expect(m.coreNumber.allSatisfy { $0 == 1 })
        #expect(m.transitivity == 0)
        let pageRankSum: Double = m.pageRank.reduce(0, +)
        #expect(abs(pageRankSum - 1) < 1e-9)
        #expect(m.pageRank[0] < m.pageRank[1] && m.pageRank[1] < m.pageRank[2])
        #expect(m.betweennessSampled && m.betweennessSources == 8)
        #expect(m.betweenness[0] == 0 && m.betweenness[n - 1] == 0)
        // HITS: every node but the last replies once, every node but the first is replied to
        // once, so hubs and authorities are 1/(n − 1) on those nodes after one iteration, and
        // the second finds nothing changed.
        #expect(hits.iterations <= 3)
        #expect(hits.hubs[n - 1] == 0 && hits.authorities[0] == 0)
        let hub: Double = 1 / Double(n - 1)
        #expect(hits.hubs.dropLast().allSatisfy { (h: Double) -> Bool in abs(h - hub) < 1e-15 })
    }
}
