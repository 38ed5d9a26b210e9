#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/json/discourse-topic57-discourse_api.json.

Parses the Discourse /t/{id}.json topic with the json module (not with ThreadNet) and writes
discourse-topic57-discourse_api.expected.json next to it.
Usage for other files: python3 discourse-topic57-discourse_api.py [file.json]
Conventions:
- post_number 1 is the root post, not a comment; every other post is a comment with
  id = str(post_number);
- reply_to_post_number null or 1 = top level, N = parent "N" (orphan when absent);
- author = username (html.unescape'd, stripped);
- flags: post_type 2/3 -> system; deleted_at or user_deleted -> deleted; hidden -> removed;
- missingPosts: ids in post_stream.stream not among the posts' ids;
- maxDepth: article 0, top level 1; replyEdges both authors non-empty.
"""
import html
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "json",
                       "discourse-topic57-discourse_api.json")


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
    posts = doc["post_stream"]["posts"]
    comments = []
    for p in posts:
        if p["post_number"] == 1:
            continue
        parent = p.get("reply_to_post_number")
        parent = None if parent in (None, 1) else str(parent)
        flags = []
        if p.get("post_type") in (2, 3):
            flags.append("system")
        if p.get("deleted_at") or p.get("user_deleted"):
            flags.append("deleted")
        if p.get("hidden"):
            flags.append("removed")
        comments.append({"id": str(p["post_number"]), "parent": parent,
                         "author": html.unescape(p.get("username") or "").strip(), "flags": flags})
    total = counts(comments)
    have = {p["id"] for p in posts}
    total["missingPosts"] = sum(1 for i in doc["post_stream"].get("stream", []) if i not in have)
    total["rootAuthor"] = next((p["username"] for p in posts if p["post_number"] == 1), None)
    block = {"id": str(doc["id"]), "title": html.unescape(doc["title"])}
    block.update(counts(comments))
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
