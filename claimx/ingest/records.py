"""Articles given as JSON: a ``.json`` file holding one object, or ``.jsonl``/``.ndjson``
lines holding one object each.

    {"id": "story-00001", "published": "1987-02-26", "title": "HARBOR FEES REVIEW", "text": "..."}

The field names are ``text``, ``id``, ``published`` and ``title`` unless told
otherwise (``Fields``).  The article's text is the ``text`` value itself, so
every offset in its record indexes that string (there is no header; the body
starts at 0).  Knows nothing of spaCy or of output formats.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ..article import Article
from ..errors import ContentError
from .published import (NotADate, check_date_order, future_warnings, normalise_published, parse_published,
                        published_error)


@dataclass(frozen=True)
class Fields:
    """Which keys of a JSON article hold what."""

    text: str = "text"
    id: str = "id"
    published: str = "published"
    title: str = "title"


DEFAULT_FIELDS = Fields()


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"


def parse_json(text: str, source: str) -> object:
    """``json.loads`` with a ContentError (exit 4) naming where the JSON breaks."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContentError(_json_error(exc), source=source) from None
    except RecursionError:
        raise ContentError("not valid JSON: nested too deeply", source=source) from None


def _optional_string(value: object, key: str, source: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ContentError(f"{key!r} is {type(value).__name__}, not a string", source=source)
    return str(value)


def article_from_record(obj: object, *, source: str, fields: Fields = DEFAULT_FIELDS,
                        published: str | None = None, empty_body: bool = False,
                        date_order: str | None = None) -> Article:
    """An Article from one decoded JSON article object.

    The publication date comes from ``published`` (the flag), else the
    object's published field (``published_source: "record"``).  ContentError
    (exit 4) for anything that is not an article: not an object, no text
    field, text not a string, empty text (unless ``empty_body``), an invalid or
    ambiguous date (``date_order``, DMY, MDY or YMD, reads all-numeric ones).
    """
    if not isinstance(obj, dict):
        kind = "an array" if isinstance(obj, list) else type(obj).__name__ if obj is not None else "null"
        raise ContentError(f"not a JSON object but {kind}", source=source)
    if fields.text not in obj:
        raise ContentError(f"no {fields.text!r} field", source=source)
    text = obj[fields.text]
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise ContentError(f"{fields.text!r} is {type(text).__name__}, not a string", source=source)
    if not text.strip() and not empty_body:
        raise ContentError(f"no article text: {fields.text!r} is " + ("only whitespace" if text else "empty"),
                           source=source)
    date_order = check_date_order(date_order)
    if published is not None:
        published_text, published_source = published, "flag"
        published = parse_published(published, date_order)
    elif (published_text := _optional_string(obj.get(fields.published), fields.published, source)) is not None:
        try:
            published = normalise_published(published_text, date_order)
        except NotADate as exc:
            raise ContentError(published_error(exc, published_text, f"{fields.published!r} date"),
                               source=source) from None
        published_source = "record"
    else:
        published_source = None
    warnings = future_warnings(published, published_source)
    return Article(
        text=text, source=source,
        id=_optional_string(obj.get(fields.id), fields.id, source),
        title=_optional_string(obj.get(fields.title), fields.title, source),
        published=published, published_text=published_text, published_source=published_source, body_start=0,
        warnings=warnings,
    )


def jsonl_lines(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """(line number, raw bytes) for each line of a JSON Lines stream that is not blank.

    Lines are read one at a time, so a file of any size takes little memory.
    """
    for number, line in enumerate(stream, start=1):
        if line.strip():
            yield number, line


def decode_line(raw: bytes, source: str) -> str:
    """A JSON Lines line as text: UTF-8 (JSON's encoding), a byte-order mark on the first line allowed."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ContentError(f"not UTF-8 (byte 0x{raw[exc.start]:02X} at offset {exc.start} of the line)",
                           source=source) from None
