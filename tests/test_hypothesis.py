"""Property-based tests over the whole pipeline (hypothesis, the real spaCy model).

For any input — random text, random unicode, quote marks in every combination,
very long sentences and paragraphs, no sentence ends, only punctuation, random
headers and line endings, random bytes — claimx either refuses it with one of
its ContentErrors or returns a record that validates against the JSON Schema,
whose every span holds (``text[start:end] == span text``), whose ids resolve, with
no component failure among its warnings, and which every writer renders (the
html page showing exactly the article's text).

The suite runs a few dozen cases per strategy (``SUITE_EXAMPLES``, or
CLAIMX_HYPOTHESIS_EXAMPLES); ``benchmarks/fuzz.py`` runs the same properties over
10,000+ cases.
"""
from __future__ import annotations

import io
import json
import os
import signal
import string
from collections import Counter
from contextlib import contextmanager
from functools import lru_cache

from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from claimx.errors import ContentError
from claimx.ingest import article_from_text, decode
from claimx.record import SCHEMA_FILE
from claimx.render import write
from claimx.render.csv_table import csv_rows
from claimx.render.show import render_show
from test_render_views import parse  # the article's text out of an html page

# benchmarks/fuzz.py sets CLAIMX_FUZZ_EXAMPLES (cases per strategy) and CLAIMX_FUZZ_LONG_EXAMPLES
# (for the very long texts, which take about a second each) before importing this module.
FUZZ_EXAMPLES = int(os.environ.get("CLAIMX_FUZZ_EXAMPLES", "0"))
FUZZ_LONG_EXAMPLES = int(os.environ.get("CLAIMX_FUZZ_LONG_EXAMPLES", "0")) or FUZZ_EXAMPLES
SUITE_EXAMPLES = FUZZ_EXAMPLES or int(os.environ.get("CLAIMX_HYPOTHESIS_EXAMPLES", "25"))
SETTINGS = settings(max_examples=SUITE_EXAMPLES, deadline=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.large_base_example],
                    **({"database": None, "phases": [Phase.explicit, Phase.generate, Phase.shrink]}
                       if FUZZ_EXAMPLES else {}))
# Very long texts take about a second each: the suite and the benchmark run fewer of them.
LONG_SETTINGS = settings(SETTINGS, max_examples=FUZZ_LONG_EXAMPLES or max(4, SUITE_EXAMPLES // 4))

# The refusals an input may get (ContentError, exit 4); anything else escaping is a bug.
REFUSALS = ("no article text", "header ", "binary data", "undecodable", "too long")

# --- strategies ---------------------------------------------------------------

QUOTES = list("\"'“”‘’«»„‚‹›「」『』＂`") + ["''", "``", "\"\"", "“”", "‘’"]
WORDS = ["Smith", "Ryabkov", "the White House", "a spokesperson", "officials", "he", "she", "they", "it",
         "said", "says", "told", "reporters", "added", "confirmed", "according to", "claimed", "that",
         "warned", "denied", "believes", "Reuters", "AFP", "NATO", "the minister", "will", "talks",
         "be held", "in Geneva", "at the United Nations", "in Brussels, Belgium", "on Tuesday", "on the 10th",
         "January 10 next year", "next week", "two days later", "yesterday", "last June", "2021-12-29",
         "at 9:30 a.m.", "every Monday", "for three days", "the same day", "earlier", "Mr.", "Dr.", "U.S.",
         "e.g.", "100,000", "3.5%", "—", "–", "-", "(", ")", "[", "]", "/", "…", ":", ";", ","]
ENDS = [".", "!", "?", "?!", "...", "…", ".”", ".’", "!\"", ""]
SPACES = [" ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\t", "\u00a0", "\u2028", "\n   "]
PUNCTUATION = string.punctuation + "“”‘’«»„‚‹›—–…·•¡¿§¶†‡※、。，．！？：；（）「」"


def _join(parts: list[str], seps: list[str]) -> str:
    return "".join(p + s for p, s in zip(parts, seps))


@st.composite
def quoted_stories(draw):
    """Sentences of news-like words with quote marks anywhere, balanced or not."""
    tokens = draw(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(QUOTES), st.sampled_from(ENDS)),
                           min_size=1, max_size=80))
    seps = draw(st.lists(st.sampled_from(SPACES + ["", ""]), min_size=len(tokens), max_size=len(tokens)))
    return _join(tokens, seps)


