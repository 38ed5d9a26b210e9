#!/usr/bin/env bash
# spark/run-local.sh OUT INPUT... [--input-name NAME] [--partitions N] [-- ANALYZE OPTIONS]
#
# Runs the Spark job (spark/threadnet_job.py) in local mode, local[2], on this machine: installs
# PySpark and Java 17 when missing, builds ThreadNet (release), shards the inputs by thread,
# analyzes each shard with threadnet analyze --partial, sums the author pairs with Spark and
# merges into OUT.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ $# -lt 2 ]; then
  echo "usage: spark/run-local.sh OUT INPUT... [--input-name NAME] [--partitions N] [-- ANALYZE OPTIONS]" >&2
  exit 2
fi
out="$1"; shift
"$root/scripts/install-deps.sh" --spark
swift build -c release --product threadnet --package-path "$root" >&2
exec python3 "$root/spark/threadnet_job.py" --master "local[2]" --threadnet "$root/.build/release/threadnet" --out "$out" "$@"
