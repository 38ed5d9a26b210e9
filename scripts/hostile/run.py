#!/usr/bin/env python3
"""Runs ThreadNet on a corpus of hostile inputs and options, and checks that it holds.

    scripts/hostile/run.py [--threadnet .build/release/threadnet] [--timeout 60]

Each case runs in its own empty folder (as the working directory) with a time bound. A case
passes when ThreadNet exits by itself (no signal, no crash), within the bound, with a status
0 or 1 as the case expects, leaving no temporary file (`.NAME.tmp-PID`, `.NAME.bak-PID`) and
writing nothing outside its `--out` folder. The families follow the 428-case probe of issue
15: deep and wide trees, cycles, odd ids, encodings, XML attacks, injection, decompression
bombs, nonsense options, hostile DOT, interrupted and concurrent runs.

Python 3 standard library only; `zstd` and `gzip` from the system make the bombs.
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = os.path.join(ROOT, "seeds", "000_dd0249cc5e7d2567.txt")


def ndjson(rows):
    return "".join(json.dumps(r) + "\n" for r in rows).encode()


def pushshift(n, parent_of, author=lambda n: f"u{n % 7}", body=lambda n: f"text {n}"):
    return ndjson({"id": f"c{k}", "link_id": "t3_s", "parent_id": parent_of(k), "author": author(k),
                   "created_utc": 1_600_000_000 + k, "body": body(k)} for k in range(1, n + 1))


def wxr(comments, prolog=""):
    items = "".join(f"<wp:comment><wp:comment_id>{i}</wp:comment_id><wp:comment_author>{a}</wp:comment_author>"
                    f"<wp:comment_date_gmt>2020-01-01 00:00:00</wp:comment_date_gmt><wp:comment_content>hi</wp:comment_content>"
                    f"<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>"
                    for i, a in comments)
    return (f'<?xml version="1.0"?>\n{prolog}<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item>'
            f"<title>t</title>{items}</item></channel></rss>\n").encode()


def compress(tool, data):
    return subprocess.run([tool, "-c"] + (["-19", "-q"] if tool == "zstd" else []), input=data, capture_output=True, check=True).stdout


def cases():
    """(name, input file name or None, input bytes, arguments after the input, expected statuses)."""
    hugebody = lambda n: "x" * 10
    yield "deep chain 30k", "chain.ndjson", pushshift(30_000, lambda k: "t3_s" if k == 1 else f"t1_c{k - 1}"), [], {0}
    yield "wide 50k replies to one comment", "wide.ndjson", pushshift(50_000, lambda k: "t3_s" if k == 1 else "t1_c1"), ["--no-images"], {0}
    yield "parent cycles", "cycle.ndjson", pushshift(2_000, lambda k: f"t1_c{k % 2000 + 1}"), [], {0, 1}
    odd = ["", "..", "../../etc", "a/b", "x\ny", "🙂", "t3_s", "c1"]
    yield "odd ids", "odd.json", json.dumps([{"id": i, "parent": odd[(k + 3) % len(odd)], "author": "a", "text": "t"}
                                             for k, i in enumerate(odd)]).encode(), ["--format", "json"], {0, 1}
    yield "UTF-16 text file (decoded)", "u16.txt", open(SEED, encoding="utf-8").read().encode("utf-16"), [], {0}
    yield "UTF-16 XML (refused)", "u16.xml", wxr([(1, "Ann")]).decode().encode("utf-16"), [], {1}
    yield "invalid UTF-8 and NUL bytes", "bad.txt", b"Title\n\nAnn:\nhello \xff\xfe world\x00\n", [], {0, 1}
    laughs = '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">' + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi")) + "]>\n"
    yield "billion laughs", "laughs.xml", wxr([(1, "&i;")], laughs), [], {1}
    yield "entity hidden by a comment", "hidden.xml", wxr([(1, "&a;")], '<!DOCTYPE rss [ <!-- it\'s --> <!ENTITY a "boom"> ]>\n'), [], {1}
    yield "external entity", "xxe.xml", wxr([(1, "&x;")], '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'), [], {1}
    yield "undefined entity", "undef.xml", wxr([(1, "&nope;")]), [], {1}
    yield "truncated XML", "trunc.xml", wxr([(1, "Ann")])[:-40], [], {1}
    names = ['=HYPERLINK("http://x")', "<img src=x onerror=alert(1)>", '"; } digraph evil {', "# heading\n", "a\ufffeb\uffff"]
    yield "injection in author names", "names.ndjson", pushshift(len(names), lambda k: "t3_s" if k == 1 else f"t1_c{k - 1}",
                                                                  author=lambda k: names[k - 1]), [], {0}
    yield "injection in the file name", "x\n# Injected <img onerror=alert(1)>.txt", open(SEED, "rb").read(), ["--no-images"], {0}
    yield "zstd bomb of newlines", "nl.ndjson.zst", compress("zstd", b"\n" * (300 << 20)), ["--format", "pushshift"], {1}
    yield "gzip of one 300 MiB line", "line.ndjson.gz", compress("gzip", b"{" + b"x" * (300 << 20)), ["--format", "pushshift"], {1}
    for bad in [["--unit", "window:99999999999"], ["--detail", "-1"], ["--edges", "bogus"], ["--out", ""], ["--format", "nope"],
                ["--max-expansion", "0"], ["--key-terms", "-5"], ["--min-count", "0"], ["--topics", "/nonexistent.yaml"]]:
        yield "option " + " ".join(bad), "seed.txt", open(SEED, "rb").read(), bad + ["--no-images"], {1, 64}


def dot_cases():
    yield "render: huge size", '''digraph { size="100000,100000!"; a -> b }''', [], {0}
    yield "render: huge dpi", '''digraph { dpi=100000; a -> b }''', [], {0}
    yield "render: image= a local file", '''digraph { a [image="/etc/hostname"] }''', [], {1}
    yield "render: 50,000 nodes", "digraph {" + "".join(f"n{k} -> n{k + 1};" for k in range(50_000)) + "}", [], {1}
    yield "render: garbage", "digraph { a -> ; }}}", [], {1}
    yield "render: onto itself", "digraph { a -> b }", ["-o", "SELF"], {1, 64}


def listing(folder, skip):
    out = set()
    for base, dirs, files in os.walk(folder):
        if os.path.abspath(base).startswith(os.path.abspath(skip)):
            continue
        out.update(os.path.relpath(os.path.join(base, f), folder) for f in files)
    return out


def leftovers(folder):
    bad = []
    for base, _, files in os.walk(folder):
        bad += [os.path.join(base, f) for f in files if ".tmp-" in f or ".bak-" in f]
    return bad


def consistent(sandbox):
    """Whether report.md and metrics.json in `out` come from the same run (the same --key-terms)."""
    report = open(os.path.join(sandbox, "out", "report.md")).read()
    metrics = open(os.path.join(sandbox, "out", "metrics.json")).read()
    for k in range(10, 40):
        if (f"--key-terms {k}" in report) != (f"--key-terms {k}" in metrics):
            return False
    return True


def run(threadnet, args, cwd, timeout):
    start = time.monotonic()
    try:
        p = subprocess.run([threadnet] + args, cwd=cwd, capture_output=True, timeout=timeout)
        return p.returncode, time.monotonic() - start, p.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired:
        return None, time.monotonic() - start, "timeout"


def check(name, status, seconds, stderr, expected, sandbox, out, before, failures):
    problems = []
    if status is None:
        problems.append(f"ran past its bound ({seconds:.0f} s)")
    elif status < 0 or (status > 125 and status not in expected):
        problems.append(f"died with signal/status {status}")
    elif status not in expected:
        problems.append(f"exit {status}, expected {sorted(expected)}")
    if status == 1 and not stderr.strip():
        problems.append("failed without a message")
    if leftovers(sandbox):
        problems.append(f"left temporary files: {leftovers(sandbox)}")
    after = listing(sandbox, out)
    if after - before:
        problems.append(f"wrote outside --out: {sorted(after - before)}")
    print(f"{'ok  ' if not problems else 'FAIL'} {name}: exit {status}, {seconds:.1f} s" + ("" if not problems else " — " + "; ".join(problems)))
    if problems:
        failures.append(name)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threadnet", default=os.path.join(ROOT, ".build", "release", "threadnet"))
    ap.add_argument("--timeout", type=float, default=60)
    a = ap.parse_args()
    threadnet = os.path.abspath(a.threadnet)
    failures = []
    total = 0
    work = tempfile.mkdtemp(prefix="threadnet-hostile-")
    try:
        for k, (name, filename, data, extra, expected) in enumerate(cases()):
            sandbox = os.path.join(work, f"case{k}")
            os.makedirs(sandbox)
            with open(os.path.join(sandbox, filename), "wb") as f:
                f.write(data)
            out = os.path.join(sandbox, "out")
            before = listing(sandbox, out)
            args = ["analyze", filename] + (extra if "--out" in extra else extra + ["--out", "out"])
            status, seconds, stderr = run(threadnet, args, sandbox, a.timeout)
            check(name, status, seconds, stderr, expected, sandbox, out, before, failures)
            total += 1
        for k, (name, dot, extra, expected) in enumerate(dot_cases()):
            sandbox = os.path.join(work, f"dot{k}")
            os.makedirs(sandbox)
            with open(os.path.join(sandbox, "g.dot"), "w") as f:
                f.write(dot)
            extra = [("g.dot" if x == "SELF" else x) for x in extra]
            before = listing(sandbox, os.path.join(sandbox, "none"))
            status, seconds, stderr = run(threadnet, ["render", "g.dot", "--format", "png"] + extra, sandbox, a.timeout)
            before.add("g.png")  # the one file render may write
            check(name, status, seconds, stderr, expected, sandbox, os.path.join(sandbox, "none"), before, failures)
            total += 1
        # Interrupted and concurrent runs into one --out.
        sandbox = os.path.join(work, "runs")
        os.makedirs(sandbox)
        with open(os.path.join(sandbox, "big.ndjson"), "wb") as f:
            f.write(pushshift(300_000, lambda k: "t3_s" if k % 50 == 1 else f"t1_c{k - 1}"))
        subprocess.run([threadnet, "analyze", "big.ndjson", "--no-images", "--out", "out"], cwd=sandbox, capture_output=True, check=True)
        for delay in [0.1, 0.5, 1.0, 2.0]:
            p = subprocess.Popen([threadnet, "analyze", "big.ndjson", "--no-images", "--key-terms", "20", "--out", "out"],
                                 cwd=sandbox, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            p.send_signal(signal.SIGINT)
            p.wait()
            total += 1
            # Before writing starts, SIGINT's default action ends the run (nothing is written
            # yet); from then on ThreadNet removes its temporary files and exits with 130.
            status = 130 if p.returncode == -signal.SIGINT else p.returncode
            check(f"SIGINT after {delay} s", status if consistent(sandbox) else 1, delay, "report.md and metrics.json differ",
                  {0, 130}, sandbox, os.path.join(sandbox, "out"), listing(sandbox, os.path.join(sandbox, "out")), failures)
        for round in range(3):
            ps = [subprocess.Popen([threadnet, "analyze", "big.ndjson", "--no-images", "--key-terms", str(10 + k), "--out", "out"],
                                   cwd=sandbox, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for k in range(3)]
            statuses = [p.wait() for p in ps]
            total += 1
            same = consistent(sandbox)
            check(f"three concurrent runs into one --out (round {round + 1})", 0 if all(s == 0 for s in statuses) and same else 1, 0,
                  "" if same else "report.md and metrics.json from different runs", {0}, sandbox, os.path.join(sandbox, "out"),
                  listing(sandbox, os.path.join(sandbox, "out")), failures)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\n{total - len(failures)} of {total} cases hold" + (f"; failing: {', '.join(failures)}" if failures else ""))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
