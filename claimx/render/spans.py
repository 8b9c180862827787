"""Highlights for the human views (html, show): a record's spans over the article text.

A record's spans overlap and nest (a claim holds dates, venues and the mention of
another speaker; a cue sits beside or inside its claim), so they cannot be drawn
as properly nested tags.  ``segments`` cuts the text at every span edge instead:
each piece carries the spans that cover all of it, outermost first, and a view
styles a piece by the layers it has.  Offsets are the record's own (into the
whole input, header included); the views show ``text[body_start:]``.

Pure Python: knows nothing of rich or HTML.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

# The layers, outermost first (a claim contains a cue, a speaker, a date or a venue).
LAYERS = ("claim", "cue", "speaker", "venue", "date")


@dataclass(frozen=True)
class Highlight:
    """One span of the record to draw: its layer, its record id and a few lines of details."""

    start: int
    end: int
    layer: str  # one of LAYERS
    id: str  # the record id: c1, s2, d3, v1; a cue is c1-cue, an unresolved speaker mention c1-speaker
    details: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    highlights: tuple[Highlight, ...]  # outermost first


def speaker_extra(speaker: dict) -> str:
    """A speaker's title and affiliation, as one phrase ('' when it has neither)."""
    return ", ".join(part for part in (speaker.get("title"), speaker.get("affiliation")) if part)


def body_start(record: dict, text: str) -> int:
    """Where the views start showing the text: after the header, within the text whatever the record says."""
    return min(max(int(record.get("body_start") or 0), 0), len(text))


def _who(speaker: dict | None) -> str:
    if speaker is None:
        return "no speaker found"
    extra = speaker_extra(speaker)
    return speaker["name"] + (f" ({extra})" if extra else "")


def _few(lines: list[str], most: int = 3) -> list[str]:
    """At most ``most`` lines, then how many more (a claim may hold hundreds of dates)."""
    return lines if len(lines) <= most else [*lines[:most], f"… and {len(lines) - most} more"]


def date_value(date: dict) -> str:
    """A date's resolved value as people read it: '2022-01-10', '2022-01 (START)', 'unresolved'."""
    value = date.get("value")
    if value is None:
        return "unresolved" + (f": {date['reason']}" if date.get("reason") else "")
    return value + (f" ({date['mod']})" if date.get("mod") else "")


def highlights(record: dict) -> list[Highlight]:
    """Every span of the record worth drawing, with the details a reader hovers for."""
    speakers = {s["id"]: s for s in record.get("speakers") or []}
    dates = {d["id"]: d for d in record.get("dates") or []}
    venues = {v["id"]: v for v in record.get("venues") or []}
    out: list[Highlight] = []
    mentions: set[tuple[int, int]] = set()
    for claim in record.get("claims") or []:
        speaker = speakers.get(claim.get("speaker") or "")
        cue = claim.get("cue")
        said = f"{cue['text']!r} ({cue.get('class') or 'cue'})" if cue else "no cue"
        when = [f"date: {dates[d]['text']} = {date_value(dates[d])}" for d in claim.get("date_ids") or []
                if d in dates]
        where = [f"venue: {venues[v]['name']}" for v in claim.get("venue_ids") or [] if v in venues]
        details = (f"claim {claim['id']}, {claim['kind']}: {_who(speaker)}",
                   f"cue: {said}; confidence {claim.get('confidence')}", *_few(when), *_few(where))
        out.append(Highlight(claim["start"], claim["end"], "claim", claim["id"], details))
        if cue:
            out.append(Highlight(cue["start"], cue["end"], "cue", f"{claim['id']}-cue",
                                 (f"cue of {claim['id']}: {cue['text']!r}, {cue.get('class') or 'no class'}",
                                  f"speaker: {_who(speaker)}")))
        mention = claim.get("speaker_mention")
        if mention and (mention["start"], mention["end"]) not in mentions:
            mentions.add((mention["start"], mention["end"]))
            out.append(Highlight(mention["start"], mention["end"], "speaker",
                                 claim.get("speaker") or f"{claim['id']}-speaker",
                                 (f"speaker of {claim['id']}: {_who(speaker)}",)))
    for speaker in speakers.values():
        for mention in speaker.get("mentions") or []:
            if (mention["start"], mention["end"]) in mentions:
                continue
            mentions.add((mention["start"], mention["end"]))
            out.append(Highlight(mention["start"], mention["end"], "speaker", speaker["id"],
                                 (f"speaker {speaker['id']}: {_who(speaker)}, {speaker['kind']}",)))
    for venue in venues.values():
        when = [date_value(dates[d]) for d in venue.get("date_ids") or [] if d in dates]
        out.append(Highlight(venue["start"], venue["end"], "venue", venue["id"],
                             (f"venue {venue['id']}: {venue['name']}"
                              + (f" ({venue['event']})" if venue.get("event") else ""),
                              *([f"when: {', '.join(when)}"] if when else []))))
    for date in dates.values():
        anchor = dates.get(date.get("anchor") or "")
        out.append(Highlight(date["start"], date["end"], "date", date["id"],
                             (f"date {date['id']}: {date_value(date)}",
                              f"type {date.get('type')}" + (f", counted from {anchor['text']!r}" if anchor else ""))))
    return out


def segments(items: list[Highlight], start: int, end: int) -> Iterator[Segment]:
    """Cut ``[start, end)`` at every highlight edge: consecutive pieces that cover it
    exactly, each with the highlights over all of it (outermost first: the longer, then
    by LAYERS order).  Highlights outside ``[start, end)`` or empty are clipped or dropped."""
    rank = {layer: n for n, layer in enumerate(LAYERS)}
    clipped = sorted((h for h in items if max(h.start, start) < min(h.end, end)),
                     key=lambda h: (h.start, -h.end, rank.get(h.layer, len(rank))))
    edges = sorted({start, end, *(max(h.start, start) for h in clipped), *(min(h.end, end) for h in clipped)})
    active: list[Highlight] = []
    nxt = 0
    for left, right in zip(edges, edges[1:]):
        active = [h for h in active if h.end > left]
        while nxt < len(clipped) and max(clipped[nxt].start, start) <= left:
            active.append(clipped[nxt])
            nxt += 1
        ordered = tuple(sorted(active, key=lambda h: (h.start - h.end, rank.get(h.layer, len(rank)))))
        yield Segment(left, right, ordered)


def claims_by_speaker(record: dict) -> list[tuple[dict | None, list[dict]]]:
    """The claims grouped by speaker, speakers in the record's order, claims without a
    speaker last: ``[(speaker or None, [claims])]``."""
    speakers = {s["id"]: s for s in record.get("speakers") or []}
    groups: dict[str | None, list[dict]] = {}
    for claim in record.get("claims") or []:
        groups.setdefault(claim.get("speaker"), []).append(claim)
    order = [sid for sid in speakers if sid in groups] + [sid for sid in groups if sid not in speakers]
    return [(speakers.get(sid or ""), groups[sid]) for sid in order]


def date_ends(record: dict) -> dict[int, list[dict]]:
    """The dates that end at each offset (where a view may show the resolved value)."""
    ends: dict[int, list[dict]] = {}
    for date in record.get("dates") or []:
        ends.setdefault(date["end"], []).append(date)
    return ends
