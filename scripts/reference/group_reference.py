#!/usr/bin/env python3
"""Reference computation of the group-comparison statistics (ThreadNetCore's GroupTests),
independent of the Swift code: NumPy for means, deviations and type-7 quantiles, SciPy for
the Benjamini-Hochberg q-values (scipy.stats.false_discovery_control), itertools for the exact
permutation test, every pair of values for Cliff's delta.

The bootstrap interval and the Monte Carlo permutation p-value depend on the random stream,
so this script re-implements their stated algorithm (SplitMix64, Steele, Lea & Flood 2014;
index = next() % n; a Fisher-Yates shuffle whose step i swaps with i + next() % (n - i)) and
must give the same numbers bit for bit.

Cases: small groups where the exact permutation test applies (C(n, n_a) <= resamples), larger
ones drawn from a fixed NumPy generator where it is sampled, ties, a 3-group eta squared, and a
list of p-values for Benjamini-Hochberg.

Writes Tests/ThreadNetCoreTests/Fixtures/compare/groups.expected.json.
Run: python3 scripts/reference/group_reference.py (NumPy 2, SciPy 1.11 or later).
"""
import itertools
import json
import math
import os

import numpy as np
from scipy.stats import false_discovery_control

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
OUT = os.path.join(ROOT, "Tests", "ThreadNetCoreTests", "Fixtures", "compare", "groups.expected.json")
MASK = (1 << 64) - 1
SEED = 0x67726F757073
RESAMPLES = 2000


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def mean_difference(a, b):
    return float(np.mean(b) - np.mean(a))


def bootstrap(a, b, resamples=RESAMPLES, seed=SEED, confidence=0.95):
    rng = SplitMix64(seed)
    diffs = []
    for _ in range(resamples):
        sa = 0.0
        for _ in range(len(a)):
            sa += a[rng.next() % len(a)]
        sb = 0.0
        for _ in range(len(b)):
            sb += b[rng.next() % len(b)]
        diffs.append(sb / len(b) - sa / len(a))
    tail = (1 - confidence) / 2
    return float(np.quantile(diffs, tail)), float(np.quantile(diffs, 1 - tail))


def permutation_p(a, b, resamples=RESAMPLES, seed=SEED):
    pooled = list(a) + list(b)
    n, na = len(pooled), len(a)
    total = sum(pooled)
    observed = abs(mean_difference(a, b))
    threshold = observed - 1e-12 * max(observed, 1)

    def diff(sa):
        return (total - sa) / (n - na) - sa / na

    if math.comb(n, na) <= resamples:
        hits = 0
        count = 0
        for chosen in itertools.combinations(range(n), na):
            count += 1
            sa = 0.0
            for i in chosen:
                sa += pooled[i]
            if abs(diff(sa)) >= threshold:
                hits += 1
        return hits / count, True
    rng = SplitMix64(seed)
    values = pooled[:]
    hits = 0
    for _ in range(resamples):
        for i in range(n - 1):
            j = i + rng.next() % (n - i)
            values[i], values[j] = values[j], values[i]
        sa = 0.0
        for i in range(na):
            sa += values[i]
        if abs(diff(sa)) >= threshold:
            hits += 1
    return (1 + hits) / (1 + resamples), False


def cohens_d(a, b):
    pooled = math.sqrt(((len(a) - 1) * np.var(a, ddof=1) + (len(b) - 1) * np.var(b, ddof=1)) / (len(a) + len(b) - 2))
    return mean_difference(a, b) / pooled


def cliffs_delta(a, b):
    more = sum(1 for x in a for y in b if y > x)
    less = sum(1 for x in a for y in b if y < x)
    return (more - less) / (len(a) * len(b))


def eta_squared(groups):
    values = np.concatenate(groups)
    grand = values.mean()
    total = ((values - grand) ** 2).sum()
    between = sum(len(g) * (np.mean(g) - grand) ** 2 for g in groups)
    return float(between / total)


def case(name, a, b):
    lo, hi = bootstrap(a, b)
    p, exact = permutation_p(a, b)
    return {"name": name, "a": a, "b": b, "meanDifference": mean_difference(a, b), "intervalLow": lo, "intervalHigh": hi,
            "p": p, "exact": exact, "cohensD": cohens_d(a, b), "cliffsDelta": cliffs_delta(a, b)}


def main():
    gen = np.random.default_rng(20261203)
    cases = [
        case("small, exact (C(9,4) = 126)", [1.0, 2.0, 4.0, 7.0], [3.0, 5.0, 8.0, 9.0, 12.0]),
        case("ties, exact", [1.0, 1.0, 2.0, 2.0, 3.0], [2.0, 2.0, 3.0, 3.0, 3.0, 4.0]),
        case("skewed, sampled", [float(x) for x in np.round(gen.pareto(1.5, 40) * 10, 3)],
             [float(x) for x in np.round(gen.pareto(1.5, 35) * 14, 3)]),
        case("shares, sampled", [float(x) for x in np.round(gen.beta(2, 5, 30), 6)],
             [float(x) for x in np.round(gen.beta(5, 2, 28), 6)]),
    ]
    groups = [[float(x) for x in np.round(gen.normal(mu, 1, k), 4)] for mu, k in ((0, 12), (0.5, 15), (1.5, 10))]
    ps = [0.01, 0.04, 0.03, 0.2, 0.5, 0.001, 0.04, 0.9]
    q = [float(x) for x in false_discovery_control(ps, method="bh")]
    out = {"resamples": RESAMPLES, "seed": SEED, "cases": cases,
           "etaSquared": {"groups": groups, "value": eta_squared(groups)},
           "benjaminiHochberg": {"p": ps, "q": q}}
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", os.path.relpath(OUT, ROOT))


if __name__ == "__main__":
    main()
