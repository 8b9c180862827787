"""Paragraphs in raw text: shared by the quote finder and the sentence-break component.

A blank line, or a newline followed by indentation (wire copy marks paragraphs
that way), ends a paragraph.
"""
from __future__ import annotations

import re

# Any of \n, \r\n or a lone \r ends a line: files from every platform read alike. The
# atomic group keeps a \r\n whole: backtracking into it would read one line end as two.
NEWLINE = r"(?>\r\n|\r|\n)"
PARAGRAPH_BREAK = re.compile(rf"{NEWLINE}[ \t]*{NEWLINE}|{NEWLINE}[ \t]+(?=\S)")
BREAK_IN_WHITESPACE = re.compile(rf"{NEWLINE}[ \t]*{NEWLINE}|{NEWLINE}[ \t]")


def is_paragraph_break(whitespace: str) -> bool:
    """Whether a stretch of white space between words breaks a paragraph."""
    return bool(BREAK_IN_WHITESPACE.search(whitespace))


def paragraph_ends(text: str) -> list[int]:
    """Offsets where each paragraph's text ends (before the break), the last one included."""
    ends = [m.start() for m in PARAGRAPH_BREAK.finditer(text)]
    ends.append(len(text.rstrip()))
    return ends


def paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs begin, past any indentation."""
    starts = [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(text)]
    out = []
    for s in starts:
        while s < len(text) and text[s] in " \t\r\n":
            s += 1
        out.append(s)
    return out
