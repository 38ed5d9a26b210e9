#!/usr/bin/env python3
"""Reference modularity for ThreadNet's Leiden communities (Communities.swift), from igraph.

For every fixture of network_reference.py, reads its independent counts (`<stem>.expected.json`:
per thread the known authors `authorList` and the reply edges `replyEdges` [from, to, weight],
never written by ThreadNet) and builds the graph ThreadNet's communities are defined on: the
authors, and one undirected edge per pair that replied either way, weighted by the replies both
ways (igraph `as_undirected(mode="collapse", combine_edges="sum")`), self-replies left out.

Records, per thread, the best modularity igraph's `community_leiden(objective_function=
"modularity", weights="weight", n_iterations=-1)` reaches over seeds 1..20, and
`community_multilevel(weights="weight")`'s (Louvain), with their community counts. The Swift test
requires ThreadNet's modularity to be at least 99 % of the better of the two (or higher).

Writes `<stem>.community.json` next to the expected file.

Usage: community_reference.py        (igraph 1.0.0)
"""
import json
import os
import random
import sys

import igraph as ig

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from network_reference import EXPECTED, FIXTURES, threads_of  # noqa: E402

SEEDS = range(1, 21)


def measure(authors, edges):
    index = {a: i for i, a in enumerate(authors)}
    weights = {}
    for f, t, w in edges:
        if f == t or f not in index or t not in index:
            continue
        key = (min(index[f], index[t]), max(index[f], index[t]))
        weights[key] = weights.get(key, 0) + w
    g = ig.Graph(n=len(authors), edges=list(weights.keys()), directed=False)
    g.es["weight"] = list(weights.values())
    if g.ecount() == 0:
        return {"nodes": len(authors), "edges": 0, "leidenBest": 0.0, "leidenCommunities": len(authors),
                "multilevel": 0.0, "multilevelCommunities": len(authors)}
    best, best_count = -1.0, 0
    for seed in SEEDS:
        random.seed(seed)
        ig.set_random_number_generator(random)
        p = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1)
        q = g.modularity(p.membership, weights="weight")
        if q > best:
            best, best_count = q, len(p)
    ml = g.community_multilevel(weights="weight")
    return {"nodes": len(authors), "edges": g.ecount(), "leidenBest": best, "leidenCommunities": best_count,
            "multilevel": g.modularity(ml.membership, weights="weight"), "multilevelCommunities": len(ml)}


def main():
    for rel in EXPECTED:
        path = os.path.join(FIXTURES, rel)
        with open(path) as f:
            data = json.load(f)
        threads = threads_of(data)
        out = {"generator": "scripts/reference/community_reference.py (igraph %s)" % ig.__version__,
               "source": rel,
               "threads": [dict(id=tid, **measure(block["authorList"], block["replyEdges"])) for tid, block in threads]}
        target = path.replace(".expected.json", ".community.json")
        with open(target, "w") as f:
            json.dump(out, f, indent=1, sort_keys=True)
            f.write("\n")
        print(os.path.relpath(target, FIXTURES))


if __name__ == "__main__":
    main()
