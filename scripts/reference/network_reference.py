#!/usr/bin/env python3
"""Reference author-network measures for ThreadNet's NetworkMeasures, from networkx and igraph.

For every fixture below, reads the fixture's independent counts (`<stem>.expected.json`,
written by scripts/fixture-counts/ or generate_thread.py, never by ThreadNet): per thread the
sorted known authors (`authorList`) and the reply edges (`replyEdges`: [from, to, weight],
self loops included). Builds, per thread, the reply graph ThreadNet measures: a networkx
DiGraph over all known authors, edges weighted by reply counts, self loops dropped (their
total weight reported as selfReplyWeight). Computes every measure with networkx and, where
igraph has it, again with igraph, and stops with an error when the two disagree (beyond 1e-9).
Writes `<stem>.network.json` next to the expected file (or into --out DIR), keyed by author
name so the Swift test matches by name, not by index.

Threads: a file with `perThread` (keyed_counts) has one network per key in `threadOrder`; a
file with a `threads` list (file_counts) one per block, by its `id`; otherwise the whole file
is one thread (id null). A file of two or more threads also gets `corpus`: the corpus-wide
network, measured the same way over the union of the threads' authors (the same name in two
threads is one author) with every thread's reply edges, weights summed across threads
(ThreadNet's CorpusNetwork).

Definitions (n nodes, m distinct directed edges between different authors):
- density: networkx density, m / (n(n-1)); 0 for n < 2. igraph: density(loops=False).
- neverRepliedToShare: nodes with in-degree 0 / n (0 for n = 0).
- edgeReciprocity: networkx overall_reciprocity (0 without edges); igraph
  reciprocity(ignore_loops=True, mode="default").
- pairReciprocity: mutual pairs / connected pairs (counted here); igraph reciprocity(mode="ratio").
- in/outDegreeCentralization: sum(max degree - degree) / (n-1)^2, 0 for n < 2. python-igraph
  does not expose igraph_centralization_degree, so this applies the C library's formula with
  its theoretical maximum igraph_centralization_degree_tmax(mode=IN|OUT, loops=false) =
  (n-1)^2 to igraph's degree(mode, loops=False), cross-checked with networkx's degrees.
- weak/strong components: partitions (sorted lists of sorted names), networkx vs igraph
  connected_components(mode="weak"|"strong"); largest...Share = largest size / n.
- transitivity, averageClustering, clustering: networkx transitivity / average_clustering /
  clustering on G.to_undirected(); igraph transitivity_undirected (NaN -> 0),
  transitivity_avglocal_undirected(mode="zero"), transitivity_local_undirected(mode="zero").
- pageRank: networkx pagerank(alpha=0.85, weight="weight", tol=1e-15, max_iter=100000) (a much
  tighter tolerance than the default, networkx stops when the L1 change < n * tol); igraph
  pagerank(damping=0.85, weights=..., directed=True) (PRPACK, a direct solve).
- betweenness: networkx betweenness_centrality(normalized=True) (directed, unweighted);
  igraph betweenness(directed=True) / ((n-1)(n-2)) for n > 2.
- coreNumber: networkx core_number(G.to_undirected()); igraph coreness(mode="all") of the
  undirected simple graph.
- in/outDegree (distinct other authors), in/outStrength (reply weights): networkx, igraph.
- harmonicCloseness: networkx harmonic_centrality(G) (incoming distances: the sum over the
  other nodes v of 1/d(v, u)) / (n - 1), 0 for n <= 1; igraph harmonic_centrality(mode="in",
  normalized=True).
- hubScore, authorityScore (HITS, weighted): the principal eigenvectors of AA^T and A^TA, here
  from numpy.linalg.eigh on the dense matrix, scaled to sum 1 (0 everywhere without edges), and
  checked against networkx hits(G) (scipy svds) and igraph hub_score/authority_score
  (ARPACK, rescaled to sum 1) to 1e-6 when the leading eigenvalue is separated:
  `hitsEigenvalueRatio` (lambda2 / lambda1 of A^TA) is stored, and the Swift test compares to
  1e-9 only when it is at most HITS_SEPARATED (otherwise the eigenvector converges slowly or
  is not unique, and any vector of the eigenspace is an answer).
- degreeAssortativity: networkx degree_assortativity_coefficient(G) (x="out", y="in" for a
  DiGraph); igraph assortativity_degree(directed=True); null when undefined (NaN).
- reciprocity (per author): |successors & predecessors| / |successors|, counted here from the
  networkx graph's neighbour sets; null for an author without out-edges.
For SAMPLED_FIXTURES also `betweennessSampled`: networkx's own Brandes pieces
(_single_source_shortest_path_basic, _accumulate_basic, _rescale with sampled_nodes) from the
pivots ThreadNet's SplitMix64 picks when the nodes are numbered in sorted-name order (the
Swift test numbers them the same way for this check).

Usage: network_reference.py [--out DIR]     (networkx 3.6.1, igraph 1.0.0)
"""
import argparse
import json
import math
import os
import sys
import warnings

