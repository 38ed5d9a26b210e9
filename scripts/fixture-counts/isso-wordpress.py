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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from treecounts import file_counts, write_expected  # noqa: E402

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


def main():
    root = ET.parse(FIXTURE).getroot()
    threads = []  # (head, comments) per item
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
        threads.append(({"id": tid, "title": title}, comments))
    total = file_counts(threads)
    write_expected(FIXTURE, total)
    print(json.dumps(total, indent=2, sort_keys=True, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
