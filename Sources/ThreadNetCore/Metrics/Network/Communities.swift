/// Communities of the author network by the Leiden algorithm (Traag, Waltman & van Eck 2019),
/// maximising modularity on the undirected weighted graph.
///
/// The graph: authors, and between two authors one undirected edge whose weight is the replies
/// either way (`u → v` plus `v → u`, as igraph's `as_undirected(combine_edges="sum")`);
/// self-replies are left out. Modularity (Newman 2006, resolution 1):
/// Q = Σ_c [ in_c / 2m − (tot_c / 2m)² ], with in_c the weight of edges inside community c
/// counted from both ends, tot_c the summed strength of its authors and 2m the summed strength of
/// all; 0 for a graph without edges.
///
/// The algorithm: fast local moving of nodes between communities (each node to the neighbouring
/// community that raises modularity most), then refinement (within each community, singletons
/// merge greedily into well-connected sub-communities they are linked to, which keeps every
/// community connected), then aggregation of the refined communities into nodes, repeated until
/// no node moves; the whole is rerun from its own result until modularity stops rising (at most
/// ``maxRuns`` runs), from ``starts`` node orders (``SplitMix64`` with fixed seeds), keeping the
/// best. Refinement is greedy rather than random, so the result is deterministic. Communities are numbered by
/// their first author (author-id order). Isolated authors are communities of their own.
///
/// - Complexity: about O(*m*) per pass and few passes in practice; O(*n* + *m*) memory.
public struct Communities: Hashable, Sendable {
    /// Community of each node, numbered 0, 1, … by first node.
    public let membership: [Int32]
    /// Number of communities.
    public var count: Int { sizes.count }
    /// Authors per community, by community number.
    public let sizes: [Int]
    /// Modularity of ``membership``; 0 without edges.
    public let modularity: Double

    /// Whole reruns at most.
    public static let maxRuns = 10
    /// Independent starts (node orders from seeds `seed`, `seed + 1`, …) on graphs up to
    /// ``manyStartsLimit`` nodes; the partition with the highest modularity is kept.
    public static let starts = 8
    /// Above this many nodes, 2 starts.
    public static let manyStartsLimit = 2_000

    /// Leiden communities of `g` (directed edges summed both ways, loops left out).
    public init(_ g: WeightedDigraph, seed: UInt64 = 42) {
        let graph = Level(g)
        // Several node orders, the best kept (ties: the first): ``starts`` of them up to
        // ``manyStartsLimit`` nodes, 2 above.
        var bestMembership = (0..<Int32(graph.n)).map { $0 }
        var bestQ = graph.modularity(bestMembership)
        // Without edges every author is a community of their own.
        let startCount = graph.total == 0 ? 0 : graph.n <= Self.manyStartsLimit ? Self.starts : 2
        for start in 0..<startCount {
            var rng = SplitMix64(seed: seed &+ UInt64(start))
            var membership = (0..<Int32(graph.n)).map { $0 }
            var best = graph.modularity(membership)
            for _ in 0..<Self.maxRuns {
                let next = Self.leiden(graph, initial: membership, rng: &rng)
                let q = graph.modularity(next)
                guard q > best + 1e-12 else { break }
                membership = next
                best = q
            }
            if best > bestQ + 1e-12 { bestQ = best; bestMembership = membership }
        }
        let numbered = Self.numbered(bestMembership)
        self.membership = numbered
        var sizes = [Int](repeating: 0, count: Int(numbered.max().map { $0 + 1 } ?? 0))
        for c in numbered { sizes[Int(c)] += 1 }
        self.sizes = sizes
        modularity = graph.modularity(numbered)
    }

    /// Community ids renumbered 0, 1, … in order of first appearance.
    static func numbered(_ membership: [Int32]) -> [Int32] {
        var map = [Int32](repeating: -1, count: Int(membership.max() ?? -1) + 1)
        var next: Int32 = 0
        return membership.map { c in
            if map[Int(c)] < 0 { map[Int(c)] = next; next += 1 }
            return map[Int(c)]
        }
    }

    /// One weighted undirected graph of a Leiden level: CSR adjacency without loops, each
    /// node's loop weight (edges inside an aggregated node, from both ends) and strength.
    struct Level {
        let n: Int
        let start: [Int32]
        let neighbor: [Int32]
        let weight: [Double]
        let loop: [Double]
        let strength: [Double]
        /// Σ strength (2m).
        let total: Double

        init(n: Int, start: [Int32], neighbor: [Int32], weight: [Double], loop: [Double]) {
            self.n = n
            self.start = start
            self.neighbor = neighbor
            self.weight = weight
            self.loop = loop
            var strength = loop
            for v in 0..<n { for e in Int(start[v])..<Int(start[v + 1]) { strength[v] += weight[e] } }
            self.strength = strength
            total = strength.reduce(0, +)
        }

