"""Plain-text articles with an optional front-matter header."""
from __future__ import annotations

import re
from pathlib import Path

from ..article import Article
from ..errors import ContentError, InputError
from .published import date_from_filename, parse_published

HEADER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def parse_header(text: str, source: str) -> tuple[dict[str, str], int]:
    """The front-matter fields and where the body starts (0 when there is no header)."""
    match = HEADER.match(text)
    if not match:
        return {}, 0
    fields = {}
    for number, line in enumerate(match["body"].splitlines(), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parsed = HEADER_LINE.match(line)
        if not parsed:
            raise ContentError(f"malformed header line {number}: {line.strip()[:60]!r} (expected 'key: value')",
                               source=source)
        fields[parsed["key"].lower()] = _unquote(parsed["value"])
    return fields, match.end()


def article_from_text(text: str, *, source: str = "-", published: str | None = None,
                      id: str | None = None, title: str | None = None,
                      warnings: tuple[str, ...] = ()) -> Article:
    """An Article from decoded text: header fields, then the publication date by precedence."""
    fields, body_start = parse_header(text, source)
    published_source = None
    if published:
        published, published_source = parse_published(published), "flag"
    elif fields.get("published") or fields.get("date"):
        raw = fields.get("published") or fields.get("date")
        published, published_source = parse_published(raw, what="header date"), "header"
    elif source not in ("-", "") and (from_name := date_from_filename(Path(source).name)):
        published, published_source = from_name, "filename"
    stem = Path(source).stem if source not in ("-", "") else None
    return Article(
        text=text, source=source, id=id or fields.get("id") or stem,
        title=title or fields.get("title"), published=published,
        published_source=published_source, body_start=body_start, warnings=tuple(warnings),
    )


def read_article(path: str, *, published: str | None = None) -> Article:
    """Read a file (or ``-`` for stdin) into an Article."""
    import sys

    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        p = Path(path)
        if p.is_dir():
            raise InputError("is a directory, not an article file", source=path)
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            raise InputError("no such file", source=path) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", source=path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ContentError("not UTF-8 text", source=path) from None
    if not text.strip():
        raise ContentError("empty file: no article text", source=path)
    return article_from_text(text, source=path, published=published)
