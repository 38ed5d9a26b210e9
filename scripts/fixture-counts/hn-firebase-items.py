#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/json/hn-firebase-items.json.

A hand-made file (no real one is shipped) built from the Firebase item fields listed in
FORMATS.md section d. Parsed with the json module (not with ThreadNet); writes
hn-firebase-items.expected.json next to it. Also accepts NDJSON: python3 hn-firebase-items.py [file]
Conventions:
- story/job/poll items are roots, one thread each, in file order; pollopt items are not comments;
- a comment's parent is `parent`, else the first item whose `kids` lists it;
- a comment whose parent is a story is top level; a missing parent is kept (orphan);
- a comment belongs to the story its parent chain reaches; chains ending at an item not in the
  file go to the only story when there is exactly one, else to a thread named after that
  missing item; threads are ordered by first appearance (story position or first comment);
- stories without comments are emptyThreads;
- author = html.unescape(by).strip(), missing -> ""; deleted:true -> deleted, dead:true -> removed;
- maxDepth: article 0, top level 1, orphans top level; replyEdges both authors non-empty.
"""
import html
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "json",
                       "hn-firebase-items.json")
STORY = {"story", "job", "poll"}


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


def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        doc = json.loads(text)
        return doc if isinstance(doc, list) else [doc]
    except json.JSONDecodeError:
        items = []
        for line in text.splitlines():
            line = line.strip()
            if not line:
                continue
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError:
                pass
        return items


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else FIXTURE
    items = [i for i in load(path) if isinstance(i, dict) and "id" in i]
    by_id = {}
    for it in items:
        by_id.setdefault(str(it["id"]), it)
    kid_parent = {}
    for it in items:
        for k in it.get("kids") or []:
            kid_parent.setdefault(str(k), str(it["id"]))

    def parent_of(it):
        p = it.get("parent")
        return str(p) if p is not None else kid_parent.get(str(it["id"]))

    stories = [str(i["id"]) for i in items if i.get("type") in STORY]

    def thread_key(it):
        seen = set()
        cur = it
        while True:
            cid = str(cur["id"])
            if cid in seen:
                return cid
            seen.add(cid)
            p = parent_of(cur)
            if p is None:
                return cid
            if p not in by_id:
                return p
            if by_id[p].get("type") in STORY:
                return p
            cur = by_id[p]

    order, groups, skipped_pollopts = [], {}, 0
    for it in items:
        iid = str(it["id"])
        if it.get("type") in STORY:
            if iid not in order:
                order.append(iid)
            continue
        if it.get("type") == "pollopt":
            skipped_pollopts += 1
            continue
        key = thread_key(it)
        if key not in stories and len(stories) == 1:
            key = stories[0]
        if key not in order:
            order.append(key)
        p = parent_of(it)
        if p is not None and p in by_id and by_id[p].get("type") in STORY:
            p = None
        flags = []
        if it.get("deleted"):
            flags.append("deleted")
        if it.get("dead"):
            flags.append("removed")
        groups.setdefault(key, []).append({"id": iid, "parent": p,
                                           "author": html.unescape(it.get("by") or "").strip(),
                                           "flags": flags})
    threads, empty, everything = [], 0, []
    for key in order:
        comments = groups.get(key, [])
        if not comments:
            empty += 1
            continue
        title = html.unescape(by_id[key].get("title") or "") if key in by_id else ""
        block = {"id": key, "title": title or ("HN item %s (not in the file)" % key)}
        block.update(counts(comments))
        threads.append(block)
        everything.extend(comments)
    total = {k: sum(t[k] for t in threads) for k in ("comments", "topLevel", "replies", "orphans", "deleted")}
    total["authors"] = len({c["author"] for c in everything if c["author"]})
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
    total["pollOptions"] = skipped_pollopts
    total["threads"] = threads
    out = os.path.splitext(path)[0] + ".expected.json"
    with open(out, "w", encoding="utf-8") as f:
        json.dump(total, f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print(json.dumps({k: v for k, v in total.items() if k != "threads"}, sort_keys=True))
    for t in threads:
        print(json.dumps({k: v for k, v in t.items() if k != "replyEdges"}, sort_keys=True))


if __name__ == "__main__":
    sys.exit(main())
