#!/usr/bin/env python3
"""Independent counts for Tests/ThreadNetCoreTests/Fixtures/json/reddit-52o2fl-deleted-context.json.

The same rules as reddit-3hahrw-thread.py (which does the work): the comment listing is empty,
so the file holds no comments (threadCount 0, emptyThreads 1) and the importer must report that.
"""
import os
import runpy
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "json",
                       "reddit-52o2fl-deleted-context.json")

if __name__ == "__main__":
    sys.argv = [os.path.join(HERE, "reddit-3hahrw-thread.py"), FIXTURE]
    runpy.run_path(sys.argv[0], run_name="__main__")
