#!/usr/bin/env python3
"""Reads a single-thread `threadnet analyze` output folder back with networkx and igraph and
checks it against the folder's own metrics.json and CSVs. Exits 1 naming every mismatch.

    python3 scripts/reference/readback.py OUT_DIR

Checks (PageRank to 1e-6, as networkx and igraph iterate to a tolerance; counts exactly):
- authors-replies.gexf (networkx.read_gexf), authors-replies.graphml (igraph Read_GraphML)
  and authors.json (networkx.node_link_graph): nodes = metrics.json network `nodes`, edges =
  `edges`, total weight = the reply rows of edges.csv between different authors, and
  PageRank (0.85, weighted) recomputed by networkx and igraph = metrics.json authors[].pageRank.
- authors.gexf and authors.graphml (every typed link): as many edges as edges.csv rows, each
  with its `kind`.
- reply-tree.gexf: one node per comments.csv row (the root post's row included), one edge per
  comment, and every node's author and time equal to comments.csv.
"""
import csv
import json
import math
import os
import sys

import igraph
import networkx as nx

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def close(a, b, tol=1e-6):
    return abs(a - b) <= tol


def main():
    out = sys.argv[1]
    metrics = json.load(open(os.path.join(out, "metrics.json"), encoding="utf-8"))
    thread = metrics["threads"][0]
    net = thread["network"]
    pagerank = {a["name"]: a["pageRank"] for a in thread["authors"]}
    with open(os.path.join(out, "edges.csv"), encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    replies = [e for e in edges if e["kind"] == "reply" and e["from"] != e["to"]]
    reply_weight = sum(int(e["weight"]) for e in replies)

    def reply_graph(g, name, label):
        check(g.number_of_nodes() == net["nodes"], f"{label}: {g.number_of_nodes()} nodes, metrics.json {net['nodes']}")
        check(g.number_of_edges() == net["edges"], f"{label}: {g.number_of_edges()} edges, metrics.json {net['edges']}")
        w = sum(d.get("weight", 1) for _, _, d in g.edges(data=True))
        check(close(w, reply_weight, 1e-9), f"{label}: total weight {w}, edges.csv {reply_weight}")
        # networkx stops at an L1 change of n·tol (1e-6 by default); a tight tol gives the exact fixed point.
        pr = nx.pagerank(g, weight="weight", tol=1e-13, max_iter=100000)
        for node, value in pr.items():
            check(close(value, pagerank[name(node)]), f"{label}: PageRank of {name(node)} {value} vs {pagerank[name(node)]}")

    gexf = nx.read_gexf(os.path.join(out, "authors-replies.gexf"))
    reply_graph(gexf, lambda n: gexf.nodes[n]["label"], "authors-replies.gexf (networkx)")
    link = nx.node_link_graph(json.load(open(os.path.join(out, "authors.json"), encoding="utf-8")), edges="links")
    reply_graph(link, lambda n: n, "authors.json (networkx)")

    ig = igraph.Graph.Read_GraphML(os.path.join(out, "authors-replies.graphml"))
    check(ig.vcount() == net["nodes"] and ig.ecount() == net["edges"], f"authors-replies.graphml (igraph): {ig.vcount()} nodes, {ig.ecount()} edges")
    check(close(sum(ig.es["weight"]) if ig.ecount() else 0, reply_weight, 1e-9), "authors-replies.graphml (igraph): total weight")
    if ig.vcount():
        for v, value in zip(ig.vs, ig.pagerank(weights="weight" if ig.ecount() else None, directed=True)):
            check(close(value, pagerank[v["name"]]), f"authors-replies.graphml (igraph): PageRank of {v['name']} {value} vs {pagerank[v['name']]}")

    typed = igraph.Graph.Read_GraphML(os.path.join(out, "authors.graphml"))
    check(typed.ecount() == len(edges), f"authors.graphml: {typed.ecount()} edges, edges.csv {len(edges)}")
    kinds = sorted(typed.es["kind"]) if typed.ecount() else []
    check(kinds == sorted(e["kind"] for e in edges), "authors.graphml: edge kinds differ from edges.csv")
    typed_gexf = nx.read_gexf(os.path.join(out, "authors.gexf"))
    check(typed_gexf.number_of_edges() == len(edges), f"authors.gexf (networkx): {typed_gexf.number_of_edges()} edges, edges.csv {len(edges)}")

    with open(os.path.join(out, "comments.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    tree = nx.read_gexf(os.path.join(out, "reply-tree.gexf"))
    check(tree.number_of_nodes() == len(rows), f"reply-tree.gexf: {tree.number_of_nodes()} nodes, comments.csv {len(rows)} rows")
    check(tree.number_of_edges() == len(rows) - 1, f"reply-tree.gexf: {tree.number_of_edges()} edges for {len(rows) - 1} comments")
    by_id = {tree.nodes[n]["sourceID"]: tree.nodes[n] for n in tree.nodes}
    for r in rows:
        node = by_id.get(r["id"])
        if node is None:
            failures.append(f"reply-tree.gexf: no node for {r['id']}")
            continue
        author = r["author"]
        if author[:1] == "'" and author[1:2] in ("=", "+", "-", "@"):
            author = author[1:]   # CSV cells starting with = + - @ get a leading ' (see --raw-csv)
        check(node.get("author", "") == author, f"reply-tree.gexf: author of {r['id']}")
        check(node.get("time", "") == r["timestamp"], f"reply-tree.gexf: time of {r['id']}")
        check(int(node["depth"]) == int(r["depth"]), f"reply-tree.gexf: depth of {r['id']}")

    if failures:
        print("\n".join(failures[:40]))
        print(f"{len(failures)} mismatch(es)")
        return 1
    print(f"ok: {net['nodes']} authors, {net['edges']} reply edges (weight {reply_weight}), {len(edges)} typed edges, {len(rows)} tree nodes; PageRank equal in networkx and igraph")
    return 0


if __name__ == "__main__":
    sys.exit(main())
