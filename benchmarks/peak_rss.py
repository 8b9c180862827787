"""Run a command; print its wall time and peak memory (the largest sum of RSS over it and all
its child processes, sampled every 50 ms) on standard error.

    python benchmarks/peak_rss.py claimx batch ../shared/corpora/reuters21578/stories -o all.jsonl -n 2
"""
from __future__ import annotations

import subprocess
import sys
import time

import psutil

from meters import PeakRSS


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    start = time.perf_counter()
    child = subprocess.Popen(argv)
    with PeakRSS(0.05, root=psutil.Process(child.pid)) as meter:
        child.wait()
    seconds = time.perf_counter() - start
    print(f"peak_rss: exit {child.returncode}; wall {seconds:.1f} s; peak RSS (all processes) "
          f"{meter.peak / 2**20:,.0f} MB", file=sys.stderr)
    return child.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
