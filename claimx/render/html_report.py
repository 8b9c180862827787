"""The HTML report: one self-contained page per article, and an index page for many.

``render_html(record, text)`` is the page ``claimx extract --format html`` writes: the
article with its claims, cues, speakers, dates and venues highlighted (hover a
highlight for the speaker, the cue and the resolved date), then the claims grouped
by speaker, the events sorted by date under a timeline (inline SVG), and tables of
speakers, dates and venues.  ``render_index(entries)`` is
a page linking to many such pages (for ``claimx batch``).

The page is self-contained: its style is inline, it has no script, font, image or
link to load, and its Content-Security-Policy forbids fetching anything, so opening
it never touches the network.  Every piece of article text and of the record is
escaped: the article is untrusted input.
"""
from __future__ import annotations

import html
from collections.abc import Iterable

from .. import __version__
from ..ingest.published import SOURCE_NAMES
from .events import event_rows, timeline_svg
from .spans import body_start, claims_by_speaker, date_ends, date_value, highlights, segments, speaker_extra

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

NONE = "<span class=\"none\">–</span>"  # an empty cell

STYLE = """
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem 2rem 3rem; color: var(--ink); background: #fff;
       font: 15px/1.55 -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
h1 { font-size: 1.45rem; margin: 0 0 .35rem; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
.facts { display: flex; flex-wrap: wrap; gap: .3rem 1.6rem; margin: 0 0 .8rem; color: var(--muted); font-size: .9rem; }
.facts dt { display: inline; font-weight: 600; }
.facts dd { display: inline; margin: 0 0 0 .3rem; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1rem; font-size: .85rem; color: var(--muted);
          margin: 0 0 1rem; }
.legend span { padding: 0 .25rem; }
.article { white-space: pre-wrap; overflow-wrap: anywhere; max-width: 52rem; font-size: 1rem; line-height: 1.7;
           border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.2rem; background: #fcfcfd; }
.hl { position: relative; }
.claim { border-radius: 2px; }
.claim-direct { background: #fff1b8; }
.claim-indirect { background: #dcebff; }
.claim-mixed { background: #eadcff; }
.cue { font-style: italic; color: #9a3412; box-shadow: inset 0 -2px 0 #f59e0b; }
.speaker { font-weight: 700; color: #a21caf; }
.date { color: #0e7490; font-weight: 600; box-shadow: inset 0 -2px 0 #06b6d4; }
.venue { color: #15803d; font-weight: 600; text-decoration: underline wavy #22c55e; text-underline-offset: 3px; }
.value { font-size: .72rem; color: #0e7490; background: #e0f7fa; border-radius: 3px; padding: 0 .25rem;
         margin-left: .15rem; vertical-align: .15rem; user-select: none; white-space: nowrap; }
.value.unresolved { color: var(--muted); background: #eef0f2; }
.hl:hover { outline: 2px solid #6366f1; outline-offset: 1px; }
.hl:hover::after { content: attr(data-tip); position: absolute; left: 0; top: calc(100% + 4px); z-index: 10;
                   min-width: 16rem; max-width: 32rem; width: max-content; white-space: pre-wrap;
                   font: 400 .8rem/1.4 -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif;
                   font-style: normal; color: #fff; background: #1f2328; padding: .4rem .55rem;
                   border-radius: 5px; box-shadow: 0 3px 10px rgba(0, 0, 0, .25); pointer-events: none; }
table { border-collapse: collapse; width: 100%; max-width: 72rem; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
thead th { background: #f6f8fa; }
tr.group th { background: #fbf0fb; color: #a21caf; font-size: .95rem; padding-top: .55rem; }
tr.group th small { color: var(--muted); font-weight: 400; }
td.text { max-width: 34rem; }
.kind { font-size: .8rem; border-radius: 3px; padding: 0 .3rem; }
.kind-direct { background: #fff1b8; } .kind-indirect { background: #dcebff; } .kind-mixed { background: #eadcff; }
.none { color: var(--muted); }
.warnings li { color: #9a6700; }
footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; }
svg.timeline { display: block; max-width: 100%; height: auto; margin: .4rem 0 1rem; font: 11px sans-serif; }
svg.timeline .axis { stroke: var(--line); stroke-width: 2; }
svg.timeline .end { fill: var(--muted); }
svg.timeline line { stroke: #94a3b8; } svg.timeline text { fill: var(--ink); }
svg.timeline circle { fill: #0e7490; } svg.timeline .kind-meeting circle { fill: #15803d; }
svg.timeline .kind-statement circle { fill: #a21caf; } svg.timeline .kind-market circle { fill: #9a3412; }
svg.timeline .kind-conflict circle, svg.timeline .kind-legal circle { fill: #b91c1c; }
"""