import igraph as ig
import networkx as nx
import numpy as np
from networkx.algorithms.centrality import betweenness as nxb

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures")
# Expected files (relative to Fixtures/), one per fixture of FixtureReferenceTests, the seed
# and the generated thread.
EXPECTED = [
    "seed/seed.expected.json",
    "xml/isso-wordpress.expected.json",
    "xml/isso-disqus.expected.json",
    "json/reddit-3hahrw-thread.expected.json",
    "json/hn-algolia-item17-fraction.expected.json",
    "json/hn-firebase-items.expected.json",
    "json/mastodon-context-109294719267373593.expected.json",
    "json/discourse-topic57-discourse_api.expected.json",
    "json/youtube-commentthreads.expected.json",
    "stream/pushshift-sample.expected.json",
    "stream/csv-hn-items.expected.json",
    "stream/csv-reddit-comments.expected.json",
    "stream/json-comments.expected.json",
    "stream/json-statuses.expected.json",
    "generated/pa-thread-2000.expected.json",
]
SAMPLED_FIXTURES = {"generated/pa-thread-2000.expected.json"}
SAMPLE_PIVOTS = 50
SAMPLE_SEED = 0x746872656164  # Betweenness.Options.standard.seed ("thread")
TOLERANCE = 1e-9
HITS_SEPARATED = 0.995  # lambda2 / lambda1 of A^TA at most this: the eigenvector is well determined
MASK = (1 << 64) - 1


def splitmix64(seed):
    """Steele, Lea & Flood's SplitMix64, as ThreadNet's SplitMix64."""
    state = seed
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def sample(count, n, seed):
    """count distinct values of range(n) by ThreadNet's partial Fisher-Yates."""
    rng, perm = splitmix64(seed), list(range(n))
    for i in range(min(count, n)):
        j = i + next(rng) % (n - i)
        perm[i], perm[j] = perm[j], perm[i]
    return perm[:min(count, n)]


def close(a, b, what):
    if not math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=TOLERANCE):
        sys.exit("networkx and igraph disagree on %s: %r vs %r" % (what, a, b))


def agree(a, b, what):
    if a != b:
        sys.exit("networkx and igraph disagree on %s: %r vs %r" % (what, a, b))


def partition(components):
    return sorted(sorted(c) for c in components)


