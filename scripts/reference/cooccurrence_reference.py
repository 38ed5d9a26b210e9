#!/usr/bin/env python3
"""Reference values for ThreadNet's topic co-occurrence measures, in plain Python.

Reads every Tests/ThreadNetCoreTests/Fixtures/topics/*.incidence.json (a unit x topic
incidence exported by the Swift test TopicReferenceTests) and writes *.measures.json next to
it: N, n_i for every topic and, for every pair of topics sharing at least one unit, every
measure. ThreadNet's test TopicReferenceTests compares its own values with these to 1e-12.

Regenerate (from the repository root):

    THREADNET_REGENERATE=1 swift test --filter TopicReferenceTests   # rewrites *.incidence.json
    python3 scripts/reference/cooccurrence_reference.py             # rewrites *.measures.json

Definitions (standard library only; nothing shared with the Swift code):
- units with unitComment == -1 (the article's own text) are not counted;
- N = counted units; n_i = counted units whose topic list holds i; a = units holding i and j;
- jaccard a/(n_i+n_j-a); cosine a/sqrt(n_i n_j); inclusion a/min(n_i, n_j);
  associationStrength a N/(n_i n_j); pmi log2(a N/(n_i n_j));
  npmi pmi / -log2(a/N), 1 when a == N;
- logLikelihood G2 = 2 sum O ln(O/E) over (a, n_i-a, n_j-a, N-n_i-n_j+a), E from the margins,
  0 ln 0 = 0, clamped at 0; pValue = erfc(sqrt(G2/2)) (chi-square, 1 degree of freedom).
"""
import glob
import itertools
import json
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "topics")


def measures(a, ni, nj, n):
    observed = [a, ni - a, nj - a, n - ni - nj + a]
    expected = [ni * nj / n, ni * (n - nj) / n, (n - ni) * nj / n, (n - ni) * (n - nj) / n]
    g2 = 2 * sum(o * math.log(o / e) for o, e in zip(observed, expected) if o > 0)
    g2 = max(0.0, g2)
    pmi = math.log2(a * n / (ni * nj))
    return {
        "count": a,
        "jaccard": a / (ni + nj - a),
        "cosine": a / math.sqrt(ni * nj),
        "inclusion": a / min(ni, nj),
        "associationStrength": a * n / (ni * nj),
        "pmi": pmi,
        "npmi": 1.0 if a == n else pmi / -math.log2(a / n),
        "logLikelihood": g2,
        "pValue": math.erfc(math.sqrt(g2 / 2)),
    }


def reference(incidence):
    topics = incidence["topics"]
    start, ids = incidence["unitStart"], incidence["unitTopics"]
    units = [set(ids[start[u]:start[u + 1]]) for u, c in enumerate(incidence["unitComment"]) if c >= 0]
    n = len(units)
    frequency = [sum(1 for s in units if t in s) for t in range(len(topics))]
    pairs = []
    for i, j in itertools.combinations(range(len(topics)), 2):
        a = sum(1 for s in units if i in s and j in s)
        if a >= 1:
            pairs.append({"first": i, "second": j, **measures(a, frequency[i], frequency[j], n)})
    return {"units": n, "documentFrequency": frequency, "pairs": pairs}


def main():
    paths = sorted(glob.glob(os.path.join(FIXTURES, "*.incidence.json")))
    for path in paths:
        with open(path, encoding="utf-8") as f:
            result = reference(json.load(f))
        out = path.replace(".incidence.json", ".measures.json")
        with open(out, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1, sort_keys=True)
            f.write("\n")
        print(f"{os.path.basename(out)}: {len(result['pairs'])} pairs")


if __name__ == "__main__":
    main()