        /// The undirected graph of `g`: u–v weighted by w(u→v) + w(v→u).
        init(_ g: WeightedDigraph) {
            let n = g.nodeCount
            var start = [Int32](repeating: 0, count: n + 1)
            var neighbor: [Int32] = [], weight: [Double] = []
            var acc = [Double](repeating: 0, count: n)
            var touched: [Int32] = []
            for v in 0..<n {
                for e in Int(g.outStart[v])..<Int(g.outStart[v + 1]) { let t = g.outTarget[e]; if acc[Int(t)] == 0 { touched.append(t) }; acc[Int(t)] += g.outWeight[e] }
                for e in Int(g.inStart[v])..<Int(g.inStart[v + 1]) { let s = g.inSource[e]; if acc[Int(s)] == 0 { touched.append(s) }; acc[Int(s)] += g.inWeight[e] }
                touched.sort()
                for u in touched where Int(u) != v { neighbor.append(u); weight.append(acc[Int(u)]) }
                for u in touched { acc[Int(u)] = 0 }
                touched.removeAll(keepingCapacity: true)
                start[v + 1] = Int32(neighbor.count)
            }
            self.init(n: n, start: start, neighbor: neighbor, weight: weight, loop: [Double](repeating: 0, count: n))
        }

        /// Modularity of a partition of this graph.
        func modularity(_ part: [Int32]) -> Double {
            guard total > 0 else { return 0 }
            var inside = [Double](repeating: 0, count: n), tot = [Double](repeating: 0, count: n)
            for v in 0..<n {
                let c = Int(part[v])
                tot[c] += strength[v]
                inside[c] += loop[v]
                for e in Int(start[v])..<Int(start[v + 1]) where part[Int(neighbor[e])] == part[v] { inside[c] += weight[e] }
            }
            var q = 0.0
            for c in 0..<n where tot[c] > 0 { q += inside[c] / total - (tot[c] / total) * (tot[c] / total) }
            return q
        }
    }

    /// One run: levels of local moving, refinement and aggregation from `initial`; the
    /// membership of the original nodes.
    static func leiden(_ base: Level, initial: [Int32], rng: inout SplitMix64) -> [Int32] {
        var graph = base
        var part = numbered(initial)
        var nodeOf = (0..<Int32(base.n)).map { $0 }   // original node → node of the current level
        while true {
            part = moveNodes(graph, part, rng: &rng)
            let communities = Int(part.max().map { $0 + 1 } ?? 0)
            if communities == graph.n { break }
            // Aggregate the refined communities; when refinement merged nothing, the communities
            // themselves (as Louvain does), so that every level has fewer nodes than the last.
            var r = numbered(refine(graph, part))
            var nr = Int(r.max().map { $0 + 1 } ?? 0)
            if nr == graph.n {
                r = part
                nr = communities
            }
            // Aggregate: one node per refined community, starting in its community of `part`.
            var nextPart = [Int32](repeating: 0, count: nr)
            for v in 0..<graph.n { nextPart[Int(r[v])] = part[v] }
            var members = [[Int32]](repeating: [], count: nr)
            for v in 0..<graph.n { members[Int(r[v])].append(Int32(v)) }
            var start = [Int32](repeating: 0, count: nr + 1)
            var neighbor: [Int32] = [], weight: [Double] = []
            var loop = [Double](repeating: 0, count: nr)
            var acc = [Double](repeating: 0, count: nr), seen = [Bool](repeating: false, count: nr)
            var touched: [Int32] = []
            for a in 0..<nr {
                for v in members[a] {
                    loop[a] += graph.loop[Int(v)]
                    for e in Int(graph.start[Int(v)])..<Int(graph.start[Int(v) + 1]) {
                        let b = r[Int(graph.neighbor[e])]
                        if Int(b) == a { loop[a] += graph.weight[e]; continue }
                        if !seen[Int(b)] { seen[Int(b)] = true; touched.append(b) }
                        acc[Int(b)] += graph.weight[e]
                    }
                }
                touched.sort()
                for b in touched { neighbor.append(b); weight.append(acc[Int(b)]); acc[Int(b)] = 0; seen[Int(b)] = false }
                touched.removeAll(keepingCapacity: true)
                start[a + 1] = Int32(neighbor.count)
            }
            for k in nodeOf.indices { nodeOf[k] = r[Int(nodeOf[k])] }
            graph = Level(n: nr, start: start, neighbor: neighbor, weight: weight, loop: loop)
            part = numbered(nextPart)
        }
        return nodeOf.map { part[Int($0)] }
    }

