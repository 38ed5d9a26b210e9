#!/usr/bin/env python3
"""The picture benchmark: how long each diagram takes to lay out and render, and how large it
is, on generated threads of growing size (the issue's bound: every diagram within 3 s on this
machine, at any input size, within a screen's or a page's pixels).

For each size it generates one thread with scripts/reference/generate_thread.py (preferential
attachment, heavy-tailed authors; cached in bench/data/), runs `threadnet analyze FILE --timings`
with images (release build), and reads the per-diagram `render` lines `--timings` prints, the
drawing phase, and each PNG's pixel size. Writes bench/results/DATE-HOST-pictures.md and .json
and prints the table; exits 1 when a diagram took over the bound (--bound, default 3 s).

Usage: bench/pictures.py [--sizes 500,2000,20000,200000] [--bound 3] [--no-build]
"""
import argparse
import datetime
import json
import os
import re
import socket
import struct
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="500,2000,20000,200000")
    ap.add_argument("--bound", type=float, default=3.0, help="seconds a diagram may take (default 3)")
    ap.add_argument("--data", default=os.path.join(BENCH, "data"))
    ap.add_argument("--out", default=os.path.join(BENCH, "results"))
    ap.add_argument("--no-build", action="store_true")
    a = ap.parse_args()
    if not a.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "threadnet"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build", "release", "threadnet")
    os.makedirs(a.data, exist_ok=True)
    os.makedirs(a.out, exist_ok=True)
    rows, worst = [], 0.0
    for n in [int(x) for x in a.sizes.split(",") if x.strip()]:
        path = os.path.join(a.data, f"thread-{n}.csv")
        if not os.path.exists(path):
            subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "reference", "generate_thread.py"), path, str(n)],
                           check=True, stdout=subprocess.DEVNULL)
        out = os.path.join(a.data, f"pictures-{n}")
        start = time.monotonic()
        run = subprocess.run([binary, "analyze", path, "--out", out, "--timings", "--quiet"], capture_output=True, text=True)
        wall = time.monotonic() - start
        if run.returncode != 0:
            print(run.stderr, file=sys.stderr)
            return 1
        renders = {m.group(1): float(m.group(2)) for m in re.finditer(r"render (\S+)\.dot: ([0-9.]+) s", run.stderr)}
        drawing = re.search(r"drawing: ([0-9.]+) s", run.stderr)
        for name, seconds in sorted(renders.items()):
            size = png_size(os.path.join(out, name + ".png"))
            rows.append({"comments": n, "diagram": name, "seconds": seconds,
                         "png": f"{size[0]}×{size[1]}" if size else "-"})
            worst = max(worst, seconds)
        rows.append({"comments": n, "diagram": "(whole run, with images)", "seconds": round(wall, 3),
                     "png": f"drawing phase {drawing.group(1)} s" if drawing else "-"})
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    host = re.sub(r"[^A-Za-z0-9._-]+", "-", socket.gethostname()) or "host"
    stem = os.path.join(a.out, f"{date}-{host}-pictures")
    table = ["| comments | diagram | layout + render (s) | PNG (px) |", "|---:|---|---:|---|"]
    table += [f"| {r['comments']:,} | {r['diagram']} | {r['seconds']:.3f} | {r['png']} |" for r in rows]
    verdict = f"Slowest diagram: {worst:.3f} s (bound {a.bound:g} s): {'within' if worst <= a.bound else 'OVER'} the bound."
    with open(stem + ".md", "w") as f:
        f.write(f"# Picture benchmark, {date}, nproc {os.cpu_count()}\n\n" + "\n".join(table) + f"\n\n{verdict}\n")
    with open(stem + ".json", "w") as f:
        json.dump({"date": date, "bound_s": a.bound, "worst_s": worst, "rows": rows}, f, indent=1)
    print("\n".join(table) + "\n\n" + verdict)
    return 0 if worst <= a.bound else 1


if __name__ == "__main__":
    sys.exit(main())
