"""The human views: span segmentation, the HTML page, CSV and the `show` view, on hand-made
records (overlapping and nested spans, hostile text) and on real records of the samples."""
from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimx.ingest import read_article
from claimx.render import write
from claimx.render.csv_table import COLUMNS, csv_rows, to_csv, write_csv
from claimx.render.html_report import render_html, render_index
from claimx.render.show import render_show
from claimx.render.spans import Highlight, segments
from conftest import ROOT

# --- segments: overlapping and nested spans ----------------------------------


def H(start, end, layer="claim", id="c1"):
    return Highlight(start, end, layer, id)


@pytest.mark.parametrize("items, expected", [
    ([], [(0, 20, [])]),
    ([H(0, 20), H(5, 10, "date", "d1")],  # a claim holding a date
     [(0, 5, ["c1"]), (5, 10, ["c1", "d1"]), (10, 20, ["c1"])]),
    ([H(0, 10), H(5, 15, "claim", "c2")],  # crossing claims: the longer one is outermost
     [(0, 5, ["c1"]), (5, 10, ["c1", "c2"]), (10, 15, ["c2"]), (15, 20, [])]),
    ([H(2, 8, "speaker", "s1"), H(2, 8, "claim", "c1")],  # same span: the claim layer is outside
     [(0, 2, []), (2, 8, ["c1", "s1"]), (8, 20, [])]),
    ([H(-5, 3), H(18, 40, "date", "d1"), H(7, 7, "date", "d2"), H(30, 35, "venue", "v1")],  # clipped, empty
     [(0, 3, ["c1"]), (3, 18, []), (18, 20, ["d1"])]),
], ids=["none", "nested", "crossing", "identical", "clipped-and-empty"])
def test_segments(items, expected):
    got = [(s.start, s.end, [h.id for h in s.highlights]) for s in segments(items, 0, 20)]
    assert got == expected


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 30), st.lists(st.tuples(st.integers(-5, 60), st.integers(-5, 60),
                                              st.sampled_from(["claim", "cue", "speaker", "venue", "date"])),
                                    max_size=12))
def test_segments_tile_the_range_and_each_highlight_covers_exactly_its_span(start, spans):
    end = start + 25
    items = [H(a, b, layer, f"x{n}") for n, (a, b, layer) in enumerate(spans)]
    segs = list(segments(items, start, end))
    assert segs[0].start == start and segs[-1].end == end
    assert all(a.end == b.start for a, b in zip(segs, segs[1:])) and all(s.start < s.end for s in segs)
    for h in items:
        covered = [(s.start, s.end) for s in segs if h in s.highlights]
        lo, hi = max(h.start, start), min(h.end, end)
        assert sum(b - a for a, b in covered) == max(0, hi - lo)
        assert all(lo <= a and b <= hi for a, b in covered)


# --- a hand-made record over hostile text -------------------------------------

HEADER = "---\ntitle: <b>Talks</b> & \"quotes\"\n---\n"
BODY = ("“We <script>alert(1)</script> will win on Tuesday in Geneva,” Smith said.\n\n"
        "=SUM(A1) is what Jones told reporters on the 10th.\n")
TEXT = HEADER + BODY


