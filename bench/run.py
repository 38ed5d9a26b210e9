#!/usr/bin/env python3
"""ThreadNet's end-to-end speed benchmark: ThreadNet against the reference pipelines.

    bench/run.py                                  # 1,000,000 comments, 3 runs of every pipeline
    bench/run.py --comments 10000 --runs 1        # the CI-sized check (well under a minute)
    bench/run.py --comments 100000,1000000,5000000 --pipelines threadnet,igraph,c

Builds ThreadNet in release mode, compiles the C baseline, generates each input with the
shared generator (seed 1) when it is not cached, then for each size runs the pipelines
alternately (threadnet, igraph, networkx, c, then again ...) K times on the same file, each as
a child process whose wall time, CPU time and peak RSS come from os.wait4. Prints, per size,
the medians, the ratios to ThreadNet and the agreement of ThreadNet's corpus figures with an
independent computation (bench/agreement.py), and writes bench/results/DATE-HOST-Ncomments.json
and .md. Exits 1 when a pipeline fails or a figure differs. See bench/README.md.

Python 3 standard library only (the references and bench/agreement.py need their packages).
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
REF = os.path.join(BENCH, "reference")
PIPELINES = ("threadnet", "igraph", "networkx", "c")
SEED = 1
NEEDS = {  # Python modules each pipeline needs
    "igraph": ("orjson", "numpy", "scipy", "igraph"),
    "networkx": ("networkx", "numpy", "scipy"),
    "agreement": ("igraph",),
}
README_START = "<!-- latest-end-to-end-table:start -->"
README_END = "<!-- latest-end-to-end-table:end -->"


def show(path):
    """A path relative to the working directory when inside it, else absolute."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


