#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/stream/csv-hn-items.csv.

A Hacker News items CSV (id,by,time,parent,text,kids,deleted), read with Python's csv module
(not with ThreadNet); writes csv-hn-items.expected.json next to it. There is no thread column,
so the file is one thread; a parent "" or "0" is top level, any other parent is a comment id
(stories outside the file make orphans); deleted=True is a deleted comment with an unknown
author. Counting conventions as in pushshift-sample.py: topLevel + replies = comments,
orphans = replies whose parent is not in the thread, depth 1 = top level (orphans too).
"""
import csv
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from treecounts import author_of, thread_counts, write_expected  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "stream", "csv-hn-items.csv")


def main():
    comments, skipped, start_lines = [], 0, {}
    with open(FIXTURE, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = [h.strip() for h in next(reader)]
        col = {name: i for i, name in enumerate(header)}
        previous_end = reader.line_num
        for row in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if not row:
                continue
            if len(row) != len(header):
                skipped += 1
                continue
            deleted = row[col["deleted"]].strip().lower() == "true"
            parent = row[col["parent"]].strip()
            cid = row[col["id"]].strip()
            comments.append({
                "id": cid,
                "parent": None if parent in ("", "0") else parent,
                "author": "" if deleted else author_of(row[col["by"]]),
                "flags": ["deleted"] if deleted else [],
            })
            start_lines[cid] = start
    out = thread_counts(comments, orphans_are_replies=True, statuses=False)
    out["threads"] = 1
    out["skippedRows"] = skipped
    out["startLines"] = start_lines
    write_expected(FIXTURE, out, ensure_ascii=True)
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
