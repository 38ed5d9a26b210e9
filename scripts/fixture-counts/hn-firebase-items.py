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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from treecounts import file_counts, write_expected  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "json",
                       "hn-firebase-items.json")
STORY = {"story", "job", "poll"}


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

    def title_of(key):
        title = html.unescape(by_id[key].get("title") or "") if key in by_id else ""
        return title or ("HN item %s (not in the file)" % key)

    total = file_counts([({"id": key, "title": title_of(key)}, groups.get(key, [])) for key in order])
    total["pollOptions"] = skipped_pollopts
    write_expected(path, total)
    print(json.dumps({k: v for k, v in total.items() if k != "threads"}, sort_keys=True))
    for t in total["threads"]:
        print(json.dumps({k: v for k, v in t.items() if k != "replyEdges"}, sort_keys=True))


if __name__ == "__main__":
    sys.exit(main())
