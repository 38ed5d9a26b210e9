#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/json/mastodon-context-109294719267373593.json.

Parses the Mastodon statuses/:id/context response with the json module (not with ThreadNet)
and writes mastodon-context-109294719267373593.expected.json next to it.
Usage for other files: python3 mastodon-context-109294719267373593.py [file.json]
Conventions:
- the focal status (not in the file) is the in_reply_to_id of the first descendant;
- no ancestors: the focal status is the root; descendants replying to it are top level;
- with ancestors: the first ancestor is the root, the others are comments, and the focal
  status is added as a deleted placeholder comment replying to the last ancestor;
- other parents are in_reply_to_id (kept when absent: orphans);
- author = account.acct, html.unescape'd and stripped;
- maxDepth: article 0, top level 1, orphans top level; replyEdges both authors non-empty.
"""
import html
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "json",
                       "mastodon-context-109294719267373593.json")


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
    anc, desc = doc["ancestors"], doc["descendants"]
    ids = {s["id"] for s in anc + desc}

    def entry(s):
        return {"id": s["id"], "parent": s.get("in_reply_to_id"),
                "author": html.unescape((s.get("account") or {}).get("acct") or "").strip(), "flags": []}

    focal = desc[0].get("in_reply_to_id") if desc else None
    if focal in ids:
        focal = None
    comments = []
    if anc:
        root = anc[0]["id"]
        for s in anc[1:]:
            c = entry(s)
            if c["parent"] == root:
                c["parent"] = None
            comments.append(c)
        if focal:
            comments.append({"id": focal, "parent": anc[-1]["id"] if len(anc) > 1 else None,
                             "author": "", "flags": ["deleted"]})
        comments += [entry(s) for s in desc]
        thread_id = root
    else:
        thread_id = focal
        for s in desc:
            c = entry(s)
            if c["parent"] == focal:
                c["parent"] = None
            comments.append(c)
    total = counts(comments)
    total["focalStatus"] = focal
    total["ancestors"] = len(anc)
    total["descendants"] = len(desc)
    total["remoteAuthors"] = len({c["author"] for c in comments if "@" in c["author"]})
    block = {"id": thread_id, "title": thread_id}
    block.update(counts(comments))
    total["threads"] = [block] if comments else []
    total["threadCount"] = 1 if comments else 0
    total["emptyThreads"] = 0 if comments else 1
    out = os.path.splitext(path)[0] + ".expected.json"
    with open(out, "w", encoding="utf-8") as f:
        json.dump(total, f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print(json.dumps({k: v for k, v in total.items() if k not in ("threads", "replyEdges")}, sort_keys=True))
    print(total["replyEdges"])


if __name__ == "__main__":
    sys.exit(main())