def measure(authors, reply_edges, sampled=False):
    """All measures of one thread's reply graph."""
    G = nx.DiGraph()
    G.add_nodes_from(authors)
    loops = 0
    for a, b, w in reply_edges:
        if a == b:
            loops += w
        else:
            G.add_edge(a, b, weight=G.get_edge_data(a, b, {"weight": 0})["weight"] + w)
    n, m = G.number_of_nodes(), G.number_of_edges()
    U = G.to_undirected()
    index = {a: i for i, a in enumerate(authors)}
    H = ig.Graph(n=n, edges=[(index[a], index[b]) for a, b in G.edges()], directed=True)
    H.es["weight"] = [G[a][b]["weight"] for a, b in G.edges()]
    Hu = H.as_undirected(mode="collapse")

    indeg = dict(G.in_degree())
    outdeg = dict(G.out_degree())
    agree([indeg[a] for a in authors], H.degree(mode="in", loops=False), "in-degree")
    agree([outdeg[a] for a in authors], H.degree(mode="out", loops=False), "out-degree")
    instr = dict(G.in_degree(weight="weight"))
    outstr = dict(G.out_degree(weight="weight"))
    agree([instr[a] for a in authors], H.strength(mode="in", loops=False, weights="weight"), "in-strength")

    density = nx.density(G) if n >= 2 else 0.0
    if n >= 2:
        close(density, H.density(loops=False), "density")
    edge_rec = nx.overall_reciprocity(G) if m else 0.0
    mutual = sum(1 for a, b in G.edges() if G.has_edge(b, a)) // 2
    pair_rec = mutual / U.number_of_edges() if m else 0.0
    if m:
        close(edge_rec, H.reciprocity(ignore_loops=True, mode="default"), "edge reciprocity")
        close(pair_rec, H.reciprocity(ignore_loops=True, mode="ratio"), "pair reciprocity")

    def centralization(degrees):
        return sum(max(degrees) - d for d in degrees) / ((n - 1) ** 2) if n >= 2 else 0.0
    in_c = centralization([indeg[a] for a in authors])
    out_c = centralization([outdeg[a] for a in authors])
    close(in_c, centralization(H.degree(mode="in", loops=False)), "in-degree centralization")
    close(out_c, centralization(H.degree(mode="out", loops=False)), "out-degree centralization")

    weak = partition(nx.weakly_connected_components(G))
    strong = partition(nx.strongly_connected_components(G))
    agree(weak, partition([[authors[i] for i in c] for c in H.connected_components(mode="weak")]), "weak components")
    agree(strong, partition([[authors[i] for i in c] for c in H.connected_components(mode="strong")]), "strong components")

    transitivity = nx.transitivity(U)
    clustering = nx.clustering(U) if n else {}
    average = nx.average_clustering(U) if n else 0.0
    if n:
        t = Hu.transitivity_undirected()
        close(transitivity, 0.0 if math.isnan(t) else t, "transitivity")
        close(average, Hu.transitivity_avglocal_undirected(mode="zero"), "average clustering")
        for a, c in zip(authors, Hu.transitivity_local_undirected(mode="zero")):
            close(clustering[a], c, "clustering of %s" % a)

    pagerank = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000)
    if n:
        for a, p in zip(authors, H.pagerank(damping=0.85, weights="weight", directed=True)):
            close(pagerank[a], p, "PageRank of %s" % a)

    betweenness = nx.betweenness_centrality(G, normalized=True)
    scale = 1 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    for a, b in zip(authors, H.betweenness(directed=True)):
        close(betweenness[a], b * scale, "betweenness of %s" % a)

    harmonic = nx.harmonic_centrality(G)
    harmonic = {a: harmonic[a] / (n - 1) if n > 1 else 0.0 for a in authors}
    if n > 1:
        for a, h in zip(authors, H.harmonic_centrality(mode="in", normalized=True)):
            close(harmonic[a], h, "harmonic closeness of %s" % a)

    hubs, auths, ratio = hits(G, H, authors)

    assortativity = None
    if m:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # undefined (zero variance) gives NaN with a warning
            r = nx.degree_assortativity_coefficient(G)
        r_ig = H.assortativity_degree(directed=True)
        if not (math.isnan(r) and math.isnan(r_ig)):
            close(r, r_ig, "degree assortativity")
            assortativity = r

    reciprocity = {}
    for a in authors:
        succ = set(G.successors(a))
        reciprocity[a] = len(succ & set(G.predecessors(a))) / len(succ) if succ else None

    core = nx.core_number(U)
    agree([core[a] for a in authors], Hu.coreness(mode="all"), "core numbers")

    out = {
        "thread": {
            "nodes": n,
            "edges": m,
            "selfReplyWeight": loops,
            "density": density,
            "neverRepliedToShare": sum(1 for a in authors if indeg[a] == 0) / n if n else 0.0,
            "edgeReciprocity": edge_rec,
            "pairReciprocity": pair_rec,
            "inDegreeCentralization": in_c,
            "outDegreeCentralization": out_c,
            "weakComponents": len(weak),
            "largestWeakComponentShare": max(map(len, weak)) / n if n else 0.0,
            "strongComponents": len(strong),
            "largestStrongComponentShare": max(map(len, strong)) / n if n else 0.0,
            "transitivity": transitivity,
            "averageClustering": average,
            "degreeAssortativity": assortativity,
            "hitsEigenvalueRatio": ratio,
            "weakPartition": weak,
            "strongPartition": strong,
        },
        "authors": {a: {
            "inDegree": indeg[a],
            "outDegree": outdeg[a],
            "inStrength": instr[a],
            "outStrength": outstr[a],
            "pageRank": pagerank[a],
            "betweenness": betweenness[a],
            "coreNumber": core[a],
            "clustering": clustering[a],
            "harmonicCloseness": harmonic[a],
            "hubScore": hubs[a],
            "authorityScore": auths[a],
            "reciprocity": reciprocity[a],
        } for a in authors},
    }
    if sampled and n > 2:
        # Nodes numbered in sorted-name order; pivots as ThreadNet's SplitMix64 draws them.
        names = sorted(authors)
        pivots = [names[i] for i in sample(SAMPLE_PIVOTS, n, SAMPLE_SEED)]
        raw = dict.fromkeys(G, 0.0)
        for s in pivots:
            S, P, sigma, _ = nxb._single_source_shortest_path_basic(G, s)
            raw, _ = nxb._accumulate_basic(raw, S, P, sigma, s)
        raw = nxb._rescale(raw, n, normalized=True, directed=True, endpoints=False, sampled_nodes=pivots)
        # Sampled harmonic closeness: the mean of 1/d(s, u) over the pivots s other than u.
        harm = dict.fromkeys(G, 0.0)
        for s in pivots:
            for u, d in nx.single_source_shortest_path_length(G, s).items():
                if d > 0:
                    harm[u] += 1 / d
        k = len(pivots)
        harm = {a: harm[a] / (k - 1 if a in pivots else k) for a in authors}
        out["betweennessSampled"] = {"pivots": SAMPLE_PIVOTS, "seed": SAMPLE_SEED, "nodeOrder": "sorted names",
                                     "values": {a: raw[a] for a in authors},
                                     "harmonicCloseness": harm}
    return out


