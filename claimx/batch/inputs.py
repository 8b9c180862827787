"""What a batch reads: files, folders and ``-`` expanded into work items, one per story.

A work item's ``source`` is its key everywhere: the path as given for a file
(``stories/reut-00001.txt``), ``PATH:LINE`` for a line of a JSON Lines file
(``reuters.jsonl:17``), ``-`` (or ``-:LINE``) for standard input.  It is
written to the item's output line, ``--resume`` skips the sources already in
the output, and ``--shard K/N`` keeps the items whose source hashes to K.
"""
from __future__ import annotations

import fnmatch
import hashlib
import itertools
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..errors import InputError, UsageError
from ..ingest.kinds import KINDS, kind_of
from ..ingest.records import jsonl_lines

# Every ending a reader is known for, so a folder yields what `claimx extract` would read.
DEFAULT_GLOBS = tuple(f"*{ending}" for ending in KINDS)


@dataclass(frozen=True)
class Item:
    """One story to process.  Files are read where the item is processed (a worker);
    JSON Lines lines and standard input travel as ``payload``."""

    source: str
    kind: str  # one of KIND_NAMES
    path: str | None = None
    payload: bytes | None = None


@dataclass(frozen=True)
class Shard:
    """``--shard K/N``: this run takes the items whose source hashes to K (1-based) of N."""

    index: int
    count: int

    @classmethod
    def parse(cls, value: str) -> "Shard":
        k, sep, n = value.partition("/")
        try:
            index, count = int(k), int(n)
        except ValueError:
            index = count = 0
        if not sep or count < 1 or not 1 <= index <= count:
            raise UsageError(f"invalid shard {value!r}: expected K/N with 1 <= K <= N, e.g. 1/4",
                             source="--shard")
        return cls(index, count)

    def __contains__(self, source: str) -> bool:
        return shard_of(source, self.count) == self.index


def shard_of(source: str, count: int) -> int:
    """The shard (1..count) a source belongs to: a hash of the source string, the same on
    every machine, Python version and run, and independent of the order inputs are listed in."""
    digest = hashlib.blake2b(source.encode("utf-8", "surrogateescape"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count + 1


def _matches(relative: str, name: str, globs: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(relative if "/" in g else name, g) for g in globs)


def walk(folder: str, globs: tuple[str, ...]) -> Iterator[str]:
    """Files under ``folder`` (recursively, sorted, hidden ones skipped) matching any glob;
    a glob with a ``/`` is matched against the path relative to the folder."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            relative = os.path.relpath(path, folder).replace(os.sep, "/")
            if _matches(relative, name, globs):
                yield path


@dataclass(frozen=True)
class Unit:
    """A file (or ``-``) named by the inputs, before it is split into stories."""

    path: str
    kind: str


def expand(inputs: Iterable[str], *, globs: tuple[str, ...] = DEFAULT_GLOBS, kind: str | None = None,
           exclude: str | None = None) -> list[Unit]:
    """The files the inputs name, in order: a file as given (whatever its name), a folder's
    matching files, ``-`` for standard input.  A path that does not exist stays, so that
    it yields an error record.  ``exclude`` (the output file) is never read."""
    units: list[Unit] = []
    seen: set[str] = set()
    for given in inputs:
        if given != "-" and os.path.isdir(given):
            paths = list(walk(given, globs))
        else:
            paths = [given]
        for path in paths:
            if path in seen or (exclude and path != "-" and _same_file(path, exclude)):
                continue
            seen.add(path)
            units.append(Unit(path, kind or ("stdin" if path == "-" else kind_of(path))))
    return units


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _stdin_items(stream, kind: str, wanted) -> Iterator[Item]:
    """Standard input is JSON Lines when it starts with ``{`` (read a line at a time), else
    one text article (read whole)."""
    head: list[bytes] = []
    for line in stream:
        head.append(line)
        if line.strip():
            break
    if kind == "stdin":
        kind = "jsonl" if b"".join(head).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") else "text"
    if kind == "jsonl":
        for number, line in jsonl_lines(itertools.chain(head, stream)):
            if wanted(f"-:{number}"):
                yield Item(f"-:{number}", "jsonl", None, line)
    elif wanted("-"):
        yield Item("-", kind, None, b"".join(head) + stream.read())


def items(units: list[Unit], *, shard: Shard | None = None, done: set[str] | frozenset = frozenset(),
          stdin=None) -> Iterator[Item]:
    """The stories of the units, in order, less those not in ``shard`` or already ``done``.

    JSON Lines files are read one line at a time (memory stays flat); a file
    that cannot be opened is one item, which becomes an error record.
    """
    def wanted(source: str) -> bool:
        return source not in done and (shard is None or source in shard)

    for unit in units:
        if unit.path == "-":
            yield from _stdin_items(stdin or sys.stdin.buffer, unit.kind, wanted)
        elif unit.kind == "jsonl":
            try:
                handle = open(unit.path, "rb")
            except OSError:  # reported by the worker that tries to read it
                if wanted(unit.path):
                    yield Item(unit.path, "file-error", unit.path)
                continue
            with handle:
                for number, line in jsonl_lines(handle):
                    source = f"{unit.path}:{number}"
                    if wanted(source):
                        yield Item(source, "jsonl", unit.path, line)
        elif wanted(unit.path):
            yield Item(unit.path, unit.kind, unit.path)


def count(units: list[Unit], *, shard: Shard | None = None,
          done: set[str] | frozenset = frozenset()) -> tuple[int, int] | None:
    """How many items ``items`` will yield, and how many it skips as ``done``, in one quick
    pass that counts JSON Lines lines; None when standard input is among the units."""
    if any(unit.path == "-" for unit in units):
        return None
    todo = skipped = 0

    def tally(source: str) -> None:
        nonlocal todo, skipped
        if shard is None or source in shard:
            if source in done:
                skipped += 1
            else:
                todo += 1

    for unit in units:
        if unit.kind == "jsonl":
            try:
                with open(unit.path, "rb") as handle:
                    for number, _ in jsonl_lines(handle):
                        tally(f"{unit.path}:{number}")
            except OSError:
                tally(unit.path)
        else:
            tally(unit.path)
    return todo, skipped


def require_inputs(units: list[Unit], inputs: list[str], globs: tuple[str, ...]) -> None:
    """InputError (exit 3) when the inputs name no file at all (e.g. an empty folder)."""
    if not units:
        raise InputError(f"no input files: nothing matching {', '.join(globs)}",
                         source=" ".join(inputs) or None)
