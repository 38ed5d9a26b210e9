#!/usr/bin/env bash
# Fuzzes every importer, the writers' escaping and the side-file readers with libFuzzer and
# AddressSanitizer, seeded with the test fixtures.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     # default 60
# Targets: each input format (the importer, then the analysis and metrics); xml-writer,
# csv-writer, dot-writer and markdown-writer (round trips: what the writer escapes, libxml2,
# CSV.swift, libgvc and cmark-gfm read back unchanged; Fuzz/WriterRoundTrip.swift); dictionary
# and aliases (the topic dictionary and alias file readers); partial (the partial-result reader
# and merge, seeded by Fuzz/seeds/, made by Fuzz/seeds/make-partial-seed.sh); partial-report (the
# readers of a partial's repairs.ndjson and metrics-threads.json, seeded likewise).
# THREADNET_FUZZ_FORMATS="wxr dot-writer" limits the targets; THREADNET_FUZZ_SEED (default 1) is
# libFuzzer's random seed, fixed so that a run can be repeated (use another for new ground).
# Builds the threadnet-fuzz target into .build-fuzz with AddressSanitizer and libFuzzer's
# coverage (inline 8-bit counters, PC table, comparisons) and links libFuzzer without its main
# (SwiftPM gives every executable its own entry point, which calls LLVMFuzzerRunDriver; plain
# -sanitize=fuzzer would bring a second main). A crash input is written to
# .build-fuzz/crashes/FORMAT/ and the script exits 1. Replay one with
#   THREADNET_FUZZ_FORMAT=FORMAT swift run threadnet-fuzz FILE
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
libfuzzer=$(find "$(dirname "$(dirname "$(command -v swift)")")/lib" -name 'libclang_rt.fuzzer_no_main-x86_64.a' | head -1)
[ -n "$libfuzzer" ] || { echo "libclang_rt.fuzzer_no_main not found in the Swift toolchain" >&2; exit 1; }
swift build --product threadnet-fuzz --scratch-path .build-fuzz -Xswiftc -DFUZZING \
  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=bb,inline-8bit-counters,pc-table,trace-cmp \
  -Xlinker "$libfuzzer" -Xlinker -lstdc++
fuzzer=.build-fuzz/debug/threadnet-fuzz
fixtures=Tests/ThreadNetCoreTests/Fixtures
failed=0
# Seeds of the writer targets: names that broke writers before (formula, HTML, DOT breakout,
# entity, heading, characters XML forbids, line breaks).
names=('=HYPERLINK("http://x")' '<img src=x onerror=alert(1)>' '"; } digraph evil {' '# heading' $'a\uFFFEb\uFFFF'
       'Tom &amp; Jerry &#60;3' $'two\nlines\r\n\ttab' 'back\\slash \\N \\l' '*em* _u_ [l](j:x) `c` | ~s~' $'f1\x1f+f2\x1f-3')
for format in ${THREADNET_FUZZ_FORMATS:-text wxr disqus reddit pushshift hn-algolia hn-firebase mastodon discourse youtube csv json xml-writer csv-writer dot-writer markdown-writer dictionary aliases partial partial-report}; do
  corpus=$(mktemp -d)
  case "$format" in
    text) cp seeds/000_dd0249cc5e7d2567.txt "$corpus/" ;;
    wxr|disqus) cp "$fixtures"/xml/*.xml "$corpus/" 2>/dev/null || true ;;
    pushshift) cp "$fixtures"/stream/*.ndjson "$corpus/" 2>/dev/null || true ;;
    csv) cp "$fixtures"/stream/*.csv "$fixtures"/generated/*.csv "$corpus/" ;;
    *-writer) for i in "${!names[@]}"; do printf '%s' "${names[$i]}" > "$corpus/name$i"; done ;;
    dictionary) cp seeds/topics.yaml "$corpus/"
                printf '%%\n1\tpositive\n2\tnegative\n%%\ngood\t1\nbad*\t2\nnot good\t2 1\n' > "$corpus/liwc.dic" ;;
    aliases) printf '# aliases\nAnn Smith = ann = A. Smith\nBob = bob_ = Robert\n' > "$corpus/aliases.txt" ;;
    partial) cp Fuzz/seeds/partial-*.bin "$corpus/" ;;
    partial-report) cp Fuzz/seeds/report-*.bin "$corpus/" ;;
    *) cp "$fixtures"/json/*.json "$corpus/" ;;
  esac
  crashes=.build-fuzz/crashes/$format
  mkdir -p "$crashes"
  echo "== $format: $(ls "$corpus" | wc -l) seeds, $seconds s"
  # SWIFT_BACKTRACE: a trap in a round trip is for libFuzzer to report; Swift's own backtracer would
  # hold the output pipe open.
  if ! SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 THREADNET_FUZZ_FORMAT="$format" "$fuzzer" "$corpus" -max_total_time="$seconds" \
       -seed="${THREADNET_FUZZ_SEED:-1}" -rss_limit_mb=2048 -timeout=20 -max_len=262144 -artifact_prefix="$crashes/" 2>&1 | grep -E "DONE|ERROR|SUMMARY|Test unit written" ; then
    true
  fi
  if [ -n "$(ls -A "$crashes")" ]; then echo "!! $format: crash inputs in $crashes"; failed=1; fi
  rm -rf "$corpus"
done
exit $failed
