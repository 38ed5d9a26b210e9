import Testing
@testable import ThreadNetCore

/// Small graphs measured by hand (the working is in each test's comments).
@Suite("Network measures on hand-worked graphs")
struct NetworkMeasuresTests {
    static func graph(_ n: Int, _ edges: [(Int32, Int32, Double)]) -> WeightedDigraph {
        WeightedDigraph(nodeCount: n, edges: edges.map { (from: $0.0, to: $0.1, weight: $0.2) })
    }

    /// Edges 0→1 (2), 0→1 (3), 1→1 (4), 2→0 (1), 0→0 (1): duplicates sum to 0→1 (5), loops
    /// 1→1 and 0→0 are dropped and remembered (4 + 1 = 5); out-lists ascending, in-lists too.
    @Test func buildMergesDuplicatesAndDropsLoops() {
        let g = Self.graph(3, [(0, 1, 2), (0, 1, 3), (1, 1, 4), (2, 0, 1), (0, 0, 1)])
        #expect(g.edgeCount == 2)
        #expect(g.loopWeight == 5)
        #expect(Array(g.successors(of: 0)) == [1])
        #expect(g.outWeight == [5, 1])
        #expect(Array(g.predecessors(of: 0)) == [2])
        #expect(Array(g.predecessors(of: 1)) == [0])
        #expect(g.hasEdge(from: 0, to: 1) && !g.hasEdge(from: 1, to: 0))
    }

    /// The reply graph of pasted text: Ann and Bob answer each other, Bob answers himself,
    /// Cid only posts top level (isolated, still a node).
    /// Comments: 1 Ann; 1.1 Bob → Ann; 1.1.1 Ann → Bob; 1.1.1.1 Bob → Ann; 1.1.1.1.1 Bob → Bob; 2 Cid.
    /// Reply edges: Bob→Ann 2, Ann→Bob 1, Bob→Bob 1 (loop, dropped). Nodes in first-appearance
    /// order: Ann 0, Bob 1, Cid 2.
    @Test func replyGraphOfAThread() throws {
        let a = try analyzeText("""
        Title line
        Comments
          1. Ann says:
            Hello
            1. Bob says:
              Hi
              1. Ann says:
                Yes
                1. Bob says:
                  No
                  1. Bob says:
                    Also
          2. Cid says:
            Top
        """, policy: .all)
        let g = WeightedDigraph(replyEdgesOf: a.network)
        #expect(a.network.names == ["Ann", "Bob", "Cid"])
        #expect(g.nodeCount == 3)
        #expect(g.edgeCount == 2)
        #expect(g.loopWeight == 1)
        #expect(g.outWeight == [1, 2])  // Ann→Bob 1, Bob→Ann 2
        let m = NetworkMeasures(g)
        #expect(m.inStrength == [2, 1, 0])
        #expect(m.outStrength == [1, 2, 0])
        #expect(m.weakComponents == 2)
    }

    /// Directed 3-cycle 0→1→2→0, weights 1.
    /// n 3, m 3, density 3/(3·2) = 0.5; every in-degree 1: never-replied-to 0, centralizations 0;
    /// no reverse edges: both reciprocities 0; one weak and one strong component (share 1);
    /// undirected it is a triangle: transitivity 1, clustering 1 each, core 2 each; PageRank
    /// symmetric: 1/3 each. Betweenness: the only shortest path through 1 is 0→1→2 (2→0→1
    /// goes through 0, 1→2→0 through 2), so each node lies on one pair: 1/((3−1)(3−2)) = 0.5.
    @Test func threeCycle() {
        let m = NetworkMeasures(Self.graph(3, [(0, 1, 1), (1, 2, 1), (2, 0, 1)]))
        #expect(m.nodes == 3 && m.edges == 3)
        #expect(m.density == 0.5)
        #expect(m.neverRepliedToShare == 0)
        #expect(m.edgeReciprocity == 0 && m.pairReciprocity == 0)
        #expect(m.inDegreeCentralization == 0 && m.outDegreeCentralization == 0)
        #expect(m.weakComponents == 1 && m.largestWeakComponentShare == 1)
        #expect(m.strongComponents == 1 && m.largestStrongComponentShare == 1)
        #expect(m.transitivity == 1 && m.averageClustering == 1)
        #expect(m.coreNumber == [2, 2, 2])
        #expect(m.pageRank.allSatisfy { abs($0 - 1.0 / 3) < 1e-12 })
        #expect(m.betweenness == [0.5, 0.5, 0.5])
        #expect(!m.betweennessSampled && m.betweennessSources == 3)
    }