    /// Fast local moving: nodes in a random order, each to the neighbouring community (or an
    /// empty one) with the largest modularity gain; the neighbours of a moved node that are
    /// not in its new community are queued again.
    static func moveNodes(_ g: Level, _ initial: [Int32], rng: inout SplitMix64) -> [Int32] {
        var part = initial
        var tot = [Double](repeating: 0, count: g.n)
        var members = [Int](repeating: 0, count: g.n)
        for v in 0..<g.n { tot[Int(part[v])] += g.strength[v]; members[Int(part[v])] += 1 }
        var empty = (0..<Int32(g.n)).filter { members[Int($0)] == 0 }
        var queue = rng.sample(g.n, from: g.n)
        var queued = [Bool](repeating: true, count: g.n)
        var head = 0
        var toComm = [Double](repeating: 0, count: g.n)
        var touched: [Int32] = []
        while head < queue.count {
            let v = Int(queue[head]); head += 1
            queued[v] = false
            let own = part[v]
            for e in Int(g.start[v])..<Int(g.start[v + 1]) {
                let c = part[Int(g.neighbor[e])]
                if toComm[Int(c)] == 0 { touched.append(c) }
                toComm[Int(c)] += g.weight[e]
            }
            tot[Int(own)] -= g.strength[v]
            members[Int(own)] -= 1
            let k = g.strength[v] / g.total
            var best = own
            var bestGain = toComm[Int(own)] - k * tot[Int(own)]
            // The largest gain; among gains within 1e-12 of each other, the lowest community number
            // (so the visiting order of neighbours does not matter).
            for c in touched where c != own {
                let gain = toComm[Int(c)] - k * tot[Int(c)]
                if gain > bestGain + 1e-12 || (best != own && c < best && abs(gain - bestGain) <= 1e-12) { best = c; bestGain = max(gain, bestGain) }
            }
            if bestGain < -1e-12, members[Int(own)] > 0, let free = empty.last {
                best = free
            }
            for c in touched { toComm[Int(c)] = 0 }
            touched.removeAll(keepingCapacity: true)
            if best == empty.last { empty.removeLast() }
            tot[Int(best)] += g.strength[v]
            members[Int(best)] += 1
            if members[Int(own)] == 0 { empty.append(own) }
            part[v] = best
            if best != own {
                for e in Int(g.start[v])..<Int(g.start[v + 1]) {
                    let u = Int(g.neighbor[e])
                    if !queued[u] && part[u] != best { queued[u] = true; queue.append(Int32(u)) }
                }
            }
        }
        return numbered(part)
    }

    /// Refinement: within each community of `part`, start from singletons and merge each
    /// well-connected singleton into the well-connected sub-community it is linked to with the
    /// largest modularity gain, if any is positive. Sub-communities are connected by
    /// construction.
    static func refine(_ g: Level, _ part: [Int32]) -> [Int32] {
        var refined = (0..<Int32(g.n)).map { $0 }
        var tot = g.strength                     // per refined community
        var commTot = [Double](repeating: 0, count: g.n)
        for v in 0..<g.n { commTot[Int(part[v])] += g.strength[v] }
        // Weight from each node, and each refined community, to the rest of its community.
        var external = [Double](repeating: 0, count: g.n)
        var kIn = [Double](repeating: 0, count: g.n)
        for v in 0..<g.n {
            for e in Int(g.start[v])..<Int(g.start[v + 1]) where part[Int(g.neighbor[e])] == part[v] { kIn[v] += g.weight[e] }
            external[v] = kIn[v]
        }
        var singleton = [Bool](repeating: true, count: g.n)
        var toRef = [Double](repeating: 0, count: g.n)
        var touched: [Int32] = []
        for v in 0..<g.n {
            let c = Int(part[v])
            let kv = g.strength[v]
            guard singleton[v], kIn[v] >= kv * (commTot[c] - kv) / g.total else { continue }
            for e in Int(g.start[v])..<Int(g.start[v + 1]) {
                let u = Int(g.neighbor[e])
                guard part[u] == part[v] else { continue }
                let t = refined[u]
                if toRef[Int(t)] == 0 { touched.append(t) }
                toRef[Int(t)] += g.weight[e]
            }
            var best: Int32 = -1
            var bestGain = 1e-12
            for t in touched where Int(t) != v {
                // Only sub-communities well connected to the rest of their community.
                guard external[Int(t)] >= tot[Int(t)] * (commTot[c] - tot[Int(t)]) / g.total else { continue }
                let gain = toRef[Int(t)] - kv * tot[Int(t)] / g.total
                if gain > bestGain + 1e-12 || (best >= 0 && t < best && abs(gain - bestGain) <= 1e-12) { best = t; bestGain = max(gain, bestGain) }
            }
            if best >= 0 {
                let t = Int(best)
                external[t] = external[t] + kIn[v] - 2 * toRef[t]
                tot[t] += kv
                tot[v] = 0
                refined[v] = best
                singleton[v] = false
                singleton[t] = false
            }
            for t in touched { toRef[Int(t)] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        return refined
    }
}
