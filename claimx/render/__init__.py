"""Writers: a schema-1 record out as json (indented), jsonl (one compact line), pretty (rich),
html (a self-contained page) or csv (one row per claim).

``write(record, fmt, stream, text=...)`` is all a command needs (``text``, the input the
record was made from, is what the html page shows).  JSON is always UTF-8 with
non-ASCII characters kept as they are; the pretty and show views are imported only
when asked for, so the library never imports rich.  For many records:
``html_report.render_html`` / ``render_index`` and ``csv_table.write_csv``.
"""
from __future__ import annotations

import json
from typing import TextIO

FORMATS = ("json", "jsonl", "pretty", "html", "csv")


def to_json(record: dict) -> str:
    """The record as indented JSON, ending in a newline."""
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def to_jsonl(record: dict) -> str:
    """The record as one compact line of JSON, ending in a newline."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def write(record: dict, fmt: str, stream: TextIO, *, color: bool | None = None,
          width: int | None = None, text: str | None = None) -> None:
    """Write one record to a text stream in one of FORMATS.

    ``color`` and ``width`` apply to ``pretty`` only (None: decided from the stream);
    ``text`` (the input as read) to ``html`` only: without it the page has no article.
    """
    if fmt == "pretty":
        from .pretty import render_pretty

        render_pretty(record, stream, color=color, width=width)
    elif fmt == "json":
        stream.write(to_json(record))
    elif fmt == "jsonl":
        stream.write(to_jsonl(record))
    elif fmt == "html":
        from .html_report import render_html

        stream.write(render_html(record, text))
    elif fmt == "csv":
        from .csv_table import write_csv

        write_csv([record], stream)
    else:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
