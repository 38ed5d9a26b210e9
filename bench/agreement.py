#!/usr/bin/env python3
"""Independent check of ThreadNet's corpus figures, computed from the same NDJSON file.

    python3 bench/agreement.py FILE.ndjson --metrics DIR/metrics.json [--json OUT.json]

Reads the Pushshift-style NDJSON file itself (orjson when installed, else the json module),
builds the corpus-wide author network with python-igraph under ThreadNet's rule, and compares
the result with ThreadNet's metrics.json figure by figure. Prints AGREE/DIFFER per figure and
exits 1 if any figure differs (2 on a usage or input error).

ThreadNet's rule (what this script computes, independently of ThreadNet's code):

  * comments: every line of the file is one comment (all are counted, whoever wrote them).
  * threads: distinct `link_id` values.
  * reply tree: a comment whose `parent_id` is null or starts with "t3_" is top-level, depth 1
    (the submission is depth 0). A comment whose `parent_id` "t1_<id>" names a comment of the
    same thread replies to it, depth = parent's depth + 1. A reply whose parent is not in the
    file (or not in the same thread) is an orphan: attached to the submission, depth 1, and it
    gives no author edge (so does a self-parent). The first comment with an id wins when ids
    repeat. Longer parent loops are not broken here (ThreadNet breaks them; the generator makes
    none).
  * authors: names trimmed of surrounding white space; the unknown bucket - "[deleted]",
    "[removed]" and the empty name - is not an author and not a node of the network (its
    comments stay in the reply tree). Nodes = distinct known authors.
  * author network: for every reply whose parent comment is in the file and where both
    comments have known authors, an edge author(reply) -> author(parent), weight = number of
    such replies. Self-replies (same author) are counted apart and not added as edges.
  * edge reciprocity = |{(u,v) in E : (v,u) in E}| / |E|  (igraph reciprocity, default mode).
  * weak components count isolated authors; largest weak component share = its authors / all
    authors.
  * PageRank: damping 0.85, weights = reply counts, dangling rank spread uniformly (igraph
    `pagerank(directed=True, weights=...)`); top 10 by (PageRank desc, name asc), compared by
    name in order and by value to 1e-6.
  * betweenness (compared only when ThreadNet computed it exactly, <= 10,000 authors): directed,
    unweighted (hops), normalised by (n-1)(n-2); top 10 by (value desc, name asc), compared by
    name and by value to 1e-6 relative.

The references in bench/reference/ differ in one definition: they count "[deleted]" as an
ordinary author (a node with edges); that is why their authors, edges, components and PageRank
differ from the figures here. Everything else (self-replies dropped, orphans without edges) is
the same.

Python 3 standard library + python-igraph (+ orjson, optional, for speed).
"""
import argparse
import json
import math
import sys

TOP = 10
PR_TOL = 1e-6       # absolute, on PageRank values
BC_TOL = 1e-6       # relative, on normalised betweenness
SHARE_TOL = 1e-9    # absolute, on reciprocity and component share (ThreadNet writes full precision)
UNKNOWN = frozenset(("", "[deleted]", "[removed]"))


def _loads():
    try:
        import orjson
        return orjson.loads, "rb"
    except ImportError:
        return json.loads, "r"


def compute(path):
    """The harness's own figures for `path`, under ThreadNet's rule (see the module docstring)."""
    import igraph as ig
    loads, mode = _loads()
    ids, parents, links, authors = [], [], [], []
    with open(path, mode) as f:
        for line in f:
            if not line.strip():
                continue
            d = loads(line)
            ids.append(d["id"])
            parents.append(d.get("parent_id"))
            links.append(d.get("link_id"))
            a = d.get("author")
            authors.append(a.strip() if isinstance(a, str) else "")
    n = len(ids)
    first = {}
    for i, c in enumerate(ids):
        first.setdefault(c, i)
    # parent index: -1 top level or orphan (attached to the submission, no edge)
    par = [-1] * n
    orphans = 0
    for i, p in enumerate(parents):
        if p is None or p.startswith("t3_"):
            continue
        j = first.get(p[3:] if p.startswith("t1_") else p)
        if j is None or j == i or links[j] != links[i]:
            orphans += 1
            continue
        par[i] = j
    # depths (top level = 1), in any input order
    depth = [0] * n
    for i in range(n):
        if depth[i]:
            continue
        stack = []
        j = i
        while j >= 0 and depth[j] == 0 and len(stack) <= n:
            stack.append(j)
            j = par[j]
        d = depth[j] if j >= 0 else 0
        while stack:
            d += 1
            depth[stack.pop()] = d
    # authors and network
    node = {}
    aid = [-1] * n
    for i, a in enumerate(authors):
        if a not in UNKNOWN:
            aid[i] = node.setdefault(a, len(node))
    names = list(node)
    weights = {}
    self_replies = 0
    for i in range(n):
        j = par[i]
        if j < 0:
            continue
        u, v = aid[i], aid[j]
        if u < 0 or v < 0:
            continue
        if u == v:
            self_replies += 1
        else:
            weights[(u, v)] = weights.get((u, v), 0) + 1
    nA = len(names)
    g = ig.Graph(n=nA, edges=list(weights), directed=True)
    g.es["weight"] = [float(w) for w in weights.values()]
    comps = g.connected_components(mode="weak")
    sizes = comps.sizes() if nA else [0]
    pr = g.pagerank(damping=0.85, weights="weight", directed=True) if nA else []
    order = sorted(range(nA), key=lambda k: (-pr[k], names[k]))[:TOP]
    fig = {
        "comments": n,
        "threads": len(set(links)),
        "maxDepth": max(depth) if n else 0,
        "authors": nA,
        "edges": g.ecount(),
        "selfReplies": self_replies,
        "edgeReciprocity": g.reciprocity(ignore_loops=True, mode="default") if g.ecount() else 0.0,
        "weakComponents": len(sizes) if nA else 0,
        "largestWeakComponentShare": max(sizes) / nA if nA else 0.0,
        "pageRankTop10": [[names[k], pr[k]] for k in order],
        "orphans": orphans,
    }
    fig["_graph"] = (g, names)
    return fig


