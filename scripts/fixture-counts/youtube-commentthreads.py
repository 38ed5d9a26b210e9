#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/json/youtube-commentthreads.json.

A hand-made commentThreads.list response (no real one is shipped), built from the fields in
FORMATS.md section e. Parsed with the json module (not with ThreadNet); writes
youtube-commentthreads.expected.json next to it. Usage: python3 youtube-commentthreads.py [file]
Conventions:
- one thread per snippet.videoId, in order of first appearance;
- each topLevelComment is top level; replies.comments[] reply to snippet.parentId;
- author = html.unescape(authorDisplayName).strip();
- flags: moderationStatus heldForReview -> pending, likelySpam -> spam, rejected -> removed;
- missingReplies per thread = sum(totalReplyCount) - replies present (when positive);
- maxDepth: article 0, top level 1; replyEdges both authors non-empty.
"""
import html
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "json",
                       "youtube-commentthreads.json")
MODERATION = {"heldForReview": "pending", "likelySpam": "spam", "rejected": "removed"}


def counts(comments):
    ids = {c["id"] for c in comments}
    first = {}
    for c in comments:
        first.setdefault(c["id"], c)
    top = sum(1 for c in comments if c["parent"] is None)
    orphans = sum(1 for c in comments if c["parent"] is not None and c["parent"] not in ids)
    depth = {}
    for c in comments:
        chain, cur, seen = [], c, set()
        while True:
            if cur["id"] in depth:
                d = depth[cur["id"]]
                break
            if cur["id"] in seen:
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
    status = Counter(f for c in comments for f in c["flags"])
    return {
        "comments": len(comments),
        "topLevel": top,
        "replies": len(comments) - top - orphans,
        "orphans": orphans,
        "authors": len({c["author"] for c in comments if c["author"]}),
        "deleted": sum(1 for c in comments if "deleted" in c["flags"] or "removed" in c["flags"]),
        "maxDepth": max(depth.values(), default=0),
        "replyEdges": sorted([a, b, w] for (a, b), w in edges.items()),
        "selfReplies": sum(w for (a, b), w in edges.items() if a == b),
        "statuses": dict(sorted(status.items())),
    }


def entry(c, parent):
    s = c["snippet"]
    flags = [MODERATION[s["moderationStatus"]]] if s.get("moderationStatus") in MODERATION else []
    return {"id": c["id"], "parent": parent, "author": html.unescape(s.get("authorDisplayName") or "").strip(),
            "flags": flags}


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else FIXTURE
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    pages = doc if isinstance(doc, list) else [doc]
    order, groups, expected, present = [], {}, Counter(), Counter()
    for page in pages:
        for item in page["items"]:
            sn = item["snippet"]
            video = sn.get("videoId") or sn.get("channelId")
            if video not in order:
                order.append(video)
            top = sn["topLevelComment"]
            groups.setdefault(video, []).append(entry(top, None))
            expected[video] += sn.get("totalReplyCount", 0)
            for r in (item.get("replies") or {}).get("comments", []):
                groups[video].append(entry(r, r["snippet"].get("parentId") or top["id"]))
                present[video] += 1
    threads, everything = [], []
    for video in order:
        block = {"id": video, "title": video}
        block.update(counts(groups[video]))
        block["missingReplies"] = max(0, expected[video] - present[video])
        threads.append(block)
        everything.extend(groups[video])
    total = {k: sum(t[k] for t in threads) for k in ("comments", "topLevel", "replies", "orphans", "deleted", "missingReplies")}
    total["authors"] = len({c["author"] for c in everything if c["author"]})
    total["maxDepth"] = max((t["maxDepth"] for t in threads), default=0)
    edges = Counter()
    for t in threads:
        for a, b, w in t["replyEdges"]:
            edges[(a, b)] += w
    total["replyEdges"] = sorted([a, b, w] for (a, b), w in edges.items())
    total["selfReplies"] = sum(w for (a, b), w in edges.items() if a == b)
    status = Counter()
    for t in threads:
        status.update(t["statuses"])
    total["statuses"] = dict(sorted(status.items()))
    total["threadCount"] = len(threads)
    total["emptyThreads"] = 0
    total["nextPageToken"] = any(p.get("nextPageToken") for p in pages)
    total["threads"] = threads
    out = os.path.splitext(path)[0] + ".expected.json"
    with open(out, "w", encoding="utf-8") as f:
        json.dump(total, f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print(json.dumps({k: v for k, v in total.items() if k != "threads"}, sort_keys=True))
    for t in threads:
        print(json.dumps({k: v for k, v in t.items() if k != "replyEdges"}, sort_keys=True))


if __name__ == "__main__":
    sys.exit(main())
