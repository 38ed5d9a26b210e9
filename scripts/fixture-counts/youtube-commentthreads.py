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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from treecounts import file_counts, write_expected  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "json",
                       "youtube-commentthreads.json")
MODERATION = {"heldForReview": "pending", "likelySpam": "spam", "rejected": "removed"}


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
    total = file_counts([({"id": video, "title": video,
                           "missingReplies": max(0, expected[video] - present[video])}, groups[video])
                         for video in order], extra_sums=("missingReplies",))
    total["nextPageToken"] = any(p.get("nextPageToken") for p in pages)
    write_expected(path, total)
    print(json.dumps({k: v for k, v in total.items() if k != "threads"}, sort_keys=True))
    for t in total["threads"]:
        print(json.dumps({k: v for k, v in t.items() if k != "replyEdges"}, sort_keys=True))


if __name__ == "__main__":
    sys.exit(main())
