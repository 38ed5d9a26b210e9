#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/json/reddit-3hahrw-thread.json.

Parses the Reddit thread JSON with the json module (not with ThreadNet) and writes
reddit-3hahrw-thread.expected.json next to it. Also run for any other Reddit thread file:
    python3 reddit-3hahrw-thread.py [fixture.json]
Conventions:
- the file is [post Listing, comment Listing]; the t3 is the root post, its id the thread id;
- every t1 (walked depth first in file order, through `replies` Listings) is a comment;
  `more` objects are not comments: counted as stubs, with the sum of their `count`, and
  "continue this thread" stubs (id "_") counted separately;
- parent: parent_id "t3_..." = top level, "t1_x" = "x" (orphan when x is not in the file);
- author: "[deleted]" -> "" (unknown); names html.unescape'd and stripped;
- deleted: body "[deleted]" (flag deleted) or "[removed]" (flag removed);
- maxDepth: article 0, top level 1, orphans count as top level;
- replyEdges: [fromAuthor, toAuthor, weight] for comment -> parent comment, both authors non-empty.
"""
import html
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "json",
                       "reddit-3hahrw-thread.json")


def counts(comments):
    ids = {c["id"] for c in comments}
    first = {}
    for c in comments:
        first.setdefault(c["id"], c)
    top = sum(1 for c in comments if c["parent"] is None)
    orphans = sum(1 for c in comments if c["parent"] is not None and c["parent"] not in ids)
    depth = {}
    for c in comments:
        chain, cur, seen = [], c, set()
        while True:
            if cur["id"] in depth:
                d = depth[cur["id"]]
                break
            if cur["id"] in seen:
                d = 0
                break
            seen.add(cur["id"])
            chain.append(cur)
            p = cur["parent"]
            if p is None or p not in ids:
                d = 0
                break
            cur = first[p]
        for node in reversed(chain):
            d += 1
            depth[node["id"]] = d
    edges = Counter()
    for c in comments:
        p = c["parent"]
        if p is not None and p in ids and c["author"] and first[p]["author"]:
            edges[(c["author"], first[p]["author"])] += 1
    status = Counter(f for c in comments for f in c["flags"])
    return {
        "comments": len(comments),
        "topLevel": top,
        "replies": len(comments) - top - orphans,
        "orphans": orphans,
        "authors": len({c["author"] for c in comments if c["author"]}),
        "deleted": sum(1 for c in comments if "deleted" in c["flags"] or "removed" in c["flags"]),
        "maxDepth": max(depth.values(), default=0),
        "replyEdges": sorted([a, b, w] for (a, b), w in edges.items()),
        "selfReplies": sum(w for (a, b), w in edges.items() if a == b),
        "statuses": dict(sorted(status.items())),
    }


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else FIXTURE
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    post = next(c["data"] for c in doc[0]["data"]["children"] if c["kind"] == "t3")
    comments = []
    stubs = continue_stubs = stub_count = 0
    stack = list(reversed(doc[1]["data"]["children"]))
    while stack:
        node = stack.pop()
        data = node["data"]
        if node["kind"] == "more":
            stubs += 1
            stub_count += data.get("count", 0)
            if data.get("id") == "_":
                continue_stubs += 1
            continue
        assert node["kind"] == "t1", node["kind"]
        parent = data["parent_id"]
        parent = None if parent.startswith("t3_") else parent[3:]
        author = data.get("author") or ""
        author = "" if author == "[deleted]" else html.unescape(author).strip()
        flags = []
        if data.get("body") == "[deleted]":
            flags.append("deleted")
        if data.get("body") == "[removed]":
            flags.append("removed")
        comments.append({"id": data["id"], "parent": parent, "author": author, "flags": flags})
        replies = data.get("replies")
        if isinstance(replies, dict):
            stack.extend(reversed(replies["data"]["children"]))
    total = counts(comments)
    total["deletedAuthors"] = sum(1 for c in comments if not c["author"])
    total["missingComments"] = {"stubs": stubs, "continueStubs": continue_stubs, "count": stub_count}
    total["numComments"] = post.get("num_comments")
    block = {"id": post["id"], "title": post["title"]}
    block.update(counts(comments))
    total["threads"] = [block] if comments else []
    total["threadCount"] = 1 if comments else 0
    total["emptyThreads"] = 0 if comments else 1
    out = os.path.splitext(path)[0] + ".expected.json"
    with open(out, "w", encoding="utf-8") as f:
        json.dump(total, f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print(json.dumps({k: v for k, v in total.items() if k not in ("replyEdges", "threads")}, sort_keys=True))


if __name__ == "__main__":
    sys.exit(main())