def betweenness_top(g, names):
    n = g.vcount()
    if n <= 2:
        return []
    b = g.betweenness(directed=True)
    scale = 1.0 / ((n - 1) * (n - 2))
    order = sorted(range(n), key=lambda k: (-b[k], names[k]))[:TOP]
    return [[names[k], b[k] * scale] for k in order]


def threadnet_figures(metrics):
    """The same figures as ThreadNet's metrics.json reports them."""
    c = metrics["corpus"]
    net = c.get("network")
    if net is None:
        raise SystemExit("metrics.json has no corpus.network (single-thread input?)")
    top = net.get("topAuthors", [])
    return {
        "comments": c["counts"]["comments"],
        "threads": c["threads"],
        "maxDepth": c["depth"]["max"],
        "authors": c["counts"]["authors"],
        "nodes": net["nodes"],
        "edges": net["edges"],
        "selfReplies": net["selfReplies"],
        "edgeReciprocity": net["edgeReciprocity"],
        "weakComponents": net["weakComponents"],
        "largestWeakComponentShare": net["largestWeakComponentShare"],
        "pageRankTop10": [[a["name"], a["pageRank"]] for a in top[:TOP]],
        "betweennessSampled": net.get("betweennessSampled"),
        "betweennessSources": net.get("betweennessSources"),
        "betweennessTop10": [[a["name"], a["betweenness"]] for a in
                             sorted(top, key=lambda a: (-a["betweenness"], a["name"]))[:TOP]],
    }


def _ranked_agree(ours, theirs, tol, relative=False):
    if len(ours) != len(theirs):
        return False
    for (na, va), (nb, vb) in zip(ours, theirs):
        if na != nb:
            return False
        lim = tol * max(abs(va), abs(vb)) if relative else tol
        if abs(va - vb) > lim:
            return False
    return True


def compare(tn, h):
    """Rows (figure, ThreadNet value, harness value, verdict)."""
    rows = []

    def exact(name, key, hkey=None):
        a, b = tn[key], h[hkey or key]
        rows.append((name, a, b, "AGREE" if a == b else "DIFFER"))

    def close(name, key, tol):
        a, b = tn[key], h[key]
        ok = a is not None and math.isfinite(a) and abs(a - b) <= tol
        rows.append((name, a, b, "AGREE" if ok else "DIFFER"))

    exact("comments", "comments")
    exact("threads", "threads")
    exact("max depth (top level = 1)", "maxDepth")
    exact("authors (network nodes)", "authors")
    exact("network nodes", "nodes", "authors")
    exact("edges", "edges")
    exact("self-replies (dropped)", "selfReplies")
    close("edge reciprocity", "edgeReciprocity", SHARE_TOL)
    exact("weak components", "weakComponents")
    close("largest weak component share", "largestWeakComponentShare", SHARE_TOL)
    rows.append(("PageRank top 10 (names, values ±1e-6)", tn["pageRankTop10"], h["pageRankTop10"],
                 "AGREE" if _ranked_agree(tn["pageRankTop10"], h["pageRankTop10"], PR_TOL) else "DIFFER"))
    if "betweennessTop10" in h:
        rows.append(("betweenness top 10 (exact; names, values ±1e-6 rel.)", tn["betweennessTop10"],
                     h["betweennessTop10"],
                     "AGREE" if _ranked_agree(tn["betweennessTop10"], h["betweennessTop10"], BC_TOL, True)
                     else "DIFFER"))
    return rows


def _short(v):
    if isinstance(v, float):
        return f"{v:.9f}"
    if isinstance(v, list):
        return f"{len(v)} authors, first {v[0][0]} {v[0][1]:.6g}" if v else "[]"
    return str(v)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file")
    ap.add_argument("--metrics", required=True, help="ThreadNet's metrics.json for the same file")
    ap.add_argument("--json", help="write the figures and verdicts here")
    a = ap.parse_args()
    try:
        with open(a.metrics, "rb") as f:
            tn = threadnet_figures(json.load(f))
    except (OSError, ValueError, KeyError) as e:
        print(f"agreement: cannot read ThreadNet figures from {a.metrics}: {e!r}", file=sys.stderr)
        return 2
    h = compute(a.file)
    g, names = h.pop("_graph")
    if tn["betweennessSampled"] is False:
        h["betweennessTop10"] = betweenness_top(g, names)
    rows = compare(tn, h)
    w = max(len(r[0]) for r in rows)
    for name, x, y, verdict in rows:
        print(f"{verdict:6}  {name:<{w}}  ThreadNet {_short(x)}  harness {_short(y)}")
    if tn["betweennessSampled"]:
        print(f"(betweenness not compared: ThreadNet sampled {tn['betweennessSources']} sources)")
    differ = [r for r in rows if r[3] != "AGREE"]
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"file": a.file, "metrics": a.metrics, "threadnet": tn, "harness": h,
                       "rows": [{"figure": r[0], "threadnet": r[1], "harness": r[2], "verdict": r[3]}
                                for r in rows],
                       "agree": not differ}, f, indent=1)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
