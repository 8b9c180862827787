"""Which reader a file gets, by its name, and reading its bytes with that reader.

Shared by ``claimx extract`` (one file) and ``claimx batch`` (many), so a page,
a JSON record or a text file reads the same way in both.
"""
from __future__ import annotations

import dataclasses
import os

from ..article import Article
from .decode import decode
from .html import article_from_html
from .records import DEFAULT_FIELDS, Fields, article_from_record, parse_json
from .text import article_from_text

# File name endings and the reader each one gets.
KINDS = {
    ".txt": "text", ".md": "text", ".markdown": "text", ".text": "text",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}
KIND_NAMES = ("text", "json", "jsonl", "html")


def kind_of(path: str, forced: str | None = None) -> str:
    """The reader for a path: the one asked for, else by its ending, else plain text."""
    if forced:
        return forced
    return KINDS.get(os.path.splitext(path)[1].lower(), "text")


def article_from_bytes(data: bytes, *, source: str, kind: str, published: str | None = None,
                       fields: Fields = DEFAULT_FIELDS, empty_body: bool = False,
                       date_order: str | None = None) -> Article:
    """One article from a file's bytes: a web page, a JSON record or (front-matter) text.

    An article that names no id of its own is known by its file's name
    (``story.html`` → ``story``), whichever command reads it.
    """
    if kind == "html":
        article = article_from_html(data, source=source, published=published, empty_body=empty_body,
                                    date_order=date_order)
        return _named_after_file(article)
    decoded = decode(data, source)
    if kind == "json":
        article = article_from_record(parse_json(decoded.text, source), source=source, fields=fields,
                                      published=published, empty_body=empty_body, date_order=date_order)
        return _named_after_file(dataclasses.replace(article, warnings=decoded.warnings + article.warnings))
    return article_from_text(decoded.text, source=source, published=published, warnings=decoded.warnings,
                             empty_body=empty_body, date_order=date_order)


def _named_after_file(article: Article) -> Article:
    if article.id is not None:
        return article
    return dataclasses.replace(article, id=id_from_file_name(article.source))


def id_from_file_name(source: str) -> str | None:
    """``stories/a.html`` → ``a``; None for standard input, which has no name to give."""
    if source in ("-", ""):
        return None
    return os.path.splitext(os.path.basename(source))[0] or None
