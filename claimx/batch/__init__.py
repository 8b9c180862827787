"""Many stories in, one JSON line each out: ``claimx batch`` as a library.

    from claimx.batch import run_batch
    summary = run_batch(["stories/"], "claims.jsonl", n_process=2, resume=True)
    summary.errors  # inputs that got an error record

Every input yields exactly one line (a schema-1 record, or an error record),
written as soon as its chunk is done; lines come out in input order.  Knows
nothing of the command line or of rendering: progress goes to an optional
object with ``start(total)``, ``advance(results)`` and ``stop()``.
"""
from __future__ import annotations

import itertools
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..errors import UsageError
from ..ingest.published import check_date_order, parse_published
from ..ingest.records import DEFAULT_FIELDS, Fields
from . import engines
from ..ingest.kinds import KIND_NAMES
from .inputs import DEFAULT_GLOBS, Item, Shard, count, expand, items, require_inputs
from .output import open_sink
from .work import Result, Settings

ENGINES = ("local", "dask")
DEFAULT_BATCH_SIZE = 64


def default_processes() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


@dataclass
class Summary:
    """What a batch did.  ``failed`` is what the exit code reports."""

    output: str = "-"
    total: int | None = None  # inputs to process in this run (None: not known, standard input)
    skipped: int = 0  # already in the output (--resume)
    processed: int = 0
    records: int = 0  # lines with results (including `empty`)
    empty: int = 0  # stories with no text to analyse (a header and nothing after it)
    errors: int = 0  # error records
    words: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.errors > 0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def add(self, results: Sequence[Result]) -> None:
        for result in results:
            self.processed += 1
            self.words += result.words
            if result.status == "error":
                self.errors += 1
            else:
                self.records += 1
                self.empty += result.status == "empty"


def chunked(stream: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(stream)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _check(value: int, name: str) -> int:
    if value < 1:
        raise UsageError(f"must be at least 1, not {value}", source=name)
    return value


def run_batch(inputs: Sequence[str], output: str = "-", *, model: str | None = None,
              published: str | None = None, fields: Fields = DEFAULT_FIELDS,
              batch_size: int = DEFAULT_BATCH_SIZE, n_process: int | None = None,
              globs: Sequence[str] = DEFAULT_GLOBS, kind: str | None = None,
              shard: Shard | str | None = None, resume: bool = False, with_text: bool = False,
              engine: str = "local", scheduler: str | None = None, chunk_size: int | None = None,
              progress=None, extractor=None, on_error=None, date_order: str | None = None) -> Summary:
    """Process every story the inputs name into ``output`` (a JSON Lines file, or ``-``).

    Problems with the options raise UsageError, an output that cannot be
    written OutputError, a missing model ModelError, all before any story is
    read; a story that cannot be read or analysed never raises: it gets an
    error record, is counted in ``Summary.errors`` and passed to ``on_error``.
    ``extractor`` is a loaded Extractor to use, or a function that loads one.
    ``date_order`` (DMY, MDY, YMD) says how all-numeric publication dates are read.
    """
    date_order = check_date_order(date_order)
    if published is not None:  # checked now; each story keeps it as written (published_text)
        parse_published(published, date_order)
    if isinstance(shard, str):
        shard = Shard.parse(shard)
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}: expected local or dask", source="--engine")
    if kind is not None and kind not in KIND_NAMES:
        raise UsageError(f"unknown kind {kind!r}: expected {', '.join(KIND_NAMES)}", source="--kind")
    if scheduler and engine != "dask":
        raise UsageError("needs --engine dask", source="--scheduler")
    n_process = _check(n_process if n_process is not None else default_processes(), "--n-process")
    batch_size = _check(batch_size, "--batch-size")
    chunk_size = _check(chunk_size or batch_size, "--chunk-size")
    globs = tuple(globs) or DEFAULT_GLOBS
    if list(inputs).count("-") > 1:
        raise UsageError("standard input (-) can be read only once", source="INPUT")

    units = expand(inputs, globs=globs, kind=kind, exclude=None if output == "-" else output)
    require_inputs(units, list(inputs), globs)
    sink = open_sink(output, resume=resume)
    summary = Summary(output=output)
    started = time.monotonic()
    try:
        if engine == "local" and extractor is None:
            from ..extractor import Extractor

            extractor = Extractor(model)
        elif engine == "local" and callable(extractor) and not hasattr(extractor, "nlp"):
            extractor = extractor()  # a loader: called only once the inputs and output are known good
        # A loader (the CLI passes one) is for the local engine only: Dask's workers load their own.
        settings = Settings(model=getattr(extractor, "model", model), published=published,
                            fields=fields, batch_size=batch_size, with_text=with_text, date_order=date_order)
        counted = count(units, shard=shard, done=sink.done)
        if counted is not None:
            summary.total, summary.skipped = counted
        stories = items(units, shard=shard, done=sink.done)

        def ready() -> None:
            nonlocal started
            started = time.monotonic()  # words/s counts the work, not loading the model
            if progress is not None:
                progress.start(summary.total)

        if engine == "local":
            chunks = engines.local(chunked(stories, chunk_size), settings, extractor, n_process, ready)
        else:
            chunks = engines.dask(chunked(stories, chunk_size), settings, scheduler, n_process, ready)
        try:
            for results in chunks:
                sink.write("".join(result.line for result in results))
                summary.add(results)
                if on_error is not None:
                    for result in results:
                        if result.status == "error":
                            on_error(result.source, result.error)
                if progress is not None:
                    progress.advance(results)
        finally:
            chunks.close()
    finally:
        summary.seconds = time.monotonic() - started
        sink.close()
        if progress is not None:
            progress.stop()
    return summary


__all__ = ["DEFAULT_BATCH_SIZE", "ENGINES", "Fields", "Shard", "Summary", "default_processes", "run_batch"]
