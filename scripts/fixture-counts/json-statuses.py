#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/stream/json-statuses.ndjson.

NDJSON of flat Mastodon-like statuses (id, in_reply_to_id, username, created_at, content),
read line by line with Python's json module (not with ThreadNet); writes
json-statuses.expected.json next to it. Blank lines are skipped; a line that is not a JSON
object is skipped (its line number recorded). No thread field: one thread. A missing or null
in_reply_to_id is top level. Counting conventions as in pushshift-sample.py.
"""
import html
import json
import os
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "stream", "json-statuses.ndjson")


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
    comments, bad_lines, lines_of = [], [], {}
    with open(FIXTURE, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                bad_lines.append(number)
                continue
            if not isinstance(obj, dict) or obj.get("id") is None:
                bad_lines.append(number)
                continue
            parent = obj.get("in_reply_to_id")
            comments.append({"id": str(obj["id"]), "parent": None if parent in (None, "") else str(parent),
                             "author": author_of(obj.get("username")), "deleted": False})
            lines_of[str(obj["id"])] = number
    out = thread_counts(comments)
    out["threads"] = 1
    out["badLines"] = bad_lines
    out["startLines"] = lines_of
    path = FIXTURE.rsplit(".", 1)[0] + ".expected.json"
    with open(path, "w") as f:
        json.dump(out, f, indent=2, sort_keys=True)
        f.write("\n")
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
