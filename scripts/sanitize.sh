#!/usr/bin/env bash
# Runs every test under a sanitizer, in its own build folder (.build-asan, .build-tsan).
#   scripts/sanitize.sh address     # AddressSanitizer (CI runs this one)
#   scripts/sanitize.sh thread      # ThreadSanitizer
# Leak checking is off: libfontconfig and libgvc keep caches until exit (their leaks are not
# ThreadNet's), and the CLI exits without tearing a large analysis down on purpose.
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-address}"
case "$kind" in
  address) folder=.build-asan; export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" ;;
  thread) folder=.build-tsan ;;
  *) echo "usage: $0 address|thread" >&2; exit 64 ;;
esac
scripts/install-deps.sh --tests
swift test --sanitize="$kind" --scratch-path "$folder"
