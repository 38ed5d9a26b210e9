#!/usr/bin/env python3
"""ThreadNet on Apache Spark: a corpus of NDJSON comments (Pushshift/Reddit dumps) analyzed in
shards of whole threads, the author pairs summed by Spark, and the result merged on the driver.

    spark-submit spark/threadnet_job.py --threadnet PATH --out OUT INPUT...

1. Read the inputs (`.ndjson`, `.gz` by Spark's codec; `.zst` is decompressed file by file,
   since Hadoop's zstd codec needs its native library) and number every line in input order.
2. Key each line by its thread (`link_id`) and repartition by that key, so that every thread
   lies in one partition; restore the input order within each partition.
3. Pipe each partition through `threadnet analyze - --partial DIR` (the binary is found on a
   path every executor shares, or sent to them with --ship) and emit the partial result: the
   thread rows, author rows, pooled times, the largest threads' folders (and row files) as
   files, the author pairs as records.
4. `reduceByKey` the author pairs by (replier, replied-to): weights added, first reply time the
   minimum. The shuffle grows with author pairs, not with comments.
5. The corpus-wide topics, in three rounds: the driver writes the next round's file
   (`threadnet merge PARTIALS --topics-next FILE`), every partition counts it over its text
   (`threadnet analyze - --partial DIR --topics-round FILE`, the partitions cached), and
   `reduceByKey` sums the counts key by key (in round 1 only word pairs seen in at least
   `--min-comments` documents come to the driver: fewer can never be collocations). The shuffle
   grows with distinct words and word pairs, not with comments.
6. On the driver: write the partials, the summed pairs and the summed topic counts, then
   `threadnet merge`. The row files (comments.csv, authors.csv, edges.csv) come to the driver
   one partition at a time; --no-rows leaves them out.

Only the Python standard library and PySpark are used.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("inputs", nargs="+", help="NDJSON inputs (.ndjson, .json, .gz, .zst), read in this order")
    p.add_argument("--out", required=True, help="output folder of the merged result")
    p.add_argument("--threadnet", default="threadnet", help="the threadnet binary: a path every executor can run, or with --ship the driver's copy")
    p.add_argument("--ship", action="store_true",
                   help="send the --threadnet binary to the executors (SparkContext.addFile) instead of expecting it on their path")
    p.add_argument("--format", default="pushshift", help="input format passed to threadnet analyze (default: pushshift)")
    p.add_argument("--input-name", help="the whole input's name in the files (default: the single input's file name)")
    p.add_argument("--partitions", type=int, default=0, help="shards (default: 2 per core of the master)")
    p.add_argument("--master", help="Spark master when run with python3 rather than spark-submit (e.g. local[2])")
    p.add_argument("--work", help="folder for the partial results (default: a temporary folder, removed at the end)")
    p.add_argument("--no-images", action="store_true", help="do not render the merged diagram")
    p.add_argument("--no-rows", action="store_true",
                   help="leave out comments.csv, authors.csv and edges.csv (they grow with comments and pass through the driver)")
    p.epilog = "Options after -- go to threadnet analyze, the same on every shard (e.g. -- --keep all)."
    own, options = (argv[:argv.index("--")], argv[argv.index("--") + 1:]) if "--" in argv else (argv, [])
    args = p.parse_args(own)
    args.analyze_options = options
    return args


def thread_key(line):
    """The thread a line belongs to: a comment's link_id, a submission's (title, no parent_id)
    own t3_ id, as threadnet's Pushshift importer files them; else the line itself (threadnet
    then reports it in the shard that gets it)."""
    try:
        record = json.loads(line)
    except ValueError:
        return "?" + line[:64]
    if not isinstance(record, dict):
        return "?" + line[:64]
    key = record.get("link_id")
    if isinstance(key, str):
        return key
    ident = record.get("id")
    if "title" in record and "parent_id" not in record and isinstance(ident, str):
        return ident if ident.startswith("t3_") else "t3_" + ident
    return "?" + line[:64]


def readable_inputs(paths, scratch):
    """Input paths Spark can read: .zst files decompressed into `scratch` (zstd CLI)."""
    out = []
    for k, path in enumerate(paths):
        if path.endswith(".zst"):
            target = os.path.join(scratch, "input-%04d.ndjson" % k)
            with open(target, "wb") as sink:
                subprocess.run(["zstd", "-dc", "--long=31", path], stdout=sink, check=True)
            out.append(target)
        else:
            out.append(os.path.abspath(path))
    return out


def executable(binary, shipped):
    """The binary to run on this executor: the shipped copy (made executable), or the path given."""
    if not shipped:
        return binary
    from pyspark import SparkFiles

    path = SparkFiles.get(os.path.basename(binary))
    if not os.access(path, os.X_OK):
        os.chmod(path, 0o755)
    return path


def pipe_partition(index, items, binary, shipped, fmt, name, options, extra, prefix):
    """Pipes a partition's lines, in input order, through `threadnet analyze - --partial DIR`
    with `extra(folder)` more arguments; returns the temporary folder holding DIR as `p` (the
    caller removes it), or None for an empty partition."""
    rows = sorted(items, key=lambda kv: kv[1][0])
    if not rows:
        return None
    data = "".join(line + "\n" for _, (_, line) in rows).encode("utf-8")
    folder = tempfile.mkdtemp(prefix="threadnet-%s-%d-" % (prefix, index))
    try:
        command = [executable(binary, shipped), "analyze", "-", "--format", fmt, "--input-name", name,
                   "--partial", os.path.join(folder, "p"), "--quiet"] + extra(folder) + options
        done = subprocess.run(command, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if done.returncode != 0:
            raise RuntimeError("threadnet analyze (%s) failed on partition %d: %s"
                               % (prefix, index, done.stderr.decode("utf-8", "replace").strip()))
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


def analyze_partition(binary, shipped, fmt, name, options, rows):
    """The function piped over each partition: lines in → partial-result records out."""

    def run(index, items):
        folder = pipe_partition(index, items, binary, shipped, fmt, name, options, lambda _: [], "partial")
        if folder is None:
            return
        try:
            files = ["partial.json", "threads.ndjson", "authors.ndjson", "times.ndjson", "folders.ndjson", "topics-sample.ndjson",
                     "metrics-threads.json", "repairs.ndjson"]
            if rows:
                files += ["comments.csv", "authors.csv", "edges.csv"]
            # The folders of the partition's --detail largest threads (the merge keeps the corpus's largest).
            with open(os.path.join(folder, "p", "folders.ndjson"), encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        entry = json.loads(line)
                        files += [entry["folder"] + name for name in entry["files"]]
            for file in files:
                with open(os.path.join(folder, "p", file), encoding="utf-8", newline="") as f:
                    yield ("file", (index, file, f.read()))
            with open(os.path.join(folder, "p", "replies.ndjson"), encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        r = json.loads(line)
                        yield ("pair", ((r["from"], r["to"]), (r["weight"], r["first"])))
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    return run


def count_partition(binary, shipped, fmt, name, options, round_bytes, n):
    """The function piped over each partition in topics round `n`: lines in → (key, counts) out,
    and the count file's header as the key ("#", context digest) with count 1."""

    def round_file(folder):
        path = os.path.join(folder, "round.json")
        with open(path, "wb") as f:
            f.write(round_bytes)
        return ["--topics-round", path]

    def run(index, items):
        folder = pipe_partition(index, items, binary, shipped, fmt, name, options, round_file, "topics")
        if folder is None:
            return
        try:
            with open(os.path.join(folder, "p", "topics-%d.ndjson" % n), encoding="utf-8") as f:
                header = json.loads(f.readline())
                yield (("#", header["context"], str(header["round"])), [1])
                for line in f:
                    if line.strip():
                        r = json.loads(line)
                        yield (tuple(r["k"]), r["n"])
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    return run


