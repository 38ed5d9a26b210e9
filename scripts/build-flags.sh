# Sourced by scripts/analyze-seed.sh and scripts/test.sh: the flags of their debug build, kept
# in one place because a build with other flags compiles everything again.
#
# -gnone: no DWARF debug info: a clean debug build with the tests took 189 s instead of 204 s
# (back to back, 2 cores). The index store stays: `swift test` on Linux finds the tests through
# it. Crash backtraces still name functions (from the symbol table); for a debugger, build
# without it (swift build).
THREADNET_DEBUG_FLAGS=(-Xswiftc -gnone)
