#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/xml/isso-disqus.xml (Disqus export).

Parses the fixture with xml.etree (not with ThreadNet) and writes isso-disqus.expected.json next
to it. Conventions (shared by all fixture-count scripts):
- threads are keyed by <thread dsq:id>; a <post> belongs to the thread named by its
  <thread dsq:id>; a thread id no <thread> element declares still forms a thread, titled
  "(undeclared thread N)"; declared threads without posts are counted in emptyThreads;
  threads are listed in order of first appearance (declaration or first post);
- every <post> is kept (deleted and spam too); parent = <parent dsq:id>, else the parent's
  text (a site <id>, mapped to that post's dsq:id when one has it); no <parent> = top level;
- author = html.unescape(author/name).strip(); empty = unknown;
- deleted = posts with isDeleted true; spam = isSpam true;
- maxDepth: article 0, top-level comment 1; orphans count as top level;
- replyEdges: [fromAuthor, toAuthor, weight] for post -> parent post, both authors non-empty.
"""
import html
import json
import os
import sys
import xml.etree.ElementTree as ET
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "xml", "isso-disqus.xml")
DSQ_ID = "{http://disqus.com/disqus-internals}id"


def local(tag):
    return tag.rsplit("}", 1)[-1]


def child(elem, name):
    for c in elem:
        if local(c.tag) == name:
            return c
    return None


def child_text(elem, name):
    c = child(elem, name)
    return None if c is None else (c.text or "")


def flag(elem, name):
    return (child_text(elem, name) or "").strip().lower() in ("true", "1")


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
    order = []          # thread ids in order of first appearance
    meta = {}           # declared thread id -> title
    posts = {}          # thread id -> list of comments
    site_ids = {}       # post <id> text -> dsq:id
    raw = []
    for e in root:
        name = local(e.tag)
        if name == "thread":
            tid = e.get(DSQ_ID)
            if tid not in order:
                order.append(tid)
            if tid not in meta:
                title = html.unescape((child_text(e, "title") or "").strip())
                link = (child_text(e, "link") or "").strip()
                meta[tid] = title or link or tid
        elif name == "post":
            t = child(e, "thread")
            tid = t.get(DSQ_ID) if t is not None else None
            if tid not in order:
                order.append(tid)
            pid = e.get(DSQ_ID)
            site = (child_text(e, "id") or "").strip()
            if site:
                site_ids.setdefault(site, pid)
            p = child(e, "parent")
            parent = None
            if p is not None:
                parent = p.get(DSQ_ID) or ("text:" + (p.text or "").strip() if (p.text or "").strip() else None)
            author_el = child(e, "author")
            author = html.unescape((child_text(author_el, "name") or "") if author_el is not None else "").strip()
            flags = []
            if flag(e, "isDeleted"):
                flags.append("deleted")
            if flag(e, "isSpam"):
                flags.append("spam")
            raw.append((tid, {"id": pid, "parent": parent, "author": author, "flags": flags}))
    for tid, c in raw:
        if c["parent"] and c["parent"].startswith("text:"):
            text = c["parent"][5:]
            c["parent"] = site_ids.get(text, text)
        posts.setdefault(tid, []).append(c)
    threads = []
    empty = 0
    all_comments = []
    for tid in order:
        comments = posts.get(tid, [])
        if not comments:
            empty += 1
            continue
        block = {"id": tid, "title": meta.get(tid, "(undeclared thread %s)" % tid),
                 "declared": tid in meta}
        block.update(counts(comments))
        threads.append(block)
        all_comments.extend(comments)
    total = {k: sum(t[k] for t in threads) for k in ("comments", "topLevel", "replies", "orphans", "deleted")}
    total["authors"] = len({c["author"] for c in all_comments if c["author"]})
    total["maxDepth"] = max((t["maxDepth"] for t in threads), default=0)
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
    total["undeclaredThreads"] = sum(1 for t in threads if not t["declared"])
    total["threads"] = threads
    out = os.path.splitext(FIXTURE)[0] + ".expected.json"
    with open(out, "w", encoding="utf-8") as f:
        json.dump(total, f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print(json.dumps(total, sort_keys=True, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
