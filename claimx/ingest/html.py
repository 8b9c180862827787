"""Web pages: the story's text from trafilatura, its publication date from htmldate.

Only the bytes given are looked at: both libraries are handed the page's
bytes (htmldate downloads a *string* that looks like a URL, never bytes) and
no URL, so nothing is fetched from the network.

The article's text is trafilatura's main text with paragraphs separated by a
blank line (claimx reads blank lines as paragraph breaks); the record carries
that text (``text``), and its offsets index it.
"""
from __future__ import annotations

import logging
import re

from ..article import Article
from ..errors import ContentError
from .published import NotADate, future_warnings, normalise_published, parse_published

# trafilatura and htmldate log every page they find hard to read; claimx says it once, per page.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_LINE_BREAKS = re.compile(r"[ \t]*\n+[ \t]*")


def _libraries():
    try:
        import htmldate
        import trafilatura
    except ImportError as exc:  # a broken install: claimx depends on both
        raise ContentError(f"cannot read HTML: {exc} (pip install trafilatura htmldate)") from None
    return trafilatura, htmldate


def article_from_html(data: bytes, *, source: str, published: str | None = None,
                      empty_body: bool = False, date_order: str | None = None) -> Article:
    """An Article from an HTML page's bytes.

    The publication date comes from ``published`` (the flag), else htmldate's
    original publication date (``published_source: "html"``).  ContentError
    (exit 4) when the page holds no main text (unless ``empty_body``).
    """
    published_text = published
    if published is not None:
        published = parse_published(published, date_order)
    if not data.strip():
        raise ContentError("no article text: the input is " + ("only whitespace" if data else "empty"),
                           source=source)
    if b"\x00" in data[:65536]:
        raise ContentError("binary data (NUL bytes), not an HTML page", source=source)
    trafilatura, _ = _libraries()  # htmldate runs inside trafilatura's metadata extraction
    try:
        document = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                               include_tables=False)
    except Exception as exc:  # noqa: BLE001 - a page trafilatura cannot parse is unusable content
        raise ContentError(f"cannot extract text from the HTML: {type(exc).__name__}: {exc}",
                           source=source) from None
    text = (getattr(document, "text", None) or "").strip()
    title = (getattr(document, "title", None) or "").strip() or None
    if not text and not empty_body:
        raise ContentError("no article text found in the HTML page", source=source)
    text = _LINE_BREAKS.sub("\n\n", text)
    published_source = "flag" if published else None
    if published is None:
        # trafilatura's metadata already holds htmldate's original publication date
        # (original_date=True, extensive search): the page is not searched a second time.
        published_text = getattr(document, "date", None)
        published = _page_date(published_text)
        published_source = "html" if published else None
    warnings = future_warnings(published, published_source)
    return Article(text=text, source=source, id=None, title=title, published=published,
                   published_text=published_text if published else None, published_source=published_source,
                   body_start=0, warnings=warnings)


def _page_date(found: str | None) -> str | None:
    """htmldate's date normalised; a page whose date cannot be read has none (it is not the user's input)."""
    try:
        return normalise_published(found) if found else None
    except NotADate:
        return None
