"""Plain-text articles with an optional front-matter header.

    ---
    published: 2021-12-29
    title: US-Russia security talks to be held in Geneva
    ---
    The story...

The header, when there is one, opens the input (blank lines may come first)
with a line of exactly ``---`` and closes with the next such line.  Between
them each line is ``key: value`` (values may be quoted), blank or a ``#``
comment.  ``published`` (or ``date``), ``title`` and ``id`` are used; other
keys are allowed and ignored.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..article import Article
from ..errors import ContentError, UsageError
from .decode import DEFAULT_MAX_CHARS, read_bytes
from .published import (NotADate, check_date_order, filename_date, future_warnings, normalise_published,
                        parse_published, published_error)

# Lines end in \n, \r\n or a lone \r (old Mac files, and files mixing all three).
NEWLINE = re.compile(r"\r\n|\r|\n")
OPENING = re.compile(r"\A\ufeff?(?:[ \t]*(?:\r\n|\r|\n))*---[ \t]*(?:\r\n|\r|\n|\Z)")
CLOSING = re.compile(r"(?<![^\r\n])---[ \t]*(?:\r\n|\r|\n|\Z)")
HEADER_LINE = re.compile(r"(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*")
PUBLISHED_KEYS = ("published", "date")


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _line_number(text: str, offset: int) -> int:
    return len(NEWLINE.findall(text, 0, offset)) + 1


def parse_header(text: str, source: str) -> tuple[dict[str, tuple[str, int]], int]:
    """The front-matter fields as ``{key: (value, line number)}`` and where the body starts
    (0 when there is no header).  ContentError (exit 4) for a malformed header."""
    opening = OPENING.match(text)
    if not opening:
        return {}, 0
    closing = CLOSING.search(text, opening.end())
    if not closing:
        raise ContentError(f"header opened with '---' on line {_line_number(text, opening.end() - 1)} "
                           "is never closed (no second '---' line)", source=source)
    fields: dict[str, tuple[str, int]] = {}
    first = _line_number(text, opening.end())
    lines = NEWLINE.split(text[opening.end():closing.start()])
    if lines and lines[-1] == "":
        lines.pop()  # the newline before the closing '---'
    for number, line in enumerate(lines, start=first):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parsed = HEADER_LINE.fullmatch(line)
        if not parsed:
            raise ContentError(f"header line {number} is not 'key: value': {line.strip()[:60]!r}",
                               source=source)
        key = parsed["key"].lower()
        if key in fields:
            raise ContentError(f"header line {number} repeats {key!r} (first on line {fields[key][1]})",
                               source=source)
        fields[key] = (_unquote(parsed["value"]), number)
    return fields, closing.end()


def _header_published(fields: dict[str, tuple[str, int]], source: str,
                      date_order: str | None) -> tuple[str, str] | None:
    """The header's publication date, normalised, and as the header wrote it."""
    for key in PUBLISHED_KEYS:
        value, number = fields.get(key, ("", 0))
        if value:
            try:
                return normalise_published(value, date_order), value
            except NotADate as exc:
                raise ContentError(f"header line {number}: {published_error(exc, value, 'published date')}",
                                   source=source) from None
    return None


def article_from_text(text: str, *, source: str = "-", published: str | None = None,
                      id: str | None = None, title: str | None = None,
                      warnings: tuple[str, ...] = (), empty_body: bool = False,
                      date_order: str | None = None) -> Article:
    """An Article from decoded text.

    The publication date comes from ``published`` (the flag), else the header,
    else a date in the file name (``source``), else it stays None; the
    Article's ``published_source`` says which.  ContentError (exit 4) when
    there is no article text or the header is malformed; with ``empty_body``
    a header with nothing after it is an Article with an empty body instead
    (a headline-only story in a batch).  ``date_order`` (DMY, MDY, YMD) says how
    an all-numeric publication date is read; without it an ambiguous one is an error.
    """
    if not text.strip():
        raise ContentError("no article text: the input is " + ("only whitespace" if text else "empty"),
                           source=source)
    fields, body_start = parse_header(text, source)
    if not text[body_start:].strip() and not empty_body:
        raise ContentError("no article text after the header", source=source)
    named = source not in ("-", "")
    date_order = check_date_order(date_order)
    if published is not None:
        published_text, published_source = published, "flag"
        published = parse_published(published, date_order)
    elif header_date := _header_published(fields, source, date_order):
        (published, published_text), published_source = header_date, "header"
    elif named and (from_name := filename_date(Path(source).name)):
        (published, published_text), published_source = from_name, "filename"
    else:
        published_text = published_source = None
    warnings = tuple(warnings) + future_warnings(published, published_source)
    return Article(
        text=text, source=source,
        id=id or fields.get("id", (None,))[0] or (Path(source).stem if named else None),
        title=title or fields.get("title", (None,))[0] or None, published=published,
        published_text=published_text, published_source=published_source, body_start=body_start, warnings=warnings,
    )


def read_article(path: str, published: str | None = None, max_chars: int | None = None,
                 date_order: str | None = None) -> Article:
    """Read a file (or ``-`` for standard input) into an Article.

    InputError (exit 3) when it cannot be opened, ContentError (exit 4) when
    it holds no usable text, InvalidPublishedDate (exit 2) for a bad ``published``.
    ``max_chars`` limits the body's length (ContentError beyond it; a file far
    larger is refused without being read whole); None: DEFAULT_MAX_CHARS for the
    reading, and the pipeline's own limit for the body.
    """
    if published is not None:  # a bad flag is reported before the input is read
        parse_published(published, date_order)
    from .kinds import article_from_bytes, kind_of  # kinds reads through this module's functions

    kind = "text" if path == "-" else kind_of(path)
    if kind == "jsonl":
        raise UsageError("holds one article per line: read it with `claimx batch`", source=path)
    article = article_from_bytes(read_bytes(path, max_chars or DEFAULT_MAX_CHARS), source=path, kind=kind,
                                 published=published, date_order=date_order)
    if max_chars is not None and len(article.text) - article.body_start > max_chars:
        raise ContentError(f"too long: {len(article.text) - article.body_start:,} characters, "
                           f"over the limit of {max_chars:,} characters (--max-chars changes it)", source=path)
    return article
