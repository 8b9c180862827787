"""The pretty view: a schema-1 record for people to read in a terminal (rich).

Title and publication date, then the claims grouped by speaker (kind, cue,
content, dates, venues), then speakers, dates with their resolved values,
venues and warnings.  Every piece of article text goes in as ``Text`` so that
brackets in a story are never read as rich markup.
"""
from __future__ import annotations

from typing import TextIO

from rich import box
from rich.console import Console, Group
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..ingest.published import SOURCE_NAMES
from .spans import claims_by_speaker, speaker_extra



def _table(*columns: str, title: str | None = None) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title=title, title_justify="left", title_style="bold",
                  show_edge=False, pad_edge=False, expand=False)
    for name in columns:
        table.add_column(name, overflow="fold")
    return table


def _date_label(date: dict) -> Text:
    value = date.get("value")
    label = Text(date["text"])
    label.append(" → ")
    label.append(value if value is not None else "unresolved", style="cyan" if value else "dim")
    if date.get("mod"):
        label.append(f" ({date['mod']})", style="dim")
    return label


def _joined(parts: list[Text]) -> Text:
    return Text("\n").join(parts) if parts else Text("–", style="dim")


def _speaker_heading(speaker: dict | None) -> Text:
    if speaker is None:
        return Text("No speaker found")
    extra = speaker_extra(speaker)
    return Text(f"{speaker['name']}" + (f" — {extra}" if extra else "") + f"  ({speaker['id']}, {speaker['kind']})")


def _header(record: dict) -> list:
    title = record.get("title") or record.get("source") or "-"
    published = record.get("published")
    if published:
        when = Text(published, style="cyan")
        how = SOURCE_NAMES.get(record.get("published_source") or "")
        if how:
            when.append(f" (from {how})", style="dim")
    else:
        when = Text("unknown: relative dates are left unresolved", style="yellow")
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("source", Text(str(record.get("source"))))
    facts.add_row("published", when)
    facts.add_row("model", Text(str(record.get("model"))))
    return [Rule(Text(title, style="bold"), align="left"), facts]


def _claims(record: dict) -> list:
    claims = record.get("claims") or []
    if not claims:
        return [Text("\nNo claims found.", style="dim")]
    dates = {d["id"]: d for d in record.get("dates") or []}
    venues = {v["id"]: v for v in record.get("venues") or []}
    parts: list = [Text(f"\nClaims ({len(claims)})", style="bold underline")]
    for speaker, group in claims_by_speaker(record):
        table = _table("id", "kind", "cue", "content", "dates", "venues", title=_speaker_heading(speaker))
        for claim in group:
            cue = claim.get("cue") or {}
            table.add_row(
                Text(claim["id"]), Text(claim["kind"]), Text(cue.get("text") or "–"), Text(claim["text"]),
                _joined([_date_label(dates[d]) for d in claim.get("date_ids", []) if d in dates]),
                _joined([Text(venues[v]["name"]) for v in claim.get("venue_ids", []) if v in venues]),
            )
        parts += [Text(""), table]
    return parts


def _speakers(record: dict) -> list:
    speakers = record.get("speakers") or []
    if not speakers:
        return []
    table = _table("id", "name", "kind", "title", "affiliation", "mentions", title=f"Speakers ({len(speakers)})")
    for s in speakers:
        table.add_row(Text(s["id"]), Text(s["name"]), Text(s["kind"]), Text(s.get("title") or "–"),
                      Text(s.get("affiliation") or "–"), Text(str(len(s.get("mentions") or []))))
    return [Text(""), table]


def _dates(record: dict) -> list:
    dates = record.get("dates") or []
    if not dates:
        return []
    table = _table("id", "text", "type", "value", "mod", "anchor", title=f"Dates ({len(dates)})")
    for d in dates:
        value = d.get("value")
        table.add_row(Text(d["id"]), Text(d["text"]), Text(str(d.get("type") or "–")),
                      Text(value, style="cyan") if value else Text("unresolved", style="dim"),
                      Text(d.get("mod") or "–"), Text(d.get("anchor") or "–"))
    return [Text(""), table]


def _venues(record: dict) -> list:
    venues = record.get("venues") or []
    if not venues:
        return []
    dates = {d["id"]: d for d in record.get("dates") or []}
    table = _table("id", "venue", "dates", title=f"Venues ({len(venues)})")
    for v in venues:
        table.add_row(Text(v["id"]), Text(v["name"]),
                      _joined([_date_label(dates[d]) for d in v.get("date_ids", []) if d in dates]))
    return [Text(""), table]


def _warnings(record: dict) -> list:
    warnings = record.get("warnings") or []
    if not warnings:
        return []
    return [Text(""), Text(f"Warnings ({len(warnings)})", style="bold yellow"),
            *(Text(f"  ! {w}", style="yellow") for w in warnings)]


def view_console(file: TextIO, *, color: bool | None, width: int | None) -> Console:
    """The console the terminal views print on: rich decides colour unless told; 100 columns off a terminal."""
    console = Console(file=file, force_terminal=color, no_color=color is False,
                      width=width, highlight=False, emoji=False, markup=False)
    if width is None and not console.is_terminal:
        console.width = 100
    return console


def render_pretty(record: dict, file: TextIO, *, color: bool | None = None, width: int | None = None) -> None:
    """Print the record's pretty view to ``file``.

    ``color`` None lets rich decide (colour on a terminal, none in a file or
    pipe, none when NO_COLOR is set); ``width`` None uses the terminal's, or 100.
    """
    console = view_console(file, color=color, width=width)
    console.print(Group(*_header(record), *_claims(record), *_speakers(record), *_dates(record),
                        *_venues(record), *_warnings(record)))
