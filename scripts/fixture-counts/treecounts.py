"""Counting shared by the fixture-count scripts (each script keeps its own parsing).

A script turns its fixture into comment records, dicts with:
- id: the comment's id (text);
- parent: the parent comment's id, or None for a top-level comment (a parent id that is not
  among the records makes an orphan, which counts as top level for depth);
- author: the author's name, "" when unknown;
- flags: a list of status names ("deleted", "removed", "spam", "pending", ...).
and hands them to the functions below. Where ids repeat, the first record with an id is the one
replies are resolved against. Everything is iterative (no recursion), standard library only.

Two conventions for `replies` are in use, and each script keeps the one it has always written:
- orphans_are_replies=True (the stream scripts): replies = comments - topLevel, orphans included;
- orphans_are_replies=False (the others): replies = comments - topLevel - orphans.
"""
import html
import json
import os
from collections import Counter

SUMMED = ("comments", "topLevel", "replies", "orphans", "deleted")


def author_of(raw):
    """A display name: HTML entities decoded, trimmed, "[deleted]" read as unknown ("")."""
    name = html.unescape(raw or "").strip()
    return "" if name == "[deleted]" else name


def thread_counts(comments, orphans_are_replies=False, statuses=True):
    """The count block of one list of comment records.

    maxDepth: article 0, top level 1, orphans top level; authorList: the known authors, sorted
    (isolated ones included, for the author-network references); replyEdges: [fromAuthor, toAuthor,
    weight] for comment -> parent comment where both authors are known, self loops included;
    selfReplies: the weight of those self loops; deleted: records flagged deleted or removed;
    statuses (unless statuses=False): how many records carry each flag.
    """
    ids = {c["id"] for c in comments}
    first = {}
    for c in comments:
        first.setdefault(c["id"], c)
    top = sum(1 for c in comments if c["parent"] is None)
    orphans = sum(1 for c in comments if c["parent"] is not None and c["parent"] not in ids)
    depth = {}
    for c in comments:  # walk up to a known depth or a root, then fill the chain in
        chain, cur, seen = [], c, set()
        while True:
            if cur["id"] in depth:
                d = depth[cur["id"]]
                break
            if cur["id"] in seen:  # cycle guard
                d = 0
                break
            seen.add(cur["id"])
            chain.append(cur)
            p = cur["parent"]
            if p is None or p not in ids:
                d = 0
                break
            cur = first[p]
        for node in reversed(chain):
            d += 1
            depth[node["id"]] = d
    edges = Counter()
    for c in comments:
        p = c["parent"]
        if p is not None and p in ids and c["author"] and first[p]["author"]:
            edges[(c["author"], first[p]["author"])] += 1
    out = {
        "comments": len(comments),
        "topLevel": top,
        "replies": len(comments) - top - (0 if orphans_are_replies else orphans),
        "orphans": orphans,
        "authors": len({c["author"] for c in comments if c["author"]}),
        "authorList": sorted({c["author"] for c in comments if c["author"]}),
        "deleted": sum(1 for c in comments if "deleted" in c["flags"] or "removed" in c["flags"]),
        "maxDepth": max(depth.values(), default=0),
        "replyEdges": sorted([a, b, w] for (a, b), w in edges.items()),
        "selfReplies": sum(w for (a, b), w in edges.items() if a == b),
    }
    if statuses:
        out["statuses"] = dict(sorted(Counter(f for c in comments for f in c["flags"]).items()))
    return out


def keyed_counts(threads, order, **options):
    """Counts over every thread of `threads` (key -> records) taken in `order`, plus the number
    of threads, threadOrder and a perThread block each; maxDepth is the deepest thread's."""
    out = thread_counts([c for k in order for c in threads[k]], **options)
    out["threads"] = len(threads)
    out["threadOrder"] = order
    out["perThread"] = {k: thread_counts(threads[k], **options) for k in order}
    out["maxDepth"] = max(t["maxDepth"] for t in out["perThread"].values())
    return out


def file_counts(threads, extra_sums=()):
    """File totals over (head, records) pairs in file order, where head is the start of the
    thread's block (id, title, ...). A thread without records counts in emptyThreads and gets no
    block. The SUMMED keys (and extra_sums, taken from the heads or the counts) add up per
    thread; authors are distinct over the file; replyEdges and statuses merge the threads'."""
    blocks, everything, empty = [], [], 0
    for head, comments in threads:
        if not comments:
            empty += 1
            continue
        block = dict(head)
        block.update(thread_counts(comments))
        blocks.append(block)
        everything.extend(comments)
    total = {k: sum(t[k] for t in blocks) for k in SUMMED + tuple(extra_sums)}
    total["authors"] = len({c["author"] for c in everything if c["author"]})
    total["maxDepth"] = max((t["maxDepth"] for t in blocks), default=0)
    edges = Counter()
    for t in blocks:
        for a, b, w in t["replyEdges"]:
            edges[(a, b)] += w
    total["replyEdges"] = sorted([a, b, w] for (a, b), w in edges.items())
    total["selfReplies"] = sum(w for (a, b), w in edges.items() if a == b)
    status = Counter()
    for t in blocks:
        status.update(t["statuses"])
    total["statuses"] = dict(sorted(status.items()))
    total["threadCount"] = len(blocks)
    total["emptyThreads"] = empty
    total["threads"] = blocks
    return total


def write_expected(fixture, data, ensure_ascii=False):
    """Writes data as <fixture stem>.expected.json next to the fixture; returns that path."""
    path = os.path.splitext(fixture)[0] + ".expected.json"
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2, sort_keys=True, ensure_ascii=ensure_ascii)
        f.write("\n")
    return path
