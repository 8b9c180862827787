"""Reading claimx's rule data from ``models/``.

Word lists are UTF-8 text, one entry a line, ``#`` starting a comment.  Tables
are tab-separated with a header line.  Patterns are JSON Lines.  Everything is
read once per component and cached per path.

``recording()`` lists the files read while it is open, by their names inside the
models folder: what a component read is what its ``to_disk`` saves.
"""
from __future__ import annotations

import csv
import json
import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from .errors import ClaimxError


@lru_cache(maxsize=1)
def models_dir() -> Path:
    """The rule-data folder: the installed copy (``claimx.models``) or the checkout's ``models/``."""
    try:
        from . import models as packaged  # the top-level models/ installed as claimx.models
    except ImportError:  # running from a source checkout that is not installed
        return Path(__file__).resolve().parent.parent / "models"
    return Path(packaged.__file__).parent


_reads = threading.local()


@contextmanager
def recording():
    """The names (``claims/cue_nouns.tsv``) of the data files read inside the ``with``, in first-read order."""
    outer = getattr(_reads, "names", None)
    names: list[str] = []
    _reads.names = names
    try:
        yield names
    finally:
        _reads.names = outer
        if outer is not None:
            outer.extend(n for n in names if n not in outer)


def _resolve(name: str, base: str | Path | None) -> Path:
    names = getattr(_reads, "names", None)
    if names is not None and name not in names:
        names.append(name)
    path = Path(base or models_dir()) / name
    if not path.is_file():
        raise ClaimxError(f"rule data file missing: {path}")
    return path


def _lines(path: Path) -> list[str]:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@lru_cache(maxsize=None)
def _words(path: Path, lower: bool) -> frozenset[str]:
    return frozenset(w.lower() if lower else w for w in _lines(path))


def words(name: str, base: str | Path | None = None, *, lower: bool = True) -> frozenset[str]:
    """A word list as a set (lower-cased unless asked not to)."""
    return _words(_resolve(name, base), lower)


@lru_cache(maxsize=None)
def _table(path: Path) -> tuple[dict[str, str], ...]:
    return tuple(row for _, row in _numbered_table(path))


def table(name: str, base: str | Path | None = None) -> tuple[dict[str, str], ...]:
    """A tab-separated table as a tuple of row dicts keyed by the header."""
    return _table(_resolve(name, base))


@lru_cache(maxsize=None)
def _numbered_table(path: Path) -> tuple[tuple[int, dict[str, str]], ...]:
    numbered = [(n, line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if line.strip() and not line.lstrip().startswith("#")]
    rows = csv.DictReader([line for _, line in numbered], delimiter="\t")
    return tuple((n, dict(row)) for (n, _), row in zip(numbered[1:], rows))


def numbered_table(name: str, base: str | Path | None = None) -> tuple[Path, tuple[tuple[int, dict[str, str]], ...]]:
    """A table's path, and its rows each with its line number in the file (for errors that name the line)."""
    path = _resolve(name, base)
    return path, _numbered_table(path)


@lru_cache(maxsize=None)
def _jsonl(path: Path) -> tuple[dict, ...]:
    return tuple(json.loads(line) for line in _lines_keep_hash(path))


def _lines_keep_hash(path: Path) -> list[str]:
    # JSON may contain '#', so only whole-line comments are dropped here.
    return [ln for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")]


def lines(name: str, base: str | Path | None = None) -> tuple[str, ...]:
    """A file's non-empty lines, whole-line ``#`` comments dropped, kept verbatim otherwise."""
    return tuple(ln.strip() for ln in _lines_keep_hash(_resolve(name, base)))


def jsonl(name: str, base: str | Path | None = None) -> tuple[dict, ...]:
    """A JSON Lines file as a tuple of objects."""
    return _jsonl(_resolve(name, base))


def path(name: str, base: str | Path | None = None) -> Path:
    """A data file's path (recorded as read, so ``to_disk`` saves it), for files other readers parse (weights)."""
    return _resolve(name, base)
