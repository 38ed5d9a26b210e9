#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/stream/json-comments.json.

A JSON array of flat comment objects (id, parent_id, thread_id, author, created_at, text,
deleted), read with Python's json module (not with ThreadNet); writes json-comments.expected.json
next to it. Elements that are not objects, and objects without an id, are skipped. Threads by
thread_id, sorted (numerically when numbers, else as text); parent null, 0 or the thread id is
top level; deleted true marks a deleted comment with an unknown author. Counting conventions as
in pushshift-sample.py.
"""
import json
import os
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from treecounts import author_of, keyed_counts, write_expected  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "stream", "json-comments.json")


def main():
    data = json.load(open(FIXTURE, encoding="utf-8"))
    threads, skipped_records = defaultdict(list), []
    for index, obj in enumerate(data, start=1):
        if not isinstance(obj, dict) or obj.get("id") is None:
            skipped_records.append(index)
            continue
        thread = str(obj.get("thread_id"))
        parent = obj.get("parent_id")
        parent = None if parent in (None, 0, "0", "") or str(parent) == thread else str(parent)
        deleted = obj.get("deleted") is True
        threads[thread].append({
            "id": str(obj["id"]),
            "parent": parent,
            "author": "" if deleted else author_of(obj.get("author")),
            "flags": ["deleted"] if deleted else [],
        })
    order = sorted(threads)  # "story-10" < "story-2" as text: these ids are not numbers
    out = keyed_counts(threads, order, orphans_are_replies=True, statuses=False)
    out["skippedRecords"] = skipped_records
    write_expected(FIXTURE, out, ensure_ascii=True)
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
