"""``claimx show``: the article in the terminal with its findings highlighted (rich).

The story as written, each claim between ``⟦c1`` and ``⟧`` and underlined, its cue in
yellow, speakers in magenta, dates in cyan followed by their resolved value
(``on the 10th⟨2022-01-10⟩``) and venues in green; then the claims grouped by speaker,
as in the pretty view, and the events sorted by date (date, place, event, who).  The markers and values are there without colour too (a pipe,
``NO_COLOR``), so the view still reads in plain text.
"""
from __future__ import annotations

from typing import TextIO

from rich.console import Group
from rich.style import Style
from rich.text import Text

from .events import event_rows
from .pretty import _claims, _header, _joined, _table, _warnings, view_console
from .spans import body_start, date_ends, highlights, segments

STYLES = {
    "claim": Style(underline=True),
    "cue": Style(color="yellow", bold=True),
    "speaker": Style(color="magenta", bold=True),
    "venue": Style(color="green", bold=True),
    "date": Style(color="cyan", bold=True),
}
MARK = Style(color="bright_black")
VALUE = Style(color="cyan", dim=True)
OPEN, CLOSE = "⟦", "⟧"


def legend() -> Text:
    text = Text("  ")
    for label, style in (("⟦c1 claim⟧", STYLES["claim"]), ("cue", STYLES["cue"]),
                         ("speaker", STYLES["speaker"]), ("date", STYLES["date"]), ("venue", STYLES["venue"])):
        text.append(label, style=style)
        text.append("   ")
    text.append("⟨resolved date⟩", style=VALUE)
    return text


def article_text(record: dict, text: str) -> Text:
    """The article body as rich Text: highlights styled, claim markers and date values inserted."""
    start = body_start(record, text)
    claims = {c["id"]: c for c in record.get("claims") or []}
    starts: dict[int, list[str]] = {}
    ends: dict[int, list[str]] = {}
    for claim in claims.values():
        if start <= claim["start"] < claim["end"] <= len(text):
            starts.setdefault(claim["start"], []).append(claim["id"])
            ends.setdefault(claim["end"], []).insert(0, claim["id"])
    values = date_ends(record)
    out = Text()
    for seg in segments(highlights(record), start, len(text)):
        for cid in starts.pop(seg.start, []):
            out.append(f"{OPEN}{cid} ", style=MARK)
        style = Style.combine(STYLES[h.layer] for h in seg.highlights) if seg.highlights else None
        out.append(text[seg.start:seg.end], style=style)
        for date in values.get(seg.end, []):
            out.append(f"⟨{date.get('value') or '?'}⟩", style=VALUE)
        for _ in ends.get(seg.end, []):
            out.append(CLOSE, style=MARK)
        ends.pop(seg.end, None)
    out.rstrip()
    return out


def events_table(record: dict) -> list:
    """The events sorted by date: date, place, event (kind), who (the speakers reporting it)."""
    rows = event_rows(record)
    if not rows:
        return []
    table = _table("date", "place", "event", "who", title=f"Events ({len(rows)})")
    for row in rows:
        table.add_row(Text(row.date, style="cyan") if row.date else Text("–", style="dim"),
                      _joined([Text(p, style="green") for p in row.places]),
                      Text(f"{row.event} ({row.kind})"), _joined([Text(w) for w in row.who]))
    return [Text(""), table]


def render_show(record: dict, text: str, file: TextIO, *, color: bool | None = None,
                width: int | None = None) -> None:
    """Print the article with highlights, then the claims by speaker, to ``file``.

    ``color`` None lets rich decide (colour on a terminal, none in a pipe or when
    NO_COLOR is set); ``width`` None uses the terminal's, or 100.
    """
    console = view_console(file, color=color, width=width)
    console.print(Group(*_header(record), Text(""), legend(), Text(""), article_text(record, text),
                        *_claims(record), *events_table(record), *_warnings(record)))