def add_counts(a, b):
    """Two count lists added element by element."""
    return [x + y for x, y in zip(a, b)] + (a[len(b):] if len(a) > len(b) else b[len(a):])


def topic_rounds(sc, sharded, args, name, options, folders, work):
    """The three topics rounds (step 5); returns the merge's --topic-counts arguments."""
    given = []
    for n in (1, 2, 3):
        round_file = os.path.join(work, "topics-round-%d.json" % n)
        subprocess.run([args.threadnet, "merge"] + sorted(folders) + given + ["--input-name", name, "--topics-next", round_file],
                       check=True, stdout=subprocess.DEVNULL)
        with open(round_file, "rb") as f:
            round_bytes = f.read()
        least = json.loads(round_bytes)["minDocuments"]
        summed = (sharded.mapPartitionsWithIndex(count_partition(args.threadnet, args.ship, args.format, name, options, round_bytes, n))
                  .reduceByKey(add_counts))
        if n == 1:
            summed = summed.filter(lambda kv: kv[0][0] != "p" or kv[1][1] >= least)
        lines = summed.collect()
        headers = [k for k, _ in lines if k[0] == "#"]
        if len(headers) != 1:
            sys.exit("threadnet_job.py: topics round %d: the partitions answered %d different round files" % (n, len(headers)))
        path = os.path.join(work, "topics-%d.ndjson" % n)
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps({"context": headers[0][1], "round": int(headers[0][2])}) + "\n")
            for key, counts in sorted(lines):
                if key[0] != "#":
                    f.write(json.dumps({"k": list(key), "n": counts}, ensure_ascii=False) + "\n")
        given += ["--topic-counts", path]
        print("spark: topics round %d: %d keys after reduceByKey" % (n, len(lines) - 1))
    return given


