"""Small helpers over a parsed Doc shared by the components."""
from __future__ import annotations

from spacy.tokens import Doc

Range = tuple[int, int]  # token indices, end exclusive


def sentence_range(doc: Doc, i: int) -> Range:
    """The sentence holding token ``i``, found by walking to its edges.

    ``Token.sent`` checks the sentence annotation of the whole Doc on every
    call, which made long stories quadratic.
    """
    start = i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return start, end
