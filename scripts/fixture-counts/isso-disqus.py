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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from treecounts import file_counts, write_expected  # noqa: E402

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
    total = file_counts([({"id": tid, "title": meta.get(tid, "(undeclared thread %s)" % tid),
                           "declared": tid in meta}, posts.get(tid, [])) for tid in order])
    total["undeclaredThreads"] = sum(1 for t in total["threads"] if not t["declared"])
    write_expected(FIXTURE, total)
    print(json.dumps(total, sort_keys=True, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
