#!/usr/bin/env bash
# Installs what is missing, builds ThreadNet and analyzes the seed thread into reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product threadnet
.build/release/threadnet analyze seeds/000_dd0249cc5e7d2567.txt --topics seeds/topics.yaml --out reports/000_dd0249cc5e7d2567