def esc(value: object) -> str:
    """Text or attribute content, escaped (quotes included)."""
    return html.escape("" if value is None else str(value), quote=True)


def _tip(lines: Iterable[str]) -> str:
    return esc("\n".join(lines)).replace("\n", "&#10;")


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n"
        f"<meta name=\"generator\" content=\"claimx {esc(__version__)}\">\n"
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}"
        f"<footer>Made by claimx {esc(__version__)} (schema claimx/1).</footer>\n</body>\n</html>\n"
    )


def check_text(record: dict, text: str) -> None:
    """ValueError unless ``text`` is the input the record's offsets index."""
    spans = [*(record.get("claims") or []), *(record.get("dates") or [])]
    for span in spans:
        if text[span["start"]:span["end"]] != span["text"]:
            raise ValueError(f"the text given is not the record's input: {span['id']} is "
                             f"{span['text']!r} at {span['start']}-{span['end']}")


def _article(record: dict, text: str) -> str:
    start = body_start(record, text)
    values = date_ends(record)
    kinds = {c["id"]: c["kind"] for c in record.get("claims") or []}
    opening: dict[tuple, str] = {}  # one <span ...> per combination of highlights, made once
    out: list[str] = []
    for seg in segments(highlights(record), start, len(text)):
        piece = esc(text[seg.start:seg.end])
        if seg.highlights:
            key = seg.highlights
            if key not in opening:
                classes = ["hl"]
                for h in key:
                    classes += [h.layer, f"claim-{kinds.get(h.id, '')}"] if h.layer == "claim" else [h.layer]
                ids = " ".join(dict.fromkeys(h.id for h in key))
                tip = _tip(line for h in key for line in h.details)
                opening[key] = (f"<span class=\"{' '.join(dict.fromkeys(classes))}\" data-ids=\"{esc(ids)}\" "
                                f"data-tip=\"{tip}\">")
            piece = f"{opening[key]}{piece}</span>"
        out.append(piece)
        for date in values.get(seg.end, []):
            unresolved = " unresolved" if date.get("value") is None else ""
            out.append(f"<span class=\"value{unresolved}\" data-date=\"{esc(date['id'])}\" "
                       f"aria-label=\"resolved: {esc(date_value(date))}\">"
                       f"{esc(date.get('value') or '?')}</span>")
    return "".join(out)


def _legend() -> str:
    return ("<p class=\"legend\">"
            "<span class=\"claim claim-direct\">direct quote</span>"
            "<span class=\"claim claim-indirect\">indirect claim</span>"
            "<span class=\"claim claim-mixed\">mixed</span>"
            "<span class=\"cue\">cue</span><span class=\"speaker\">speaker</span>"
            "<span class=\"date\">date</span><span class=\"venue\">venue</span>"
            "<span>— hover a highlight for details</span></p>\n")


def _who(speaker: dict) -> str:
    extra = esc(speaker_extra(speaker))
    return f"{esc(speaker['name'])}" + (f" <small>— {extra}</small>" if extra else "")


def _list(items: list[str]) -> str:
    return "<br>".join(items) if items else NONE