def add_replies(a, b):
    """Two pairs' sums: weights added, first reply the earlier (None: untimed)."""
    firsts = [t for t in (a[1], b[1]) if t is not None]
    return (a[0] + b[0], min(firsts) if firsts else None)


def main(argv):
    args = parse_args(argv)
    options = args.analyze_options
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("threadnet").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    name = args.input_name or (os.path.basename(args.inputs[0]) if len(args.inputs) == 1 else None)
    if name is None:
        sys.exit("threadnet_job.py: several inputs: name the whole input with --input-name")
    partitions = args.partitions or 2 * sc.defaultParallelism
    if args.ship:
        sc.addFile(os.path.abspath(args.threadnet))
    work = args.work or tempfile.mkdtemp(prefix="threadnet-spark-")
    try:
        scratch = os.path.join(work, "inputs")
        os.makedirs(scratch, exist_ok=True)
        paths = readable_inputs(args.inputs, scratch)
        lines = sc.textFile(",".join(paths)).filter(lambda l: l.strip() != "")
        keyed = lines.zipWithIndex().map(lambda li: (thread_key(li[0]), (li[1], li[0])))
        sharded = keyed.partitionBy(partitions).cache()  # read again by each topics round
        records = sharded.mapPartitionsWithIndex(
            analyze_partition(args.threadnet, args.ship, args.format, name, options, not args.no_rows)).cache()
        files = records.filter(lambda r: r[0] == "file").map(lambda r: r[1]).toLocalIterator()
        pairs = (records.filter(lambda r: r[0] == "pair").map(lambda r: r[1])
                 .reduceByKey(add_replies).collect())
        # The driver: partials and summed pairs on disk, then threadnet merge.
        parts = os.path.join(work, "partials")
        shutil.rmtree(parts, ignore_errors=True)
        folders = set()
        for index, file, text in files:
            folder = os.path.join(parts, "part-%05d" % index)
            if os.path.isabs(file) or ".." in file.split("/"):
                sys.exit("threadnet_job.py: partition %d sent a file outside its partial result: %s" % (index, file))
            os.makedirs(os.path.dirname(os.path.join(folder, file)), exist_ok=True)
            folders.add(folder)
            with open(os.path.join(folder, file), "w", encoding="utf-8", newline="") as f:
                f.write(text)
        for folder in folders:
            open(os.path.join(folder, "replies.ndjson"), "w").close()
        summed = os.path.join(work, "replies.ndjson")
        with open(summed, "w", encoding="utf-8") as f:
            for (source, target), (weight, first) in sorted(pairs):
                f.write(json.dumps({"first": first, "from": source, "to": target, "weight": weight}, ensure_ascii=False) + "\n")
        given = topic_rounds(sc, sharded, args, name, options, folders, work)
        command = [args.threadnet, "merge"] + sorted(folders) + given + ["--replies", summed, "--out", args.out, "--input-name", name]
        if args.no_images:
            command.append("--no-images")
        merged = subprocess.run(command)
        if merged.returncode != 0:
            sys.exit("threadnet_job.py: threadnet merge failed")
        print("spark: %d lines in %d partitions, %d partial results, %d author pairs after reduceByKey"
              % (lines.count(), partitions, len(folders), len(pairs)))
    finally:
        spark.stop()
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
