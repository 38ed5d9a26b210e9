#!/usr/bin/env bash
# The Spark job's test (run by CI): a generated 100,000-comment corpus (with submission lines
# for every 50th thread, at the end), split into four files
# (one of them zstd-compressed), through spark/run-local.sh in local mode (the binary sent to the
# executors with --ship, as on a cluster), compared with
# threadnet analyze of the whole corpus by spark/compare.py. Exits non-zero on any difference.
#
#   spark/test-local.sh [COMMENTS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
n="${1:-100000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/threadnet-spark-test.XXXXXX")"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT   # KEEP=1 keeps the work folder (for a look at a difference)
python3 bench/reference/gen_threads.py --comments "$n" --threads $((n / 20)) --seed 1 --out "$work/corpus.ndjson" >/dev/null
# Submission lines (RS_ style) for every 50th thread, at the end: their comments lie in other files.
python3 - "$work/corpus.ndjson" <<'PY'
import json, sys
path = sys.argv[1]
threads = []
for line in open(path, encoding="utf-8"):
    link = json.loads(line)["link_id"]
    if not threads or threads[-1] != link:
        threads.append(link)
with open(path, "a", encoding="utf-8") as f:
    for link in sorted(set(threads))[::50]:
        f.write(json.dumps({"id": link[3:], "title": "Thread " + link + ", = a title", "author": "op_" + link[3:],
                            "created_utc": 1672531200, "selftext": "The post.", "num_comments": 1}) + "\n")
PY
mkdir -p "$work/files"
split -n l/4 -d --additional-suffix=.ndjson "$work/corpus.ndjson" "$work/files/part-"
"$root/scripts/install-deps.sh" --spark
zstd -q --rm "$work/files/part-03.ndjson"
swift build -c release --product threadnet >&2   # before the clock starts (run-local.sh then finds it built)
start=$(date +%s)
spark/run-local.sh "$work/spark" "$work"/files/part-00.ndjson "$work"/files/part-01.ndjson "$work"/files/part-02.ndjson \
  "$work"/files/part-03.ndjson.zst --input-name corpus.ndjson --no-images --ship
echo "spark job: $(( $(date +%s) - start )) s"
start=$(date +%s)
# With the format the job names for every partition (its options are in the reports' provenance).
.build/release/threadnet analyze "$work/corpus.ndjson" --format pushshift --out "$work/whole" --no-images --quiet
echo "threadnet analyze: $(( $(date +%s) - start )) s"
python3 spark/compare.py "$work/whole" "$work/spark"
