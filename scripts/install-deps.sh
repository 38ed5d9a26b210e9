#!/usr/bin/env bash
# Installs the system libraries ThreadNet links against, when missing:
# libgraphviz-dev (libgvc, rendering), libzstd-dev and zlib1g-dev (compressed input),
# a font for the diagrams, and xmllint (libxml2-utils) for the tests that validate GEXF.
# Needs root (or sudo) only when something is missing.
set -euo pipefail
need=()
pkg-config --exists libgvc 2>/dev/null || need+=(libgraphviz-dev)
pkg-config --exists libzstd 2>/dev/null || need+=(libzstd-dev)
pkg-config --exists zlib 2>/dev/null || need+=(zlib1g-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
fc-list 2>/dev/null | grep -qi "DejaVu Sans" || need+=(fonts-dejavu-core)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)   # GEXF schema test
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
