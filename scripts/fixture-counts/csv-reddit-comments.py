#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/stream/csv-reddit-comments.csv.

A Reddit research-style CSV (comment_id,parent_id,link_id,author,body,score,created_utc) with
a UTF-8 byte-order mark and CRLF line ends, read with Python's csv module (not with ThreadNet);
writes csv-reddit-comments.expected.json next to it. Threads by link_id, sorted; parent t3_...
is top level, t1_x is comment x; author [deleted] is unknown; body [deleted]/[removed] is
deleted; rows whose field count differs from the header's are skipped. Counting conventions as
in pushshift-sample.py.
"""
import csv
import json
import os
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from treecounts import author_of, keyed_counts, write_expected  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "stream", "csv-reddit-comments.csv")


def main():
    threads, skipped, skipped_lines, start_lines, bad_times = defaultdict(list), 0, [], {}, []
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
                skipped_lines.append(start)
                continue
            parent = row[col["parent_id"]].strip()
            body = row[col["body"]].strip()
            cid = row[col["comment_id"]].strip()
            threads[row[col["link_id"]].strip()].append({
                "id": cid,
                "parent": None if parent == "" or parent.startswith("t3_") else parent[3:] if parent.startswith("t1_") else parent,
                "author": author_of(row[col["author"]]),
                "flags": ["deleted"] if body in ("[deleted]", "[removed]") else [],
            })
            start_lines[cid] = start
            t = row[col["created_utc"]].strip()
            try:
                float(t)
            except ValueError:
                if not (len(t) >= 10 and t[4] == "-" and t[7] == "-"):
                    bad_times.append(cid)
    out = keyed_counts(threads, sorted(threads), orphans_are_replies=True, statuses=False)
    out["skippedRows"] = skipped
    out["skippedLines"] = skipped_lines
    out["startLines"] = start_lines
    out["badTimestamps"] = bad_times
    write_expected(FIXTURE, out, ensure_ascii=True)
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