def at(fragment: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(fragment, start + 1)
    return start, start + len(fragment)


def span(fragment: str, nth: int = 0) -> dict:
    start, end = at(fragment, nth)
    return {"text": fragment, "start": start, "end": end}


RECORD = {
    "schema": "claimx/1", "source": "talks.txt", "id": "talks", "title": "<b>Talks</b> & \"quotes\"",
    "published": "2021-12-29", "published_source": "header", "body_start": len(HEADER), "model": "test",
    "speakers": [
        {"id": "s1", "name": "Smith", "kind": "person", "title": "Mayor", "affiliation": "<City>",
         "members": [], "mentions": [span("Smith")]},
        {"id": "s2", "name": "Jones", "kind": "person", "title": None, "affiliation": None,
         "members": [], "mentions": [span("Jones")]},
    ],
    "claims": [
        {"id": "c1", "kind": "direct", **span("We <script>alert(1)</script> will win on Tuesday in Geneva,"),
         "cue": {**span("said"), "class": "speech"}, "speaker": "s1", "speaker_mention": span("Smith"),
         "confidence": 0.9, "rule": "quote", "date_ids": ["d1"], "venue_ids": ["v1"]},
        {"id": "c2", "kind": "indirect", **span("=SUM(A1) is what Jones told reporters on the 10th"),
         "cue": {**span("told"), "class": "speech"}, "speaker": "s2", "speaker_mention": span("Jones"),
         "confidence": 0.5, "rule": "test", "date_ids": ["d2"], "venue_ids": []},
    ],
    "dates": [
        {"id": "d1", **span("Tuesday"), "type": "DATE", "value": "2021-12-28", "mod": None, "anchor": None},
        {"id": "d2", **span("the 10th"), "type": "DATE", "value": None, "mod": None, "anchor": "d1",
         "reason": "no month"},
    ],
    "venues": [{"id": "v1", "name": "Geneva", **{k: v for k, v in span("Geneva").items() if k != "text"},
                "event": "win", "date_ids": ["d1"]}],
    "warnings": ["a <warning>"],
}


class Page(HTMLParser):
    """Collects the article's text (without the date-value badges), tags, and highlight tips."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.article, self.tags, self.tips, self.rows = [], [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag in ("br", "meta"):
            return
        self.stack.append((tag, attrs))
        if "data-tip" in attrs:
            self.tips.append(attrs["data-tip"])
        if attrs.get("class") == "claim-row":
            self.rows.append(attrs["id"])

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        inside = [a for _, a in self.stack]
        if any(a.get("id") == "article" for a in inside) and not any("value" in (a.get("class") or "").split()
                                                                      for a in inside):
            self.article.append(data)


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    return parser


def test_html_escapes_everything_and_keeps_the_article_text_exact():
    page = render_html(RECORD, TEXT)
    assert "<script" not in page and "<b>Talks" not in page and "<City>" not in page and "<warning>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;Talks&lt;/b&gt; &amp; &quot;quotes&quot;" in page
    parsed = parse(page)
    assert "".join(parsed.article) == BODY  # the article as written, the header left out
    assert parsed.rows == ["claim-c1", "claim-c2"]


def test_html_is_self_contained():
    page = render_html(RECORD, TEXT)
    assert re.search(r"\b(src|href|action|poster|srcset)=", page) is None
    assert not re.search(r"url\(|@import|<script|<link|<iframe|<img|https?://(?!json-schema)", page)
    assert "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';" in page
    assert page.startswith("<!DOCTYPE html>\n") and page.endswith("</html>\n")


def test_html_highlights_carry_hover_details_for_overlapping_spans():
    tips = parse(render_html(RECORD, TEXT)).tips
    # "Tuesday" lies inside claim c1: its tip tells both, claim first.
    tuesday = next(t for t in tips if "date d1" in t)
    assert tuesday.splitlines() == [
        "claim c1, direct: Smith (Mayor, <City>)", "cue: 'said' (speech); confidence 0.9",
        "date: Tuesday = 2021-12-28", "venue: Geneva",
        "date d1: 2021-12-28", "type DATE"]
    tenth = next(t for t in tips if "date d2" in t)
    assert "date d2: unresolved: no month" in tenth and "counted from 'Tuesday'" in tenth
    assert any(t.startswith("cue of c1: 'said', speech\nspeaker: Smith") for t in tips)


def test_html_shows_resolved_values_and_the_claims_by_speaker():
    page = render_html(RECORD, TEXT)
    assert '<span class="value" data-date="d1" aria-label="resolved: 2021-12-28">2021-12-28</span>' in page
    assert '<span class="value unresolved" data-date="d2" aria-label="resolved: unresolved: no month">?</span>' in page
    assert "Claims by speaker (2)" in page
    assert 'Smith <small>— Mayor, &lt;City&gt;</small> <small>(s1, person)</small> <small>· 1 claim</small>' in page
    assert "<td class=\"text\">'=SUM(A1)" not in page  # html needs no formula guard, only csv


def test_html_refuses_text_that_is_not_the_records_input():
    with pytest.raises(ValueError, match=r"the text given is not the record's input: c1 is "):
        render_html(RECORD, BODY)


def test_html_without_text_keeps_the_tables():
    page = render_html(RECORD, None)
    assert 'id="article"' not in page and "Claims by speaker (2)" in page


def test_html_index_links_every_page():
    page = render_index([(RECORD, "talks.html"), ({**RECORD, "title": None, "source": "b&c.txt", "claims": []},
                                                   None)], title="Run <1>")
    assert '<a href="talks.html">&lt;b&gt;Talks&lt;/b&gt; &amp; &quot;quotes&quot;</a>' in page
    assert "<td>b&amp;c.txt</td><td>b&amp;c.txt</td><td>2021-12-29</td><td>0</td>" in page
    assert "<h1>Run &lt;1&gt;</h1>" in page and "2 articles, 2 claims" in page


# --- csv ------------------------------------------------------------------------

def test_csv_is_one_row_per_claim_and_defuses_formulas():
    rows = list(csv.reader(io.StringIO(to_csv(RECORD), newline="")))
    assert rows == [
        list(COLUMNS),
        ["c1", "Smith", "Mayor", "<City>", "direct", "said", "We <script>alert(1)</script> will win on Tuesday in Geneva,",
         "Tuesday = 2021-12-28", "Geneva", "talks.txt"],
        ["c2", "Jones", "", "", "indirect", "told", "'=SUM(A1) is what Jones told reporters on the 10th",
         "the 10th = unresolved: no month", "", "talks.txt"],
    ]
    assert to_csv(RECORD).count("\r\n") == 3


def test_csv_many_records_share_one_header():
    out = io.StringIO(newline="")
    write_csv([RECORD, RECORD], out)
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert rows[0] == list(COLUMNS) and len(rows) == 5 and rows.count(list(COLUMNS)) == 1


@pytest.mark.parametrize("value, cell", [
    ("=1+1", "'=1+1"), ("+44 20", "'+44 20"), ("-- he said", "'-- he said"), ("@home", "'@home"),
    ("\tx", "'\tx"), ("plain, with \"quotes\"\nand a line", "plain, with \"quotes\"\nand a line"), (None, ""),
])
def test_csv_cells(value, cell):
    record = {**RECORD, "claims": [{**RECORD["claims"][0], "text": value or ""}]}
    if value is None:
        record["claims"][0]["cue"] = None
        assert csv_rows(record)[0][COLUMNS.index("cue")] == ""
        return
    assert csv_rows(record)[0][COLUMNS.index("text")] == cell


# --- show -------------------------------------------------------------------------

def shown(record=RECORD, text=TEXT, **options) -> str:
    out = io.StringIO()
    render_show(record, text, out, **options)
    return out.getvalue()


def test_show_marks_claims_and_dates_in_plain_text():
    lines = [line.rstrip() for line in shown(width=200, color=False).splitlines()]
    assert lines[0].startswith("<b>Talks</b> & \"quotes\" ─")
    assert "“⟦c1 We <script>alert(1)</script> will win on Tuesday⟨2021-12-28⟩ in Geneva,⟧” Smith said." in lines
    assert "⟦c2 =SUM(A1) is what Jones told reporters on the 10th⟨?⟩⟧." in lines
    assert "Claims (2)" in lines and "Smith — Mayor, <City>  (s1, person)" in lines
    assert "\x1b[" not in "\n".join(lines)


def test_show_colours_each_layer_on_a_terminal():
    out = shown(width=200, color=True)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "⟦c1 We <script>" in plain
    assert "\x1b[90m⟦c1 \x1b[0m\x1b[4mWe <script>" in out  # grey marker, the claim underlined
    assert "\x1b[1;4;36mTuesday\x1b[0m\x1b[2;36m⟨2021-12-28⟩" in out  # a cyan date inside it, its value dim
    assert "\x1b[1;35mSmith\x1b[0m \x1b[1;33msaid\x1b[0m" in out  # magenta speaker, yellow cue


# --- real records: the samples ------------------------------------------------------

@pytest.fixture(scope="module")
def geneva(extractor):
    article = read_article(str(ROOT / "samples" / "geneva-talks.txt"))
    return extractor.extract_article(article), article.text


def test_seed_article_page(geneva):
    record, text = geneva
    parsed = parse(render_html(record, text))
    assert "".join(parsed.article) == text[record["body_start"]:]
    assert parsed.rows == [f"claim-{c['id']}" for c in sorted(
        record["claims"], key=lambda c: [s["id"] for s in record["speakers"]].index(c["speaker"])
        if c["speaker"] else len(record["speakers"]))]
    assert any("2022-01-10" in tip and "Ryabkov" in tip for tip in parsed.tips)


def test_seed_article_csv_and_show(geneva):
    record, text = geneva
    rows = list(csv.reader(io.StringIO(to_csv(record), newline="")))
    assert len(rows) == 1 + len(record["claims"])
    ryabkov = [r for r in rows if r[1] == "Sergei Ryabkov"]
    assert ryabkov and all(r[COLUMNS.index("source")] == record["source"] for r in ryabkov)
    plain = shown(record, text, width=120, color=False)
    assert plain.count("⟦") == plain.count("⟧") == len(record["claims"]) + 1  # + the legend
    assert "on the 10th⟨2022-01-10⟩" in plain


@pytest.mark.parametrize("fmt", ["html", "csv"])
def test_write_dispatches(fmt):
    out = io.StringIO()
    write(RECORD, fmt, out, text=TEXT)
    assert out.getvalue() == (render_html(RECORD, TEXT) if fmt == "html" else to_csv(RECORD))


# --- through the command line ------------------------------------------------------------

def test_cli_html_and_csv_files(cli, tmp_path):
    report, sheet = tmp_path / "report.html", tmp_path / "claims.csv"
    sample = str(ROOT / "samples" / "geneva-talks.txt")
    assert cli("extract", sample, "--format", "html", "-o", str(report)).code == 0
    assert cli("extract", sample, "-f", "CSV", "-o", str(sheet)).code == 0
    record = json.loads(cli("extract", sample).stdout)
    assert "".join(parse(report.read_text(encoding="utf-8")).article) == \
        (ROOT / "samples" / "geneva-talks.txt").read_text(encoding="utf-8")[record["body_start"]:]
    rows = list(csv.reader(sheet.open(encoding="utf-8", newline="")))
    assert [r[0] for r in rows[1:]] == [c["id"] for c in record["claims"]]


def test_cli_show(cli):
    ran = cli("show", str(ROOT / "samples" / "harbor-strike.txt"), "--width", "100")
    assert ran.code == 0 and ran.stderr == "" and "\x1b[" not in ran.stdout
    assert "⟦c1 " in ran.stdout and "Claims (" in ran.stdout


@pytest.mark.parametrize("args, code, message", [
    (["show", "{missing}"], 3, "claimx: {missing}: no such file\n"),
    (["show", "{story}", "--published", "soon"], 2,
     "claimx: --published: invalid date 'soon': expected a date with its year, month and day, such as 2021-12-29, 29 Dec 2021 or Wed, 29 Dec 2021 09:30:00 +0900\n"),
    (["show", "{story}", "--max-chars", "10"], 4,
     "claimx: {story}: too long: 24 characters, over the limit of 10 characters (--max-chars changes it)\n"),
    (["show", "{story}", "--max-chars", "0"], 2, None),
])
def test_cli_show_errors(cli, tmp_path, args, code, message):
    story = tmp_path / "s.txt"
    story.write_text("Smith said it will rain.", encoding="utf-8")
    fill = {"missing": str(tmp_path / "missing.txt"), "story": str(story)}
    ran = cli(*[a.format(**fill) for a in args])
    assert (ran.code, ran.stdout) == (code, "")
    if message:
        assert ran.stderr == message.format(**fill)
    else:
        assert ran.stderr == ("claimx: Invalid value for '--max-chars': Input should be greater than or equal "
                              "to 1 (see 'claimx show --help')\n")


@pytest.mark.parametrize("args", [["show", "--help"], ["show", "-h"]])
def test_show_help_opens_with_an_example(cli, args):
    ran = cli(*args)
    paragraphs = ran.stdout.split("\n\n")
    assert ran.code == 0 and paragraphs[1].strip().startswith("Examples:\n    claimx show samples/geneva-talks.txt")


def test_the_html_and_csv_writers_import_neither_typer_nor_rich():
    import subprocess
    import sys

    code = ("import sys, claimx.render.html_report, claimx.render.csv_table, claimx.render.spans; "
            "print(sorted(m for m in ('typer', 'rich', 'click') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout) == (0, "[]\n"), result.stderr


EVENTS = {**RECORD, "events": [
    {"id": "e1", **span("win"), "kind": "other", "date_ids": [], "date": None, "date_range": None,
     "venue_ids": [], "claim_ids": ["c1"]},
    {"id": "e2", **span("told"), "kind": "statement", "date_ids": ["d1"], "date": "2021-12-28",
     "date_range": None, "venue_ids": ["v1"], "claim_ids": ["c2"]},
    {"id": "e3", **span("said"), "kind": "statement", "date_ids": [], "date": "2021-W51", "date_range": None,
     "venue_ids": [], "claim_ids": ["c1", "c2"]},
    {"id": "e4", **span("Talks"), "kind": "meeting", "date_ids": [], "date": "2021-SU", "date_range": None,
     "venue_ids": [], "claim_ids": []},
]}


def test_event_rows_are_sorted_by_date_with_places_and_speakers():
    from claimx.render.events import event_rows, first_day

    rows = event_rows(EVENTS)
    assert [(r.id, r.date, r.places, r.who) for r in rows] == [
        ("e4", "2021-SU", (), ()), ("e3", "2021-W51", (), ("Smith", "Jones")),
        ("e2", "2021-12-28", ("Geneva",), ("Jones",)), ("e1", None, (), ("Smith",))]  # undated last
    assert [first_day(v) for v in ("1987-W17-WE", "198", "1987-Q2", "PRESENT_REF", None)] == [
        first_day("1987-W17"), first_day("1980"), first_day("1987-04"), None, None]


def test_html_events_table_and_timeline_are_escaped_and_inline():
    record = {**EVENTS, "venues": [{**EVENTS["venues"][0], "name": "<Geneva & Co>"}]}
    page = render_html(record, TEXT)
    svg = re.search(r"<svg class=\"timeline\".*?</svg>", page, re.S).group()
    assert svg.count('<g class="mark') == 3 and "<Geneva" not in page and "&lt;Geneva &amp; Co&gt;" in svg
    assert re.search(r"<script|href=|src=", svg) is None
    table = re.search(r"<table class=\"events\">.*?</table>", page, re.S).group()
    assert re.findall(r'<tr id="event-(e\d)">', table) == ["e4", "e3", "e2", "e1"]
    assert "<td>2021-12-28</td><td>&lt;Geneva &amp; Co&gt;</td><td>told <small>(statement)</small></td>" \
           "<td>Jones</td>" in table
    assert "Events (4)" in page and "4 events" in page


def test_html_without_events_has_no_timeline():
    page = render_html(RECORD, TEXT)  # a record from before events: no section, no error
    assert "timeline" not in page.split("</style>")[1] and 'id="events"' not in page


def test_show_ends_with_the_events_table():
    from io import StringIO

    from claimx.render.show import render_show

    out = StringIO()
    render_show(EVENTS, TEXT, out, color=False, width=120)
    tail = out.getvalue().split("Events (4)", 1)[1].split("Warnings", 1)[0].splitlines()
    rows = [line.split()[0] for line in tail if line[:1].strip() and not line.startswith(("date", "─"))]
    assert rows == ["2021-SU", "2021-W51", "2021-12-28", "–"]  # a row's second speaker wraps, indented
    assert any("Geneva" in line and "told (statement)" in line and "Jones" in line for line in tail)
