// GitHub's CommonMark parser with its table extension (Debian: libcmark-gfm-dev,
// libcmark-gfm-extensions-dev), which turns report.md into report.html.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
