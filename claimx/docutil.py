"""Small helpers over a parsed Doc shared by the components."""
from __future__ import annotations

import weakref

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, SENT_START
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


# Tokens walked to a sentence's edge before its bounds are looked up instead.
SENTENCE_WALK = 200
_kept: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def kept(doc: Doc, key, compute):
    """A fact of a parsed Doc computed once (``compute()``) and kept while the Doc lives.

    For what the parse fixes (sentence starts, where a word occurs), which claimx's
    components read but never change; kept by the Doc and its length.
    """
    entry = _kept.get(doc)
    if entry is None or entry[0] != len(doc):
        entry = (len(doc), {})
        _kept[doc] = entry
    if key not in entry[1]:
        entry[1][key] = compute()
    return entry[1][key]


def word_positions(doc: Doc, lower: str) -> numpy.ndarray:
    """The indices of the tokens whose lower-cased form is ``lower``, in order."""
    return kept(doc, ("lower", lower), lambda: numpy.flatnonzero(
        doc.to_array(LOWER) == doc.vocab.strings.add(lower)))


def sentence_range(doc: Doc, i: int) -> Range:
    """The sentence holding token ``i``, found by walking to its edges (a long one: looked up).

    ``Token.sent`` checks the sentence annotation of the whole Doc on every
    call, which made long stories quadratic; walking made a sentence of thousands
    of words quadratic in its length, so past ``SENTENCE_WALK`` tokens the Doc's
    sentence starts are read once (they are set once the parser has run) and searched.
    """
    start = i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
        if i - start > SENTENCE_WALK:
            return _looked_up_sentence(doc, i)
    end = i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
        if end - i > SENTENCE_WALK:
            return _looked_up_sentence(doc, i)
    return start, end


def _looked_up_sentence(doc: Doc, i: int) -> Range:
    """``sentence_range`` from the Doc's sentence starts, read once per Doc."""
    # A token starts a sentence when its SENT_START is 1 (is_sent_start True); the first always does.
    starts = kept(doc, "sentence starts", lambda: numpy.flatnonzero(doc.to_array(SENT_START) == 1))
    after = int(numpy.searchsorted(starts, i, "right"))  # the first start past i
    start = int(starts[after - 1]) if after > 0 else 0
    end = int(starts[after]) if after < len(starts) else len(doc)
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


class RangeIndex:
    """Items by the token range they span, found by a position inside it without a scan over all of them.

    The components ask "which claims hold this quotation / this cue": a scan over every claim
    for each one made long stories quadratic.  Ranges are filed under the blocks of
    ``BLOCK`` tokens they cross; one crossing more than ``WIDE`` blocks is kept apart and
    looked at on every query (few ranges are that long).
    """

    BLOCK = 64
    WIDE = 16

    def __init__(self, pairs=()):
        self._blocks: dict[int, list] = {}
        self._wide: list = []
        self._empty: list = []  # empty ranges: they hold no position, but a test of overlap may still take them
        self._count = 0
        for r, item in pairs:
            self.add(r, item)

    def add(self, r: Range, item) -> None:
        """File ``item`` under ``r``."""
        lo, hi = r
        entry = (self._count, lo, hi, item)
        self._count += 1
        if hi <= lo:
            self._empty.append(entry)
            return
        first, last = lo // self.BLOCK, (hi - 1) // self.BLOCK
        if last - first >= self.WIDE:
            self._wide.append(entry)
            return
        for block in range(first, last + 1):
            self._blocks.setdefault(block, []).append(entry)

    def containing(self, *positions: int) -> list:
        """The items whose range holds any of ``positions``, in the order they were added."""
        hits = {}
        for p in positions:
            for entry in self._blocks.get(p // self.BLOCK, ()):
                if entry[1] <= p < entry[2]:
                    hits[entry[0]] = entry[3]
            for entry in self._wide:
                if entry[1] <= p < entry[2]:
                    hits[entry[0]] = entry[3]
        return [hits[n] for n in sorted(hits)]

    def candidates(self, lo: int, hi: int) -> list:
        """The items whose range may meet ``lo``..``hi`` (every one that does, and empty ranges), in the
        order they were added; the caller applies its own test of overlap."""
        hits = {entry[0]: entry[3] for entry in self._wide + self._empty}
        for block in range(lo // self.BLOCK, max(lo, hi - 1) // self.BLOCK + 1):
            for entry in self._blocks.get(block, ()):
                hits[entry[0]] = entry[3]
        return [hits[n] for n in sorted(hits)]
