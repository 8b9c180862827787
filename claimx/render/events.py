"""The events of a record as rows for the human views (show, html): date, place, event, who.

Sorted by date, undated events last in reading order; "who" are the speakers of the
claims that report the event.  ``timeline_svg(rows)`` draws the dated ones on one axis,
as inline SVG (no script, nothing fetched).  Pure Python: knows nothing of rich.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date

from ..temporal import calendar as cal

SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}


@dataclass(frozen=True)
class EventRow:
    id: str
    date: str | None  # the event's date ("2022-01-10", "1987-W15", "1987-SU") or None
    first_day: date | None  # where the date starts, to sort and draw it
    places: tuple[str, ...]
    event: str  # the trigger word
    kind: str
    who: tuple[str, ...]  # the speakers of the claims that report it


def first_day(value: str | None) -> date | None:
    """The first day of a TIMEX3 value, at any granularity ("1987-W15", "1987-SU", "198" a decade)."""
    if not value:
        return None
    point = cal.parse_value(value)
    if point is not None:
        return point.first
    season = re.fullmatch(r"(\d{4})-([A-Z]{2})", value)
    if season and season[2] in SEASON_MONTHS:
        return date(int(season[1]), SEASON_MONTHS[season[2]], 1)
    week = re.match(r"(\d{4}-W\d\d)", value)  # "1987-W17-WE": the week it is in
    if week:
        return first_day(week[1])
    decade = re.fullmatch(r"(\d{3})", value)
    return date(int(decade[1]) * 10, 1, 1) if decade else None


def _speaker_names(record: dict, claim_ids: list[str]) -> tuple[str, ...]:
    speakers = {s["id"]: s for s in record.get("speakers") or []}
    claims = {c["id"]: c for c in record.get("claims") or []}
    names = []
    for cid in claim_ids:
        claim = claims.get(cid) or {}
        speaker = speakers.get(claim.get("speaker") or "")
        mention = claim.get("speaker_mention") or {}
        name = speaker["name"] if speaker else mention.get("text")
        if name and name not in names:
            names.append(name)
    return tuple(names)


def event_rows(record: dict) -> list[EventRow]:
    """The record's events, sorted by date (undated last), each with its places and speakers."""
    venues = {v["id"]: v for v in record.get("venues") or []}
    rows = []
    for event in record.get("events") or []:
        places = tuple(dict.fromkeys(venues[v]["name"] for v in event.get("venue_ids") or [] if v in venues))
        rows.append(EventRow(event["id"], event.get("date"), first_day(event.get("date")), places,
                             event["text"], event.get("kind") or "other",
                             _speaker_names(record, event.get("claim_ids") or [])))
    order = {row.id: n for n, row in enumerate(rows)}
    return sorted(rows, key=lambda r: (r.first_day is None, r.first_day or date.min, order[r.id]))


WIDTH, MARGIN, ROW = 720, 40, 16
CHAR, GAP = 6.5, 8  # about the width of a character of the 11 px label font; the space between labels


def timeline_svg(rows: list[EventRow]) -> str:
    """The dated events on a time axis, one mark each (its tooltip: date, event, place): an
    inline ``<svg>`` element, or "" when no event has a date."""
    dated = [r for r in rows if r.first_day is not None]
    if not dated:
        return ""
    lo, hi = dated[0].first_day.toordinal(), dated[-1].first_day.toordinal()
    span = max(hi - lo, 1)
    lanes: list[list[tuple[float, float]]] = []  # the stretches of x each row of labels has taken
    marks = []
    for row in dated:
        x = MARGIN + (row.first_day.toordinal() - lo) / span * (WIDTH - 2 * MARGIN) if hi > lo else WIDTH / 2
        label = f"{row.date} {row.event}" + (f" — {', '.join(row.places)}" if row.places else "")
        width = CHAR * len(label)
        # A label runs right of its mark, or left of it where the right would leave the picture.
        right = x + 3 + width <= WIDTH
        taken = (x + 3, x + 3 + width) if right else (x - 3 - width, x - 3)
        lane = next((n for n, used in enumerate(lanes)
                     if all(taken[1] + GAP <= a or b + GAP <= taken[0] for a, b in used)), len(lanes))
        if lane == len(lanes):
            lanes.append([])
        lanes[lane].append(taken)
        y = 44 + lane * ROW
        tip = html.escape(f"{row.date}: {row.event}" + (f" in {', '.join(row.places)}" if row.places else ""), True)
        anchor = "" if right else ' text-anchor="end"'
        marks.append(f'<g class="mark kind-{html.escape(row.kind, True)}" data-event="{html.escape(row.id, True)}">'
                     f'<title>{tip}</title><line x1="{x:.1f}" y1="24" x2="{x:.1f}" y2="{y - 4}"/>'
                     f'<circle cx="{x:.1f}" cy="24" r="5"/>'
                     f'<text x="{x + 3 if right else x - 3:.1f}" y="{y + 4}"{anchor}>{html.escape(label)}</text></g>')
    height = 56 + len(lanes) * ROW
    ends = (f'<text class="end" x="{MARGIN}" y="12">{html.escape(dated[0].date or "")}</text>'
            f'<text class="end" x="{WIDTH - MARGIN}" y="12" text-anchor="end">{html.escape(dated[-1].date or "")}</text>')
    return (f'<svg class="timeline" role="img" aria-label="Timeline of {len(dated)} dated events" '
            f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
            f'<line class="axis" x1="{MARGIN}" y1="24" x2="{WIDTH - MARGIN}" y2="24"/>{ends}{"".join(marks)}</svg>')
