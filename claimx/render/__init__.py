"""Writers: a schema-1 record out as json (indented), jsonl (one compact line) or pretty (rich).

``write(record, fmt, stream)`` is all a command needs.  JSON is always UTF-8
with non-ASCII characters kept as they are; the pretty view is imported only
when asked for, so the library never imports rich.
"""
from __future__ import annotations

import json
from typing import TextIO

FORMATS = ("json", "jsonl", "pretty")


def to_json(record: dict) -> str:
    """The record as indented JSON, ending in a newline."""
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def to_jsonl(record: dict) -> str:
    """The record as one compact line of JSON, ending in a newline."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def write(record: dict, fmt: str, stream: TextIO, *, color: bool | None = None,
          width: int | None = None) -> None:
    """Write one record to a text stream in one of FORMATS.

    ``color`` and ``width`` apply to ``pretty`` only (None: decided from the stream).
    """
    if fmt == "pretty":
        from .pretty import render_pretty

        render_pretty(record, stream, color=color, width=width)
    elif fmt == "json":
        stream.write(to_json(record))
    elif fmt == "jsonl":
        stream.write(to_jsonl(record))
    else:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
