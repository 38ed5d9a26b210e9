#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/stream/json-statuses.ndjson.

NDJSON of flat Mastodon-like statuses (id, in_reply_to_id, username, created_at, content),
read line by line with Python's json module (not with ThreadNet); writes
json-statuses.expected.json next to it. Blank lines are skipped; a line that is not a JSON
object is skipped (its line number recorded). No thread field: one thread. A missing or null
in_reply_to_id is top level. Counting conventions as in pushshift-sample.py.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from treecounts import author_of, thread_counts, write_expected  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "stream", "json-statuses.ndjson")


def main():
    comments, bad_lines, lines_of = [], [], {}
    with open(FIXTURE, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                bad_lines.append(number)
                continue
            if not isinstance(obj, dict) or obj.get("id") is None:
                bad_lines.append(number)
                continue
            parent = obj.get("in_reply_to_id")
            comments.append({"id": str(obj["id"]), "parent": None if parent in (None, "") else str(parent),
                             "author": author_of(obj.get("username")), "flags": []})
            lines_of[str(obj["id"])] = number
    out = thread_counts(comments, orphans_are_replies=True, statuses=False)
    out["threads"] = 1
    out["badLines"] = bad_lines
    out["startLines"] = lines_of
    write_expected(FIXTURE, out, ensure_ascii=True)
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
