"""Engines: where chunks are processed.  Each yields one list of Results per chunk, in
input order, whatever order the chunks finish in.

- ``local``: this process (``n_process == 1``), or ``n_process`` worker processes
  forked after the pipeline is loaded (one model load; each worker runs
  ``nlp.pipe`` over its chunks and sends back JSON lines, never Docs).  A worker
  that dies (a crash, the OOM killer) costs no line: its chunks are run again one
  story at a time, and a story that still kills its worker gets an error record.
- ``dask``: tasks of one chunk each on a Dask distributed cluster; every worker
  process loads the pipeline once and keeps it.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..errors import InputError, UsageError
from .inputs import Item
from .work import Result, Settings, error_result, process_chunk, process_chunk_locked, set_worker_extractor


class WorkerDied(Exception):
    """A worker process died while processing the story (a crash or the OOM killer)."""

    def __init__(self):
        super().__init__("the worker process died on this input")


def _die_with_parent() -> None:
    """Linux: the kernel kills this worker when the batch process dies, even by SIGKILL."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return


def _init_worker(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before we could ask to follow it
        os._exit(1)


def _ready(_: object = None) -> int:
    return os.getpid()


class _Pool:
    """A ProcessPoolExecutor of forked workers that can be killed at once."""

    def __init__(self, n_process: int):
        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                              else None)
        self.executor = ProcessPoolExecutor(n_process, mp_context=context, initializer=_init_worker,
                                            initargs=(os.getpid(),))
        # Start every worker now, before the caller starts threads (a progress display).
        list(self.executor.map(_ready, range(n_process)))

    def submit(self, chunk: list[Item], settings: Settings):
        return self.executor.submit(process_chunk, chunk, settings)

    def kill(self) -> None:
        for process in list(getattr(self.executor, "_processes", {}).values()):
            try:
                process.kill()
            except (OSError, AttributeError):
                pass
        self.executor.shutdown(wait=False, cancel_futures=True)


class _Window:
    """Chunks submitted ahead of the one being waited for, at most ``size``, in input order."""

    def __init__(self, chunks: Iterable[list[Item]], size: int):
        self.source, self.size, self.pending = iter(chunks), size, deque()

    def next(self, submit: Callable) -> tuple[list[Item], object] | None:
        """The oldest (chunk, future), after topping the window up with ``submit``; None at the end."""
        while len(self.pending) < self.size and (chunk := next(self.source, None)) is not None:
            self.pending.append((chunk, submit(chunk)))
        return self.pending.popleft() if self.pending else None

    def drain(self) -> list[list[Item]]:
        """The chunks still in flight, forgotten (their pool is gone)."""
        chunks = [chunk for chunk, _ in self.pending]
        self.pending.clear()
        return chunks


def local(chunks: Iterable[list[Item]], settings: Settings, extractor, n_process: int,
          on_ready: Callable[[], None]) -> Iterator[list[Result]]:
    if n_process <= 1:
        on_ready()
        for chunk in chunks:
            yield process_chunk(chunk, settings, extractor)
        return
    set_worker_extractor(settings.model, extractor)  # inherited by the forked workers
    pool = _Pool(n_process)
    on_ready()
    window = _Window(chunks, 2 * n_process + 2)
    try:
        # the lambda reads ``pool`` when called: it always submits to the live pool
        while (entry := window.next(lambda chunk: pool.submit(chunk, settings))) is not None:
            chunk, future = entry
            try:
                results = future.result()
            except BrokenProcessPool:
                # Every chunk in flight is lost with the pool: run them again one story at a
                # time in a new pool, so that only a story that kills its worker is an error.
                lost = [chunk] + window.drain()
                pool.kill()
                pool = _Pool(n_process)
                for chunk in lost:
                    results = []
                    for item in chunk:
                        try:
                            results.extend(pool.submit([item], settings).result())
                        except BrokenProcessPool:
                            results.append(error_result(item, WorkerDied()))
                            pool.kill()
                            pool = _Pool(n_process)
                    yield results
                continue
            yield results
    finally:
        pool.kill()


def dask(chunks: Iterable[list[Item]], settings: Settings, scheduler: str | None, n_process: int,
         on_ready: Callable[[], None]) -> Iterator[list[Result]]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("needs Dask: pip install 'claimx[dask]'", source="--engine dask") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:  # a cluster on this machine, for trying it out
            cluster = LocalCluster(n_workers=n_process, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"cannot connect to the Dask scheduler: {exc}", source=scheduler) from None
    try:
        threads = sum(client.nthreads().values()) or n_process
        on_ready()
        submit = (lambda chunk: client.submit(process_chunk_locked, chunk, settings, pure=False))
        window = _Window(chunks, 2 * threads + 2)
        while (entry := window.next(submit)) is not None:
            chunk, future = entry
            try:
                results = future.result()
            except Exception as exc:  # noqa: BLE001 - a lost task (KilledWorker) loses no line
                results = [error_result(item, exc) for item in chunk]
            yield results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
