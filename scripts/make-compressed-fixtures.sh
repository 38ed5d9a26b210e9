#!/usr/bin/env bash
# Makes the compressed test fixtures in Tests/ThreadNetCoreTests/Fixtures/stream/ once, with the
# zstd and gzip command-line tools. The tests read the committed files and never run these tools.
#
#   compressed-sample.txt            the plain text (made here, deterministic)
#   compressed-sample.txt.zst        zstd, default level, content size in the frame header
#   compressed-sample.txt.long31.zst zstd --long=31 fed through a pipe: no content size in the
#                                    header, so the frame declares a 2 GiB window, as the
#                                    Pushshift dumps do; a default decoder refuses it
#   compressed-sample.txt.gz         gzip -n (no name or time stamp: reproducible)
#   compressed-sample.txt.concat.gz  two gzip members concatenated (first half, second half)
#   pushshift-sample.ndjson.zst      the Pushshift fixture, --long=31 through a pipe
set -euo pipefail
cd "$(dirname "$0")/../Tests/ThreadNetCoreTests/Fixtures/stream"

python3 - <<'PY'
lines = []
for n in range(1, 401):
    lines.append(f"line {n}: the quick brown fox jumps over the lazy dog, Zürich café № {n * 7919 % 1000}")
open("compressed-sample.txt", "w", encoding="utf-8", newline="\n").write("\n".join(lines) + "\n")
PY

zstd -q -f -19 compressed-sample.txt -o compressed-sample.txt.zst
cat compressed-sample.txt | zstd -q -19 --long=31 -c > compressed-sample.txt.long31.zst
gzip -n -9 -c compressed-sample.txt > compressed-sample.txt.gz
head -n 200 compressed-sample.txt | gzip -n -9 -c > compressed-sample.txt.concat.gz
tail -n +201 compressed-sample.txt | gzip -n -9 -c >> compressed-sample.txt.concat.gz
if [ -f pushshift-sample.ndjson ]; then
  cat pushshift-sample.ndjson | zstd -q -19 --long=31 -c > pushshift-sample.ndjson.zst
fi

# Check what was made.
zstd -dc compressed-sample.txt.zst | cmp - compressed-sample.txt
zstd -dc --long=31 compressed-sample.txt.long31.zst | cmp - compressed-sample.txt
gzip -dc compressed-sample.txt.gz | cmp - compressed-sample.txt
gzip -dc compressed-sample.txt.concat.gz | cmp - compressed-sample.txt
if zstd -dc compressed-sample.txt.long31.zst >/dev/null 2>&1; then
  echo "expected the --long=31 frame to need a 2 GiB window" >&2; exit 1
fi
ls -l compressed-sample.txt* pushshift-sample.ndjson.zst 2>/dev/null || true
