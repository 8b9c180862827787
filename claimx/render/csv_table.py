"""CSV for spreadsheets: one row per claim.

Columns (``COLUMNS``): the claim id, the speaker's name, title and affiliation,
the kind, the cue, the claim's text, its dates (``text = value``), its venues
and the record's source.  Standard CSV (RFC 4180: commas, double quotes, CRLF
line ends), UTF-8.  A cell that a spreadsheet would run as a formula (starting
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading
``'``: the article is untrusted text.  The JSON record keeps the exact text.

``write_csv(records, stream)`` writes the header once and every record's rows,
so many records (a batch's output, read back from JSON Lines) make one sheet.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import TextIO

from .spans import date_value

COLUMNS = ("id", "speaker", "title", "affiliation", "kind", "cue", "text", "dates", "venues", "source")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """A value as a spreadsheet cell: None is empty; a would-be formula is defused."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_rows(record: dict) -> list[list[str]]:
    """The record's claims as rows of COLUMNS, in the record's order."""
    speakers = {s["id"]: s for s in record.get("speakers") or []}
    dates = {d["id"]: d for d in record.get("dates") or []}
    venues = {v["id"]: v for v in record.get("venues") or []}
    rows = []
    for claim in record.get("claims") or []:
        speaker = speakers.get(claim.get("speaker") or "") or {}
        mention = claim.get("speaker_mention") or {}
        cue = claim.get("cue") or {}
        rows.append([cell(v) for v in (
            claim["id"],
            speaker.get("name") or mention.get("text"),
            speaker.get("title"),
            speaker.get("affiliation"),
            claim["kind"],
            cue.get("text"),
            claim["text"],
            "; ".join(f"{dates[d]['text']} = {date_value(dates[d])}" for d in claim.get("date_ids") or []
                      if d in dates),
            "; ".join(venues[v]["name"] for v in claim.get("venue_ids") or [] if v in venues),
            record.get("source"),
        )])
    return rows


def write_csv(records: Iterable[dict], stream: TextIO, *, header: bool = True) -> None:
    """Write the header (unless ``header`` is false) and the rows of every record."""
    writer = csv.writer(stream, lineterminator="\r\n")
    if header:
        writer.writerow(COLUMNS)
    for record in records:
        writer.writerows(csv_rows(record))


def to_csv(record: dict) -> str:
    """One record as a CSV document, header included."""
    out = io.StringIO(newline="")
    write_csv([record], out)
    return out.getvalue()