def hits(G, H, authors):
    """HITS hubs and authorities (sum 1) from a dense eigendecomposition, cross-checked with
    networkx and igraph when the leading eigenvalue is separated; and lambda2 / lambda1."""
    n = len(authors)
    if G.number_of_edges() == 0:
        return dict.fromkeys(authors, 0.0), dict.fromkeys(authors, 0.0), None
    A = nx.to_numpy_array(G, nodelist=authors, weight="weight")
    values, vectors = np.linalg.eigh(A.T @ A)
    ratio = float(values[-2] / values[-1]) if n > 1 else 0.0
    a = np.abs(vectors[:, -1])
    a /= a.sum()
    h = A @ a
    h /= h.sum()
    hubs, auths = dict(zip(authors, map(float, h))), dict(zip(authors, map(float, a)))
    if ratio <= HITS_SEPARATED:
        nx_h, nx_a = nx.hits(G, max_iter=10000, tol=1e-12)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # igraph warns that many zero scores may mean non-uniqueness
            ig_h = H.hub_score(weights="weight", scale=True)
            ig_a = H.authority_score(weights="weight", scale=True)
        # igraph 1.0 returns all-zero authorities for a single edge: no igraph check there.
        checks = [(hubs, nx_h, "networkx hub"), (auths, nx_a, "networkx authority")]
        if sum(ig_h) > 0 and sum(ig_a) > 0:
            checks += [(hubs, dict(zip(authors, (x / sum(ig_h) for x in ig_h))), "igraph hub"),
                       (auths, dict(zip(authors, (x / sum(ig_a) for x in ig_a))), "igraph authority")]
        for name in authors:
            for mine, theirs, what in ((c[0][name], c[1][name], c[2]) for c in checks):
                if not math.isclose(mine, theirs, rel_tol=1e-6, abs_tol=1e-9):
                    sys.exit("numpy and %s score of %s disagree: %r vs %r" % (what, name, mine, theirs))
    return hubs, auths, ratio


def threads_of(data):
    """(thread id, count block) pairs of one expected file."""
    if "perThread" in data:
        return [(k, data["perThread"][k]) for k in data["threadOrder"]]
    if isinstance(data.get("threads"), list):
        return [(t["id"], t) for t in data["threads"]]
    return [(None, data)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", help="write the .network.json files into this folder instead of next to the fixtures")
    args = parser.parse_args()
    for rel in EXPECTED:
        with open(os.path.join(FIXTURES, rel), encoding="utf-8") as f:
            data = json.load(f)
        threads = threads_of(data)
        result = {
            "source": rel,
            "generator": "scripts/reference/network_reference.py",
            "threads": [dict(id=tid, **measure(block["authorList"], block["replyEdges"], rel in SAMPLED_FIXTURES))
                        for tid, block in threads],
        }
        if len(threads) > 1:
            authors = sorted({a for _, block in threads for a in block["authorList"]})
            edges = [e for _, block in threads for e in block["replyEdges"]]
            result["corpus"] = measure(authors, edges)
        name = rel.replace(".expected.json", ".network.json")
        path = os.path.join(args.out, os.path.basename(name)) if args.out else os.path.join(FIXTURES, name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1, sort_keys=True, ensure_ascii=False)
            f.write("\n")
        print(os.path.relpath(path))


if __name__ == "__main__":
    main()
