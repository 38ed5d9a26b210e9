#!/usr/bin/env python3
"""Writes a synthetic Pushshift-style NDJSON dump for corpus-mode runs (nothing is committed).

usage: scripts/generate-corpus.py COMMENTS THREADS OUT.ndjson [SEED]

Thread sizes are heavy-tailed (Pareto), each comment replies to the submission or to a
random earlier comment of its thread (more often a recent one, so some threads get deep),
and authors are drawn from a Zipf-like pool so that some write in many threads.
"""
import json
import random
import sys

def main():
    comments, threads, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    weights = [rng.paretovariate(1.2) for _ in range(threads)]
    total = sum(weights)
    sizes = [max(1, int(w / total * comments)) for w in weights]
    sizes[0] += comments - sum(sizes)
    if sizes[0] < 1:
        sizes[0] = 1
    authors = max(10, comments // 8)
    words = "the vote city council budget police school tax road park housing rent water bike bus climate jobs wage".split()
    n = 0
    with open(out, "w") as f:
        for t, size in enumerate(sizes):
            link = "t3_%x" % (t + 1000)
            ids = []
            for k in range(size):
                n += 1
                cid = "c%x" % n
                if ids and rng.random() < 0.7:
                    back = min(len(ids), int(rng.expovariate(0.5)) + 1)
                    parent = "t1_" + ids[-back]
                else:
                    parent = link
                author = "user%d" % min(authors - 1, int(rng.paretovariate(1.0)) - 1) if rng.random() < 0.6 else "user%d" % rng.randrange(authors)
                body = " ".join(rng.choice(words) for _ in range(rng.randint(3, 12)))
                f.write(json.dumps({"id": cid, "link_id": link, "parent_id": parent, "author": author,
                                    "created_utc": 1600000000 + n, "body": body}) + "\n")
                ids.append(cid)

if __name__ == "__main__":
    main()
