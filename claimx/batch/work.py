"""The work itself: a chunk of items in, one JSON line per item out.

``process_chunk`` is what every engine runs, in this process, in a forked
worker or on a Dask worker, so their outputs are the same line for line.
Each item becomes a schema-1 record, or an error record when it cannot be
read, decoded or parsed::

    {"schema": "claimx/1", "source": "a.txt", "id": "a", "error": {"type": "ContentError", "message": "..."}}

A story with a title but no text (a header and nothing after it, an empty
``text`` field) is a record with empty results and a warning, not an error.
"""
from __future__ import annotations

import dataclasses
import logging
import threading
from dataclasses import dataclass

from ..article import Article
from ..errors import ClaimxError, InputError
from ..ingest import read_bytes
from ..ingest.kinds import article_from_bytes, id_from_file_name
from ..ingest.records import DEFAULT_FIELDS, Fields, article_from_record, decode_line, parse_json
from ..render import to_jsonl
from .inputs import Item

log = logging.getLogger("claimx")

NO_TEXT_WARNING = "no article text: nothing to analyse"


@dataclass(frozen=True)
class Settings:
    """What every worker needs to know, besides the items (picklable, small)."""

    model: str | None = None
    published: str | None = None
    fields: Fields = DEFAULT_FIELDS
    batch_size: int = 64
    with_text: bool = False
    date_order: str | None = None  # DMY, MDY or YMD: how all-numeric publication dates are read


@dataclass(frozen=True)
class Result:
    """One item's output line, and what the progress display needs to know of it."""

    source: str
    line: str  # one JSON object and a newline
    status: str  # "ok", "empty" (no text to analyse) or "error"
    words: int = 0
    error: str | None = None  # the error message, for the one-line report on stderr


def error_result(item: Item, exc: BaseException, article_id: str | None = None) -> Result:
    if isinstance(exc, ClaimxError):
        kind, message = type(exc).__name__, exc.message
    else:  # a bug in claimx or a library: the story is lost, the batch goes on
        kind, message = "InternalError", f"{type(exc).__name__}: {exc}"
    record = {"schema": "claimx/1", "source": item.source, "id": article_id,
              "error": {"type": kind, "message": message}}
    return Result(item.source, to_jsonl(record), "error", error=message)


def load_article(item: Item, settings: Settings) -> Article:
    """Read one item into an Article; a ClaimxError when it cannot be read or parsed."""
    published = settings.published
    if item.kind == "jsonl":
        text = decode_line(item.payload, item.source)
        return article_from_record(parse_json(text, item.source), source=item.source,
                                   fields=settings.fields, published=published, empty_body=True,
                                   date_order=settings.date_order)
    data = item.payload if item.payload is not None else read_bytes(item.path)
    if item.kind == "file-error":  # a JSON Lines file that would not open; read_bytes says why
        raise InputError("cannot read", source=item.source)
    return article_from_bytes(data, source=item.source, kind=item.kind, published=published,
                              fields=settings.fields, empty_body=True, date_order=settings.date_order)


def _record_line(item: Item, article: Article, record: dict, settings: Settings, status: str) -> Result:
    if settings.with_text or item.kind == "html":
        record["text"] = article.text  # the offsets index it; for a web page it is nowhere else
    return Result(item.source, to_jsonl(record), status, words=len(article.body.split()))


def process_chunk(items: list[Item], settings: Settings, extractor=None) -> list[Result]:
    """One Result per item, in order.  Never raises for a bad item."""
    extractor = extractor or worker_extractor(settings.model)
    results: list[Result | None] = [None] * len(items)
    todo: list[tuple[int, Article]] = []
    for index, item in enumerate(items):
        try:
            article = load_article(item, settings)
            if article.body.strip():
                extractor.check_length(article)
                todo.append((index, article))
                continue
            article = dataclasses.replace(article, warnings=article.warnings + (NO_TEXT_WARNING,))
            record = extractor.empty_record(article)
            results[index] = _record_line(item, article, record, settings, "empty")
        except Exception as exc:  # noqa: BLE001 - one bad story never stops the batch
            # a story that could not be read is still known by its file's name (a JSON Lines line has none)
            results[index] = error_result(item, exc, None if item.kind == "jsonl" or item.path is None
                                          else id_from_file_name(item.path))
    try:
        records = extractor.extract_many((a for _, a in todo), batch_size=settings.batch_size)
        for (index, article), (_, record) in zip(todo, records):
            results[index] = _record_line(items[index], article, record, settings, "ok")
    except Exception as exc:  # noqa: BLE001 - spaCy failed on the batch: retry one story at a time
        log.debug("batch of %d failed (%s: %s); retrying one by one", len(todo), type(exc).__name__, exc)
        for index, article in todo:
            if results[index] is None:
                try:
                    record = extractor.extract_article(article)
                    results[index] = _record_line(items[index], article, record, settings, "ok")
                except Exception as exc:  # noqa: BLE001
                    results[index] = error_result(items[index], exc, article.id)
    return results  # type: ignore[return-value]


# One pipeline per process: set before forking (the local engine), or loaded on the
# first chunk a Dask worker runs and kept for the next ones.
_extractors: dict[str | None, object] = {}
_lock = threading.Lock()
_chunk_lock = threading.Lock()


def worker_extractor(model: str | None):
    with _lock:
        if model not in _extractors:
            from ..extractor import Extractor

            _extractors[model] = Extractor(model)
        return _extractors[model]


def set_worker_extractor(model: str | None, extractor) -> None:
    _extractors[model] = extractor


def process_chunk_locked(items: list[Item], settings: Settings) -> list[Result]:
    """``process_chunk`` for a worker that may run several tasks at once in threads (Dask):
    the pipeline is loaded once per worker process and used by one task at a time."""
    extractor = worker_extractor(settings.model)
    with _chunk_lock:
        return process_chunk(items, settings, extractor)

