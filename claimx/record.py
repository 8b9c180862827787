"""From an analysed Doc to the schema-1 record (a plain dict, JSON-ready).

Components speak in offsets into the analysed body; the record speaks in
offsets into the input as read, so ``input[start:end] == text`` for every span.
Ids are assigned here, in reading order: s1.. speakers, c1.. claims,
d1.. dates, e1.. events, v1.. venues.
"""
from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

from .article import Article

SCHEMA = "claimx/1"
SCHEMA_FILE = Path(__file__).with_name("schema") / "claimx-1.schema.json"


def _span(text: str, start: int, end: int) -> dict:
    return {"text": text[start:end], "start": start, "end": end}


def _inside(inner: dict, outer_start: int, outer_end: int) -> bool:
    return outer_start <= inner["start"] and inner["end"] <= outer_end


class _Spans:
    """Record items by start offset: the ids of those inside a claim, found by bisection (a scan over
    every date per claim was quadratic in a long story); scanned when not in order of start."""

    def __init__(self, items: list[dict]):
        self.items = items
        self.starts = [item["start"] for item in items]
        self.ordered = all(a <= b for a, b in zip(self.starts, self.starts[1:]))

    def ids_inside(self, start: int, end: int) -> list[str]:
        if not self.ordered:
            return [item["id"] for item in self.items if _inside(item, start, end)]
        ids = []
        k = bisect_left(self.starts, start)
        while k < len(self.items) and self.starts[k] <= end:
            if _inside(self.items[k], start, end):
                ids.append(self.items[k]["id"])
            k += 1
        return ids


def build_record(doc, article: Article, *, model: str | None = None) -> dict:
    """The schema-1 record for one analysed article."""
    text, shift = article.text, article.body_start

    def moved(item: dict) -> tuple[int, int]:
        return item["start"] + shift, item["end"] + shift

    dates = []
    for i, d in enumerate(doc._.claimx_dates or []):
        start, end = moved(d)
        anchor = d.get("anchor")
        dates.append({
            "id": f"d{i + 1}", **_span(text, start, end),
            "type": d.get("type"), "value": d.get("value"), "mod": d.get("mod"),
            "anchor": f"d{anchor + 1}" if isinstance(anchor, int) else None,
            **({"values": d["values"], "values_kind": d.get("values_kind") or "list"} if d.get("values") else {}),
            **({"reason": d["reason"]} if d.get("reason") else {}),
        })

    venues = []
    for i, v in enumerate(doc._.claimx_venues or []):
        start, end = moved(v)
        event = v.get("event_index")
        venues.append({
            "id": f"v{i + 1}", "name": v.get("name") or text[start:end], "text": text[start:end],
            "start": start, "end": end, "event": v.get("event"), "rule": v.get("tie"),
            "event_id": f"e{event + 1}" if isinstance(event, int) else None,
            "date_ids": [f"d{j + 1}" for j in v.get("dates", [])],
            "date": v.get("date"), "date_range": v.get("date_range"),
        })

    speakers = []
    for i, s in enumerate(doc._.claimx_speakers or []):
        speakers.append({
            "id": f"s{i + 1}", "name": s["name"], "kind": s["kind"],
            "title": s.get("title"), "affiliation": s.get("affiliation"),
            "members": [f"s{j + 1}" for j in s.get("members", [])],
            "mentions": [_span(text, a + shift, b + shift) for a, b in s.get("mentions", [])],
        })

    claims = []
    dates_by_start, venues_by_start = _Spans(dates), _Spans(venues)
    claim_speakers = doc._.claimx_claim_speakers or []  # claimx_speakers: each claim's, by position
    for i, c in enumerate(doc._.claimx_claims or []):
        start, end = moved(c)
        cue = c.get("cue")
        mention = c.get("speaker_mention")
        speaker = claim_speakers[i] if i < len(claim_speakers) else None
        claims.append({
            "id": f"c{i + 1}", "kind": c["kind"], **_span(text, start, end),
            "cue": ({**_span(text, cue["start"] + shift, cue["end"] + shift), "class": cue.get("class")}
                    if cue else None),
            "speaker": f"s{speaker + 1}" if isinstance(speaker, int) else None,
            "speaker_mention": (_span(text, mention["start"] + shift, mention["end"] + shift)
                                if mention else None),
            **({"segments": [_span(text, g["start"] + shift, g["end"] + shift) for g in c["segments"]]}
               if c.get("segments") else {}),
            "confidence": round(float(c.get("confidence", 0.5)), 3),
            "rule": c.get("rule"),
            "date_ids": dates_by_start.ids_inside(start, end),
            "venue_ids": venues_by_start.ids_inside(start, end),
        })

    events = []
    for i, e in enumerate(doc._.claimx_events or []):
        start, end = moved(e)
        events.append({
            "id": f"e{i + 1}", **_span(text, start, end), "kind": e.get("kind"),
            "date_ids": [f"d{j + 1}" for j in e.get("dates", [])],
            "date": e.get("date"), "date_range": e.get("date_range"),
            "venue_ids": [f"v{j + 1}" for j in e.get("venues", [])],
            "claim_ids": [claims[j]["id"] for j in e.get("claims", []) if j < len(claims)],
        })

    return {
        "schema": SCHEMA,
        "source": article.source,
        "id": article.id,
        "title": article.title,
        "published": article.published,
        "published_text": article.published_text,
        "published_source": article.published_source,
        "body_start": article.body_start,
        "model": model,
        "speakers": speakers,
        "claims": claims,
        "dates": dates,
        "events": events,
        "venues": venues,
        "warnings": list(article.warnings) + list(doc._.claimx_warnings or []),
    }