    /// In-star: leaves 1, 2, 3 reply to 0 with weights 1, 2, 3.
    /// n 4, m 3, density 3/12 = 0.25; in-degrees [3,0,0,0]: never-replied-to 3/4, in-degree
    /// centralization (0+3+3+3)/(4−1)² = 1; out-degrees [0,1,1,1]: (1+0+0+0)/9 = 1/9.
    /// Reciprocity 0. One weak component (share 1); four strong singletons (share 1/4).
    /// No triangles: transitivity 0, average clustering 0. No node between two others:
    /// betweenness 0. Undirected star: every core number 1. Strengths: 0 receives 6.
    /// PageRank: each leaf sends all its rank to 0 (its only edge); 0 is dangling and spreads
    /// its rank C over all 4. Leaf L = 0.85·C/4 + 0.15/4, C = 1 − 3L ⇒ 1.6375 L = 0.25 ⇒
    /// L = 20/131 ≈ 0.1526718, C = 71/131 ≈ 0.5419847.
    @Test func inStar() {
        let m = NetworkMeasures(Self.graph(4, [(1, 0, 1), (2, 0, 2), (3, 0, 3)]))
        #expect(m.edges == 3 && m.density == 0.25)
        #expect(m.neverRepliedToShare == 0.75)
        #expect(m.inDegreeCentralization == 1)
        #expect(abs(m.outDegreeCentralization - 1.0 / 9) < 1e-15)
        #expect(m.edgeReciprocity == 0 && m.pairReciprocity == 0)
        #expect(m.weakComponents == 1 && m.largestWeakComponentShare == 1)
        #expect(m.strongComponents == 4 && m.largestStrongComponentShare == 0.25)
        #expect(m.transitivity == 0 && m.averageClustering == 0)
        #expect(m.betweenness == [0, 0, 0, 0])
        #expect(m.coreNumber == [1, 1, 1, 1])
        #expect(m.inStrength == [6, 0, 0, 0] && m.outStrength == [0, 1, 2, 3])
        #expect(m.inDegree == [3, 0, 0, 0] && m.outDegree == [0, 1, 1, 1])
        #expect(abs(m.pageRank[0] - 71.0 / 131) < 1e-12)
        #expect(m.pageRank[1...].allSatisfy { abs($0 - 20.0 / 131) < 1e-12 })
    }

    /// A mutual pair plus an isolated node and a self-loop: 0→1 (2), 1→0 (1), 0→0 (4); node 2 alone.
    /// n 3, m 2, loops 4, density 2/6 = 1/3; in-degrees [1,1,0]: never-replied-to 1/3,
    /// centralization (0+0+1)/(3−1)² = 0.25 both ways; both edges reciprocated: edge
    /// reciprocity 2/2 = 1, one mutual pair of one connected pair: 1. Weak and strong
    /// components {0,1} and {2}: 2 each, largest share 2/3. No triples: transitivity 0,
    /// clustering 0. Betweenness 0. Cores: 1, 1, 0. PageRank: 0 and 1 pass all their rank to
    /// each other, 2 is dangling: x2 = 0.85·x2/3 + 0.05 ⇒ x2 = 3/43; x0 = x1 = 20/43.
    @Test func mutualPairAndIsolated() {
        let m = NetworkMeasures(Self.graph(3, [(0, 1, 2), (1, 0, 1), (0, 0, 4)]))
        #expect(m.edges == 2 && m.selfReplyWeight == 4)
        #expect(abs(m.density - 1.0 / 3) < 1e-15)
        #expect(abs(m.neverRepliedToShare - 1.0 / 3) < 1e-15)
        #expect(m.inDegreeCentralization == 0.25 && m.outDegreeCentralization == 0.25)
        #expect(m.edgeReciprocity == 1 && m.pairReciprocity == 1)
        #expect(m.weakComponents == 2 && m.strongComponents == 2)
        #expect(abs(m.largestWeakComponentShare - 2.0 / 3) < 1e-15)
        #expect(abs(m.largestStrongComponentShare - 2.0 / 3) < 1e-15)
        #expect(m.weakComponent == [0, 0, 1] && m.strongComponent == [0, 0, 1])
        #expect(m.transitivity == 0 && m.averageClustering == 0)
        #expect(m.betweenness == [0, 0, 0])
        #expect(m.coreNumber == [1, 1, 0])
        #expect(abs(m.pageRank[2] - 3.0 / 43) < 1e-12)
        #expect(abs(m.pageRank[0] - 20.0 / 43) < 1e-12 && abs(m.pageRank[1] - 20.0 / 43) < 1e-12)
    }

