/// Structural measures of one thread's reply graph (see ``WeightedDigraph`` for the
/// convention: self-loops removed, reported separately as ``selfReplyWeight``).
///
/// Every definition below names the networkx or igraph function it equals; the reference
/// script `scripts/reference/network_reference.py` computes each with both libraries and the
/// tests compare. Per-node arrays are indexed by node (author id, first-appearance order).
public struct NetworkMeasures: Hashable, Sendable {
    // MARK: Thread level

    /// Nodes (authors, isolated ones included). Unit: authors.
    public let nodes: Int
    /// Distinct directed edges between different authors (networkx `number_of_edges` of the
    /// loop-free `DiGraph`). Unit: ordered pairs.
    public let edges: Int
    /// Total weight of the dropped self-loops: replies of authors to themselves. Unit: replies.
    public let selfReplyWeight: Double
    /// edges / (n(n − 1)); 0 for n < 2 (networkx `density`). Unit: fraction of possible
    /// ordered pairs.
    public let density: Double
    /// Share of nodes with in-degree 0: authors no other author replied to (0 for n = 0).
    /// Unit: fraction of authors.
    public let neverRepliedToShare: Double
    /// Edges whose reverse edge exists, divided by edges; 0 without edges (networkx
    /// `overall_reciprocity`, igraph `reciprocity(mode="default")`). Unit: fraction of edges.
    public let edgeReciprocity: Double
    /// Mutually connected pairs divided by connected pairs (unordered pairs with an edge
    /// either way); 0 without edges (NodeXL's pair reciprocity, igraph
    /// `reciprocity(mode="ratio")`). Unit: fraction of pairs.
    public let pairReciprocity: Double
    /// Freeman centralization of ``inDegree``; see ``DegreeCentralization``. Unit: fraction.
    public let inDegreeCentralization: Double
    /// Freeman centralization of ``outDegree``; see ``DegreeCentralization``. Unit: fraction.
    public let outDegreeCentralization: Double
    /// Number of weakly connected components (isolated authors count one each). Unit: components.
    public let weakComponents: Int
    /// Largest weak component's size / n (0 for n = 0). Unit: fraction of authors.
    public let largestWeakComponentShare: Double
    /// Number of strongly connected components. Unit: components.
    public let strongComponents: Int
    /// Largest strong component's size / n (0 for n = 0). Unit: fraction of authors.
    public let largestStrongComponentShare: Double
    /// Global transitivity of the undirected simple graph; see ``Clustering``. Unit: fraction.
    public let transitivity: Double
    /// Average local clustering over all nodes, zeros included, of the undirected simple
    /// graph (networkx `average_clustering(G.to_undirected())`); see ``Clustering``.
    /// Unit: fraction.
    public let averageClustering: Double
    /// Communities found by Leiden on the undirected weighted graph; see ``Communities``.
    /// Unit: communities.
    public let communities: Int
    /// Modularity of those communities (resolution 1; 0 without edges); see ``Communities``.
    /// Unit: index −½–1.
    public let modularity: Double
    /// Degree assortativity: the Pearson correlation, over the edges u → v, between the
    /// replier's out-degree and the replied-to author's in-degree (Newman 2003; networkx
    /// `degree_assortativity_coefficient(G)`, whose default for a directed graph is x="out",
    /// y="in"; igraph `assortativity_degree(directed=True)`). NaN (undefined; `null` in
    /// metrics.json) without edges or when either degree is the same on every edge.
    /// Unit: correlation −1–1.
    public let degreeAssortativity: Double
    /// Whether ``betweenness`` and ``harmonicCloseness`` are sampled estimates (n above ``Betweenness/Options/exactLimit``).
    public let betweennessSampled: Bool
    /// Number of sources betweenness was computed from (n when exact).
    public let betweennessSources: Int

    // MARK: Per node

    /// Distinct other authors replying to each node (networkx `in_degree` of the loop-free
    /// `DiGraph`). Unit: authors.
    public let inDegree: [Int32]
    /// Distinct other authors each node replies to. Unit: authors.
    public let outDegree: [Int32]
    /// Replies received from other authors (weighted in-degree). Unit: replies.
    public let inStrength: [Double]
    /// Replies written to other authors (weighted out-degree). Unit: replies.
    public let outStrength: [Double]
    /// Weighted PageRank, α = 0.85; see ``PageRank``. Unit: probability, summing to 1.
    public let pageRank: [Double]
    /// Normalised directed betweenness on unweighted paths; see ``Betweenness``. Unit: fraction.
    public let betweenness: [Double]
    /// Harmonic closeness (incoming reply paths); see ``Betweenness/harmonicCloseness``.
    /// Unit: 1/steps, 0–1.
    public let harmonicCloseness: [Double]
    /// HITS hub score; see ``HITS``. Unit: share, summing to 1.
    public let hubScore: [Double]
    /// HITS authority score; see ``HITS``. Unit: share, summing to 1.
    public let authorityScore: [Double]
    /// Share of the node's out-edges whose reverse edge exists: of the authors it replied to,
    /// the share who replied to it. NaN (undefined; `null` in metrics.json, empty in CSV) for
    /// an author who replied to no one. Unit: fraction of out-edges.
    public let reciprocity: [Double]
    /// k-core number in the undirected simple graph; see ``CoreNumbers``. Unit: neighbours.
    public let coreNumber: [Int32]
    /// Local clustering coefficient in the undirected simple graph; see ``Clustering``.
    /// Unit: fraction.
    public let clustering: [Double]
    /// Weak component id of each node, numbered by first node; see ``ComponentLabels``.
    public let weakComponent: [Int32]
    /// Strong component id of each node, numbered by first node; see ``ComponentLabels``.
    public let strongComponent: [Int32]
    /// Community of each node, numbered by first node; see ``Communities``.
    public let community: [Int32]

