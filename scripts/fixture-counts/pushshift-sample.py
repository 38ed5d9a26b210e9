#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/stream/pushshift-sample.ndjson.

Reads the NDJSON with the standard library only (not with ThreadNet) and writes
pushshift-sample.expected.json next to it. Conventions (shared by every importer):
- a line with `parent_id` is a comment; a line with `title` and no `parent_id` is a submission
  (the thread's root post); threads are keyed by `link_id` (the submission's `t3_` + id);
- parent `t3_...` = the root (top level); `t1_x` = comment x;
- author `[deleted]` or empty = unknown (""); names are HTML-entity decoded and trimmed;
- deleted = body `[deleted]` or `[removed]`;
- topLevel = parent is the root; replies = parent is a comment (present or not), so
  topLevel + replies = comments; orphans = replies whose parent is not in the thread;
- depth: root 0, top level 1, orphans count as top level;
- replyEdges: [replier, replied-to author, weight] over comment -> parent comment pairs in the
  same thread where both authors are known, self loops included; selfReplies = their weight
  where replier == replied-to.
"""
import html
import json
import os
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "stream", "pushshift-sample.ndjson")


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
    raw = open(FIXTURE, encoding="utf-8").read()
    threads = defaultdict(list)
    titles = {}
    submissions = 0
    lines = raw.split("\n")
    for line in lines:
        if not line.strip():
            continue
        obj = json.loads(line)
        if "parent_id" in obj:
            parent = obj["parent_id"]
            threads[obj["link_id"]].append({
                "id": obj["id"],
                "parent": None if parent.startswith("t3_") else parent[3:],
                "author": author_of(obj.get("author")),
                "deleted": obj.get("body") in ("[deleted]", "[removed]"),
            })
        elif "title" in obj:
            submissions += 1
            titles["t3_" + obj["id"]] = html.unescape(obj["title"])
    all_comments = [c for k in sorted(threads) for c in threads[k]]
    totals = thread_counts(all_comments)  # ids are unique across the file here
    per_thread = {}
    for key in sorted(threads):
        counts = thread_counts(threads[key])
        counts["title"] = titles.get(key, key)
        per_thread[key] = counts
    totals["authors"] = len({c["author"] for c in all_comments if c["author"]})
    totals["maxDepth"] = max(t["maxDepth"] for t in per_thread.values())
    out = dict(totals)
    out["threads"] = len(per_thread)
    out["threadOrder"] = sorted(threads)
    out["perThread"] = per_thread
    out["submissions"] = submissions
    out["lines"] = len(lines)
    out["finalNewline"] = raw.endswith("\n")
    out["linesWithoutName"] = sum(1 for l in lines if l.strip() and "parent_id" in json.loads(l) and "name" not in json.loads(l))
    out["createdUTCTypes"] = dict(sorted(Counter(type(json.loads(l)["created_utc"]).__name__ for l in lines if l.strip()).items()))
    path = FIXTURE.replace(".ndjson", ".expected.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=2, sort_keys=True)
        f.write("\n")
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
