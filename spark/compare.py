#!/usr/bin/env python3
"""Compares the Spark job's merged output with `threadnet analyze` of the same data.

    python3 spark/compare.py WHOLE MERGED

WHOLE is the folder `threadnet analyze` wrote for the whole corpus, MERGED the one the Spark job
wrote. Checks, and prints: comments, threads, authors, edges, reciprocity, weak components (from
corpus-network.json, itself checked against WHOLE's metrics.json), the top-10 PageRank authors
(corpus-authors.csv), every row of threads.csv, and that every merged file is byte for byte
WHOLE's (report.md, report.html and metrics.json but for the input's SHA-256 and the repairs'
line numbers, which a merge of partitions cannot know; their repairs by kind are compared). Exits 1 on any difference.
"""
import csv
import json
import os
import re
import sys


def normalized(data):
    """The text with the input's SHA-256 and the repairs' line and record numbers left out."""
    text = data.decode("utf-8")
    for pattern, replacement in [(r":\d+ \(record \d+\)", ":LINE"), (r'"line": (\d+|null), "record": (\d+|null)', '"line": LINE'),
                                 (r'"sha256": "[0-9a-f]*"', '"sha256": ""'), (r"SHA-256: (<code>)?[^\n<]*(</code>)?", "SHA-256: "),
                                 (r"\n(<p>)?The repairs were made by each shard's analysis[^\n]*\n\n?", "\n")]:
        text = re.sub(pattern, replacement, text)
    return text


def main(whole, merged):
    failures = []

    def check(what, a, b):
        ok = a == b
        print("%-34s %-28s %-28s %s" % (what, str(a)[:28], str(b)[:28], "ok" if ok else "DIFFERS"))
        if not ok:
            failures.append(what)

    print("%-34s %-28s %-28s" % ("", "threadnet analyze", "Spark + threadnet merge"))
    nw = json.load(open(os.path.join(whole, "corpus-network.json")))
    nm = json.load(open(os.path.join(merged, "corpus-network.json")))
    metrics = json.load(open(os.path.join(whole, "metrics.json")))["corpus"]
    # corpus-network.json says what metrics.json says (growth aside).
    network = dict(metrics["network"])
    network.pop("growth", None)
    check("corpus-network.json = metrics.json", network, nw["network"])
    check("threads", nw["threads"], nm["threads"])
    check("threads (metrics.json)", metrics["threads"], nm["threads"])
    check("comments", nw["comments"], nm["comments"])
    for key in ["nodes", "edges", "selfReplies", "edgeReciprocity", "pairReciprocity", "weakComponents",
                "largestWeakComponentShare", "strongComponents", "transitivity", "degreeAssortativity"]:
        check(key, nw["network"].get(key), nm["network"].get(key))

    def authors(folder):
        with open(os.path.join(folder, "corpus-authors.csv"), newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        rows.sort(key=lambda r: (-float(r["pageRank"]), r["name"]))
        return [(r["name"], r["pageRank"]) for r in rows[:10]]

    check("top-10 PageRank authors", [a for a, _ in authors(whole)], [a for a, _ in authors(merged)])
    check("top-10 PageRank values", [p for _, p in authors(whole)], [p for _, p in authors(merged)])

    def term_pairs(folder):
        with open(os.path.join(folder, "corpus-topics.csv"), newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        rows.sort(key=lambda r: (-int(r["count"]), r["topic1"], r["topic2"]))
        return [(r["topic1"] + " + " + r["topic2"], int(r["count"])) for r in rows[:10]]

    check("top-10 co-occurring term pairs", [p for p, _ in term_pairs(whole)], [p for p, _ in term_pairs(merged)])
    check("their comments in common", [n for _, n in term_pairs(whole)], [n for _, n in term_pairs(merged)])

    def rows(folder):
        with open(os.path.join(folder, "threads.csv"), newline="", encoding="utf-8") as f:
            return list(csv.reader(f))

    rw, rm = rows(whole), rows(merged)
    check("threads.csv rows", len(rw), len(rm))
    differing = [k for k, (a, b) in enumerate(zip(rw, rm)) if a != b]
    check("threads.csv rows that differ", [], differing[:5])
    # Every file the merge wrote (the histograms under corpus/ too), hidden files aside.
    names = []
    for folder, subfolders, files in os.walk(merged):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        names += [os.path.relpath(os.path.join(folder, f), merged) for f in files if not f.startswith(".")]
    # report.md, report.html and metrics.json hold two things a merge cannot know: the whole
    # input's SHA-256 and the repairs' lines in it (the merge has the partitions' lines).
    documents = {"report.md", "report.html", "metrics.json"}
    for name in sorted(documents):
        check(name + " written", True, name in names)
    mw = json.load(open(os.path.join(whole, "metrics.json")))
    mm = json.load(open(os.path.join(merged, "metrics.json"))) if "metrics.json" in names else {}
    check("repairs by kind", mw["repairCounts"], mm.get("repairCounts"))
    check("threads in metrics.json", len(mw["threads"]), len(mm.get("threads", [])))
    for name in sorted(names):
        a = open(os.path.join(whole, name), "rb").read()
        b = open(os.path.join(merged, name), "rb").read()
        if name == "manifest.json":
            continue  # the sizes of the files above
        if name in documents:
            check("bytes of " + name + " (but digest, lines)", True, normalized(a) == normalized(b))
        else:
            check("bytes of " + name, True, a == b)
    if failures:
        sys.exit("compare.py: %d difference(s): %s" % (len(failures), ", ".join(failures)))
    print("compare.py: the merged output equals threadnet analyze of the whole corpus")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
