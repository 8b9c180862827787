"""Quotations found in raw text, robust to unbalanced and mixed quote marks.

Pure text in, spans out: no spaCy here.  News conventions handled:
curly and straight double quotes, guillemets, a quote that runs over several
paragraphs (each continuing paragraph reopens it without closing the last),
quote marks that never close (the quote then ends with its paragraph, so
one stray mark never swallows the rest of the story), and a closing curly mark
typed where a paragraph's quotation opens.  Single quotes are only
taken as quotes when they clearly are (not apostrophes) and not nested inside
a double quote.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..paragraphs import paragraph_ends

# Quote marks: curly, low-9 and guillemets open or close by shape; the straight
# mark and the doubled apostrophe of some newspapers' archives ('' … '') by context.
MARK = re.compile(r"''|``|[“”„«»\"]")
OPENING = {"“", "„", "«", "``"}
CLOSING = {"”", "»"}
# A straight quote opens after a space, an opening bracket, a dash or the start.
OPENS_BEFORE = set(" \t\n([{—–-/")
CLOSES_BEFORE = set(".,;:!?)]}—–-'’")
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


def _straight_role(text: str, start: int, end: int, inside: bool) -> str:
    """Whether a straight mark at text[start:end] opens, closes, or is stray (inches, a lone '"')."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before in OPENS_BEFORE and not after.isspace():
        # '("' or ' "word': opens, unless a quote is open and this one ends it: 'said "yes" -'.
        return "close" if inside and after in CLOSES_BEFORE else "open"
    if not before.isspace() and (after.isspace() or after in CLOSES_BEFORE):
        return "close" if inside else "stray"
    # 'the term 'X,' " she said': a space set between a nested single quote (or the last
    # punctuation) and the closing mark, as some wires print it.
    if inside and before == " " and after.isspace() and start > 1 and text[start - 2] in CLOSES_BEFORE:
        return "close"
    return "stray"


def _role(text: str, mark: re.Match, inside: bool) -> str:
    if mark.group() in OPENING:
        # An opening mark typed where an open quote ends ('… for her here,“ said Bolt') closes it.
        return "close" if inside and _ends_quotation(text, mark.start(), mark.end()) else "open"
    if mark.group() in CLOSING:
        # A closing mark that opens a paragraph before a word was typed for an opening one.
        return "open" if not inside and _opens_paragraph(text, mark.start(), mark.end()) else "close"
    return _straight_role(text, mark.start(), mark.end(), inside)


def _ends_quotation(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] in ",.!?" and (end >= len(text) or text[end].isspace())


def _opens_paragraph(text: str, start: int, end: int) -> bool:
    return _at_line_start(text, start) and end < len(text) and text[end].isalnum()


def _at_line_start(text: str, i: int) -> bool:
    """Whether only white space stands between the line's start and ``text[i]``."""
    line_start = max(text.rfind("\n", 0, i), text.rfind("\r", 0, i)) + 1
    return text[line_start:i].strip() == ""


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_quotes(text: str) -> list[Quote]:
    """Every double-quoted (or clearly single-quoted) stretch of ``text``, in order."""
    breaks = paragraph_ends(text)
    quotes: list[Quote] = []
    first: re.Match | None = None  # the mark that opened the current quotation
    paragraphs = 1
    para = 0  # index into breaks of the paragraph holding the latest opening mark
    here = 0

    def left_open() -> Quote:
        end = _trim_end(text, first.end(), breaks[para])
        return Quote(first.start(), end, first.end(), end, False, paragraphs)

    for mark in MARK.finditer(text):
        i = mark.start()
        while here < len(breaks) - 1 and i > breaks[here]:
            here += 1
        if first is not None and here != para:
            # The quote was left open at a paragraph end.  A paragraph that
            # opens with a quote mark continues it (news convention); anything
            # else means the quote really ended with its paragraph.
            if _at_line_start(text, i) and _role(text, mark, False) == "open":
                para, paragraphs = here, paragraphs + 1
                continue
            quotes.append(left_open())
            first = None
        role = _role(text, mark, first is not None)
        if role == "open" and first is None:
            first, para, paragraphs = mark, here, 1
        elif role == "close" and first is not None:
            quotes.append(Quote(first.start(), mark.end(), first.end(), i, True, paragraphs))
            first = None
        # An opener inside an open quote is nested or stray, a closer with nothing
        # open is stray: either way the state does not change.
    if first is not None:
        quotes.append(left_open())
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
