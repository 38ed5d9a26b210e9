#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/json/reddit-3hahrw-thread.json.

Parses the Reddit thread JSON with the json module (not with ThreadNet) and writes
reddit-3hahrw-thread.expected.json next to it. Also run for any other Reddit thread file:
    python3 reddit-3hahrw-thread.py [fixture.json]
Conventions:
- the file is [post Listing, comment Listing]; the t3 is the root post, its id the thread id;
- every t1 (walked depth first in file order, through `replies` Listings) is a comment;
  `more` objects are not comments: counted as stubs, with the sum of their `count`, and
  "continue this thread" stubs (id "_") counted separately;
- parent: parent_id "t3_..." = top level, "t1_x" = "x" (orphan when x is not in the file);
- author: "[deleted]" -> "" (unknown); names html.unescape'd and stripped;
- deleted: body "[deleted]" (flag deleted) or "[removed]" (flag removed);
- maxDepth: article 0, top level 1, orphans count as top level;
- replyEdges: [fromAuthor, toAuthor, weight] for comment -> parent comment, both authors non-empty.
"""
import html
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from treecounts import file_counts, write_expected  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "json",
                       "reddit-3hahrw-thread.json")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else FIXTURE
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    post = next(c["data"] for c in doc[0]["data"]["children"] if c["kind"] == "t3")
    comments = []
    stubs = continue_stubs = stub_count = 0
    stack = list(reversed(doc[1]["data"]["children"]))
    while stack:
        node = stack.pop()
        data = node["data"]
        if node["kind"] == "more":
            stubs += 1
            stub_count += data.get("count", 0)
            if data.get("id") == "_":
                continue_stubs += 1
            continue
        assert node["kind"] == "t1", node["kind"]
        parent = data["parent_id"]
        parent = None if parent.startswith("t3_") else parent[3:]
        author = data.get("author") or ""
        author = "" if author == "[deleted]" else html.unescape(author).strip()
        flags = []
        if data.get("body") == "[deleted]":
            flags.append("deleted")
        if data.get("body") == "[removed]":
            flags.append("removed")
        comments.append({"id": data["id"], "parent": parent, "author": author, "flags": flags})
        replies = data.get("replies")
        if isinstance(replies, dict):
            stack.extend(reversed(replies["data"]["children"]))
    total = file_counts([({"id": post["id"], "title": post["title"]}, comments)])
    total["deletedAuthors"] = sum(1 for c in comments if not c["author"])
    total["missingComments"] = {"stubs": stubs, "continueStubs": continue_stubs, "count": stub_count}
    total["numComments"] = post.get("num_comments")
    write_expected(path, total)
    print(json.dumps({k: v for k, v in total.items() if k not in ("replyEdges", "threads")}, sort_keys=True))


if __name__ == "__main__":
    sys.exit(main())
