#!/usr/bin/env bash
# Makes Fuzz/seeds/partial-3threads.bin, the seed of the `partial` fuzz target, and
# Fuzz/seeds/report-3threads.bin, that of `partial-report` (repairs.ndjson and
# metrics-threads.json joined by a NUL byte): the partial
# result of three small threads (those of CorpusNetworkTests, as Pushshift lines), its five
# files, folders.ndjson, topics-sample.ndjson and the three topic rounds' counts joined by NUL
# bytes. Needs a built threadnet (swift build).
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/three.ndjson" <<'LINES'
{"id":"a1","link_id":"t3_a","parent_id":"t3_a","author":"Ann","created_utc":100,"body":"first"}
{"id":"a2","link_id":"t3_a","parent_id":"t1_a1","author":"Bob","created_utc":200,"body":"Ann, no"}
{"id":"a3","link_id":"t3_a","parent_id":"t1_a2","author":"Ann","created_utc":300,"body":"yes"}
{"id":"a4","link_id":"t3_a","parent_id":"t1_a1","author":"Cy","created_utc":400,"body":"maybe"}
{"id":"a5","link_id":"t3_a","parent_id":"t1_a2","author":"Bob","created_utc":500,"body":"and me"}
{"id":"b1","link_id":"t3_b","parent_id":"t3_b","author":"Bob","created_utc":150,"body":"second"}
{"id":"b2","link_id":"t3_b","parent_id":"t1_b1","author":"Ann","created_utc":250,"body":"\"quoted\" ünïcode"}
{"id":"b3","link_id":"t3_b","parent_id":"t1_b2","author":"Dee","created_utc":350,"body":"x"}
{"id":"b4","link_id":"t3_b","parent_id":"t1_b1","author":"[deleted]","created_utc":450,"body":"[deleted]"}
{"id":"c1","link_id":"t3_c","parent_id":"t3_c","author":"Eve","body":"untimed"}
LINES
threadnet="${THREADNET:-.build/debug/threadnet}"
"$threadnet" analyze "$work/three.ndjson" --partial "$work/p" --quiet --detail 1 --min-comments 1 >/dev/null
for n in 1 2 3; do
  "$threadnet" merge "$work/p" --topics-next "$work/round.json" >/dev/null
  "$threadnet" analyze "$work/three.ndjson" --partial "$work/p" --quiet --detail 1 --min-comments 1 --topics-round "$work/round.json" >/dev/null
done
{ cat "$work/p/partial.json"; printf '\0'; cat "$work/p/threads.ndjson"; printf '\0'; cat "$work/p/authors.ndjson"; printf '\0'; cat "$work/p/replies.ndjson"; printf '\0'; cat "$work/p/times.ndjson"; printf '\0'; cat "$work/p/folders.ndjson"
  for f in topics-sample topics-1 topics-2 topics-3; do printf '\0'; cat "$work/p/$f.ndjson"; done; } > Fuzz/seeds/partial-3threads.bin
{ cat "$work/p/repairs.ndjson"; printf '\0'; cat "$work/p/metrics-threads.json"; } > Fuzz/seeds/report-3threads.bin
echo "wrote Fuzz/seeds/report-3threads.bin ($(wc -c < Fuzz/seeds/report-3threads.bin) bytes)"
echo "wrote Fuzz/seeds/partial-3threads.bin ($(wc -c < Fuzz/seeds/partial-3threads.bin) bytes)"