    /// Half-reciprocated: 0→1, 1→0, 1→2. Edge reciprocity 2/3 (two of three edges have their
    /// reverse); pair reciprocity 1/2 (pairs {0,1} mutual, {1,2} not).
    @Test func reciprocityKinds() {
        let m = NetworkMeasures(Self.graph(3, [(0, 1, 1), (1, 0, 1), (1, 2, 1)]))
        #expect(abs(m.edgeReciprocity - 2.0 / 3) < 1e-15)
        #expect(m.pairReciprocity == 0.5)
    }

    /// Kite: 1→0, 2→0, 2→1, 3→2. Undirected: triangle {0,1,2} plus pendant 3 at 2; degrees
    /// 2, 2, 3, 1. Transitivity 3·1 triangle / (1 + 1 + 3 + 0 triples) = 0.6; local clustering
    /// 1, 1, 2·1/(3·2) = 1/3, 0: average 7/12. Cores 2, 2, 2, 1. Betweenness: shortest 3→0 is
    /// 3→2→0, 3→1 is 3→2→1 (2→1→0 is longer than 2→0): node 2 is on 2 pairs, 2/(3·2) = 1/3.
    /// A DAG: four strong components.
    @Test func kite() {
        let m = NetworkMeasures(Self.graph(4, [(1, 0, 1), (2, 0, 1), (2, 1, 1), (3, 2, 1)]))
        #expect(abs(m.transitivity - 0.6) < 1e-15)
        #expect(abs(m.averageClustering - 7.0 / 12) < 1e-15)
        #expect(m.clustering[0] == 1 && m.clustering[1] == 1 && abs(m.clustering[2] - 1.0 / 3) < 1e-15 && m.clustering[3] == 0)
        #expect(m.coreNumber == [2, 2, 2, 1])
        #expect(abs(m.betweenness[2] - 1.0 / 3) < 1e-15 && m.betweenness[0] == 0 && m.betweenness[1] == 0 && m.betweenness[3] == 0)
        #expect(m.strongComponents == 4)
    }

    /// Two cycles joined one way: 0⇄1, 1→2, 2→3→4→2. Strong components {0,1} (id 0) and
    /// {2,3,4} (id 1); one weak component.
    @Test func strongComponentsOfJoinedCycles() {
        let m = NetworkMeasures(Self.graph(5, [(0, 1, 1), (1, 0, 1), (1, 2, 1), (2, 3, 1), (3, 4, 1), (4, 2, 1)]))
        #expect(m.strongComponent == [0, 0, 1, 1, 1])
        #expect(m.strongComponents == 2 && m.largestStrongComponentShare == 0.6)
        #expect(m.weakComponents == 1)
    }

    /// Empty and one-node graphs: every ratio is 0 by convention; a lone node has PageRank 1,
    /// one weak and one strong component (share 1).
    @Test func degenerateGraphs() {
        let empty = NetworkMeasures(Self.graph(0, []))
        #expect(empty.nodes == 0 && empty.density == 0 && empty.neverRepliedToShare == 0)
        #expect(empty.weakComponents == 0 && empty.largestWeakComponentShare == 0 && empty.pageRank.isEmpty)
        let one = NetworkMeasures(Self.graph(1, [(0, 0, 3)]))
        #expect(one.edges == 0 && one.selfReplyWeight == 3 && one.density == 0)
        #expect(one.inDegreeCentralization == 0 && one.neverRepliedToShare == 1)
        #expect(one.pageRank == [1] && one.betweenness == [0])
        #expect(one.weakComponents == 1 && one.largestStrongComponentShare == 1)
    }

    /// SplitMix64 with seed 0 starts 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F
    /// (the published test vector of Vigna's splitmix64.c); a sample is distinct values.
    @Test func splitMix64() {
        var rng = SplitMix64(seed: 0)
        let drawn: [UInt64] = [rng.next(), rng.next(), rng.next()]
        #expect(drawn == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
        var r = SplitMix64(seed: 7)
        let s = r.sample(50, from: 60)
        #expect(s.count == 50 && Set(s).count == 50 && s.allSatisfy { $0 >= 0 && $0 < 60 })
    }
}
