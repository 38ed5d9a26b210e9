/// Author-network metrics: computed by ``NetworkMeasures`` on the reply graph, defined here.
///
/// The graph: one node per known author (isolated authors included; the unknown bucket and
/// excluded authors are not nodes; the article's author only with `--include-article-author`),
/// a directed edge replier → replied-to weighted by the number of replies. Self-replies are
/// counted apart (`selfReplies`) and removed before every measure below. Mention, quote and
/// reference edges are not part of this graph.
extension Metrics {
    public static let networkScalars: [ScalarMetric] = [
        ScalarMetric("nodes", "Nodes", unit: "authors", isCount: true,
            "Authors in the network: every known author, isolated ones included.", network: { Double($0.nodes) }),
        ScalarMetric("edges", "Edges", unit: "ordered pairs", isCount: true,
            "Distinct directed replier → replied-to pairs of different authors.", network: { Double($0.edges) }),
        ScalarMetric("density", "Density", unit: "fraction", source: "networkx `density` (directed)",
            "Edges divided by the n(n − 1) possible ordered pairs of n authors; 0 with fewer than 2 authors.", network: { $0.density }),
        ScalarMetric("neverRepliedToShare", "Authors never replied to", unit: "fraction",
            "The share of authors no other author replied to (in-degree 0).", network: { $0.neverRepliedToShare }),
        ScalarMetric("edgeReciprocity", "Edge reciprocity", unit: "fraction", source: "networkx `overall_reciprocity`; igraph `reciprocity(mode=\"default\")`",
            "Edges whose reverse edge also exists, divided by edges (0 without edges).", network: { $0.edgeReciprocity }),
        ScalarMetric("pairReciprocity", "Pair reciprocity", unit: "fraction", source: "NodeXL; igraph `reciprocity(mode=\"ratio\")`",
            "Pairs of authors who replied to each other, divided by pairs with a reply either way (0 without edges).", network: { $0.pairReciprocity }),
        ScalarMetric("inDegreeCentralization", "In-degree centralization", unit: "index 0–1", source: "Freeman 1979; normalised as igraph `centralization_degree(mode=\"in\", loops=False)`",
            "Σ (max in-degree − in-degreeᵢ) over authors, divided by its largest possible value (n − 1)² for n authors; 1 for a star of replies into one author, 0 when all in-degrees are equal or n < 2.", network: { $0.inDegreeCentralization }),
        ScalarMetric("outDegreeCentralization", "Out-degree centralization", unit: "index 0–1", source: "Freeman 1979; normalised as igraph `centralization_degree(mode=\"out\", loops=False)`",
            "As in-degree centralization, over out-degrees.", network: { $0.outDegreeCentralization }),
        ScalarMetric("weakComponents", "Weak components", unit: "components", isCount: true, source: "networkx `number_weakly_connected_components`",
            "Groups of authors connected by replies in either direction; an isolated author is a component of its own.", network: { Double($0.weakComponents) }),
        ScalarMetric("largestWeakComponentShare", "Largest weak component", unit: "fraction",
            "The largest weak component's authors divided by all authors.", network: { $0.largestWeakComponentShare }),
        ScalarMetric("strongComponents", "Strong components", unit: "components", isCount: true, source: "networkx `number_strongly_connected_components`",
            "Groups of authors each reachable from every other along reply edges in their direction.", network: { Double($0.strongComponents) }),
        ScalarMetric("largestStrongComponentShare", "Largest strong component", unit: "fraction",
            "The largest strong component's authors divided by all authors.", network: { $0.largestStrongComponentShare }),
        ScalarMetric("transitivity", "Transitivity", unit: "index 0–1", source: "networkx `transitivity` on the undirected graph",
            "3 × triangles / connected triples in the undirected, unweighted graph (0 without triples).", network: { $0.transitivity }),
        ScalarMetric("averageClustering", "Average clustering", unit: "index 0–1", source: "networkx `average_clustering` on the undirected graph",
            "The mean over all authors (those with fewer than 2 neighbours count 0) of the local clustering coefficient: links among an author's neighbours divided by the possible links, undirected and unweighted.", network: { $0.averageClustering }),
        ScalarMetric("degreeAssortativity", "Degree assortativity", unit: "correlation −1–1", source: "Newman 2003; networkx `degree_assortativity_coefficient` (directed: x=\"out\", y=\"in\"); igraph `assortativity_degree(directed=True)`",
            "The Pearson correlation, over the reply edges u → v between different authors, of the replier's out-degree and the replied-to author's in-degree: above 0 when busy repliers answer much-answered authors, below 0 when they answer authors few others answer. Undefined (empty) without edges or when either degree is the same on every edge.", network: { $0.degreeAssortativity }),
        ScalarMetric("communities", "Communities", unit: "communities", isCount: true, source: "Traag, Waltman & van Eck 2019 (Leiden); checked against igraph `community_leiden(objective_function=\"modularity\")`",
            "Groups of authors found by the Leiden algorithm maximising modularity on the undirected graph whose edge weights are the replies either way (self-replies left out); isolated authors are communities of their own. Deterministic: fixed seeds, the best of several starts.", network: { Double($0.communities) }),
        ScalarMetric("modularity", "Modularity", unit: "index −½–1", source: "Newman 2006; igraph `modularity(weights=\"weight\")`",
            "Σ over communities of (weight inside the community, counted from both ends, ÷ 2m) − (its authors' summed strength ÷ 2m)², with 2m the summed strength of all authors, on the same undirected weighted graph; 0 without edges. Above about 0.3 communities are usually taken as marked.", network: { $0.modularity }),
    ]

