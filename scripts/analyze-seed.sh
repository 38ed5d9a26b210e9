#!/usr/bin/env bash
# Installs what is missing, builds ThreadNet and analyzes the seed thread into reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# A debug build: the seed is small, and scripts/test.sh then reuses every module it compiled
# (a release build would compile everything a second time). Build with -c release for corpora.
# Without debug info (scripts/build-flags.sh): a little less time to compile.
source scripts/build-flags.sh
swift build --product threadnet "${THREADNET_DEBUG_FLAGS[@]}"
.build/debug/threadnet analyze seeds/000_dd0249cc5e7d2567.txt --topics seeds/topics.yaml --out reports/000_dd0249cc5e7d2567
