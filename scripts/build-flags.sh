# Sourced by scripts/analyze-seed.sh and scripts/test.sh: the flags of their debug build, kept
# in one place because a build with other flags compiles everything again.
#
# --disable-index-store: no IDE index while compiling; -gnone: no DWARF debug info. Together
# they take a clean debug build with the tests from 201 s to 161 s on a 2-core machine (same
# run, same machine). Crash backtraces still name functions (from the symbol table); for a
# debugger, build without them (swift build) into the same .build folder.
THREADNET_DEBUG_FLAGS=(--disable-index-store -Xswiftc -gnone)