    /// Per-author network columns (in metrics.json `authors` and `authors.csv`).
    public static let authorNetworkColumns: [MetricDefinition] = [
        MetricDefinition(id: "inStrength", name: "Replies received from others", definition: "Replies the author received from other authors (weighted in-degree; self-replies excluded).", unit: "replies", scope: .author),
        MetricDefinition(id: "outStrength", name: "Replies written to others", definition: "Replies the author wrote to other authors (weighted out-degree; self-replies excluded).", unit: "replies", scope: .author),
        MetricDefinition(id: "pageRank", name: "PageRank", definition: "Weighted PageRank with damping 0.85: the stationary probability of a walk that follows reply edges in proportion to their weight and jumps to a uniformly chosen author with probability 0.15, or always from an author who replied to no one. Sums to 1 over authors.", unit: "probability", scope: .author, source: "Brin & Page 1998; networkx `pagerank(alpha=0.85, weight=\"weight\")`"),
        MetricDefinition(id: "betweenness", name: "Betweenness", definition: "The share of shortest directed reply paths between other pairs of authors that pass through the author, summed over pairs and divided by (n − 1)(n − 2); paths counted in steps, unweighted (reply counts are tie strengths, not distances). Exact (Brandes) up to 10,000 authors; above that estimated from 500 source authors chosen with a fixed seed, and the report says so.", unit: "fraction", scope: .author, source: "Freeman 1977; Brandes 2001; networkx `betweenness_centrality(normalized=True)`"),
        MetricDefinition(id: "harmonicCloseness", name: "Harmonic closeness", definition: "The mean over the other n − 1 authors of 1/d, d the fewest reply steps from that author to this one along reply directions (1/d = 0 when there is no such path): 1 when every other author replied to this one directly. Defined for disconnected networks, unlike classic closeness. Exact up to 10,000 authors; above, estimated from the same 500 sampled source authors as betweenness, and the report says so.", unit: "1/steps, 0–1", scope: .author, source: "Marchiori & Latora 2000; networkx `harmonic_centrality` ÷ (n − 1); igraph `harmonic_centrality(mode=\"in\", normalized=True)`"),
        MetricDefinition(id: "hubScore", name: "Hub score", definition: "Kleinberg's HITS on the weighted directed reply graph: an author is a good hub when they reply to good authorities (the principal eigenvector of AAᵀ, A[u][v] the replies of u to v), scaled to sum 1 over authors; 0 for an author who replied to no one. HITS rather than eigenvector centrality because reply networks are directed and mostly acyclic, where eigenvector centrality is zero outside cycles.", unit: "share", scope: .author, source: "Kleinberg 1999; networkx `hits`; igraph `hub_score` rescaled to sum 1"),
        MetricDefinition(id: "authorityScore", name: "Authority score", definition: "Kleinberg's HITS: an author is a good authority when good hubs reply to them (the principal eigenvector of AᵀA), scaled to sum 1 over authors; 0 for an author nobody replied to.", unit: "share", scope: .author, source: "Kleinberg 1999; networkx `hits`; igraph `authority_score` rescaled to sum 1"),
        MetricDefinition(id: "reciprocity", name: "Reciprocity", definition: "Of the other authors this author replied to, the share who replied to this author too (reciprocated out-edges ÷ out-degree); undefined (empty) for an author who replied to no other author.", unit: "fraction of out-edges", scope: .author),
        MetricDefinition(id: "coreNumber", name: "Core number", definition: "The largest k such that the author belongs to the k-core of the undirected, unweighted graph (the largest subgraph where every author has at least k neighbours).", unit: "neighbours", scope: .author, source: "Batagelj & Zaversnik 2003; networkx `core_number`"),
        MetricDefinition(id: "community", name: "Community", definition: "The author's Leiden community (see Communities), numbered 0, 1, … by the community's first author in author order; the same number in metrics.json, the CSVs and the GEXF/GraphML `community` attribute Gephi can colour by.", unit: "community", scope: .author, source: "Traag, Waltman & van Eck 2019"),
        MetricDefinition(id: "clustering", name: "Local clustering", definition: "Links among the author's neighbours divided by the possible links, in the undirected, unweighted graph; 0 with fewer than 2 neighbours.", unit: "index 0–1", scope: .author, source: "Watts & Strogatz 1998; networkx `clustering`"),
    ]
}
