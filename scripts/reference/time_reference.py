#!/usr/bin/env python3
"""Reference time measures for ThreadNet's TimeProfile, from the raw fixture JSON.

Reads the Reddit thread and the Mastodon context fixtures with the json module (never with
ThreadNet), takes each comment's id, parent and time, and computes the time measures with
numpy and the standard library. Writes `<stem>.time.json` next to each fixture; the Swift
test (TimeProfileTests) compares ThreadNet's figures with it.

Usage: python3 scripts/reference/time_reference.py

Conventions (those of the metric catalog, Metrics+Time.swift):
- comments: Reddit: every t1 in the comment listing (walked through `replies`); time =
  created_utc. Mastodon: every descendant and every ancestor but the first; time = created_at
  (ISO 8601 with milliseconds). The post: Reddit's t3 (created_utc); Mastodon's first
  ancestor, or none when the file has no ancestors (the focal status is not in the file).
- parent: Reddit parent_id "t1_x" -> x; "t3_..." -> the post. Mastodon in_reply_to_id; the
  post's id -> the post. A parent that is not a comment of the file makes an orphan, attached
  to the post (depth 1): it has no reply latency.
- depth: 1 for a comment on the post, parent's depth + 1 otherwise.
- latency: comment time - parent comment time, for comments whose parent is a comment;
  negative ones are left out (counted). Quantiles: numpy.quantile, method "linear" (type 7).
- peak hour: comments grouped by floor(time / 3600) (clock hours, UTC); the largest group,
  the earliest hour among ties.
- time to half: the ceil(n/2)-th smallest time minus the smallest.
- activeSpan: per author (name html-unescaped and stripped; "[deleted]" and empty names are
  no author), the latest comment time minus the earliest.
- windows: for a few --since/--until pairs, the comments kept (since <= time < until), before
  and after, and the median latency of replies whose parent is kept too.
- inter-arrival: differences of the sorted times; burstiness (sd - mean) / (sd + mean) with
  numpy.std (population).
"""
import datetime
import html
import json
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "json")