# ------------------------------------------------------------------------------ machine
def machine_info():
    info = {"hostname": socket.gethostname(), "nproc": os.cpu_count(),
            "kernel": platform.release(), "arch": platform.machine()}
    try:
        info["nproc"] = int(sh(["nproc"]).stdout.strip())
    except (OSError, ValueError):
        pass
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    info["memory_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return info


def software_info():
    sw = {"python": platform.python_version()}
    try:
        sw["swift"] = sh(["swift", "--version"]).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        sw["swift"] = None
    try:
        sw["gcc"] = sh(["gcc", "--version"]).stdout.splitlines()[0]
    except (OSError, IndexError):
        sw["gcc"] = None
    probe = ("import importlib, json\nout = {}\n"
             "for m in ('igraph', 'networkx', 'numpy', 'scipy', 'orjson'):\n"
             "    try:\n        out[m] = getattr(importlib.import_module(m), '__version__', '?')\n"
             "    except Exception:\n        out[m] = None\n"
             "print(json.dumps(out))")
    try:
        sw.update(json.loads(sh([sys.executable, "-c", probe]).stdout))
    except ValueError:
        pass
    try:
        head = sh(["git", "-C", ROOT, "rev-parse", "--short=12", "HEAD"]).stdout.strip()
        dirty = sh(["git", "-C", ROOT, "status", "--porcelain", "--", "Sources", "Package.swift"]).stdout.strip()
        sw["threadnet_commit"] = head + ("+dirty" if dirty else "")
    except OSError:
        sw["threadnet_commit"] = None
    return sw


# ------------------------------------------------------------------------------ build & data
def build_threadnet(no_build):
    if not no_build:
        log("== building ThreadNet (swift build -c release --product threadnet)")
        r = subprocess.run(["swift", "build", "-c", "release", "--product", "threadnet"], cwd=ROOT,
                           stdout=sys.stderr)
        if r.returncode != 0:
            sys.exit("run.py: swift build failed")
    r = sh(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT)
    path = os.path.join(r.stdout.strip(), "threadnet") if r.returncode == 0 else ""
    if not os.path.isfile(path):
        path = os.path.join(ROOT, ".build", "release", "threadnet")
    if not os.path.isfile(path):
        sys.exit(f"run.py: no ThreadNet release binary at {path} (run without --no-build)")
    return path


def build_c(no_build):
    src = os.path.join(REF, "cbase", "pipeline.c")
    out = os.path.join(BENCH, ".build", "pipeline")
    fresh = os.path.isfile(out) and os.path.getmtime(out) >= os.path.getmtime(src)
    if fresh and no_build:
        return out
    os.makedirs(os.path.dirname(out), exist_ok=True)
    cmd = ["gcc", "-O2", "-march=native", "-o", out, src]
    log("== compiling the C baseline: " + " ".join(cmd))
    r = sh(cmd)
    if r.returncode != 0:
        sys.exit("run.py: gcc failed:\n" + r.stderr)
    return out


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while True:
            b = f.read(1 << 22)
            if not b:
                return h.hexdigest()
            h.update(b)


def ensure_data(n, data_dir):
    """The input of n comments (seed 1), generated once and cached with a sidecar of its provenance."""
    os.makedirs(data_dir, exist_ok=True)
    path = os.path.join(data_dir, f"threads-{n}-seed{SEED}.ndjson")
    side = path + ".json"
    pyminor = ".".join(platform.python_version_tuple()[:2])
    if os.path.isfile(path) and os.path.isfile(side):
        with open(side) as f:
            meta = json.load(f)
        if meta.get("bytes") == os.path.getsize(path):
            if meta.get("python") != pyminor:
                log(f"note: {path} was generated by Python {meta.get('python')}, not {pyminor}: "
                    "same seed, possibly other bytes (delete it to regenerate)")
            return path, meta
    cmd = [sys.executable, os.path.join(REF, "gen_threads.py"), "-n", str(n), "-s", str(SEED)]
    log(f"== generating {n} comments: {' '.join(cmd[1:])} -o {path}")
    tmp = path + ".part"
    t = time.perf_counter()
    r = subprocess.run(cmd + ["-o", tmp], stdout=sys.stderr)
    if r.returncode != 0:
        sys.exit("run.py: gen_threads.py failed")
    os.replace(tmp, path)
    meta = {"generator": "bench/reference/gen_threads.py", "args": ["-n", str(n), "-s", str(SEED)],
            "python": pyminor, "bytes": os.path.getsize(path), "sha256": sha256(path),
            "seconds": round(time.perf_counter() - t, 1)}
    with open(side, "w") as f:
        json.dump(meta, f, indent=1)
    return path, meta


def warm(path):
    """Reads the file once so that every pipeline, the first included, reads it from the page cache."""
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


def check_modules(pipelines, agreement):
    wanted = {m for p in pipelines for m in NEEDS.get(p, ())}
    if agreement:
        wanted |= set(NEEDS["agreement"])
    code = ("import importlib.util, sys\n"
            f"print(' '.join(m for m in {sorted(wanted)!r} if importlib.util.find_spec(m) is None))")
    missing = sh([sys.executable, "-c", code]).stdout.split()
    if missing:
        sys.exit(f"run.py: Python modules missing for {sys.executable}: {' '.join(missing)}\n"
                 f"  pip install {' '.join(missing)}   (or leave pipelines out with --pipelines)")


# ------------------------------------------------------------------------------ running
def run_child(cmd, stdout_path, stderr_path):
    """Runs cmd; wall time, CPU time and peak RSS of the child from os.wait4."""
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return {"wall_s": wall, "cpu_s": ru.ru_utime + ru.ru_stime, "user_s": ru.ru_utime,
            "sys_s": ru.ru_stime, "maxrss_mb": ru.ru_maxrss / 1024.0, "exit": p.returncode}


def command(pipeline, path, work, tag, bins, a):
    if pipeline == "threadnet":
        return [bins["threadnet"], "analyze", path, "--format", "pushshift", "--no-images", "--quiet",
                "--timings", "--out", os.path.join(work, tag)]
    if pipeline == "igraph":
        return [sys.executable, os.path.join(REF, "ref_igraph.py"), path, "--out",
                os.path.join(work, tag + ".json")]
    if pipeline == "networkx":
        extra = ["--bc-budget", "1e12"] if a.networkx_betweenness else ["--skip", "betweenness"]
        return [sys.executable, os.path.join(REF, "ref_networkx.py"), path, "--out",
                os.path.join(work, tag + ".json")] + extra
    if pipeline == "c":
        return [bins["c"], path, "all"]
    raise ValueError(pipeline)


TIMING_RE = re.compile(r"^threadnet: (\s*)(.+): ([0-9.]+) s(?:, peak ([0-9.]+) MB)?\s*$")


def threadnet_timings(stderr_text, out_dir=""):
    """`--timings` lines: phases `threadnet: reading: 2.1 s[, peak 41 MB]`, and the files taking
    over 0.05 s to write, indented (`threadnet:   DIR/metrics.json: 0.3 s`)."""
    phases, files = [], []
    for line in stderr_text.splitlines():
        m = TIMING_RE.match(line)
        if not m:
            continue
        name = m.group(2)
        if m.group(1):
            if out_dir and name.startswith(out_dir.rstrip("/") + "/"):
                name = name[len(out_dir.rstrip("/")) + 1:]
            files.append([name, float(m.group(3))])
        else:
            phases.append([name, float(m.group(3))] + ([float(m.group(4))] if m.group(4) else []))
    return {"phases": phases, "files": files}


def c_figures(stdout_text):
    """The C baseline's printed figures (key=value tokens)."""
    fig = {}
    for line in stdout_text.splitlines():
        for k, v in re.findall(r"(\w+)=([0-9.]+)", line):
            fig.setdefault(k, float(v) if "." in v else int(v))
    out = {}
    for ours, theirs in (("comments", "comments"), ("authors", "authors"), ("threads", "threads"),
                         ("edges", "edges"), ("self_replies", "self"), ("wcc", "wcc"),
                         ("largest_wcc", "largest"), ("reciprocity", "recip"), ("max_depth", "max")):
        if theirs in fig:
            out[ours] = fig[theirs]
    return out


def bench_size(n, a, bins, machine, sw):
    path, meta = ensure_data(n, a.data)
    warm(path)
    work = tempfile.mkdtemp(prefix=f"work-{n}-", dir=a.data)
    try:
        return _bench_size(n, a, bins, machine, sw, path, meta, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _bench_size(n, a, bins, machine, sw, path, meta, work):
    runs = {p: [] for p in a.pipelines}
    extra = {p: [] for p in a.pipelines}   # per run: timings / reference summary
    kept_metrics = os.path.join(work, "threadnet-metrics.json")
    log(f"== {n} comments: {show(path)} ({meta['bytes'] / 1e6:.1f} MB); "
        f"{a.runs} run(s) of {', '.join(a.pipelines)}, alternately")
    for r in range(1, a.runs + 1):
        for p in a.pipelines:
            tag = f"{p}-r{r}"
            cmd = command(p, path, work, tag, bins, a)
            m = run_child(cmd, os.path.join(work, tag + ".out"), os.path.join(work, tag + ".err"))
            m["run"] = r
            runs[p].append(m)
            with open(os.path.join(work, tag + ".err"), errors="replace") as f:
                err = f.read()
            with open(os.path.join(work, tag + ".out"), errors="replace") as f:
                out = f.read()
            if m["exit"] != 0:
                log(f"   run {r}/{a.runs}  {p:<9} FAILED (exit {m['exit']}): {shlex.join(cmd)}\n"
                    + "\n".join("     " + x for x in (err or out).strip().splitlines()[-15:]))
                extra[p].append(None)
                continue
            if p == "threadnet":
                extra[p].append(threadnet_timings(err, os.path.join(work, tag)))
                d = os.path.join(work, tag)
                mj = os.path.join(d, "metrics.json")
                if not os.path.isfile(mj):
                    log(f"   run {r}/{a.runs}  threadnet wrote no {mj}")
                    m["exit"] = m["exit"] or -1
                elif not os.path.isfile(kept_metrics):
                    shutil.copyfile(mj, kept_metrics)
                else:
                    m["same_metrics_as_run1"] = _same_corpus(kept_metrics, mj)
                shutil.rmtree(d, ignore_errors=True)   # reports, CSV, GEXF ...: not kept
            elif p in ("igraph", "networkx"):
                try:
                    with open(os.path.join(work, tag + ".json")) as f:
                        extra[p].append(json.load(f))
                except (OSError, ValueError):
                    extra[p].append(None)
            else:
                extra[p].append({"summary": c_figures(out), "stdout": out})
            log(f"   run {r}/{a.runs}  {p:<9} {m['wall_s']:8.2f} s wall  {m['cpu_s']:8.2f} s CPU  "
                f"{m['maxrss_mb']:7.0f} MB peak RSS")

    summary = {}
    for p, ms in runs.items():
        ok = [m for m in ms if m["exit"] == 0]
        if not ok:
            summary[p] = {"failed": True}
            continue
        walls = sorted(m["wall_s"] for m in ok)
        med_run = sorted(ok, key=lambda m: m["wall_s"])[(len(ok) - 1) // 2]
        summary[p] = {"median_s": statistics.median(walls), "min_s": walls[0], "max_s": walls[-1],
                      "cpu_median_s": statistics.median(m["cpu_s"] for m in ok),
                      "peak_rss_mb": max(m["maxrss_mb"] for m in ok), "runs_ok": len(ok),
                      "runs_failed": len(ms) - len(ok), "median_run": med_run["run"],
                      "us_per_comment": statistics.median(walls) / n * 1e6}
    timings = None
    if "threadnet" in summary and not summary["threadnet"].get("failed"):
        timings = extra["threadnet"][summary["threadnet"]["median_run"] - 1]
        med = runs["threadnet"][summary["threadnet"]["median_run"] - 1]
        timings = dict(timings, run=med["run"], wall_s=med["wall_s"])
    refs = {}
    for p in ("igraph", "networkx", "c"):
        got = [x for x in extra.get(p, []) if x]
        if got:
            refs[p] = got[0]["summary"]
            if p in summary and not summary[p].get("failed") and p != "c":
                med = extra[p][summary[p]["median_run"] - 1]
                if med:
                    summary[p]["phases_s"] = med.get("phases_s")
                    summary[p]["notes"] = med.get("notes")

    agreement = None
    if os.path.isfile(kept_metrics):
        log("== agreement: bench/agreement.py (python-igraph, ThreadNet's rule) on the same file")
        aj = os.path.join(work, "agreement.json")
        r = sh([sys.executable, os.path.join(BENCH, "agreement.py"), path, "--metrics", kept_metrics,
                "--json", aj])
        if os.path.isfile(aj):
            with open(aj) as f:
                agreement = json.load(f)
        else:
            agreement = {"error": (r.stderr or r.stdout).strip()[-2000:], "agree": False, "rows": []}
        runs_same = [m.get("same_metrics_as_run1") for m in runs["threadnet"] if "same_metrics_as_run1" in m]
        agreement["threadnet_runs_identical"] = all(runs_same) if runs_same else None

    res = {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
           "command": shlex.join([show(os.path.abspath(sys.argv[0]))] + sys.argv[1:]),
           "comments": n, "file": {"path": path if os.path.relpath(path, ROOT).startswith("..")
                                      else os.path.relpath(path, ROOT), **meta},
           "runs": a.runs, "pipelines": a.pipelines, "machine": machine, "software": sw,
           "networkx_mode": "with betweenness" if a.networkx_betweenness else "--skip betweenness",
           "measurements": runs, "summary": summary, "threadnet_timings": timings,
           "references": refs, "agreement": agreement}
    return res


def _same_corpus(a, b):
    with open(a, "rb") as f:
        x = json.load(f)["corpus"]
    with open(b, "rb") as f:
        y = json.load(f)["corpus"]
    return x == y


# ------------------------------------------------------------------------------ tables
def fmt_s(x):
    return f"{x:.3f}" if x < 1 else f"{x:.2f}" if x < 100 else f"{x:.1f}"


def fmt_ratio(x):
    return f"{x:.3f}×" if x < 0.1 else f"{x:.2f}×" if x < 10 else f"{x:.1f}×"


def label(p, res):
    return "networkx*" if p == "networkx" and res["networkx_mode"] != "with betweenness" else p


def speed_rows(res):
    s = res["summary"]
    tn = s.get("threadnet", {})
    head = ["pipeline", "median s", "min–max s", "CPU s", "peak RSS MB", "µs/comment",
            "ThreadNet time ÷ this", "this ÷ ThreadNet time"]
    rows = []
    for p in res["pipelines"]:
        x = s[p]
        if x.get("failed"):
            rows.append([label(p, res), "FAILED", "", "", "", "", "", ""])
            continue
        have = "median_s" in tn and p != "threadnet"
        rows.append([label(p, res), fmt_s(x["median_s"]), f"{fmt_s(x['min_s'])}–{fmt_s(x['max_s'])}",
                     fmt_s(x["cpu_median_s"]), f"{x['peak_rss_mb']:.0f}", f"{x['us_per_comment']:.2f}",
                     fmt_ratio(tn["median_s"] / x["median_s"]) if have else "—",
                     fmt_ratio(x["median_s"] / tn["median_s"]) if have else "—"])
    return head, rows


def ratio_sentences(res):
    s = res["summary"]
    tn = s.get("threadnet", {})
    out = []
    if "median_s" not in tn:
        return out
    for p in res["pipelines"]:
        x = s[p]
        if p == "threadnet" or "median_s" not in x:
            continue
        r = tn["median_s"] / x["median_s"]
        inv = 1 / r
        how = f"ThreadNet is {fmt_ratio(inv)} faster" if r < 1 else f"ThreadNet is {fmt_ratio(r)} slower"
        mem = tn["peak_rss_mb"] / x["peak_rss_mb"]
        out.append(f"ThreadNet takes {fmt_ratio(r)} {p}'s time: {p} / ThreadNet = {fmt_ratio(inv)} ({how}); "
                   f"ThreadNet's peak memory is {fmt_ratio(mem)} {p}'s.")
    return out


def footnotes(res):
    notes = []
    if "networkx" in res["pipelines"] and res["networkx_mode"] != "with betweenness":
        notes.append("networkx* = networkx run with --skip betweenness (every other phase as the reference "
                     "does it); ThreadNet and igraph compute betweenness, so the networkx row is a lower "
                     "bound for the same work.")
    bt = ((res.get("agreement") or {}).get("threadnet") or {})
    if bt.get("betweennessSampled") is not None:
        notes.append("ThreadNet's betweenness: " + (f"sampled from {bt['betweennessSources']} sources (above 10,000 "
                     "authors)" if bt["betweennessSampled"] else "exact (up to 10,000 authors)") + ".")
    for p in ("igraph", "networkx"):
        x = res["summary"].get(p) or {}
        secs = (x.get("phases_s") or {}).get("betweenness")
        if secs is not None:
            mode = ("exact, as the references compute it up to 100,000 comments" if res["comments"] <= 100_000
                    else "from 256 sampled sources, as the references compute it above 100,000 comments")
            extra = " (extrapolated by the reference)" if "betweenness" in (x.get("notes") or {}) else ""
            rest = x["median_s"] - secs
            tn = res["summary"].get("threadnet") or {}
            vs = (f"; ThreadNet takes {fmt_ratio(tn['median_s'] / rest)} {p}'s time without betweenness" if "median_s" in tn and rest > 0
                  else "")
            notes.append(f"{p}'s betweenness ({mode}) took {fmt_s(secs)} s of its median run by its own "
                         f"timer{extra}: {fmt_s(rest)} s without it{vs}.")
    if "c" in res["pipelines"]:
        notes.append("c computes no PageRank and no betweenness and writes no report: the practical floor "
                     "for parsing, tree, author network and co-occurrence.")
    return notes


def ref_value(res, key):
    """The references' own value of a figure ([deleted] an author), one string."""
    refs = res["references"]
    vals = {}
    for p, sm in refs.items():
        if not sm:
            continue
        if key == "largestWeakComponentShare":
            if "largest_wcc" in sm and sm.get("authors"):
                vals[p] = sm["largest_wcc"] / sm["authors"]
            continue
        k = {"comments": "comments", "threads": "threads", "maxDepth": "max_depth", "authors": "authors",
             "nodes": "authors", "edges": "edges", "selfReplies": "self_replies",
             "edgeReciprocity": "reciprocity", "weakComponents": "wcc"}.get(key)
        if k and k in sm:
            v = sm[k]
            vals[p] = v + 1 if key == "maxDepth" else v   # references: top level = depth 0
    if not vals:
        return "—"
    shown = {p: (f"{v:.6f}" if isinstance(v, float) else str(v)) for p, v in vals.items()}
    if len(set(shown.values())) == 1:
        return next(iter(shown.values()))
    return ", ".join(f"{p} {v}" for p, v in shown.items())


FIG_KEYS = {"comments": "comments", "threads": "threads", "max depth (top level = 1)": "maxDepth",
            "authors (network nodes)": "authors", "network nodes": "nodes", "edges": "edges",
            "self-replies (dropped)": "selfReplies", "edge reciprocity": "edgeReciprocity",
            "weak components": "weakComponents", "largest weak component share": "largestWeakComponentShare"}


def agreement_rows(res):
    ag = res["agreement"]
    head = ["figure", "ThreadNet", "harness (igraph)", "verdict", "references ([deleted] an author)"]
    rows = []
    for r in ag.get("rows", []):
        fig = r["figure"]
        if isinstance(r["threadnet"], list):
            rows.append([fig, "top 10 below", "top 10 below", r["verdict"],
                         "see below" if fig.startswith("PageRank") and _ref_pr(res) else "—"])
            continue
        v = lambda x: f"{x:.9f}" if isinstance(x, float) else str(x)
        rows.append([fig, v(r["threadnet"]), v(r["harness"]), r["verdict"], ref_value(res, FIG_KEYS.get(fig, ""))])
    return head, rows


def _ref_pr(res):
    for p in ("igraph", "networkx"):
        sm = res["references"].get(p)
        if sm and sm.get("pagerank_top10"):
            return p, sm["pagerank_top10"]
    return None


def ranked_rows(res, figure):
    ag = res["agreement"]
    row = next((r for r in ag.get("rows", []) if r["figure"].startswith(figure)), None)
    if not row:
        return None
    ref = _ref_pr(res) if figure == "PageRank" else None
    head = ["#", "ThreadNet", "harness (igraph)"] + ([f"{ref[0]} reference"] if ref else [])
    rows = []
    fmt = (lambda v: f"{v:.9f}") if figure == "PageRank" else (lambda v: f"{v:.6e}")
    for i in range(max(len(row["threadnet"]), len(row["harness"]))):
        cell = lambda lst: f"{lst[i][0]} {fmt(lst[i][1])}" if i < len(lst) else ""
        rows.append([str(i + 1), cell(row["threadnet"]), cell(row["harness"])]
                    + ([f"{ref[1][i][0]} {ref[1][i][1]:.6f}" if i < len(ref[1]) else ""] if ref else []))
    return head, rows


NUM_RE = re.compile(r"[0-9.,×–—e+-]*")


def text_table(head, rows):
    w = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    num = [all(NUM_RE.fullmatch(str(r[i])) for r in rows) for i in range(len(head))]
    cell = lambda i, x, right: str(x).rjust(w[i]) if right else str(x).ljust(w[i])
    line = lambda r, h=False: "  ".join(cell(i, x, num[i] or (not h and NUM_RE.fullmatch(str(x))))
                                        for i, x in enumerate(r)).rstrip()
    return "\n".join([line(head, True), "  ".join("-" * x for x in w)] + [line(r) for r in rows])


def md_table(head, rows):
    num = [all(NUM_RE.fullmatch(str(r[i])) for r in rows) for i in range(len(head))]
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---:" if n else "---" for n in num) + "|"]
    out += ["| " + " | ".join(str(x).replace("|", "\\|") for x in r) + " |" for r in rows]
    return "\n".join(out)


def title(res):
    f = res["file"]
    return (f"ThreadNet end to end, {res['comments']:,} comments ({os.path.basename(f['path'])}, "
            f"{f['bytes'] / 1e6:.1f} MB), {res['runs']} run(s) of each pipeline, alternately")


WHY = ("Why the references' figures differ: they count [deleted] as an ordinary author (a node with its "
       "replies as edges) and put top-level comments at depth 0; ThreadNet and the harness leave "
       "[deleted] and empty authors out of the network (their comments stay in the reply tree) and put "
       "top-level comments at depth 1 (shown above as reference + 1).")


def render_text(res):
    out = [title(res), ""]
    head, rows = speed_rows(res)
    out += [text_table(head, rows), ""] + ratio_sentences(res) + footnotes(res)
    t = res.get("threadnet_timings")
    if t:
        out += ["", f"ThreadNet phases (--timings, median run {t['run']}): "
                + ", ".join(f"{x[0]} {x[1]:.2f} s" for x in t["phases"])
                + f" (sum {sum(x[1] for x in t['phases']):.2f} s of the run's {t['wall_s']:.2f} s wall)"]
    ag = res.get("agreement")
    if ag:
        out += ["", "Agreement of the corpus figures: ThreadNet's metrics.json vs bench/agreement.py "
                    "(python-igraph on the same file, ThreadNet's rule)"]
        if ag.get("error"):
            out += ["agreement.py failed: " + ag["error"]]
        else:
            head, rows = agreement_rows(res)
            out += [text_table(head, rows)]
            for fig in ("PageRank", "betweenness"):
                rr = ranked_rows(res, fig)
                if rr:
                    out += ["", f"{fig} top 10:", text_table(*rr)]
            if ag["threadnet"].get("betweennessSampled"):
                out += [f"(betweenness not compared: ThreadNet samples {ag['threadnet']['betweennessSources']} "
                        "sources above 10,000 authors)"]
            if ag.get("threadnet_runs_identical") is False:
                out += ["ThreadNet's corpus figures were NOT identical across runs"]
            out += [WHY, "ALL FIGURES AGREE" if ag.get("agree") else "SOME FIGURES DIFFER"]
    return "\n".join(out)


def render_md(res):
    m, sw, f = res["machine"], res["software"], res["file"]
    out = [f"# {title(res)}", "",
           f"- date: {res['date']}",
           f"- machine: {m.get('hostname')}, nproc {m.get('nproc')}, {m.get('cpu', '?')}, "
           f"{m.get('memory_gb', '?')} GB memory, Linux {m.get('kernel')} ({m.get('arch')})",
           f"- software: {sw.get('swift')}; Python {sw.get('python')}, igraph {sw.get('igraph')}, "
           f"networkx {sw.get('networkx')}, numpy {sw.get('numpy')}, scipy {sw.get('scipy')}, "
           f"orjson {sw.get('orjson')}; {sw.get('gcc')}",
           f"- ThreadNet commit: {sw.get('threadnet_commit')}",
           f"- input: `{f['path']}`, {f['bytes']:,} bytes, sha256 `{f.get('sha256')}`, made by "
           f"`{f.get('generator')} {' '.join(f.get('args', []))}` (Python {f.get('python')})",
           f"- command: `{res['command']}`", "",
           "## Speed", ""]
    head, rows = speed_rows(res)
    out += [md_table(head, rows), ""] + [f"- {x}" for x in ratio_sentences(res) + footnotes(res)]
    t = res.get("threadnet_timings")
    if t:
        out += ["", f"## ThreadNet phases (`--timings`, median run {t['run']})", "",
                md_table(["phase", "s"] + (["peak MB so far"] if any(len(x) > 2 for x in t["phases"]) else []),
                         [[x[0], f"{x[1]:.3f}"] + [f"{v:.0f}" for v in x[2:]] for x in t["phases"]])]
        out += ["", f"The phases sum to {sum(x[1] for x in t['phases']):.2f} s of the run's {t['wall_s']:.2f} s "
                "wall time (the rest: process start-up and exit)."]
        if t["files"]:
            out += ["", "Files taking over 0.05 s to write (in parallel, inside the writing phase): "
                    + ", ".join(f"`{k}` {v:.2f} s" for k, v in t["files"])]
    ph = [(p, res["summary"][p].get("phases_s")) for p in ("igraph", "networkx") if p in res["summary"]]
    ph = [(p, x) for p, x in ph if x]
    if ph:
        out += ["", "Reference phases (their own timers, median run):"]
        out += [f"- {p}: " + ", ".join(f"{k} {v:.2f} s" for k, v in x.items()) for p, x in ph]
    ag = res.get("agreement")
    if ag:
        out += ["", "## Agreement of the corpus figures", "",
                "ThreadNet's `metrics.json` against `bench/agreement.py`, an independent computation with "
                "python-igraph on the same file under ThreadNet's rule (`[deleted]`, `[removed]` and empty "
                "authors out of the network, self-replies dropped, edges weighted by reply counts).", ""]
        if ag.get("error"):
            out += ["agreement.py failed: `" + ag["error"] + "`"]
        else:
            out += [md_table(*agreement_rows(res))]
            for fig in ("PageRank", "betweenness"):
                rr = ranked_rows(res, fig)
                if rr:
                    out += ["", f"{fig} top 10:", "", md_table(*rr)]
            if ag["threadnet"].get("betweennessSampled"):
                out += ["", f"Betweenness not compared: ThreadNet samples {ag['threadnet']['betweennessSources']} "
                        "sources above 10,000 authors."]
            out += ["", WHY, "", "**All figures agree.**" if ag.get("agree") else "**Some figures differ.**"]
    out += ["", "## Every run, in the order run", "",
            md_table(["round", "pipeline", "wall s", "CPU s", "peak RSS MB", "exit"],
                     [[str(m["run"]), label(p, res), fmt_s(m["wall_s"]), fmt_s(m["cpu_s"]),
                       f"{m['maxrss_mb']:.0f}", str(m["exit"])]
                      for r in range(1, res["runs"] + 1) for p in res["pipelines"]
                      for m in res["measurements"][p] if m["run"] == r])]
    return "\n".join(out) + "\n"


def scaling(results):
    """ThreadNet across sizes: µs/comment, and its time as a fraction of each reference's."""
    pl = [p for p in results[0]["pipelines"] if p != "threadnet"]
    head = ["comments", "ThreadNet median s", "µs/comment", "peak RSS MB"] + [f"÷ {p}" for p in pl]
    rows = []
    for res in results:
        s = res["summary"]
        tn = s.get("threadnet", {})
        if "median_s" not in tn:
            continue
        rows.append([f"{res['comments']:,}", fmt_s(tn["median_s"]), f"{tn['us_per_comment']:.2f}",
                     f"{tn['peak_rss_mb']:.0f}"]
                    + [fmt_ratio(tn["median_s"] / s[p]["median_s"]) if "median_s" in s.get(p, {}) else "—"
                       for p in pl])
    return head, rows


def update_readme(res):
    path = os.path.join(BENCH, "README.md")
    with open(path) as f:
        text = f.read()
    if README_START not in text or README_END not in text:
        log(f"note: {path} has no {README_START} … {README_END} block; not updated")
        return
    head, rows = speed_rows(res)
    block = "\n".join([README_START, "", title(res) + f", {res['date'][:10]}, {res['machine'].get('cpu', '?')}, "
                       f"nproc {res['machine'].get('nproc')}:", "", md_table(head, rows), ""]
                      + [f"- {x}" for x in ratio_sentences(res) + footnotes(res)]
                      + ([f"- ThreadNet's phases (`--timings`, median run): " + ", ".join(
                          f"{x[0]} {x[1]:.2f} s" for x in res["threadnet_timings"]["phases"])]
                         if res.get("threadnet_timings") else [])
                      + ["", "Agreement: " + ("all figures agree" if (res.get("agreement") or {}).get("agree")
                                              else "see the results file"),
                         f"(full results: `bench/results/{res['_stem']}.md`).", "", README_END])
    pre, rest = text.split(README_START, 1)
    post = rest.split(README_END, 1)[1]
    with open(path, "w") as f:
        f.write(pre + block + post)
    log(f"updated {show(path)}")


# ------------------------------------------------------------------------------ main
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--comments", default="1000000",
                    help="size(s) of the input, comma-separated, run one after the other (default 1000000)")
    ap.add_argument("--runs", type=int, default=3, help="runs of every pipeline per size (default 3)")
    ap.add_argument("--pipelines", default=",".join(PIPELINES),
                    help="comma list, run in this order each round (default threadnet,igraph,networkx,c)")
    ap.add_argument("--data", default=os.path.join(BENCH, "data"),
                    help="where generated inputs are cached (default bench/data)")
    ap.add_argument("--out", default=os.path.join(BENCH, "results"), help="results folder (default bench/results)")
    ap.add_argument("--no-build", action="store_true",
                    help="use the existing release binary and C baseline, build nothing")
    ap.add_argument("--networkx-betweenness", action="store_true",
                    help="let networkx compute betweenness too (exact up to 100k comments: minutes to hours)")
    ap.add_argument("--update-readme", action="store_true",
                    help="put the (last size's) table into bench/README.md's latest-table block")
    a = ap.parse_args()
    try:
        sizes = [int(x.replace("_", "")) for x in a.comments.split(",") if x.strip()]
    except ValueError:
        ap.error("--comments takes integers, e.g. 100000,1000000")
    a.pipelines = [p.strip() for p in a.pipelines.split(",") if p.strip()]
    bad = [p for p in a.pipelines if p not in PIPELINES]
    if bad or not a.pipelines or not sizes or a.runs < 1 or min(sizes) < 1:
        ap.error(f"unknown pipeline(s) {bad}; choose from {','.join(PIPELINES)}" if bad
                 else "need at least one size, one pipeline and one run")
    a.data = os.path.abspath(a.data)
    check_modules(a.pipelines, "threadnet" in a.pipelines)

    bins = {}
    if "threadnet" in a.pipelines:
        bins["threadnet"] = build_threadnet(a.no_build)
    if "c" in a.pipelines:
        bins["c"] = build_c(a.no_build)
    machine, sw = machine_info(), software_info()
    os.makedirs(a.out, exist_ok=True)
    host = re.sub(r"[^A-Za-z0-9._-]+", "-", machine["hostname"]) or "host"
    failed = False
    results = []
    for n in sizes:
        res = bench_size(n, a, bins, machine, sw)
        stem = f"{res['date'][:10]}-{host}-{n}comments"
        res["_stem"] = stem
        text = render_text(res)
        md = render_md(res)
        print("\n" + text + "\n", flush=True)
        with open(os.path.join(a.out, stem + ".json"), "w") as f:
            json.dump({k: v for k, v in res.items() if k != "_stem"}, f, indent=1)
        with open(os.path.join(a.out, stem + ".md"), "w") as f:
            f.write(md)
        log(f"wrote {show(os.path.join(a.out, stem))}.json and .md")
        if any(x.get("failed") or x.get("runs_failed") for x in res["summary"].values()):
            failed = True
        ag = res["agreement"]
        if ag is not None and (not ag.get("agree") or ag.get("threadnet_runs_identical") is False):
            failed = True
        results.append(res)
    if len(results) > 1:
        head, rows = scaling(results)
        print("ThreadNet across sizes (÷ p = ThreadNet's median time divided by p's; flat µs/comment = linear):")
        print(text_table(head, rows) + "\n")
        stem = f"{results[-1]['date'][:10]}-{host}-scaling"
        with open(os.path.join(a.out, stem + ".md"), "w") as f:
            f.write(f"# ThreadNet across sizes, {results[-1]['date']}, {machine.get('cpu')}, nproc "
                    f"{machine.get('nproc')}\n\n{md_table(head, rows)}\n\nPer size: "
                    + ", ".join(f"`{r['_stem']}.md`" for r in results) + "\n")
    if a.update_readme:
        update_readme(results[-1])
    if failed:
        print("run.py: FAILED: a pipeline failed or a figure differs (see above)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
