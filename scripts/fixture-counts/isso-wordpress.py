#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/xml/isso-wordpress.xml (WordPress WXR).

Parses the fixture with xml.etree (not with ThreadNet) and writes isso-wordpress.expected.json
next to it. Conventions (shared by all fixture-count scripts):
- a thread is an <item> with at least one <wp:comment>; items without comments are counted in
  emptyThreads; comments are keyed by (item, comment_id);
- comment_parent 0 or empty = top level; a parent id absent from the item = orphan (top level
  for depth);
- author = html.unescape(comment_author).strip(); empty = unknown (not counted);
- deleted = comments flagged deleted/removed (WXR has no such flag, so 0);
- maxDepth: article 0, top-level comment 1;
- replyEdges: [fromAuthor, toAuthor, weight] for comment -> parent comment, both authors
  non-empty, self loops included; selfReplies = sum of self-loop weights.
"""
import html
import json
import os
import sys
import xml.etree.ElementTree as ET
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "xml", "isso-wordpress.xml")


def local(tag):
    return tag.rsplit("}", 1)[-1]


def child_text(elem, name):
    for c in elem:
        if local(c.tag) == name:
            return (c.text or "")
    return None


def status_of(approved, ctype):
    flags = []
    a = (approved or "").strip()
    if a == "0":
        flags.append("pending")
    elif a == "spam":
        flags.append("spam")
    elif a in ("trash", "post-trashed"):
        flags.append("trash")
    if (ctype or "").strip() in ("pingback", "trackback"):
        flags.append("pingback")
    return flags


def counts(comments):
    """comments: list of dicts with id, parent, author, flags. Returns the count block."""
    ids = {c["id"] for c in comments}
    first = {}
    for c in comments:
        first.setdefault(c["id"], c)
    top = sum(1 for c in comments if c["parent"] is None)
    orphans = sum(1 for c in comments if c["parent"] is not None and c["parent"] not in ids)
    replies = len(comments) - top - orphans
    # depth, iteratively, orphans as top level
    depth = {}
    for c in comments:
        chain = []
        cur = c
        d = None
        seen = set()
        while True:
            if cur["id"] in depth:
                d = depth[cur["id"]]
                break
            if cur["id"] in seen:  # cycle guard (none expected)
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
        if p is not None and p in ids:
            a, b = c["author"], first[p]["author"]
            if a and b:
                edges[(a, b)] += 1
    status = Counter(f for c in comments for f in c["flags"])
    return {
        "comments": len(comments),
        "topLevel": top,
        "replies": replies,
        "orphans": orphans,
        "authors": len({c["author"] for c in comments if c["author"]}),
        "deleted": sum(1 for c in comments if "deleted" in c["flags"] or "removed" in c["flags"]),
        "maxDepth": max(depth.values(), default=0),
        "replyEdges": sorted([a, b, w] for (a, b), w in edges.items()),
        "selfReplies": sum(w for (a, b), w in edges.items() if a == b),
        "statuses": dict(sorted(status.items())),
    }


def main():
    root = ET.parse(FIXTURE).getroot()
    threads = []
    empty = 0
    all_comments = []
    items = [e for e in root.iter() if local(e.tag) == "item"]
    for n, item in enumerate(items, 1):
        post_id = (child_text(item, "post_id") or "").strip()
        link = (child_text(item, "link") or "").strip()
        tid = post_id or link or "item-%d" % n
        title = html.unescape((child_text(item, "title") or "").strip()) or tid
        comments = []
        for c in item:
            if local(c.tag) != "comment":
                continue
            parent = (child_text(c, "comment_parent") or "").strip()
            comments.append({
                "id": (child_text(c, "comment_id") or "").strip(),
                "parent": None if parent in ("", "0") else parent,
                "author": html.unescape(child_text(c, "comment_author") or "").strip(),
                "flags": status_of(child_text(c, "comment_approved"), child_text(c, "comment_type")),
            })
        if not comments:
            empty += 1
            continue
        block = {"id": tid, "title": title}
        block.update(counts(comments))
        threads.append(block)
        all_comments.extend(comments)
    # file totals: per-thread sums for the per-thread keys, distinct authors and edges over all
    total = {
        "comments": sum(t["comments"] for t in threads),
        "topLevel": sum(t["topLevel"] for t in threads),
        "replies": sum(t["replies"] for t in threads),
        "orphans": sum(t["orphans"] for t in threads),
        "deleted": sum(t["deleted"] for t in threads),
        "authors": len({c["author"] for c in all_comments if c["author"]}),
        "maxDepth": max((t["maxDepth"] for t in threads), default=0),
    }
    edges = Counter()
    for t in threads:
        for a, b, w in t["replyEdges"]:
            edges[(a, b)] += w
    total["replyEdges"] = sorted([a, b, w] for (a, b), w in edges.items())
    total["selfReplies"] = sum(w for (a, b), w in edges.items() if a == b)
    status = Counter()
    for t in threads:
        status.update(t["statuses"])
    total["statuses"] = dict(sorted(status.items()))
    total["threadCount"] = len(threads)
    total["emptyThreads"] = empty
    total["threads"] = threads
    out = os.path.splitext(FIXTURE)[0] + ".expected.json"
    with open(out, "w", encoding="utf-8") as f:
        json.dump(total, f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print(json.dumps(total, indent=2, sort_keys=True, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
