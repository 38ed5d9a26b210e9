#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/json/hn-algolia-item17-fraction.json.

Parses the Hacker News Algolia item (nested `children`) with the json module (not with
ThreadNet) and writes hn-algolia-item17-fraction.expected.json next to it. Also usable for any
Algolia item file: python3 hn-algolia-item17-fraction.py [file.json]
Conventions:
- a top item of type story/job/poll is the root; its children are top level;
- a top item of type comment (this fixture: item 17, parent_id 15, story_id 1) is itself a
  top-level comment of story `story_id` (thread id = story_id); its real parent is not kept;
- any other node's parent is the node it is nested in; pollopt nodes are not comments;
- author null -> "" (unknown), html.unescape'd and stripped; text null -> deleted;
- maxDepth: article 0, top level 1; replyEdges: [fromAuthor, toAuthor, weight], both non-empty.
"""
import html
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from treecounts import file_counts, write_expected  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "json",
                       "hn-algolia-item17-fraction.json")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else FIXTURE
    with open(path, encoding="utf-8") as f:
        top = json.load(f)
    is_comment = top.get("type") == "comment"
    comments = []
    if is_comment:
        thread_id = str(top.get("story_id") or top["id"])
        stack = [(top, None)]
    else:
        thread_id = str(top["id"])
        stack = [(c, None) for c in reversed(top.get("children") or [])]
    while stack:
        node, parent = stack.pop()
        if node.get("type") == "pollopt":
            continue
        author = html.unescape(node.get("author") or "").strip()
        flags = ["deleted"] if node.get("text") is None else []
        cid = str(node["id"])
        comments.append({"id": cid, "parent": parent, "author": author, "flags": flags})
        stack.extend((c, cid) for c in reversed(node.get("children") or []))
    total = file_counts([({"id": thread_id, "title": top.get("title") or thread_id}, comments)])
    total["topIsComment"] = is_comment
    write_expected(path, total)
    print(json.dumps({k: v for k, v in total.items() if k != "threads"}, sort_keys=True))


if __name__ == "__main__":
    sys.exit(main())
