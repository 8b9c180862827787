"""Ingest: bytes to Article, without spaCy.  Every bad input has an exact message and exit code."""
from __future__ import annotations

import codecs
import os

import pytest

from claimx.errors import ClaimxError, ContentError, InputError, InvalidPublishedDate
from claimx.ingest import article_from_text, decode, parse_published, read_article
from claimx.ingest.published import date_from_filename

STORY = "“We will win,” Smith said on Tuesday.\n"
HEADER = "---\npublished: 2021-12-29\ntitle: Talks in Geneva\n---\n"
EXPECTED_DATE = "expected a date with its year, month and day, such as 2021-12-29, 29 Dec 2021 or Wed, 29 Dec 2021 09:30:00 +0900"


def write(tmp_path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


# --- decoding ---------------------------------------------------------------

@pytest.mark.parametrize("data, text, encoding", [
    (STORY.encode("utf-8"), STORY, "UTF-8"),
    (codecs.BOM_UTF8 + STORY.encode("utf-8"), STORY, "UTF-8"),
    (codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"), STORY, "UTF-16"),
    (codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"), STORY, "UTF-16"),
    (codecs.BOM_UTF32_LE + STORY.encode("utf-32-le"), STORY, "UTF-32"),
], ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf32-le-bom"])
def test_decode_unicode(data, text, encoding):
    decoded = decode(data, "a.txt")
    assert (decoded.text, decoded.encoding, decoded.warnings) == (text, encoding, ())


@pytest.mark.parametrize("data, text, warning", [
    (STORY.encode("cp1252"), STORY, "not UTF-8 (byte 0x93 at offset 0): read as Windows-1252"),
    (b"Caf\xe9 prices rose \x81 and fell \x9d again.", "Café prices rose \x81 and fell \x9d again.",
     "not UTF-8 (byte 0xE9 at offset 3): read as Windows-1252"),
], ids=["cp1252", "cp1252-undefined-bytes-as-latin1"])
def test_decode_falls_back_to_windows_1252_with_a_warning(data, text, warning):
    decoded = decode(data, "a.txt")
    assert (decoded.text, decoded.encoding, decoded.warnings) == (text, "Windows-1252", (warning,))


BAD_CONTENT = [
    ("empty", b"", "no article text: the input is empty"),
    ("bom-only", codecs.BOM_UTF8, "no article text: the input is empty"),
    ("whitespace", b" \n\t\r\n  \n", "no article text: the input is only whitespace"),
    ("nul-bytes", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data (NUL bytes), not a text article"),
    ("control-bytes", bytes(range(1, 9)) * 10 + b"some text",
     "binary data (90% control characters), not a text article"),
    ("utf16-nul", codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"), "binary data (NUL bytes), not a text article"),
    ("utf16-truncated", codecs.BOM_UTF16_LE + b"a\x00b",
     "undecodable: starts with a UTF-16 byte-order mark but is not valid UTF-16 (truncated data at byte 4)"),
    ("header-unclosed", b"---\npublished: 2021-12-29\nThe story.\n",
     "header opened with '---' on line 1 is never closed (no second '---' line)"),
    ("header-unclosed-after-blank-lines", b"\n\n---\ntitle: x\n",
     "header opened with '---' on line 3 is never closed (no second '---' line)"),
    ("header-not-key-value", b"---\npublished: 2021-12-29\nBy Jane Doe\n---\nThe story.\n",
     "header line 3 is not 'key: value': 'By Jane Doe'"),
    ("header-repeated-key", b"---\ntitle: a\n\nTitle: b\n---\nThe story.\n",
     "header line 4 repeats 'title' (first on line 2)"),
    ("header-bad-published", b"---\ntitle: x\npublished: last Tuesday\n---\nThe story.\n",
     f"header line 3: invalid published date 'last Tuesday': {EXPECTED_DATE}"),
    ("header-impossible-date", b"---\ndate: 2021-02-30\n---\nThe story.\n",
     f"header line 2: invalid published date '2021-02-30': {EXPECTED_DATE}"),
    ("header-only", HEADER.encode() + b"\n  \n", "no article text after the header"),
]


@pytest.mark.parametrize("data, message", [c[1:] for c in BAD_CONTENT], ids=[c[0] for c in BAD_CONTENT])
def test_unusable_content_is_refused(tmp_path, data, message):
    path = write(tmp_path, "story.txt", data)
    with pytest.raises(ContentError) as caught:
        read_article(path)
    assert (str(caught.value), caught.value.exit_code) == (f"{path}: {message}", 4)


# --- opening ----------------------------------------------------------------

def test_missing_file(tmp_path):
    path = str(tmp_path / "nope.txt")
    with pytest.raises(InputError) as caught:
        read_article(path)
    assert (str(caught.value), caught.value.exit_code) == (f"{path}: no such file", 3)


def test_directory(tmp_path):
    with pytest.raises(InputError) as caught:
        read_article(str(tmp_path))
    assert (str(caught.value), caught.value.exit_code) == (f"{tmp_path}: is a directory, not a file", 3)


def test_unreadable_file(tmp_path):
    path = write(tmp_path, "secret.txt", STORY.encode())
    os.chmod(path, 0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reading (the subprocess test covers it)")
        with pytest.raises(InputError) as caught:
            read_article(path)
        assert (str(caught.value), caught.value.exit_code) == (f"{path}: permission denied", 3)
    finally:
        os.chmod(path, 0o600)


# --- the Article ------------------------------------------------------------

def test_header_offsets_title_and_id(tmp_path):
    path = write(tmp_path, "geneva.txt", (HEADER + STORY).encode())
    article = read_article(path)
    assert article.text == HEADER + STORY  # the whole input, header included
    assert article.body_start == len(HEADER) and article.body == STORY
    assert (article.title, article.id, article.source) == ("Talks in Geneva", "geneva", path)
    assert (article.published, article.published_source, article.warnings) == ("2021-12-29", "header", ())


@pytest.mark.parametrize("text", [
    "---\r\npublished: 2021-12-29\r\n---\r\nBody.\r\n",
    "\n\n---\npublished: 2021-12-29\n---\nBody.\n",
    "---\n# a comment\npublished: '2021-12-29'\nsection: world\n---\nBody.\n",
    "---  \npublished: \"2021-12-29\"\n--- \t\nBody.",
], ids=["crlf", "blank-lines-first", "comment-quotes-other-keys", "spaces-after-dashes"])
def test_header_variants(text):
    article = article_from_text(text)
    assert (article.body_start, article.published) == (text.index("Body."), "2021-12-29")


def test_bom_and_header_offsets_index_the_decoded_text(tmp_path):
    path = write(tmp_path, "a.txt", codecs.BOM_UTF16_LE + (HEADER + STORY).encode("utf-16-le"))
    article = read_article(path)
    assert article.text == HEADER + STORY and article.body == STORY


def test_no_header_and_dashes_later_are_body():
    text = "Lead paragraph.\n---\npublished: 2021-12-29\n---\n"
    article = article_from_text(text)
    assert (article.body_start, article.published, article.published_source) == (0, None, None)


# --- the publication date ---------------------------------------------------

@pytest.mark.parametrize("name, header, flag, published, source", [
    ("nyt_2016-10-23_x.txt", True, "2020-01-02", "2020-01-02", "flag"),
    ("nyt_2016-10-23_x.txt", True, None, "2021-12-29", "header"),
    ("nyt_2016-10-23_x.txt", False, None, "2016-10-23", "filename"),
    ("story.txt", False, None, None, None),
    ("story.txt", False, "2021-12-29T09:30:00", "2021-12-29T09:30", "flag"),
], ids=["flag-wins", "header-beats-filename", "filename", "none", "flag-datetime"])
def test_published_precedence(tmp_path, name, header, flag, published, source):
    path = write(tmp_path, name, ((HEADER if header else "") + STORY).encode())
    article = read_article(path, published=flag)
    assert (article.published, article.published_source) == (published, source)


@pytest.mark.parametrize("name, expected", [
    ("nyt_2016-10-23_slug.txt", "2016-10-23"),
    ("20161023-slug.txt", "2016-10-23"),
    ("ABC19980108.1830.0711.txt", "1998-01-08"),
    ("ap_2016_10_23.txt", "2016-10-23"),
    ("breitbart_2016-09-12_stealth-over-health-hillary-clin.txt", "2016-09-12"),
    ("story-2021-02-30.txt", None),
    ("2016-1023.txt", None),
    ("report-12345678.txt", None),
    ("story.txt", None),
])
def test_date_from_filename(name, expected):
    assert date_from_filename(name) == expected


def test_stdin_has_no_filename_date_nor_id():
    article = article_from_text(STORY, source="-")
    assert (article.published, article.published_source, article.id) == (None, None, None)


def test_header_datetime_is_kept_as_given():
    article = article_from_text("---\npublished: 1998-01-08T13:37\n---\n" + STORY)
    assert (article.published, article.published_source) == ("1998-01-08T13:37", "header")


@pytest.mark.parametrize("header, warning", [
    ("published: 2999-01-01", "published date 2999-01-01 (from the header) is in the future"),
    ("date: 2999-01-01T10:00", "published date 2999-01-01T10:00 (from the header) is in the future"),
])
def test_header_date_in_the_future_is_accepted_with_a_warning(header, warning):
    article = article_from_text(f"---\n{header}\n---\n{STORY}")
    assert article.published.startswith("2999-01-01") and article.warnings == (warning,)


@pytest.mark.parametrize("value, expected", [
    ("2021-12-29", "2021-12-29"),
    (" 2021-12-29 ", "2021-12-29"),
    ("2021-12-29T09:30", "2021-12-29T09:30"),
    ("2021-12-29 09:30:00", "2021-12-29T09:30"),
    ("2021-12-29T09:30:15Z", "2021-12-29T09:30:15+00:00"),
    ("2021-12-29T09:30+0900", "2021-12-29T09:30+09:00"),
])
def test_parse_published(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["29/13/2021", "20211329", "2021-W52-3", "2021-02-30", "2021-12-29T25:00",
                                   "yesterday", ""])
def test_invalid_published_flag(value):
    with pytest.raises(InvalidPublishedDate) as caught:
        parse_published(value)
    assert (str(caught.value), caught.value.exit_code) == (
        f"--published: invalid date {value!r}: {EXPECTED_DATE}", 2)


def test_invalid_flag_is_reported_before_the_input_is_read(tmp_path):
    with pytest.raises(InvalidPublishedDate):
        read_article(str(tmp_path / "missing.txt"), published="tomorrow")


def test_errors_are_one_family():
    assert issubclass(InvalidPublishedDate, ClaimxError) and issubclass(ContentError, ClaimxError)
