#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/stream/csv-hn-items.csv.

A Hacker News items CSV (id,by,time,parent,text,kids,deleted), read with Python's csv module
(not with ThreadNet); writes csv-hn-items.expected.json next to it. There is no thread column,
so the file is one thread; a parent "" or "0" is top level, any other parent is a comment id
(stories outside the file make orphans); deleted=True is a deleted comment with an unknown
author. Counting conventions as in pushshift-sample.py: topLevel + replies = comments,
orphans = replies whose parent is not in the thread, depth 1 = top level (orphans too).
"""
import csv
import html
import json
import os
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "stream", "csv-hn-items.csv")


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
    comments, skipped, start_lines = [], 0, {}
    with open(FIXTURE, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = [h.strip() for h in next(reader)]
        col = {name: i for i, name in enumerate(header)}
        previous_end = reader.line_num
        for row in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if not row:
                continue
            if len(row) != len(header):
                skipped += 1
                continue
            deleted = row[col["deleted"]].strip().lower() == "true"
            parent = row[col["parent"]].strip()
            cid = row[col["id"]].strip()
            comments.append({
                "id": cid,
                "parent": None if parent in ("", "0") else parent,
                "author": "" if deleted else author_of(row[col["by"]]),
                "deleted": deleted,
            })
            start_lines[cid] = start
    out = thread_counts(comments)
    out["threads"] = 1
    out["skippedRows"] = skipped
    out["startLines"] = start_lines
    path = FIXTURE.rsplit(".", 1)[0] + ".expected.json"
    with open(path, "w") as f:
        json.dump(out, f, indent=2, sort_keys=True)
        f.write("\n")
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