def _claim_row(claim: dict, dates: dict, venues: dict) -> str:
    cue, mention = claim.get("cue"), claim.get("speaker_mention")
    cue_cell = NONE
    if cue:
        cue_cell = esc(cue["text"]) + (f" <small>({esc(cue['class'])})</small>" if cue.get("class") else "")
    when = [f"{esc(dates[d]['text'])} → {esc(date_value(dates[d]))}"
            for d in claim.get("date_ids") or [] if d in dates]
    where = [esc(venues[v]["name"]) for v in claim.get("venue_ids") or [] if v in venues]
    kind = esc(claim["kind"])
    return (f"<tr class=\"claim-row\" id=\"claim-{esc(claim['id'])}\"><td>{esc(claim['id'])}</td>"
            f"<td>{esc(mention['text']) if mention else NONE}</td>"
            f"<td><span class=\"kind kind-{kind}\">{kind}</span></td><td>{cue_cell}</td>"
            f"<td class=\"text\">{esc(claim['text'])}</td><td>{_list(when)}</td><td>{_list(where)}</td></tr>\n")


def _claims_table(record: dict) -> str:
    claims = record.get("claims") or []
    if not claims:
        return "<h2>Claims</h2>\n<p class=\"none\" id=\"no-claims\">No claims found.</p>\n"
    dates = {d["id"]: d for d in record.get("dates") or []}
    venues = {v["id"]: v for v in record.get("venues") or []}
    rows = []
    for speaker, group in claims_by_speaker(record):
        heading = (f"{_who(speaker)} <small>({esc(speaker['id'])}, {esc(speaker['kind'])})</small>"
                   if speaker else "No speaker found")
        count = len(group)
        rows.append(f"<tbody class=\"speaker-group\" data-speaker=\"{esc(speaker['id'] if speaker else '')}\">\n"
                    f"<tr class=\"group\"><th colspan=\"7\">{heading} <small>· {count} "
                    f"claim{'s' if count != 1 else ''}</small></th></tr>\n")
        for claim in group:
            rows.append(_claim_row(claim, dates, venues))
        rows.append("</tbody>\n")
    return (f"<h2 id=\"claims\">Claims by speaker ({len(claims)})</h2>\n<table class=\"claims\">\n"
            "<thead><tr><th>id</th><th>said by</th><th>kind</th><th>cue</th><th>claim</th><th>dates</th>"
            "<th>venues</th></tr></thead>\n" + "".join(rows) + "</table>\n")


