#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/stream/pushshift-sample.ndjson.

Reads the NDJSON with the standard library only (not with ThreadNet) and writes
pushshift-sample.expected.json next to it. Conventions (shared by every importer):
- a line with `parent_id` is a comment; a line with `title` and no `parent_id` is a submission
  (the thread's root post); threads are keyed by `link_id` (the submission's `t3_` + id);
- parent `t3_...` = the root (top level); `t1_x` = comment x;
- author `[deleted]` or empty = unknown (""); names are HTML-entity decoded and trimmed;
- deleted = body `[deleted]` or `[removed]`;
- topLevel = parent is the root; replies = parent is a comment (present or not), so
  topLevel + replies = comments; orphans = replies whose parent is not in the thread;
- depth: root 0, top level 1, orphans count as top level;
- replyEdges: [replier, replied-to author, weight] over comment -> parent comment pairs in the
  same thread where both authors are known, self loops included; selfReplies = their weight
  where replier == replied-to.
"""
import html
import json
import os
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from treecounts import author_of, keyed_counts, write_expected  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "stream", "pushshift-sample.ndjson")


def main():
    raw = open(FIXTURE, encoding="utf-8").read()
    threads = defaultdict(list)
    titles = {}
    submissions = 0
    lines = raw.split("\n")
    for line in lines:
        if not line.strip():
            continue
        obj = json.loads(line)
        if "parent_id" in obj:
            parent = obj["parent_id"]
            threads[obj["link_id"]].append({
                "id": obj["id"],
                "parent": None if parent.startswith("t3_") else parent[3:],
                "author": author_of(obj.get("author")),
                "flags": ["deleted"] if obj.get("body") in ("[deleted]", "[removed]") else [],
            })
        elif "title" in obj:
            submissions += 1
            titles["t3_" + obj["id"]] = html.unescape(obj["title"])
    # ids are unique across the file here, so the totals can count all threads at once
    out = keyed_counts(threads, sorted(threads), orphans_are_replies=True, statuses=False)
    for key, counts in out["perThread"].items():
        counts["title"] = titles.get(key, key)
    out["submissions"] = submissions
    out["lines"] = len(lines)
    out["finalNewline"] = raw.endswith("\n")
    out["linesWithoutName"] = sum(1 for l in lines if l.strip() and "parent_id" in json.loads(l) and "name" not in json.loads(l))
    out["createdUTCTypes"] = dict(sorted(Counter(type(json.loads(l)["created_utc"]).__name__ for l in lines if l.strip()).items()))
    write_expected(FIXTURE, out, ensure_ascii=True)
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
