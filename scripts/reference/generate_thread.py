#!/usr/bin/env python3
"""Generates a synthetic 2,000-comment thread for the author-network reference tests.

Writes Tests/ThreadNetCoreTests/Fixtures/generated/pa-thread-2000.csv, a generic comments CSV
(`id,parent_id,author,timestamp,text`, RFC 4180, one thread: no thread column, an empty
parent_id is top level), and next to it pa-thread-2000.expected.json with the counts of
scripts/fixture-counts/treecounts.py (replyEdges and authorList among them), computed from the
generated records themselves, not from ThreadNet.

The model (fixed seed, Python's random.Random, so the output is reproducible):
- 20% of comments (and the first) are top level; the others reply to an earlier comment
  picked by preferential attachment (probability proportional to 1 + replies it already has);
- the author of a reply is, with probability 0.35, the author of the grandparent comment
  (a back-and-forth, which makes mutual pairs), with probability 0.04 the parent's own author
  (a self-reply, a loop), otherwise drawn from 500 authors with Zipf weights 1/rank^1.15
  (heavy-tailed activity: a few very active authors, many one-off ones);
- 2% of comments have the author "[deleted]" (the unknown bucket, not a node);
- 8% of top-level comments open a side conversation: every author drawn in its subtree comes
  from a private pool of three names (side<k>a, side<k>b, side<k>c), so it forms a component
  apart from the giant one.
Rare authors whose only comment is top level and unanswered are isolated nodes.

Usage: generate_thread.py [output.csv [COMMENTS]]   (COMMENTS defaults to 2,000; the picture
tests use 20,000)
"""
import csv
import datetime
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "fixture-counts"))
from treecounts import author_of, thread_counts, write_expected  # noqa: E402

FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "generated", "pa-thread-2000.csv")
SEED = 20261129
COMMENTS = 2000
AUTHORS = 500


def generate(rng, comments=COMMENTS):
    """The comment records: (id, parent id or "", author, timestamp, text)."""
    names = ["user%03d" % i for i in range(AUTHORS)]
    weights = [1 / (rank + 1) ** 1.15 for rank in range(AUTHORS)]
    start = datetime.datetime(2024, 3, 1, 12, 0, 0, tzinfo=datetime.timezone.utc)
    rows, parent_of, author_of_row, root_of = [], [], [], []
    side = {}  # root comment index -> its private author pool
    attach = []  # comment indices, each once plus once per reply it has received
    for i in range(comments):
        if i == 0 or rng.random() < 0.2:
            parent = None
        else:
            parent = rng.choice(attach)
            attach.append(parent)
        root = i if parent is None else root_of[parent]
        if parent is None and i > 0 and rng.random() < 0.08:
            side[i] = ["side%02d%s" % (len(side), x) for x in "abc"]
        draw = rng.random()
        if rng.random() < 0.02:
            author = "[deleted]"
        elif parent is not None and draw < 0.35 and parent_of[parent] is not None:
            author = author_of_row[parent_of[parent]]
        elif parent is not None and draw < 0.39:
            author = author_of_row[parent]
        elif root in side:
            author = rng.choice(side[root])
        else:
            author = rng.choices(names, weights)[0]
        attach.append(i)
        root_of.append(root)
        parent_of.append(parent)
        author_of_row.append(author)
        stamp = (start + datetime.timedelta(seconds=37 * i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        rows.append((str(i + 1), "" if parent is None else str(parent + 1), author, stamp, "Generated comment %d." % (i + 1)))
    return rows


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else FIXTURE
    comments = int(sys.argv[2]) if len(sys.argv) > 2 else COMMENTS
    rows = generate(random.Random(SEED), comments)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "parent_id", "author", "timestamp", "text"])
        w.writerows(rows)
    records = [{"id": r[0], "parent": r[1] or None, "author": author_of(r[2]), "flags": []} for r in rows]
    write_expected(path, thread_counts(records, orphans_are_replies=True, statuses=False), ensure_ascii=True)
    print(path)


if __name__ == "__main__":
    main()
