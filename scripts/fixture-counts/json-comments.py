#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/stream/json-comments.json.

A JSON array of flat comment objects (id, parent_id, thread_id, author, created_at, text,
deleted), read with Python's json module (not with ThreadNet); writes json-comments.expected.json
next to it. Elements that are not objects, and objects without an id, are skipped. Threads by
thread_id, sorted (numerically when numbers, else as text); parent null, 0 or the thread id is
top level; deleted true marks a deleted comment with an unknown author. Counting conventions as
in pushshift-sample.py.
"""
import html
import json
import os
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "stream", "json-comments.json")


def author_of(raw):
    name = html.unescape(raw or "").strip()
    return "" if name == "[deleted]" else name


def thread_counts(comments):
    """comments: list of dicts with id, parent (None = root), author, deleted."""
    ids = {c["id"] for c in comments}
    by_id = {c["id"]: c for c in comments}
    top = sum(1 for c in comments if c["parent"] is None)
    replies = len(comments) - top
    orphans = sum(1 for c in comments if c["parent"] is not None and c["parent"] not in ids)
    depth = {}
    for c in comments:  # iterative, parents resolved by walking up
        chain, cur, d = [], c, None
        while True:
            if cur["id"] in depth:
                d = depth[cur["id"]]
                break
            chain.append(cur)
            p = cur["parent"]
            if p is None or p not in by_id:
                d = 0
                break
            cur = by_id[p]
        for node in reversed(chain):
            d += 1
            depth[node["id"]] = d
    edges = Counter()
    for c in comments:
        p = c["parent"]
        if p is not None and p in by_id and c["author"] and by_id[p]["author"]:
            edges[(c["author"], by_id[p]["author"])] += 1
    return {
        "comments": len(comments),
        "topLevel": top,
        "replies": replies,
        "orphans": orphans,
        "authors": len({c["author"] for c in comments if c["author"]}),
        "deleted": sum(1 for c in comments if c["deleted"]),
        "maxDepth": max(depth.values(), default=0),
        "replyEdges": sorted([a, b, w] for (a, b), w in edges.items()),
        "selfReplies": sum(w for (a, b), w in edges.items() if a == b),
    }
def main():
    data = json.load(open(FIXTURE, encoding="utf-8"))
    threads, skipped_records = defaultdict(list), []
    for index, obj in enumerate(data, start=1):
        if not isinstance(obj, dict) or obj.get("id") is None:
            skipped_records.append(index)
            continue
        thread = str(obj.get("thread_id"))
        parent = obj.get("parent_id")
        parent = None if parent in (None, 0, "0", "") or str(parent) == thread else str(parent)
        deleted = obj.get("deleted") is True
        threads[thread].append({
            "id": str(obj["id"]),
            "parent": parent,
            "author": "" if deleted else author_of(obj.get("author")),
            "deleted": deleted,
        })
    order = sorted(threads)  # "story-10" < "story-2" as text: these ids are not numbers
    all_comments = [c for k in order for c in threads[k]]
    out = thread_counts(all_comments)
    out["threads"] = len(threads)
    out["threadOrder"] = order
    out["perThread"] = {k: thread_counts(threads[k]) for k in order}
    out["maxDepth"] = max(t["maxDepth"] for t in out["perThread"].values())
    out["skippedRecords"] = skipped_records
    path = FIXTURE.rsplit(".", 1)[0] + ".expected.json"
    with open(path, "w") as f:
        json.dump(out, f, indent=2, sort_keys=True)
        f.write("\n")
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
