import Testing
@testable import ThreadNetCore

/// A 120,000-node reply chain: nothing recurses, so nothing overflows the stack (a recursion
/// over the path would need 120,000 frames, 12 MB at the ≥ 100 bytes a
/// frame takes in a debug build, beyond an 8 MB stack). The analysis of a 1,000,000-deep thread is tested in
/// `millionDeepChainThroughTheAnalysis`; this size keeps the debug build's Leiden quick.
@Suite("Network measures at scale")
struct NetworkScaleTests {
    /// Chain 0→1→…→119,999. One weak component; every node its own strong component; the
    /// undirected path has core number 1 everywhere and no triangles; PageRank sums to 1 and
    /// grows along the chain; betweenness is sampled above the exact limit (8 pivots here to
    /// keep the debug build quick), and the chain's ends lie on no path (0).
    @Test func longChain() {
        let n = 120_000
        let edges = (0..<(n - 1)).map { (from: Int32($0), to: Int32($0 + 1), weight: 1.0) }
        let g = WeightedDigraph(nodeCount: n, edges: edges)
        let m = NetworkMeasures(g, betweenness: .init(exactLimit: Betweenness.Options.standard.exactLimit, pivots: 8, seed: 1))
        #expect(m.weakComponents == 1 && m.largestWeakComponentShare == 1)
        #expect(m.strongComponents == n)
        #expect(m.coreNumber.allSatisfy { $0 == 1 })
        #expect(m.transitivity == 0)
        #expect(abs(m.pageRank.reduce(0, +) - 1) < 1e-9)
        #expect(m.pageRank[0] < m.pageRank[1] && m.pageRank[1] < m.pageRank[2])
        #expect(m.betweennessSampled && m.betweennessSources == 8)
        #expect(m.betweenness[0] == 0 && m.betweenness[n - 1] == 0)
        // HITS: every node but the last replies once, every node but the first is replied to
        // once, so hubs and authorities are 1/(n − 1) on those nodes after one iteration, and
        // the second finds nothing changed.
        let hits = HITS(g)
        #expect(hits.iterations <= 3)
        #expect(hits.hubs[n - 1] == 0 && hits.authorities[0] == 0)
        #expect(hits.hubs.dropLast().allSatisfy { abs($0 - 1 / Double(n - 1)) < 1e-15 })
    }
}
