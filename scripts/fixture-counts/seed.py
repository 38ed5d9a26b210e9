#!/usr/bin/env python3
"""Independent count of the seed thread, for ThreadNet's tests.

Parses seeds/000_dd0249cc5e7d2567.txt with its own regular expression (not ThreadNet's
parser): a header is `<indent><number>. <name> says:`; a header indented deeper than the
previous top-level header is a reply to it. Author-network figures come from networkx.
Writes Tests/ThreadNetCoreTests/Fixtures/seed/seed.expected.json.
"""
import json, pathlib, re
import networkx as nx

root = pathlib.Path(__file__).resolve().parents[2]
text = (root / "seeds/000_dd0249cc5e7d2567.txt").read_text(encoding="utf-8")
body = text.split("\nComments\n", 1)[1]
header = re.compile(r"^( *)(\d+)\. (.+) says:$")
comments = []  # (indent, author, parent index or None)
stack = []
for line in body.splitlines():
    m = header.match(line)
    if not m:
        continue
    indent = len(m.group(1))
    while stack and comments[stack[-1]][0] >= indent:
        stack.pop()
    parent = stack[-1] if stack else None
    comments.append((indent, m.group(3), parent))
    stack.append(len(comments) - 1)

g = nx.MultiDiGraph()
authors = sorted({c[1] for c in comments})
g.add_nodes_from(authors)
for indent, author, parent in comments:
    if parent is not None:
        g.add_edge(author, comments[parent][1])
w = nx.DiGraph()
w.add_nodes_from(authors)
for u, v in g.edges():
    w.add_edge(u, v, weight=w.get_edge_data(u, v, {"weight": 0})["weight"] + 1)

def depth(i):
    d = 1
    while comments[i][2] is not None:
        i = comments[i][2]
        d += 1
    return d

depths = [depth(i) for i in range(len(comments))]
counts = {a: sum(1 for c in comments if c[1] == a) for a in authors}
expected = {
    "comments": len(comments),
    "topLevel": sum(1 for c in comments if c[2] is None),
    "replies": sum(1 for c in comments if c[2] is not None),
    "authors": len(authors),
    "authorList": authors,
    "repeatPosters": sorted([[a, n] for a, n in counts.items() if n >= 2], key=lambda x: (-x[1], x[0])),
    "maxDepth": max(depths),
    "depthHistogram": {str(d): depths.count(d) for d in sorted(set(depths))},
    "replyEdges": sorted([u, v, d["weight"]] for u, v, d in w.edges(data=True)),
    "selfReplies": sum(d["weight"] for u, v, d in w.edges(data=True) if u == v),
    "authorDegrees": {a: {
        "comments": counts[a],
        "inDegree": sum(1 for u in w.predecessors(a) if u != a),
        "outDegree": sum(1 for v in w.successors(a) if v != a),
        "weightedDegree": w.degree(a, weight="weight"),
    } for a in authors},
}
out = root / "Tests/ThreadNetCoreTests/Fixtures/seed/seed.expected.json"
out.write_text(json.dumps(expected, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
print(out)
