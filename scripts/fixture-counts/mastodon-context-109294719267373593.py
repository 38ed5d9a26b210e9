#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/json/mastodon-context-109294719267373593.json.

Parses the Mastodon statuses/:id/context response with the json module (not with ThreadNet)
and writes mastodon-context-109294719267373593.expected.json next to it.
Usage for other files: python3 mastodon-context-109294719267373593.py [file.json]
Conventions:
- the focal status (not in the file) is the in_reply_to_id of the first descendant;
- no ancestors: the focal status is the root; descendants replying to it are top level;
- with ancestors: the first ancestor is the root, the others are comments, and the focal
  status is added as a deleted placeholder comment replying to the last ancestor;
- other parents are in_reply_to_id (kept when absent: orphans);
- author = account.acct, html.unescape'd and stripped;
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
                       "mastodon-context-109294719267373593.json")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else FIXTURE
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    anc, desc = doc["ancestors"], doc["descendants"]
    ids = {s["id"] for s in anc + desc}

    def entry(s):
        return {"id": s["id"], "parent": s.get("in_reply_to_id"),
                "author": html.unescape((s.get("account") or {}).get("acct") or "").strip(), "flags": []}

    focal = desc[0].get("in_reply_to_id") if desc else None
    if focal in ids:
        focal = None
    comments = []
    if anc:
        root = anc[0]["id"]
        for s in anc[1:]:
            c = entry(s)
            if c["parent"] == root:
                c["parent"] = None
            comments.append(c)
        if focal:
            comments.append({"id": focal, "parent": anc[-1]["id"] if len(anc) > 1 else None,
                             "author": "", "flags": ["deleted"]})
        comments += [entry(s) for s in desc]
        thread_id = root
    else:
        thread_id = focal
        for s in desc:
            c = entry(s)
            if c["parent"] == focal:
                c["parent"] = None
            comments.append(c)
    total = file_counts([({"id": thread_id, "title": thread_id}, comments)])
    total["focalStatus"] = focal
    total["ancestors"] = len(anc)
    total["descendants"] = len(desc)
    total["remoteAuthors"] = len({c["author"] for c in comments if "@" in c["author"]})
    write_expected(path, total)
    print(json.dumps({k: v for k, v in total.items() if k not in ("threads", "replyEdges")}, sort_keys=True))
    print(total["replyEdges"])


if __name__ == "__main__":
    sys.exit(main())
