import Dispatch
import Synchronization

/// Directed betweenness centrality on unweighted shortest paths, and harmonic closeness from
/// the same breadth-first searches.
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
        /// Graphs with at least this many nodes are searched with their nodes renumbered by
        /// degree (busiest first, for the cache); the values do not depend on it beyond rounding.
        public var renumberingThreshold: Int

        public init(exactLimit: Int, pivots: Int, seed: UInt64, renumberingThreshold: Int = 20_000) {
            self.exactLimit = exactLimit
            self.pivots = pivots
            self.seed = seed
            self.renumberingThreshold = renumberingThreshold
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
    /// Harmonic closeness of each node: the mean over the other n − 1 nodes *v* of 1/d(*v*, *u*),
    /// d counted in reply steps along edge directions (replier → replied-to), 1/∞ = 0 for a node
    /// that cannot reach *u* (Marchiori & Latora 2000; networkx `harmonic_centrality(G)` divided
    /// by n − 1; igraph `harmonic_centrality(mode="in", normalized=True)`). Defined for
    /// disconnected graphs, unlike classic closeness. Unit: 1/steps, 0–1 (1: every other author
    /// replied to this one directly). 0 for n ≤ 1. When sampled, the mean over the sampled
    /// sources other than *u* (an unbiased estimate).
    public let harmonicCloseness: [Double]
    /// Whether ``values`` and ``harmonicCloseness`` are sampled estimates rather than exact.
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
    /// In the exact case, a *leaf* — an author nobody replied to who replied to exactly one
    /// author *t* (in-degree 0, out-degree 1; most one-comment authors) — needs no search of
    /// its own: every shortest path from it is the edge to *t* followed by a shortest path
    /// from *t*, so its dependencies are *t*'s, plus one on *t* for every node *t* reaches.
    /// Each source's search is counted once for itself and once per leaf attached to it: the
    /// same values (up to rounding) for a fraction of the work.
    ///
    /// - Complexity: O(*s* (*n* + *m*)) time for *s* searched sources (non-leaves when exact),
    ///   O(*n* + *m*) memory.
    public init(_ g: WeightedDigraph, options: Options = .standard) {
        let n = g.nodeCount
        let exact = n <= options.exactLimit || options.pivots >= n
        let sources: [Int32]
        var leaves: [Int32]? = nil
        if exact {
            // Leaves ride on their target's search.
            var attached = [Int32](repeating: 0, count: n)
            var searched: [Int32] = []
            searched.reserveCapacity(n)
            for u in 0..<n {
                if g.inStart[u + 1] == g.inStart[u], g.outStart[u + 1] - g.outStart[u] == 1 {
                    attached[Int(g.outTarget[Int(g.outStart[u])])] += 1
                } else {
                    searched.append(Int32(u))
                }
            }
            sources = searched
            leaves = attached
        } else {
            var rng = SplitMix64(seed: options.seed)
            sources = rng.sample(max(options.pivots, 2), from: n)
        }
        // A large graph is searched with its nodes renumbered by degree, busiest first, so
        // that the nodes most searches touch share cache lines.
        let renumbered = n >= options.renumberingThreshold ? Self.byDegree(g) : nil
        let h = renumbered?.graph ?? g
        var searched = sources
        var leafCounts = leaves
        if let r = renumbered {
            searched = sources.map { r.newIndex[Int($0)] }
            if let counts = leaves {
                var moved = [Int32](repeating: 0, count: n)
                for v in 0..<n { moved[Int(r.newIndex[v])] = counts[v] }
                leafCounts = moved
            }
        }
        let chunkSources = searched, chunkLeaves = leafCounts
        // Sources are split into a fixed number of chunks that run in parallel and are summed
        // in chunk order, so the result does not depend on scheduling or core count.
        let chunks = min(Self.maxChunks, max(1, chunkSources.count / Self.sourcesPerChunk))
        var raw: [Double], harmonic: [Double]
        if chunks == 1 {
            (raw, harmonic) = Self.searches(h, chunkSources[...], leaves: chunkLeaves)
        } else {
            let partials = Mutex([(dependency: [Double], harmonic: [Double])](repeating: ([], []), count: chunks))
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let part = Self.searches(h, chunkSources[(chunkSources.count * c / chunks)..<(chunkSources.count * (c + 1) / chunks)], leaves: chunkLeaves)
                partials.withLock { $0[c] = part }
            }
            (raw, harmonic) = partials.withLock { $0[0] }
            partials.withLock { parts in
                for c in 1..<chunks {
                    for v in 0..<n { raw[v] += parts[c].dependency[v]; harmonic[v] += parts[c].harmonic[v] }
                }
            }
        }
        if let r = renumbered {
            raw = (0..<n).map { raw[Int(r.newIndex[$0])] }
            harmonic = (0..<n).map { harmonic[Int(r.newIndex[$0])] }
        }
        // Normalisation. Sampled, a pivot's own value comes from the k − 1 other pivots.
        var isSource = [Bool](repeating: false, count: exact ? 0 : n)
        for s in sources where !exact { isSource[Int(s)] = true }
        let k = Double(sources.count)
        if n > 1 {
            // Harmonic closeness: the mean of 1/d over the other nodes (or the other sampled sources).
            for v in 0..<n { harmonic[v] *= exact ? 1 / Double(n - 1) : isSource[v] ? 1 / (k - 1) : 1 / k }
        }
        if n > 2 {
            let pairs = Double(n - 2)
            for v in 0..<n { raw[v] *= exact ? 1 / (Double(n - 1) * pairs) : isSource[v] ? 1 / ((k - 1) * pairs) : 1 / (k * pairs) }
        }
        self.values = raw
        self.harmonicCloseness = harmonic
        self.sampled = !exact
        self.sources = exact ? n : sources.count
    }

    /// `g` with its nodes renumbered by total degree, highest first (ties by number), and
    /// each old node's new number.
    ///
    /// - Complexity: O(*n* log *n* + *m* log *m*).
    static func byDegree(_ g: WeightedDigraph) -> (graph: WeightedDigraph, newIndex: [Int32]) {
        let n = g.nodeCount
        var degree = [Int32](repeating: 0, count: n)
        for v in 0..<n {
            let out: Int32 = g.outStart[v + 1] - g.outStart[v]
            let into: Int32 = g.inStart[v + 1] - g.inStart[v]
            degree[v] = out + into
        }
        let order = (0..<n).sorted { (a: Int, b: Int) -> Bool in degree[a] != degree[b] ? degree[a] > degree[b] : a < b }
        var newIndex = [Int32](repeating: 0, count: n)
        for (k, v) in order.enumerated() { newIndex[v] = Int32(k) }
        var edges: [(from: Int32, to: Int32, weight: Double)] = []
        edges.reserveCapacity(g.edgeCount)
        for u in 0..<n {
            for k in Int(g.outStart[u])..<Int(g.outStart[u + 1]) {
                edges.append((newIndex[u], newIndex[Int(g.outTarget[k])], g.outWeight[k]))
            }
        }
        return (WeightedDigraph(nodeCount: n, edges: edges), newIndex)
    }

    /// At most this many chunks of sources run in parallel.
    static let maxChunks = 8
    /// A chunk has at least this many sources (smaller graphs run on one thread).
    static let sourcesPerChunk = 64

    /// Brandes' accumulated dependencies of every node from `sources` (unnormalised).
    ///
    /// - Complexity: O(*s* (*n* + *m*)) time, O(*n*) memory.
    static func dependencies(_ g: WeightedDigraph, _ sources: ArraySlice<Int32>, leaves: [Int32]? = nil) -> [Double] {
        searches(g, sources, leaves: leaves).dependency
    }

    /// Brandes' accumulated dependencies of every node from `sources`, and each node's sum of
    /// 1/d(s, node) over the sources that reach it (both unnormalised); with `leaves`, each
    /// source also counts for the leaves attached to it (`leaves[s]` of them, each one step
    /// farther from everything the source reaches, and one step from the source).
    ///
    /// - Complexity: O(*s* (*n* + *m*)) time, O(*n*) memory.
    static func searches(_ g: WeightedDigraph, _ sources: ArraySlice<Int32>, leaves: [Int32]? = nil) -> (dependency: [Double], harmonic: [Double]) {
        let n = g.nodeCount
        var raw = [Double](repeating: 0, count: n)
        var harmonicSum = raw
        guard n > 0 else { return (raw, harmonicSum) }
        // The inner loops run over raw buffers: this is the hottest code of a large analysis.
        // Each node's distance, path count and dependency sit together in one record.
        struct Node { var sigma: Double = 0; var delta: Double = 0; var dist: Int32 = -1 }
        let node = UnsafeMutableBufferPointer<Node>.allocate(capacity: n)
        let order = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        defer { node.deallocate(); order.deallocate() }
        node.initialize(repeating: Node())
        order.initialize(repeating: 0)
        g.outStart.withUnsafeBufferPointer { outStart in
        g.outTarget.withUnsafeBufferPointer { outTarget in
        g.inStart.withUnsafeBufferPointer { inStart in
        g.inSource.withUnsafeBufferPointer { inSource in
        raw.withUnsafeMutableBufferPointer { raw in
        harmonicSum.withUnsafeMutableBufferPointer { harmonic in
            for s in sources {
                var head = 0, tail = 0
                order[tail] = s; tail += 1
                node[Int(s)].dist = 0
                node[Int(s)].sigma = 1
                while head < tail {
                    let v = Int(order[head]); head += 1
                    let next = node[v].dist + 1
                    let sv = node[v].sigma
                    for k in Int(outStart[v])..<Int(outStart[v + 1]) {
                        let w = Int(outTarget[k])
                        let dw = node[w].dist
                        if dw < 0 {
                            node[w].dist = next
                            order[tail] = Int32(w); tail += 1
                            node[w].sigma += sv
                        } else if dw == next {
                            node[w].sigma += sv
                        }
                    }
                }
                // Dependencies, farthest first; predecessors found among in-neighbours one hop nearer.
                let attached = leaves.map { Double($0[Int(s)]) } ?? 0
                let times = 1 + attached
                var i = tail - 1
                while i > 0 {
                    let w = Int(order[i])
                    let coefficient = (1 + node[w].delta) / node[w].sigma
                    let previous = node[w].dist - 1
                    for k in Int(inStart[w])..<Int(inStart[w + 1]) {
                        let v = Int(inSource[k])
                        if node[v].dist == previous { node[v].delta += node[v].sigma * coefficient }
                    }
                    raw[w] += attached == 0 ? node[w].delta : times * node[w].delta
                    let d = Double(node[w].dist)
                    harmonic[w] += attached == 0 ? 1 / d : 1 / d + attached / (d + 1)
                    i -= 1
                }
                // Each attached leaf's paths to the nodes `s` reaches all pass through `s`.
                if attached > 0 {
                    raw[Int(s)] += attached * Double(tail - 1)
                    harmonic[Int(s)] += attached
                }
                for i in 0..<tail { node[Int(order[i])] = Node() }
            }
        }
        }
        }
        }
        }
        }
        return (raw, harmonicSum)
    }
}
