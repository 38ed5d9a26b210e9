#!/usr/bin/env bash
# Installs the system libraries ThreadNet links against, when missing:
# libgraphviz-dev (libgvc, rendering), libcmark-gfm-dev (report.html), libzstd-dev and zlib1g-dev (compressed input), libssl-dev (SHA-256),
# libstemmer-dev (Snowball stemmers, --stem),
# fonts for the diagrams (DejaVu, and WenQuanYi Micro Hei for Chinese/Japanese labels), and xmllint (libxml2-utils) for the tests that validate GEXF.
# Then the Python references of the author-network tests (scripts/reference/), networkx and
# igraph, pinned to the versions the committed .network.json files were made with.
# With --tests (scripts/test.sh), also Chromium, the headless browser the report.html tests drive.
# Needs root (or sudo) only when something is missing.
set -euo pipefail
need=()
pkg-config --exists libcmark-gfm 2>/dev/null || need+=(libcmark-gfm-dev libcmark-gfm-extensions-dev)   # report.html
if [ "${1:-}" = "--tests" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)   # report.html in a real browser
fi
if [ "${1:-}" = "--spark" ]; then   # spark/: Java 17 for PySpark, zstd to decompress .zst inputs
  java -version 2>&1 | grep -q 'version "\(1[7-9]\|2[0-9]\)' || need+=(openjdk-17-jre-headless)
  command -v zstd >/dev/null 2>&1 || need+=(zstd)
fi
pkg-config --exists libgvc 2>/dev/null || need+=(libgraphviz-dev)
pkg-config --exists libzstd 2>/dev/null || need+=(libzstd-dev)
pkg-config --exists zlib 2>/dev/null || need+=(zlib1g-dev)
pkg-config --exists libcrypto 2>/dev/null || need+=(libssl-dev)   # SHA-256 of the input (provenance)
[ -f /usr/include/libstemmer.h ] || need+=(libstemmer-dev)   # Snowball stemmers (no pkg-config file)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
fc-list 2>/dev/null | grep -qi "DejaVu Sans" || need+=(fonts-dejavu-core)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-microhei)   # CJK labels (topics of Chinese threads)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)   # GEXF schema test
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Author-network references: pip-install networkx and igraph when python3 cannot import them.
if command -v python3 >/dev/null 2>&1 && ! python3 -c "import networkx, igraph" >/dev/null 2>&1; then
  echo "installing: networkx==3.6.1 igraph==1.0.0 (pip)" >&2
  python3 -m pip install --quiet --disable-pip-version-check "networkx==3.6.1" "igraph==1.0.0"
fi
# The JSON Schema of metrics.json (schemas/) is checked with jsonschema in the tests.
if command -v python3 >/dev/null 2>&1 && ! python3 -c "import jsonschema" >/dev/null 2>&1; then
  echo "installing: jsonschema==4.26.0 (pip)" >&2
  python3 -m pip install --quiet --disable-pip-version-check "jsonschema==4.26.0"
fi
# The benchmark's reference pipelines (bench/reference/): orjson, numpy, scipy.
if command -v python3 >/dev/null 2>&1 && ! python3 -c "import orjson, numpy, scipy" >/dev/null 2>&1; then
  echo "installing: orjson numpy scipy (pip, for bench/)" >&2
  python3 -m pip install --quiet --disable-pip-version-check orjson numpy scipy
fi
# The Spark job (spark/, with --spark): PySpark in local mode.
if [ "${1:-}" = "--spark" ] && ! python3 -c "import pyspark" >/dev/null 2>&1; then
  echo "installing: pyspark==3.5.3 (pip, for spark/)" >&2
  python3 -m pip install --quiet --disable-pip-version-check "pyspark==3.5.3"
fi
