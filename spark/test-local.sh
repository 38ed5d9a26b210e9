#!/usr/bin/env bash
# The Spark job's test (run by CI): a generated 100,000-comment corpus, split into four files
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
trap 'rm -rf "$work"' EXIT
python3 bench/reference/gen_threads.py --comments "$n" --threads $((n / 20)) --seed 1 --out "$work/corpus.ndjson" >/dev/null
mkdir -p "$work/files"
split -n l/4 -d --additional-suffix=.ndjson "$work/corpus.ndjson" "$work/files/part-"
"$root/scripts/install-deps.sh" --spark
zstd -q --rm "$work/files/part-03.ndjson"
start=$(date +%s)
spark/run-local.sh "$work/spark" "$work"/files/part-00.ndjson "$work"/files/part-01.ndjson "$work"/files/part-02.ndjson \
  "$work"/files/part-03.ndjson.zst --input-name corpus.ndjson --no-images --ship
echo "spark job: $(( $(date +%s) - start )) s"
start=$(date +%s)
.build/release/threadnet analyze "$work/corpus.ndjson" --out "$work/whole" --no-images --quiet
echo "threadnet analyze: $(( $(date +%s) - start )) s"
python3 spark/compare.py "$work/whole" "$work/spark"
