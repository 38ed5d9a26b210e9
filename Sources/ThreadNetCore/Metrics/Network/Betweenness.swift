import Dispatch
import Synchronization

/// Directed betweenness centrality on unweighted shortest paths.
///
/// Shortest paths count hops, not reply weights: a reply weight measures how strong a tie is
/// (more replies, closer authors), not how long it is, so using it as a distance would make
/// the strongest ties the longest paths.
public struct Betweenness: Hashable, Sendable {
    /// When to sample and how.
    public struct Options: Hashable, Sendable {
        /// Exact Brandes up to this many nodes; sampled above.
        ///
        /// Chosen by measurement: see ``Betweenness/Options/standard``.
        public var exactLimit: Int
        /// Number of source pivots when sampling.
        public var pivots: Int
        /// Seed of the ``SplitMix64`` that picks the pivots.
        public var seed: UInt64

        /// Options with an explicit limit, pivot count and seed.
        ///
        /// - Complexity: O(1).
        public init(exactLimit: Int, pivots: Int, seed: UInt64) {
            self.exactLimit = exactLimit
            self.pivots = pivots
            self.seed = seed
        }

        /// Exact up to 10,000 nodes, else 500 pivots, seed 0x7468_7265_6164 ("thread").
        ///
        /// Measured exact Brandes times (release build, Linux, one thread on a shared 2-core
        /// machine; graphs: each new node replies to a degree-proportional earlier node, plus
        /// 0.6 extra preferential edges per node, ~1.55 edges per node): 1,000 nodes 0.004–0.012 s;
        /// 2,000: 0.04 s; 5,000: 0.32 s; 10,000: 0.9–1.6 s; 20,000: 8.6 s; 100,000: 223 s. The
        /// cost grows as n(n + m), so 10,000 nodes (about a second) is the limit; above it 500
        /// pivots cost about 500/n of the exact run (≈ 1 s at 100,000 nodes).
        public static let standard = Options(exactLimit: 10_000, pivots: 500, seed: 0x7468_7265_6164)
    }

    /// Betweenness of each node, normalised by (n − 1)(n − 2) (networkx
    /// `betweenness_centrality(G, normalized=True)` on the directed graph; igraph
    /// `betweenness(directed=True)` divided by (n − 1)(n − 2); Freeman 1977). Unit: fraction
    /// of ordered pairs (s, t), s ≠ v ≠ t, weighted by the share of shortest s→t paths through v.
    /// All zeros for n ≤ 2.
    public let values: [Double]
    /// Whether ``values`` are a sampled estimate rather than exact.
    public let sampled: Bool
    /// Number of source nodes used (n when exact).
    public let sources: Int

    /// Brandes (2001), iterative (breadth-first queue, no recursion), from every source when
    /// n ≤ `options.exactLimit`; otherwise from `options.pivots` sources drawn by
    /// ``SplitMix64`` (Brandes & Pich 2007) and rescaled as networkx 3.6 does for `k`
    /// samples: a pivot's value by 1/((k − 1)(n − 2)), any other node's by 1/(k(n − 2)),
    /// an unbiased estimate that equals the exact value when k = n. Sources are processed in
    /// up to 8 fixed chunks in parallel and summed in chunk order (deterministic).
    ///
    /// - Complexity: O(*s* (*n* + *m*)) time for *s* sources, O(*n* + *m*) memory.
    public init(_ g: WeightedDigraph, options: Options = .standard) {
        let n = g.nodeCount
        let exact = n <= options.exactLimit || options.pivots >= n
        let sources: [Int32]
        if exact {
            sources = (0..<n).map(Int32.init)
        } else {
            var rng = SplitMix64(seed: options.seed)
            sources = rng.sample(max(options.pivots, 2), from: n)
        }
        // Sources are split into a fixed number of chunks that run in parallel and are summed
        // in chunk order, so the result does not depend on scheduling or core count.
        let chunks = min(Self.maxChunks, max(1, sources.count / Self.sourcesPerChunk))
        var raw: [Double]
        if chunks == 1 {
            raw = Self.dependencies(g, sources[...])
        } else {
            let partials = Mutex([[Double]](repeating: [], count: chunks))
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let part = Self.dependencies(g, sources[(sources.count * c / chunks)..<(sources.count * (c + 1) / chunks)])
                partials.withLock { $0[c] = part }
            }
            raw = partials.withLock { $0[0] }
            partials.withLock { parts in
                for c in 1..<chunks { for v in 0..<n { raw[v] += parts[c][v] } }
            }
        }
        if n > 2 {
            let pairs = Double(n - 2)
            if exact {
                let scale = 1 / (Double(n - 1) * pairs)
                for v in 0..<n { raw[v] *= scale }
            } else {
                let k = Double(sources.count)
                var isSource = [Bool](repeating: false, count: n)
                for s in sources { isSource[Int(s)] = true }
                for v in 0..<n { raw[v] *= isSource[v] ? 1 / ((k - 1) * pairs) : 1 / (k * pairs) }
            }
        }
        self.values = raw
        self.sampled = !exact
        self.sources = sources.count
    }

    /// At most this many chunks of sources run in parallel.
    static let maxChunks = 8
    /// A chunk has at least this many sources (smaller graphs run on one thread).
    static let sourcesPerChunk = 64

    /// Brandes' accumulated dependencies of every node from `sources` (unnormalised).
    ///
    /// - Complexity: O(*s* (*n* + *m*)) time, O(*n*) memory.
    static func dependencies(_ g: WeightedDigraph, _ sources: ArraySlice<Int32>) -> [Double] {
        let n = g.nodeCount
        var raw = [Double](repeating: 0, count: n)
        var sigma = [Double](repeating: 0, count: n)
        var delta = [Double](repeating: 0, count: n)
        var dist = [Int32](repeating: -1, count: n)
        var order = [Int32](repeating: 0, count: n)
        for s in sources {
            var head = 0, tail = 0
            order[tail] = s; tail += 1
            dist[Int(s)] = 0
            sigma[Int(s)] = 1
            while head < tail {
                let v = Int(order[head]); head += 1
                for k in Int(g.outStart[v])..<Int(g.outStart[v + 1]) {
                    let w = Int(g.outTarget[k])
                    if dist[w] < 0 {
                        dist[w] = dist[v] + 1
                        order[tail] = Int32(w); tail += 1
                    }
                    if dist[w] == dist[v] + 1 { sigma[w] += sigma[v] }
                }
            }
            // Dependencies, farthest first; predecessors found among in-neighbours one hop nearer.
            for i in stride(from: tail - 1, to: 0, by: -1) {
                let w = Int(order[i])
                let coefficient = (1 + delta[w]) / sigma[w]
                for k in Int(g.inStart[w])..<Int(g.inStart[w + 1]) {
                    let v = Int(g.inSource[k])
                    if dist[v] >= 0, dist[v] == dist[w] - 1 { delta[v] += sigma[v] * coefficient }
                }
                raw[w] += delta[w]
            }
            for i in 0..<tail {
                let v = Int(order[i])
                dist[v] = -1; sigma[v] = 0; delta[v] = 0
            }
        }
        return raw
    }
}
