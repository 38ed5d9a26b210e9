import Testing
@testable import ThreadNetCore

/// A 1,000,000-node reply chain: nothing recurses, so nothing overflows the stack.
@Suite("Network measures at scale")
struct NetworkScaleTests {
    /// Chain 0→1→…→999,999. One weak component; every node its own strong component; the
    /// undirected path has core number 1 everywhere and no triangles; PageRank sums to 1 and
    /// grows along the chain; betweenness is sampled above the exact limit (8 pivots here to
    /// keep the debug build quick), and the chain's ends lie on no path (0).
    @Test func millionNodeChain() {
        let n = 1_000_000
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
    }
}
