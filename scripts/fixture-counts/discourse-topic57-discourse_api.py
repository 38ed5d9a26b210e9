#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/json/discourse-topic57-discourse_api.json.

Parses the Discourse /t/{id}.json topic with the json module (not with ThreadNet) and writes
discourse-topic57-discourse_api.expected.json next to it.
Usage for other files: python3 discourse-topic57-discourse_api.py [file.json]
Conventions:
- post_number 1 is the root post, not a comment; every other post is a comment with
  id = str(post_number);
- reply_to_post_number null or 1 = top level, N = parent "N" (orphan when absent);
- author = username (html.unescape'd, stripped);
- flags: post_type 2/3 -> system; deleted_at or user_deleted -> deleted; hidden -> removed;
- missingPosts: ids in post_stream.stream not among the posts' ids;
- maxDepth: article 0, top level 1; replyEdges both authors non-empty.
"""
import html
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from treecounts import file_counts, write_expected  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "json",
                       "discourse-topic57-discourse_api.json")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else FIXTURE
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    posts = doc["post_stream"]["posts"]
    comments = []
    for p in posts:
        if p["post_number"] == 1:
            continue
        parent = p.get("reply_to_post_number")
        parent = None if parent in (None, 1) else str(parent)
        flags = []
        if p.get("post_type") in (2, 3):
            flags.append("system")
        if p.get("deleted_at") or p.get("user_deleted"):
            flags.append("deleted")
        if p.get("hidden"):
            flags.append("removed")
        comments.append({"id": str(p["post_number"]), "parent": parent,
                         "author": html.unescape(p.get("username") or "").strip(), "flags": flags})
    total = file_counts([({"id": str(doc["id"]), "title": html.unescape(doc["title"])}, comments)])
    have = {p["id"] for p in posts}
    total["missingPosts"] = sum(1 for i in doc["post_stream"].get("stream", []) if i not in have)
    total["rootAuthor"] = next((p["username"] for p in posts if p["post_number"] == 1), None)
    write_expected(path, total)
    print(json.dumps({k: v for k, v in total.items() if k != "threads"}, sort_keys=True))


if __name__ == "__main__":
    sys.exit(main())
