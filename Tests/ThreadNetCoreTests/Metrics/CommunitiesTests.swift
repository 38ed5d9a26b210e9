import Foundation
import Testing
@testable import ThreadNetCore

/// Leiden communities against igraph (scripts/reference/community_reference.py, committed as
/// `<stem>.community.json`): ThreadNet's modularity is at least 99 % of the best igraph reaches
/// (Leiden over 20 seeds, and Louvain), every community is connected, and the modularity
/// ThreadNet reports equals the one recomputed here from the edge list.
@Suite("Communities (Leiden) against igraph")
struct CommunitiesTests {
    static let fixtures = NetworkReferenceTests.fixtures.map { ($0.0, $0.1.replacingOccurrences(of: ".network.json", with: ".community.json")) }

    /// Modularity by Newman's formula on the undirected graph (weights summed both ways, loops
    /// dropped), written out here independently of ``Communities``.
    static func modularity(_ g: WeightedDigraph, _ membership: [Int32]) -> Double {
        var w: [Int: [Int: Double]] = [:]
        for v in 0..<g.nodeCount {
            for e in Int(g.outStart[v])..<Int(g.outStart[v + 1]) where Int(g.outTarget[e]) != v {
                let t = Int(g.outTarget[e])
                w[v, default: [:]][t, default: 0] += g.outWeight[e]
                w[t, default: [:]][v, default: 0] += g.outWeight[e]
            }
        }
        let strength = (0..<g.nodeCount).map { v in w[v]?.values.reduce(0, +) ?? 0 }
        let total = strength.reduce(0, +)
        guard total > 0 else { return 0 }
        var q = 0.0
        for (u, row) in w { for (v, x) in row where membership[u] == membership[v] { q += x } }
        var tot: [Int32: Double] = [:]
        for v in 0..<g.nodeCount { tot[membership[v], default: 0] += strength[v] }
        return q / total - tot.values.reduce(0) { $0 + ($1 / total) * ($1 / total) }
    }

    /// Whether every community induces a connected undirected subgraph.
    static func connected(_ g: WeightedDigraph, _ membership: [Int32]) -> Bool {
        var seen = [Bool](repeating: false, count: g.nodeCount)
        var components: Set<Int32> = []
        for s in 0..<g.nodeCount where !seen[s] {
            guard !components.contains(membership[s]) else { return false }   // a second piece of the same community
            components.insert(membership[s])
            var stack = [s]
            seen[s] = true
            while let v = stack.popLast() {
                let neighbours = Array(g.successors(of: Int32(v))) + Array(g.predecessors(of: Int32(v)))
                for u in neighbours.map(Int.init) where !seen[u] && membership[u] == membership[v] { seen[u] = true; stack.append(u) }
            }
        }
        return true
    }

    @Test(arguments: fixtures)
    func modularityMatchesIgraph(_ input: String, _ reference: String) throws {
        let json = try Paths.expected(reference)
        let blocks = try #require(json["threads"] as? [[String: Any]])
        let analysis = CorpusAnalysis(corpus: try Importers.read(InputSource(path: Paths.fixture(input).path)), policy: .all)
        for block in blocks {
            let thread = try #require(block["id"] is String ? analysis.threads.first { $0.thread.id == block["id"] as? String } : analysis.threads.first)
            let g = WeightedDigraph(replyEdgesOf: thread.network)
            let c = Communities(g)
            let label = "\(reference) \(block["id"] as? String ?? "-")"
            #expect(c.membership.count == (block["nodes"] as? Int), "\(label): nodes")
            #expect(abs(c.modularity - Self.modularity(g, c.membership)) < 1e-9, "\(label): reported modularity")
            #expect(Self.connected(g, c.membership), "\(label): a community is not connected")
            let best = max(try #require(block["leidenBest"] as? Double), try #require(block["multilevel"] as? Double))
            #expect(c.modularity >= 0.99 * best - 1e-9, "\(label): modularity \(c.modularity) below 99 % of igraph's \(best)")
            #expect(c.membership == Communities(g).membership, "\(label): not deterministic")
        }
    }
}