@st.composite
def long_sentences(draw):
    """One very long sentence (or paragraph of sentences with no blank line): hundreds to thousands of words."""
    words = draw(st.lists(st.sampled_from(WORDS + QUOTES[:6]), min_size=1, max_size=12))
    repeat = draw(st.integers(20, 400))
    end = draw(st.sampled_from(["", ".", ". "]))
    sentence = " ".join(words)
    text = (sentence + end + " ") * repeat if end else (sentence + " ") * repeat
    return text


@st.composite
def no_sentence_ends(draw):
    words = draw(st.lists(st.sampled_from([w for w in WORDS if not set(w) & set(".!?…")]), min_size=1,
                          max_size=200))
    seps = draw(st.lists(st.sampled_from([" ", " ", "\n", "\n\n", ", "]), min_size=len(words), max_size=len(words)))
    return _join(words, seps)


@st.composite
def with_header(draw):
    """A front-matter header (valid or not) with any line endings, then a story."""
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    # Mostly well-formed (so the offsets are checked with a header before them), sometimes not.
    keys = draw(st.lists(st.sampled_from(["published", "title", "id", "source", "x-y", "# note", "",
                                          "date", "Title", "bad line"]), max_size=4, unique_by=str.lower))
    values = draw(st.lists(st.sampled_from(["2021-12-29", "\"quoted\"", "'", "", "Talks: in Geneva",
                                            "2021-12-29T09:30+09:00", "—", "2999-01-01", "03/04/2021", "Wed, 29 Dec 2021 09:30:00 +0900"]),
                           min_size=len(keys), max_size=len(keys)))
    lines = [k if k.startswith("#") or not k or " " in k else f"{k}: {v}" for k, v in zip(keys, values)]
    closed = draw(st.sampled_from([True, True, True, False]))
    body = draw(st.one_of(quoted_stories(), st.text(max_size=100)))
    mixed = draw(st.sampled_from(["\n", "\r\n", "\r", newline]))
    return newline.join(["---", *lines, *(["---"] if closed else [])]) + newline + body.replace("\n", mixed)


TEXTS = {
    "random-text": st.text(max_size=400),
    "random-unicode": st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200),
    "quotes": quoted_stories(),
    "long-sentences": long_sentences(),
    "no-sentence-ends": no_sentence_ends(),
    "only-punctuation": st.text(st.sampled_from(PUNCTUATION + " \n"), min_size=1, max_size=300),
    "headers": with_header(),
}
PUBLISHED = st.sampled_from([None, "2021-12-29", "1999-02-28T23:59+05:00", "2999-01-01"])

# --- the properties ---------------------------------------------------------------

# Cases run in this process: "records" (checked) and "refused" (an accepted ContentError).
OUTCOMES: Counter = Counter()


@lru_cache(maxsize=1)
def validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def spans_of(record: dict) -> list[tuple[str, dict]]:
    out = []
    for claim in record["claims"]:
        out.append((claim["id"], claim))
        if claim["cue"]:
            out.append((f"{claim['id']}.cue", claim["cue"]))
        if claim["speaker_mention"]:
            out.append((f"{claim['id']}.speaker_mention", claim["speaker_mention"]))
    for speaker in record["speakers"]:
        out += [(f"{speaker['id']}.mention", m) for m in speaker["mentions"]]
    out += [(d["id"], d) for d in record["dates"]]
    out += [(v["id"], {"text": v["name"], "start": v["start"], "end": v["end"]}) for v in record["venues"]]
    return out


def check_record(record: dict, text: str) -> None:
    """Every property a record of ``text`` must have (AssertionError naming the first that fails)."""
    errors = sorted(validator().iter_errors(record), key=str)
    assert not errors, f"schema: {errors[0].message} at {list(errors[0].absolute_path)}"
    body_start = record["body_start"]
    for name, span in spans_of(record):
        assert body_start <= span["start"] <= span["end"] <= len(text), f"{name}: offsets {span} outside the body"
        assert text[span["start"]:span["end"]] == span["text"], \
            f"{name}: text[{span['start']}:{span['end']}] is {text[span['start']:span['end']]!r}, not {span['text']!r}"
    ids = {x["id"] for key in ("speakers", "dates", "venues") for x in record[key]}
    for claim in record["claims"]:
        assert claim["speaker"] is None or claim["speaker"] in ids, f"{claim['id']}: unknown speaker"
        assert set(claim["date_ids"]) | set(claim["venue_ids"]) <= ids, f"{claim['id']}: unknown date or venue"
    for date in record["dates"]:
        assert date["anchor"] is None or date["anchor"] in ids, f"{date['id']}: unknown anchor"
    failed = [w for w in record["warnings"] if " failed: " in w]
    assert not failed, f"a component crashed: {failed[0]}"


