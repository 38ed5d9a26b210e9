#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/json/hn-algolia-item17-fraction.json.

Parses the Hacker News Algolia item (nested `children`) with the json module (not with
ThreadNet) and writes hn-algolia-item17-fraction.expected.json next to it. Also usable for any
Algolia item file: python3 hn-algolia-item17-fraction.py [file.json]
Conventions:
- a top item of type story/job/poll is the root; its children are top level;
- a top item of type comment (this fixture: item 17, parent_id 15, story_id 1) is itself a
  top-level comment of story `story_id` (thread id = story_id); its real parent is not kept;
- any other node's parent is the node it is nested in; pollopt nodes are not comments;
- author null -> "" (unknown), html.unescape'd and stripped; text null -> deleted;
- maxDepth: article 0, top level 1; replyEdges: [fromAuthor, toAuthor, weight], both non-empty.
"""
import html
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "json",
                       "hn-algolia-item17-fraction.json")


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
        top = json.load(f)
    is_comment = top.get("type") == "comment"
    comments = []
    if is_comment:
        thread_id = str(top.get("story_id") or top["id"])
        stack = [(top, None)]
    else:
        thread_id = str(top["id"])
        stack = [(c, None) for c in reversed(top.get("children") or [])]
    while stack:
        node, parent = stack.pop()
        if node.get("type") == "pollopt":
            continue
        author = html.unescape(node.get("author") or "").strip()
        flags = ["deleted"] if node.get("text") is None else []
        cid = str(node["id"])
        comments.append({"id": cid, "parent": parent, "author": author, "flags": flags})
        stack.extend((c, cid) for c in reversed(node.get("children") or []))
    total = counts(comments)
    block = {"id": thread_id, "title": top.get("title") or thread_id}
    block.update(counts(comments))
    total["topIsComment"] = is_comment
    total["threads"] = [block] if comments else []
    total["threadCount"] = 1 if comments else 0
    total["emptyThreads"] = 0 if comments else 1
    out = os.path.splitext(path)[0] + ".expected.json"
    with open(out, "w", encoding="utf-8") as f:
        json.dump(total, f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print(json.dumps({k: v for k, v in total.items() if k != "threads"}, sort_keys=True))


if __name__ == "__main__":
    sys.exit(main())
