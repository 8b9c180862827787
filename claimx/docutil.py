"""Small helpers over a parsed Doc shared by the components."""
from __future__ import annotations

import numpy
from spacy.attrs import DEP, LEMMA, LOWER
from spacy.tokens import Doc

Range = tuple[int, int]  # token indices, end exclusive


def doc_text(doc: Doc) -> str:
    """The Doc's text, kept in ``doc._.claimx_text``: ``Doc.text`` joins every token on each access.

    The Extractor keeps the article's text there; for a Doc made elsewhere the first
    call keeps it, so the components that follow do not join the tokens again.
    """
    kept = doc._.get("claimx_text") if doc.has_extension("claimx_text") else None
    # A kept text is trusted when it ends where the last token does (a cheap check).
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if kept is not None and len(kept) == end:
        return kept
    text = doc.text
    if doc.has_extension("claimx_text"):
        doc._.claimx_text = text
    return text


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


class TokenFinder:
    """Positions of tokens by their lower-cased form, lemma or dependency label.

    Reads the Doc's attribute arrays once, so a rule that looks at a few words
    ("according", "in", the reporting verbs) does not create a Token object for
    every word of the story, which is most of the cost of a pass over a Doc.
    """

    ATTRIBUTES = ("lower", "lemma", "dep")

    def __init__(self, doc: Doc):
        self.doc = doc
        self._arrays = dict(zip(self.ATTRIBUTES, doc.to_array([LOWER, LEMMA, DEP]).T))
        self._sorted: dict[str, tuple] = {}

    def positions(self, attr: str, hashes) -> list[int]:
        """Token indices whose ``attr`` ("lower", "lemma" or "dep") is one of ``hashes``, in order."""
        # The values sorted once per attribute, then a binary search per wanted value:
        # numpy.isin sorts both arrays on every call, the most of a lookup's cost.
        if attr not in self._sorted:
            values = self._arrays[attr]
            order = values.argsort(kind="stable")
            self._sorted[attr] = (order, values[order])
        order, values = self._sorted[attr]
        wanted = numpy.asarray(hashes, dtype=values.dtype)
        firsts = values.searchsorted(wanted, "left")
        lasts = values.searchsorted(wanted, "right")
        hits = numpy.flatnonzero(lasts > firsts)
        if not len(hits):
            return []
        return sorted({i for n in hits.tolist() for i in order[firsts[n]:lasts[n]].tolist()})


def string_ids(vocab, words):
    """The hashes of words in a vocabulary's string store, as the array TokenFinder.positions takes."""
    return numpy.array(sorted({vocab.strings.add(w) for w in words}), dtype=numpy.uint64)
