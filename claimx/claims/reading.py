"""Quotations mapped from the text onto the Doc's tokens, once per Doc."""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from .quotes import Quote
from .types import QuoteSpan


def quote_spans(doc: Doc, quotes: Iterable[Quote]) -> list[QuoteSpan]:
    """Map character quotations onto tokens; quotes that split a token are widened."""
    spans = []
    for q in quotes:
        outer = doc.char_span(q.start, q.end, alignment_mode="expand")
        inner = doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        if outer is None or inner is None or len(inner) == 0:
            continue
        i0, i1 = inner.start, inner.end
        while i0 < i1 and doc[i0].is_quote:
            i0 += 1
        while i1 > i0 and doc[i1 - 1].is_quote:
            i1 -= 1
        if i1 > i0:
            spans.append(QuoteSpan(q, (outer.start, outer.end), (i0, i1)))
    return spans


def in_quote_index(doc: Doc, quotes: list[QuoteSpan]) -> list[int]:
    """For each token, the index of the quotation it lies in (marks included), or -1."""
    index = [-1] * len(doc)
    for n, q in enumerate(quotes):
        for i in range(*q.outer):
            index[i] = n
    return index
