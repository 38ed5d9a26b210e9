#!/usr/bin/env bash
# Installs what is missing, then runs every test (Swift Testing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --tests
# The same flags as scripts/analyze-seed.sh, so that its build is reused.
source scripts/build-flags.sh
swift test "${THREADNET_DEBUG_FLAGS[@]}" "$@"