def _simple_table(title: str, anchor: str, header: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return ""
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>\n" for row in rows)
    return (f"<h2 id=\"{anchor}\">{esc(title)} ({len(rows)})</h2>\n<table class=\"{anchor}\">\n"
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n")


def _tables(record: dict) -> str:
    dates = {d["id"]: d for d in record.get("dates") or []}
    speakers = [[esc(s["id"]), esc(s["name"]), esc(s["kind"]), esc(s.get("title") or "–"),
                 esc(s.get("affiliation") or "–"), str(len(s.get("mentions") or []))]
                for s in record.get("speakers") or []]
    date_rows = [[esc(d["id"]), esc(d["text"]), esc(d.get("type") or "–"), esc(date_value(d)),
                  esc(dates[d["anchor"]]["text"] if d.get("anchor") in dates else "–")]
                 for d in record.get("dates") or []]
    venue_rows = [[esc(v["id"]), esc(v["name"]), esc(v.get("event") or "–"),
                   _list([esc(date_value(dates[d])) for d in v.get("date_ids") or [] if d in dates])]
                  for v in record.get("venues") or []]
    warnings = record.get("warnings") or []
    return (_simple_table("Speakers", "speakers", ["id", "name", "kind", "title", "affiliation", "mentions"], speakers)
            + _simple_table("Dates", "dates", ["id", "text", "type", "resolved", "counted from"], date_rows)
            + _simple_table("Venues", "venues", ["id", "venue", "event", "when"], venue_rows)
            + (f"<h2 id=\"warnings\">Warnings ({len(warnings)})</h2>\n<ul class=\"warnings\">"
               + "".join(f"<li>{esc(w)}</li>" for w in warnings) + "</ul>\n" if warnings else ""))


def _events(record: dict) -> str:
    """The events table, sorted by date (date, place, event, who), after a timeline of the dated ones."""
    rows = event_rows(record)
    if not rows:
        return ""
    body = "".join(
        f"<tr id=\"event-{esc(r.id)}\"><td>{esc(r.date) if r.date else NONE}</td>"
        f"<td>{_list([esc(p) for p in r.places])}</td><td>{esc(r.event)} <small>({esc(r.kind)})</small></td>"
        f"<td>{_list([esc(w) for w in r.who])}</td></tr>\n" for r in rows)
    return (f"<h2 id=\"events\">Events ({len(rows)})</h2>\n{timeline_svg(rows)}\n<table class=\"events\">\n"
            "<thead><tr><th>date</th><th>place</th><th>event</th><th>who</th></tr></thead>\n"
            f"<tbody>\n{body}</tbody>\n</table>\n")


def _facts(record: dict) -> str:
    published = record.get("published")
    how = SOURCE_NAMES.get(record.get("published_source") or "")
    when = (f"{esc(published)}" + (f" (from {esc(how)})" if how else "")) if published else \
        "unknown: relative dates are left unresolved"
    facts = [("source", esc(record.get("source"))), ("published", when), ("model", esc(record.get("model")))]
    counts = ", ".join(f"{len(record.get(k) or [])} {k}" for k in ("claims", "speakers", "dates", "events", "venues"))
    facts.append(("found", counts))
    return "<dl class=\"facts\">" + "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in facts) + "</dl>\n"


def render_html(record: dict, text: str | None) -> str:
    """One article's self-contained HTML page.

    ``text`` is the input the record was made from, exactly as read (the record's
    offsets index it, header included: ``Article.text``).  None leaves the article out
    and keeps the tables.  ValueError when ``text`` does not match the record.
    """
    title = record.get("title") or record.get("source") or "claimx"
    body = [f"<header>\n<h1>{esc(title)}</h1>\n{_facts(record)}</header>\n"]
    if text is not None:
        check_text(record, text)
        body.append(_legend())
        body.append(f"<article class=\"article\" id=\"article\">{_article(record, text)}</article>\n")
    body.append(_claims_table(record))
    body.append(_events(record))
    body.append(_tables(record))
    return _page(f"{title} — claimx", "".join(body))


def render_index(entries: Iterable[tuple[dict, str | None]], title: str = "claimx report") -> str:
    """A self-contained page listing many records, each linking to its own page.

    ``entries`` are ``(record, href)`` pairs, href being the relative path of the
    record's page (as written with ``render_html``) or None for no link.
    """
    rows = []
    total = 0
    for record, href in entries:
        name = esc(record.get("title") or record.get("source") or record.get("id") or "?")
        link = f"<a href=\"{esc(href)}\">{name}</a>" if href else name
        claims = record.get("claims") or []
        total += len(claims)
        rows.append(f"<tr><td>{link}</td><td>{esc(record.get('source'))}</td>"
                    f"<td>{esc(record.get('published') or '–')}</td><td>{len(claims)}</td>"
                    f"<td>{len(record.get('speakers') or [])}</td><td>{len(record.get('dates') or [])}</td>"
                    f"<td>{len(record.get('venues') or [])}</td><td>{len(record.get('warnings') or [])}</td></tr>\n")
    body = (f"<header>\n<h1>{esc(title)}</h1>\n<p class=\"facts\">{len(rows)} articles, {total} claims</p>\n"
            "</header>\n<table class=\"index\">\n<thead><tr><th>article</th><th>source</th><th>published</th>"
            "<th>claims</th><th>speakers</th><th>dates</th><th>venues</th><th>warnings</th></tr></thead>\n"
            f"<tbody>\n{''.join(rows)}</tbody>\n</table>\n")
    return _page(title, body)
