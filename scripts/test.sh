#!/usr/bin/env bash
# Installs what is missing, then runs every test (Swift Testing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --tests
swift test "$@"
