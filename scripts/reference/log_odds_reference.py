#!/usr/bin/env python3
"""Reference computation of weighted log-odds ratios with an informative Dirichlet prior
(Monroe, Colaresi & Quinn 2008, "Fightin' words", eq. 22), in plain Python, independent of
ThreadNet's Swift code.

Texts: the comment texts of two small fixtures (YouTube commentThreads, Hacker News Firebase
items), HTML tags removed, lower-cased runs of letters/digits of 2+ characters without a few
stopwords. The Swift test reads the counts written here, so tokenization differences do not
matter; only the statistics are compared.

Two cases: the default prior (background = pooled counts of a and b, alpha_0 = 0.1 * their
total) and an explicit background (a + b + the Discourse fixture's posts, alpha_0 = 50).

Writes Tests/ThreadNetCoreTests/Fixtures/compare/log-odds.expected.json.
"""
import html
import json
import math
import os
import re

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
FIX = os.path.join(ROOT, "Tests", "ThreadNetCoreTests", "Fixtures")
STOP = {"the", "and", "to", "of", "is", "it", "that", "in", "you", "for", "this", "on", "be", "are", "with", "as", "was", "have", "but", "not"}


def tokens(text):
    text = html.unescape(re.sub(r"<[^>]+>", " ", text)).lower()
    return [w for w in re.findall(r"[^\W_]+", text) if len(w) >= 2 and w not in STOP]


def count(texts):
    c = {}
    for t in texts:
        for w in tokens(t):
            c[w] = c.get(w, 0) + 1
    return c


def youtube():
    d = json.load(open(os.path.join(FIX, "json", "youtube-commentthreads.json")))
    out = []
    for item in d["items"]:
        out.append(item["snippet"]["topLevelComment"]["snippet"].get("textOriginal", ""))
        for r in item.get("replies", {}).get("comments", []):
            out.append(r["snippet"].get("textOriginal", ""))
    return out


def hn():
    return [i.get("text", "") for i in json.load(open(os.path.join(FIX, "json", "hn-firebase-items.json"))) if i.get("type") == "comment"]


def discourse():
    d = json.load(open(os.path.join(FIX, "json", "discourse-topic57-discourse_api.json")))
    return [p.get("cooked", "") for p in d["post_stream"]["posts"]]


def log_odds(a, b, background, alpha0):
    na, nb = sum(a.values()), sum(b.values())
    bg_total = sum(background.values())
    out = {}
    for w in sorted(set(a) | set(b)):
        ya, yb = a.get(w, 0), b.get(w, 0)
        aw = alpha0 * background[w] / bg_total
        delta = math.log((ya + aw) / (na + alpha0 - ya - aw)) - math.log((yb + aw) / (nb + alpha0 - yb - aw))
        var = 1 / (ya + aw) + 1 / (yb + aw)
        out[w] = {"delta": delta, "variance": var, "z": delta / math.sqrt(var)}
    return out


def main():
    a, b, c = count(youtube()), count(hn()), count(discourse())
    pooled = dict(a)
    for w, n in b.items():
        pooled[w] = pooled.get(w, 0) + n
    everything = dict(pooled)
    for w, n in c.items():
        everything[w] = everything.get(w, 0) + n
    result = {
        "a": a, "b": b, "background": everything,
        "defaultPrior": {"alpha0": 0.1 * sum(pooled.values()), "terms": log_odds(a, b, pooled, 0.1 * sum(pooled.values()))},
        "explicitBackground": {"alpha0": 50.0, "terms": log_odds(a, b, everything, 50.0)},
    }
    path = os.path.join(FIX, "compare", "log-odds.expected.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
