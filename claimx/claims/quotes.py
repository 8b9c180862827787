"""Quotations found in raw text, robust to unbalanced and mixed quote marks.

Pure text in, spans out: no spaCy here.  News conventions handled:
curly and straight double quotes, guillemets, a quote that runs over several
paragraphs (each continuing paragraph reopens it without closing the last),
and quote marks that never close (the quote then ends with its paragraph, so
one stray mark never swallows the rest of the story).  Single quotes are only
taken as quotes when they clearly are (not apostrophes) and not nested inside
a double quote.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..paragraphs import paragraph_ends

OPENERS = {"“": "”", "„": "”", "«": "»", '"': '"'}
CLOSERS = {"”", "»", '"'}
# A straight quote opens after a space, an opening bracket, a dash or the start.
OPENS_BEFORE = set(" \t\n([{—–-/")
SINGLE_QUOTE = re.compile(r"(?<![\w’'])[‘'](?=\w)([^‘’'\n]{2,}?[\w.,!?])[’'](?!\w)")


@dataclass(frozen=True)
class Quote:
    """One quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them.

    ``closed`` is False when the closing mark was never found; ``paragraphs``
    counts how many paragraphs the quotation spans.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True
    paragraphs: int = 1

    def inner(self, text: str) -> str:
        return text[self.inner_start:self.inner_end]


def _straight_role(text: str, i: int, inside: bool) -> str:
    """Whether a straight quote opens, closes, or is a stray mark (inches, a lone '"')."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before in OPENS_BEFORE and not after.isspace():
        # '("' or ' "word': opens, unless a quote is open and this one ends it: 'said "yes" -'.
        return "close" if inside and after in ".,;:!?)]}—–-" else "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-'’"):
        return "close" if inside else "stray"
    return "stray"


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_quotes(text: str) -> list[Quote]:
    """Every double-quoted (or clearly single-quoted) stretch of ``text``, in order."""
    breaks = paragraph_ends(text)
    quotes: list[Quote] = []
    open_at: int | None = None
    first_open: int | None = None
    paragraphs = 1
    para = 0  # index into breaks of the paragraph holding ``open_at``

    def para_of(i: int) -> int:
        while para_idx[0] < len(breaks) - 1 and i > breaks[para_idx[0]]:
            para_idx[0] += 1
        return para_idx[0]

    para_idx = [0]
    for i, ch in enumerate(text):
        if ch not in OPENERS and ch not in CLOSERS:
            continue
        here = para_of(i)
        if open_at is not None and here != para:
            # The quote was left open at a paragraph end.  A paragraph that
            # opens with a quote mark continues it (news convention); anything
            # else means the quote really ended with its paragraph.
            line_start = text.rfind("\n", 0, i) + 1
            reopens = text[line_start:i].strip() == "" and ch in OPENERS and (
                ch != '"' or _straight_role(text, i, False) == "open")
            if reopens:
                open_at, para, paragraphs = i, here, paragraphs + 1
                continue
            end = _trim_end(text, open_at, breaks[para])
            quotes.append(Quote(first_open, end, first_open + 1, end, False, paragraphs))
            open_at = first_open = None
        if ch == '"':
            role = _straight_role(text, i, open_at is not None)
            if role == "stray":
                continue
        elif ch in OPENERS:
            role = "open"
        else:
            role = "close"
        if role == "open":
            if open_at is None:
                open_at = first_open = i
                para, paragraphs = here, 1
            # An opener inside an open quote is a stray or nested mark: the
            # outer quote stays open.
        elif open_at is not None:
            quotes.append(Quote(first_open, i + 1, first_open + 1, i, True, paragraphs))
            open_at = first_open = None
        # A closer with nothing open is a stray mark and is ignored.
    if open_at is not None:
        end = _trim_end(text, open_at, breaks[para])
        quotes.append(Quote(first_open, end, first_open + 1, end, False, paragraphs))
    return _with_single_quotes(text, [q for q in quotes if q.inner_end > q.inner_start])


def _with_single_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    """Add single-quoted stretches that lie outside every double quote."""
    extra = []
    for m in SINGLE_QUOTE.finditer(text):
        start, end = m.start(), m.end()
        if any(q.start <= start < q.end for q in quotes):
            continue
        # Three words at least: short single-quoted bits are titles and scare quotes.
        if len(m.group(1).split()) < 3:
            continue
        extra.append(Quote(start, end, start + 1, end - 1))
    return sorted(quotes + extra, key=lambda q: q.start)