def iso_seconds(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def reddit(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    post = next(c["data"] for c in doc[0]["data"]["children"] if c["kind"] == "t3")
    comments = []
    stack = list(reversed(doc[1]["data"]["children"]))
    while stack:
        node = stack.pop()
        if node["kind"] != "t1":
            continue
        d = node["data"]
        parent = d["parent_id"]
        comments.append((d["id"], None if parent.startswith("t3_") else parent[3:], float(d["created_utc"]),
                         html.unescape(d.get("author") or "").strip()))
        replies = d.get("replies")
        if isinstance(replies, dict):
            stack.extend(reversed(replies["data"]["children"]))
    return comments, float(post["created_utc"])


def mastodon(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    anc, desc = doc["ancestors"], doc["descendants"]
    root = anc[0]["id"] if anc else None
    post_time = iso_seconds(anc[0]["created_at"]) if anc else None
    comments = []
    for s in anc[1:] + desc:
        parent = s.get("in_reply_to_id")
        comments.append((s["id"], None if parent == root else parent, iso_seconds(s["created_at"]),
                         html.unescape((s.get("account") or {}).get("acct") or "").strip()))
    return comments, post_time


def measures(comments, post_time):
    by_id = {c[0]: c for c in comments}
    depth = {}
    for cid, parent, *_ in comments:
        chain = []
        node = cid
        while node not in depth:
            chain.append(node)
            p = by_id[node][1]
            if p is None or p not in by_id or p in chain:
                depth[node] = 1
                chain.pop()
                break
            node = p
        for n in reversed(chain):
            depth[n] = depth[by_id[n][1]] + 1
    times = sorted(c[2] for c in comments)
    n = len(times)
    out = {"timedComments": n}
    first, last = times[0], times[-1]
    out["duration"] = last - first
    out["timeToFirstComment"] = None if post_time is None else first - post_time
    out["commentsPerHour"] = n / ((last - first) / 3600) if last > first else None
    hours = {}
    for t in times:
        hours.setdefault(math.floor(t / 3600), 0)
        hours[math.floor(t / 3600)] += 1
    peak = max(hours.values())
    out["peakHourComments"] = peak
    out["peakHourStart"] = datetime.datetime.fromtimestamp(min(h for h, c in hours.items() if c == peak) * 3600,
                                                           datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    out["timeToHalfComments"] = times[math.ceil(n / 2) - 1] - first
    lat, by_depth, negative = [], {}, 0
    for cid, parent, t, _ in comments:
        if parent is None or parent not in by_id or depth[cid] == 1:
            continue
        x = t - by_id[parent][2]
        if x < 0:
            negative += 1
            continue
        lat.append(x)
        by_depth.setdefault(depth[cid], []).append(x)
    lat = np.array(lat)
    out["negativeLatencies"] = negative
    out["replyLatencyMedian"] = float(np.quantile(lat, 0.5))
    out["replyLatencyQ1"] = float(np.quantile(lat, 0.25))
    out["replyLatencyQ3"] = float(np.quantile(lat, 0.75))
    out["replyLatencyP90"] = float(np.quantile(lat, 0.9))
    out["repliesWithinHour"] = float(np.mean(lat <= 3600))
    out["repliesWithinDay"] = float(np.mean(lat <= 86400))
    out["latencyByDepth"] = [{"depth": d, "replies": len(v), "median": float(np.median(v))} for d, v in sorted(by_depth.items())]
    gaps = np.diff(np.array(times))
    out["interArrivalMedian"] = float(np.median(gaps))
    mu, sd = float(np.mean(gaps)), float(np.std(gaps))
    out["burstiness"] = (sd - mu) / (sd + mu)
    spans = {}
    for _, _, t, author in comments:
        if author and author != "[deleted]":
            lo, hi = spans.get(author, (t, t))
            spans[author] = (min(lo, t), max(hi, t))
    out["activeSpan"] = {a: hi - lo for a, (lo, hi) in sorted(spans.items())}
    return out


WINDOWS = {
    "reddit-3hahrw-thread": [("", "2015-08-17T13:00:00Z"), ("2015-08-17T13:00:00Z", ""),
                             ("2015-08-17T10:00:00Z", "2015-08-18T00:00:00Z"), ("2015-08-18T00:00:00Z", "")],
    "mastodon-context-109294719267373593": [("2022-11-06T04:00:00Z", "2022-11-06T12:00:00Z")],
}


def windows(stem, comments):
    """--since/--until: kept when since <= time < until; counts and the kept comments' median
    reply latency (pairs whose parent is kept too)."""
    out = []
    for since, until in WINDOWS[stem]:
        lo = iso_seconds(since) if since else -math.inf
        hi = iso_seconds(until) if until else math.inf
        kept = {c[0]: c for c in comments if lo <= c[2] < hi}
        lat = [c[2] - kept[c[1]][2] for c in kept.values() if c[1] in kept and c[2] >= kept[c[1]][2]]
        out.append({"since": since, "until": until, "kept": len(kept),
                    "before": sum(1 for c in comments if c[2] < lo), "after": sum(1 for c in comments if c[2] >= hi),
                    "replyLatencyMedian": float(np.median(lat)) if lat else None})
    return out


def main():
    for stem, reader in [("reddit-3hahrw-thread", reddit), ("mastodon-context-109294719267373593", mastodon)]:
        path = os.path.join(FIXTURES, stem + ".json")
        comments, post_time = reader(path)
        result = measures(comments, post_time)
        result["windows"] = windows(stem, comments)
        with open(os.path.join(FIXTURES, stem + ".time.json"), "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1, sort_keys=True)
            f.write("\n")
        print(stem, {k: result[k] for k in ("replyLatencyMedian", "peakHourComments", "timeToFirstComment")})


if __name__ == "__main__":
    main()