    /// Computes every measure of `graph`.
    ///
    /// - Complexity: O((*n* + *m*) · *k*) for PageRank's *k* ≈ 190 iterations, plus
    ///   O(*m* √*m*) for triangles, plus betweenness's O(*s* (*n* + *m*)) for *s* sources
    ///   (*n* up to the exact limit, else the pivot count); memory O(*n* + *m*).
    public init(_ graph: WeightedDigraph, betweenness options: Betweenness.Options = .standard) {
        let n = graph.nodeCount
        var inDegree = [Int32](repeating: 0, count: n), outDegree = inDegree
        var inStrength = [Double](repeating: 0, count: n), outStrength = inStrength
        var reciprocated = 0
        var reciprocity = [Double](repeating: .nan, count: n)
        for u in 0..<n {
            outDegree[u] = graph.outStart[u + 1] - graph.outStart[u]
            inDegree[u] = graph.inStart[u + 1] - graph.inStart[u]
            var returned = 0
            for k in Int(graph.outStart[u])..<Int(graph.outStart[u + 1]) {
                outStrength[u] += graph.outWeight[k]
                if graph.hasEdge(from: graph.outTarget[k], to: Int32(u)) { returned += 1 }
            }
            reciprocated += returned
            if outDegree[u] > 0 { reciprocity[u] = Double(returned) / Double(outDegree[u]) }
            for k in Int(graph.inStart[u])..<Int(graph.inStart[u + 1]) { inStrength[u] += graph.inWeight[k] }
        }
        let m = graph.edgeCount
        let undirected = UndirectedAdjacency(graph)
        let weak = ComponentLabels.weak(undirected)
        let strong = ComponentLabels.strong(graph)
        let clustering = Clustering(undirected)
        let between = Betweenness(graph, options: options)
        let found = Communities(graph)
        let hits = HITS(graph)
        let share = { (count: Int) in n == 0 ? 0 : Double(count) / Double(n) }

        nodes = n
        edges = m
        selfReplyWeight = graph.loopWeight
        density = n < 2 ? 0 : Double(m) / (Double(n) * Double(n - 1))
        neverRepliedToShare = share(inDegree.count { $0 == 0 })
        edgeReciprocity = m == 0 ? 0 : Double(reciprocated) / Double(m)
        // Each mutual pair is two reciprocated edges and one undirected edge.
        pairReciprocity = m == 0 ? 0 : Double(reciprocated / 2) / Double(undirected.edgeCount)
        inDegreeCentralization = DegreeCentralization.compute(inDegree)
        outDegreeCentralization = DegreeCentralization.compute(outDegree)
        weakComponents = weak.count
        largestWeakComponentShare = share(weak.largestSize)
        strongComponents = strong.count
        largestStrongComponentShare = share(strong.largestSize)
        transitivity = clustering.transitivity
        averageClustering = clustering.average
        degreeAssortativity = Self.assortativity(graph, outDegree, inDegree)
        communities = found.count
        modularity = found.modularity
        community = found.membership
        betweennessSampled = between.sampled
        betweennessSources = between.sources
        self.inDegree = inDegree
        self.outDegree = outDegree
        self.inStrength = inStrength
        self.outStrength = outStrength
        pageRank = PageRank.compute(graph)
        betweenness = between.values
        harmonicCloseness = between.harmonicCloseness
        hubScore = hits.hubs
        authorityScore = hits.authorities
        self.reciprocity = reciprocity
        coreNumber = CoreNumbers.compute(undirected)
        self.clustering = clustering.local
        weakComponent = weak.component
        strongComponent = strong.component
    }

    /// Pearson correlation over the edges u → v of `x[u]` and `y[v]`, two passes (means, then
    /// moments); NaN without edges or with zero variance on either side.
    ///
    /// - Complexity: O(*n* + *m*).
    static func assortativity(_ g: WeightedDigraph, _ x: [Int32], _ y: [Int32]) -> Double {
        let m = g.edgeCount
        guard m > 0 else { return .nan }
        var sumX = 0.0, sumY = 0.0
        for u in 0..<g.nodeCount {
            let edges = Int(g.outStart[u])..<Int(g.outStart[u + 1])
            sumX += Double(edges.count) * Double(x[u])
            for k in edges { sumY += Double(y[Int(g.outTarget[k])]) }
        }
        let meanX = sumX / Double(m), meanY = sumY / Double(m)
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        for u in 0..<g.nodeCount {
            let dx = Double(x[u]) - meanX
            for k in Int(g.outStart[u])..<Int(g.outStart[u + 1]) {
                let dy = Double(y[Int(g.outTarget[k])]) - meanY
                sxx += dx * dx; syy += dy * dy; sxy += dx * dy
            }
        }
        guard sxx > 0, syy > 0 else { return .nan }
        return sxy / (sxx * syy).squareRoot()
    }
}