def check_views(record: dict, text: str) -> None:
    for fmt in ("json", "jsonl", "csv"):
        write(record, fmt, io.StringIO(), text=text)
    assert len(csv_rows(record)) == len(record["claims"])
    page = io.StringIO()
    write(record, "html", page, text=text)
    assert "".join(parse(page.getvalue()).article) == text[record["body_start"]:], "html: article text changed"
    render_show(record, text, io.StringIO(), color=True, width=80)


# Seconds one case may take before it counts as a hang (the longest generated texts take a few).
HANG_SECONDS = int(os.environ.get("CLAIMX_HYPOTHESIS_HANG", "60"))


@contextmanager
def hang_guard(seconds: int = HANG_SECONDS):
    """TimeoutError inside the block after ``seconds`` (a component caught in a loop becomes a
    failure, or a component warning that check_record reports, instead of a stuck run)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum, frame):
        raise TimeoutError(f"no answer after {seconds} s (a hang)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_text(extractor, text: str, published: str | None = None) -> dict | None:
    """The whole pipeline on ``text``, properties checked: the record, or None for an accepted refusal."""
    try:
        article = article_from_text(text, source="fuzz.txt", published=published)
        with hang_guard():
            record = extractor.extract_article(article)
    except ContentError as exc:
        assert exc.message.startswith(REFUSALS), f"unexpected refusal: {exc.message}"
        OUTCOMES["refused"] += 1
        return None
    check_record(record, text)
    check_views(record, text)
    OUTCOMES["records"] += 1
    return record


def run_bytes(extractor, data: bytes) -> dict | None:
    """Bytes as a file holds them: decoding, then the pipeline."""
    try:
        decoded = decode(data, "fuzz.txt")
    except ContentError as exc:
        assert exc.message.startswith(REFUSALS), f"unexpected refusal: {exc.message}"
        OUTCOMES["refused"] += 1
        return None
    return run_text(extractor, decoded.text)


# --- the tests (one per strategy, so a failure names the kind of input) -----------------

@SETTINGS
@given(text=TEXTS["random-text"], published=PUBLISHED)
@example(text="", published=None)
@example(text="“", published=None)
@example(text="\u2028\u2029\x85", published="2021-12-29")
def test_random_text(extractor, text, published):
    run_text(extractor, text, published)


@SETTINGS
@given(text=TEXTS["random-unicode"])
@example(text="e\u0301\u200d👩‍👩‍👧 \U0001F600 said \u202eabc\u202c “x”")
def test_random_unicode(extractor, text):
    run_text(extractor, text)


@SETTINGS
@given(text=TEXTS["quotes"], published=PUBLISHED)
@example(text="“We will win,” Smith said on Tuesday.", published="2021-12-29")
@example(text="„Wir“ ‚gewinnen‘ «nous» ‹ils› 「彼ら」 \"\" '' `` “” ‘’", published=None)
@example(text="\"“'‘«„‚‹「『＂`", published=None)
def test_quote_marks_in_every_combination(extractor, text, published):
    run_text(extractor, text, published)


@LONG_SETTINGS
@given(text=TEXTS["long-sentences"])
def test_very_long_sentences_and_paragraphs(extractor, text):
    run_text(extractor, text, "2021-12-29")


@SETTINGS
@given(text=TEXTS["no-sentence-ends"])
def test_no_sentence_ends(extractor, text):
    run_text(extractor, text, "2021-12-29")


@SETTINGS
@given(text=TEXTS["only-punctuation"])
@example(text="“”")
@example(text="---\n---\n.")
def test_only_punctuation(extractor, text):
    run_text(extractor, text)


@SETTINGS
@given(text=TEXTS["headers"])
@example(text="---\r\npublished: 2021-12-29\r\n---\r\n“We will win,” Smith said on Tuesday.\r\n")
@example(text="---\rtitle: x\r---\rSmith said so.\r")
def test_headers_and_line_endings(extractor, text):
    run_text(extractor, text)


@SETTINGS
@given(data=st.binary(max_size=300))
@example(data=b"\xff\xfe" + "“Hi,” he said.".encode("utf-16-le"))
@example(data=b"\x93We will win\x94, Smith said.")
def test_random_bytes(extractor, data):
    run_bytes(extractor, data)
