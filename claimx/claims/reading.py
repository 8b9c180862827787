"""A Doc as the finders read it: the parse, the claim vocabulary, and its quotations on the tokens.

The quotations are found once per Doc, in the text (``quotes.find_quotes``), and mapped
onto tokens here; every finder reads them from the ``Reading``.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..docutil import doc_text
from .quotes import Quote, find_quotes
from .types import QuoteSpan, QuoteSpans
from .vocabulary import ClaimsVocabulary, Cue


@dataclass(frozen=True)
class Reading:
    """What every finder reads: the Doc, the vocabulary, the quotations and which token lies in which."""

    doc: Doc
    vocab: ClaimsVocabulary
    quotes: QuoteSpans
    in_quote: list[int]  # for each token, the index of the quotation it lies in (marks included), or -1

    @classmethod
    def of(cls, doc: Doc, vocab: ClaimsVocabulary) -> "Reading":
        quotes = QuoteSpans(quote_spans(doc, find_quotes(doc_text(doc))))
        return cls(doc, vocab, quotes, in_quote_index(doc, quotes))

    def cue_words(self, positions: Iterable[int] | None, pos: str,
                  cues: Mapping[str, Cue]) -> Iterator[tuple[Token, Cue]]:
        """The tokens of part of speech ``pos`` (at ``positions``, else all) whose lemma is one of ``cues``,
        with their cue; a cue word inside a quotation is the quoted speaker's, not the story's."""
        for token in self.doc if positions is None else (self.doc[i] for i in positions):
            if token.pos_ != pos or self.in_quote[token.i] >= 0:
                continue
            cue = cues.get(token.lemma_.lower())
            if cue is not None:
                yield token, cue


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
