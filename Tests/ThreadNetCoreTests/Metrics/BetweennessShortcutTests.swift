import Testing
@testable import ThreadNetCore

/// The two speed-ups of ``Betweenness`` change no value (betweenness or harmonic closeness) beyond rounding: leaves riding on their
/// target's search (exact case), and renumbering the nodes of a large graph by degree.
@Suite("Betweenness shortcuts")
struct BetweennessShortcutTests {
    /// A reply-like graph: node k replies to an earlier node drawn by preferential attachment,
    /// a third of the nodes reply once more; most nodes end up with in-degree 0 and out-degree 1
    /// (leaves), as one-comment authors do.
    static func replyGraph(_ n: Int, seed: UInt64) -> WeightedDigraph {
        var rng = SplitMix64(seed: seed)
        var targets: [Int32] = [0]
        var edges: [(from: Int32, to: Int32, weight: Double)] = []
        for k in 1..<n {
            let t = targets[Int(rng.next() % UInt64(targets.count))]
            edges.append((Int32(k), t, 1))
            if rng.next() % 3 == 0 {
                let u = targets[Int(rng.next() % UInt64(targets.count))]
                if u != Int32(k) { edges.append((u, Int32(k), 2)) }
            }
            targets.append(t)
            targets.append(Int32(k))
        }
        return WeightedDigraph(nodeCount: n, edges: edges)
    }

    static func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-12 * max(abs($0), abs($1), 1e-300) + 1e-18 }
    }

    /// Plain Brandes from every node (no leaf shortcut), normalised as ``Betweenness`` does;
    /// and harmonic closeness from the same searches.
    static func plain(_ g: WeightedDigraph) -> (betweenness: [Double], harmonic: [Double]) {
        let n = g.nodeCount
        let sources = (0..<n).map { Int32($0) }
        let raw = Betweenness.searches(g, sources[...], leaves: nil)
        let scale = 1 / (Double(n - 1) * Double(n - 2))
        return (raw.dependency.map { $0 * scale }, raw.harmonic.map { $0 / Double(n - 1) })
    }

    @Test func leavesGiveThePlainValues() {
        let g = Self.replyGraph(1_500, seed: 3)
        var leaves = 0
        for v in 0..<g.nodeCount {
            let indegree: Int32 = g.inStart[v + 1] - g.inStart[v]
            let outdegree: Int32 = g.outStart[v + 1] - g.outStart[v]
            if indegree == 0 && outdegree == 1 { leaves += 1 }
        }
        #expect(leaves > g.nodeCount / 3, "the graph has many leaves (\(leaves))")
        let fast = Betweenness(g)
        #expect(!fast.sampled && fast.sources == g.nodeCount)
        let plain = Self.plain(g)
        #expect(Self.close(fast.values, plain.betweenness))
        #expect(Self.close(fast.harmonicCloseness, plain.harmonic))
    }

    @Test func renumberingChangesNothing() {
        let g = Self.replyGraph(3_000, seed: 5)
        for (exactLimit, pivots) in [(10_000, 500), (0, 64)] {
            let kept = Betweenness(g, options: .init(exactLimit: exactLimit, pivots: pivots, seed: 11, renumberingThreshold: .max))
            let renumbered = Betweenness(g, options: .init(exactLimit: exactLimit, pivots: pivots, seed: 11, renumberingThreshold: 0))
            #expect(kept.sampled == renumbered.sampled && kept.sources == renumbered.sources)
            #expect(Self.close(kept.values, renumbered.values), "exact limit \(exactLimit)")
            #expect(Self.close(kept.harmonicCloseness, renumbered.harmonicCloseness), "harmonic, exact limit \(exactLimit)")
        }
    }
}
