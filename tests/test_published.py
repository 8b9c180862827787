"""Publication dates as feeds and scrapers write them: each string -> its ISO value or the exact error line."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from claimx.errors import ContentError, InvalidPublishedDate, UsageError
from claimx.ingest import article_from_text, parse_published
from claimx.ingest.records import article_from_record

EXPECTED = ("expected a date with its year, month and day, such as 2021-12-29, 29 Dec 2021 "
            "or Wed, 29 Dec 2021 09:30:00 +0900")
BOTH = "2021-04-03 (DMY) or 2021-03-04 (MDY); --date-order (DMY, MDY or YMD) says which"
STORY = "Talks began on Tuesday.\n"


@pytest.mark.parametrize("written, order, expected", [
    # RFC 2822 (RSS), the zone kept as an offset
    ("Wed, 29 Dec 2021 09:30:00 +0900", None, "2021-12-29T09:30+09:00"),
    ("Wed, 29 Dec 2021 00:30:00 GMT", None, "2021-12-29T00:30+00:00"),
    # RFC 3339 with offsets
    ("2021-12-29T09:30:00+09:00", None, "2021-12-29T09:30+09:00"),
    ("2021-12-29T00:30:00Z", None, "2021-12-29T00:30+00:00"),
    ("2021-12-29 09:30:00.250-05:00", None, "2021-12-29T09:30:00.250000-05:00"),
    # words, with and without a time; a named zone becomes its offset, none is assumed
    ("Dec. 29, 2021", None, "2021-12-29"),
    ("December 29, 2021", None, "2021-12-29"),
    ("29 December 2021 09:30 KST", None, "2021-12-29T09:30+09:00"),
    ("Wednesday, December 29, 2021 9:30 PM", None, "2021-12-29T21:30"),
    # all-numeric: a four-digit group is the year; one reading only is no ambiguity
    ("2021/12/29", None, "2021-12-29"),
    ("20211229", None, "2021-12-29"),
    ("29.12.2021", None, "2021-12-29"),
    ("12/29/2021 09:30", None, "2021-12-29T09:30"),
    ("03/03/2021", None, "2021-03-03"),
    # an ambiguous one, once the order is given
    ("03/04/2021", "DMY", "2021-04-03"),
    ("03/04/2021", "MDY", "2021-03-04"),
    ("03/04/21", "YMD", "2003-04-21"),
    ("29/12/21", None, "2021-12-29"),
])
def test_publication_date_is_read_into_iso(written, order, expected):
    assert parse_published(written, order) == expected


@pytest.mark.parametrize("written, order, message", [
    ("03/04/2021", None, f"ambiguous date '03/04/2021': {BOTH}"),
    ("03.04.2021 10:00 +0100", None, f"ambiguous date '03.04.2021 10:00 +0100': {BOTH}"),
    ("12/29/2021", "DMY", "invalid date '12/29/2021': not a calendar date in DMY order (--date-order)"),
    # none of these names one day: no year, no day, counted from today, a timestamp, no such day
    ("December 2021", None, f"invalid date 'December 2021': {EXPECTED}"),
    ("Dec 29", None, f"invalid date 'Dec 29': {EXPECTED}"),
    ("yesterday", None, f"invalid date 'yesterday': {EXPECTED}"),
    ("1640736000", None, f"invalid date '1640736000': {EXPECTED}"),
    ("Feb 30, 2021", None, f"invalid date 'Feb 30, 2021': {EXPECTED}"),
    ("2021-13-01", None, f"invalid date '2021-13-01': {EXPECTED}"),
])
def test_publication_date_that_is_not_one_day_is_an_error(written, order, message):
    with pytest.raises(InvalidPublishedDate) as caught:
        parse_published(written, order)
    assert (str(caught.value), caught.value.exit_code) == (f"--published: {message}", 2)


def test_unknown_date_order_is_a_usage_error():
    with pytest.raises(UsageError) as caught:
        parse_published("03/04/2021", "DM")
    assert str(caught.value) == "--date-order: unknown date order 'DM': expected DMY, MDY or YMD"


@pytest.mark.parametrize("header, order, published", [
    ("published: Wed, 29 Dec 2021 09:30:00 +0900", None, "2021-12-29T09:30+09:00"),
    ("date: \"Dec. 29, 2021\"", None, "2021-12-29"),
    ("published: 03/04/2021", "mdy", "2021-03-04"),
])
def test_header_date_in_any_format_keeps_what_was_written(header, order, published):
    article = article_from_text(f"---\n{header}\n---\n{STORY}", date_order=order)
    written = header.split(": ", 1)[1].strip('"')
    assert (article.published, article.published_text, article.published_source) == (published, written, "header")


def test_ambiguous_header_date_names_its_line_and_both_readings():
    with pytest.raises(ContentError) as caught:
        article_from_text(f"---\ntitle: Talks\npublished: 03/04/2021\n---\n{STORY}", source="a.txt")
    assert str(caught.value) == f"a.txt: header line 3: ambiguous published date '03/04/2021': {BOTH}"


def test_json_field_in_any_format_and_its_errors():
    article = article_from_record({"text": STORY, "published": "Wed, 29 Dec 2021 09:30:00 +0900"}, source="x")
    assert (article.published, article.published_text) == ("2021-12-29T09:30+09:00", "Wed, 29 Dec 2021 09:30:00 +0900")
    assert article_from_record({"text": STORY, "published": "03/04/2021"}, source="x",
                               date_order="DMY").published == "2021-04-03"
    with pytest.raises(ContentError) as caught:
        article_from_record({"text": STORY, "published": "03/04/2021"}, source="x.jsonl:2")
    assert str(caught.value) == f"x.jsonl:2: ambiguous 'published' date '03/04/2021': {BOTH}"


def test_flag_and_file_name_keep_what_was_written():
    article = article_from_text(STORY, source="nyt_20161023_x.txt")
    assert (article.published, article.published_text, article.published_source) == (
        "2016-10-23", "20161023", "filename")
    article = article_from_text(STORY, published="Dec. 29, 2021")
    assert (article.published, article.published_text, article.published_source) == (
        "2021-12-29", "Dec. 29, 2021", "flag")


def run(*args, stdin=""):
    return subprocess.run([sys.executable, "-m", "claimx", *args], input=stdin, capture_output=True, text=True)


def test_cli_date_order_reads_the_header_and_the_record_shows_both_forms(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"---\npublished: 03/04/2021\n---\n{STORY}", encoding="utf-8")
    refused = run("extract", str(path))
    assert (refused.returncode, refused.stderr) == (
        4, f"claimx: {path}: header line 2: ambiguous published date '03/04/2021': {BOTH}\n")
    done = run("extract", str(path), "--date-order", "DMY", "--format", "json")
    record = json.loads(done.stdout)
    assert (done.returncode, record["published"], record["published_text"]) == (0, "2021-04-03", "03/04/2021")
    assert record["dates"][0]["value"] == "2021-03-30"  # "on Tuesday" before Saturday 3 April


def test_batch_reads_numeric_dates_in_the_order_given():
    line = json.dumps({"id": "a", "text": STORY, "published": "03/04/2021"}) + "\n"
    without = run("batch", "-", "-q", stdin=line)
    assert without.returncode == 6 and json.loads(without.stdout)["error"]["message"] == (
        f"ambiguous 'published' date '03/04/2021': {BOTH}")
    given = run("batch", "-", "-q", "--date-order", "MDY", stdin=line)
    assert (given.returncode, json.loads(given.stdout)["published"]) == (0, "2021-03-04")
    wrong = run("batch", "-", "-q", "--date-order", "XYZ", stdin=line)
    assert (wrong.returncode, wrong.stderr) == (2, "claimx: --date-order: unknown date order 'XYZ': expected DMY, MDY or YMD\n")
