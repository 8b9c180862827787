"""PeakRSS: the memory and CPU time of a process tree, sampled in a thread (shared by the benchmarks)."""
from __future__ import annotations

import threading

import psutil


class PeakRSS:
    """Samples the RSS of ``root`` (this process by default) and its children in a thread:
    ``peak`` in bytes; and ``cpu``, the CPU seconds (user + system) the tree spent meanwhile
    (children as last seen, so a child's last ``interval`` may be missed; None when the root
    is gone by the end, as a command run by peak_rss.py is)."""

    def __init__(self, interval: float = 0.02, root: psutil.Process | None = None):
        self.root = root or psutil.Process()
        self.interval, self.peak, self._stop = interval, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._children: dict[int, float] = {}
        self._start_cpu = self._root_cpu()
        # Children already alive (spaCy's workers of an earlier run, not yet reaped) count
        # only for what they spend from now on.
        self._base: dict[int, float] = {}
        self._sample()
        self._base, self._children = dict(self._children), {}
        self.cpu: float | None = 0.0

    def _root_cpu(self) -> float | None:
        try:
            times = self.root.cpu_times()
        except psutil.Error:
            return None
        return times.user + times.system

    def _sample(self) -> int:
        try:
            tree = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:  # the root has exited
            return 0
        total = 0
        for process in tree:
            try:
                total += process.memory_info().rss
                if process.pid != self.root.pid:
                    times = process.cpu_times()
                    self._children[process.pid] = times.user + times.system
            except psutil.Error:
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._sample())
        end_cpu = self._root_cpu()
        if end_cpu is None or self._start_cpu is None:
            self.cpu = None
            return
        self.cpu = end_cpu - self._start_cpu + sum(
            spent - self._base.get(pid, 0.0) for pid, spent in self._children.items())
