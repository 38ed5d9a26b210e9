#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/stream/csv-reddit-comments.csv.

A Reddit research-style CSV (comment_id,parent_id,link_id,author,body,score,created_utc) with
a UTF-8 byte-order mark and CRLF line ends, read with Python's csv module (not with ThreadNet);
writes csv-reddit-comments.expected.json next to it. Threads by link_id, sorted; parent t3_...
is top level, t1_x is comment x; author [deleted] is unknown; body [deleted]/[removed] is
deleted; rows whose field count differs from the header's are skipped. Counting conventions as
in pushshift-sample.py.
"""
import csv
import html
import json
import os
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "stream", "csv-reddit-comments.csv")


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
    threads, skipped, skipped_lines, start_lines, bad_times = defaultdict(list), 0, [], {}, []
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
                skipped_lines.append(start)
                continue
            parent = row[col["parent_id"]].strip()
            body = row[col["body"]].strip()
            cid = row[col["comment_id"]].strip()
            threads[row[col["link_id"]].strip()].append({
                "id": cid,
                "parent": None if parent == "" or parent.startswith("t3_") else parent[3:] if parent.startswith("t1_") else parent,
                "author": author_of(row[col["author"]]),
                "deleted": body in ("[deleted]", "[removed]"),
            })
            start_lines[cid] = start
            t = row[col["created_utc"]].strip()
            try:
                float(t)
            except ValueError:
                if not (len(t) >= 10 and t[4] == "-" and t[7] == "-"):
                    bad_times.append(cid)
    all_comments = [c for k in sorted(threads) for c in threads[k]]
    out = thread_counts(all_comments)
    out["threads"] = len(threads)
    out["threadOrder"] = sorted(threads)
    out["perThread"] = {k: thread_counts(threads[k]) for k in sorted(threads)}
    out["maxDepth"] = max(t["maxDepth"] for t in out["perThread"].values())
    out["skippedRows"] = skipped
    out["skippedLines"] = skipped_lines
    out["startLines"] = start_lines
    out["badTimestamps"] = bad_times
    path = FIXTURE.rsplit(".", 1)[0] + ".expected.json"
    with open(path, "w") as f:
        json.dump(out, f, indent=2, sort_keys=True)
        f.write("\n")
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
