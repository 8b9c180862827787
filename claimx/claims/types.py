"""What the claim rules pass around: a proposed attribution (with what the rule saw) and a quotation."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from ..docutil import Range
from .quotes import Quote


class Rule(str, Enum):
    """Which rule found a claim; its value is the record's ``rule`` (an enum in claimx-1.schema.json)."""

    REPORTING_VERB = "reporting verb"  # "X said (that) ...", "..., X added"
    THAT_CLAUSE = "that-clause"  # a verb outside the lexicon with an agent and a "that" clause
    VERB_ARGUMENT = "verb argument"  # any other verb with a subject, its argument (trained scorer only)
    CUE_NOUN = "cue noun"  # "the claim that ...", "allegations of ..."
    CUE_ADJECTIVE = "cue adjective"  # "X is wary of Y"
    SOURCE_MARKER = "source marker"  # "according to X, ..."
    SOURCE_DOCUMENT = "source document"  # "In a Gazette poll, ..."
    HEARSAY_ADVERB = "hearsay adverb"  # "The firm reportedly paid ..."
    COLON = "colon"  # "White House: ..."
    QUOTE = "quote"  # a quotation tied to a verb near it
    QUOTE_SIGNATURE = "quote signature"  # "“We will win.” ― Jane Smith"
    FLOATING_QUOTE = "floating quote"  # a quotation standing alone, the previous claim's speaker's


@dataclass
class Attribution:
    """One claim a finder proposes, as token ranges into the Doc, with the features its rule computed.

    ``rule``, ``cue_lemma``, ``cue_class``, ``path`` and the ranges are what a scorer can
    weigh; ``confidence`` is the rule's own estimate (the cue's, lowered by the factors
    of ``models/claims/confidences.tsv``).
    """

    content: Range
    cue: Range | None
    cue_class: str | None
    source: Range | None
    confidence: float
    rule: Rule
    kind: str = "indirect"
    segments: list[Range] | None = None  # the quoted parts of a content interrupted by its cue
    # The word the rule keyed on: the cue's lemma ("say", "claim", "wary"), the marker ("according to"),
    # the adverb ("reportedly") or the document noun ("poll"); None for a colon or a dash.
    cue_lemma: str | None = None
    # How the rule reached the content: the frame it read ("clause", "obj", "prep:about", "parataxis"),
    # the side of a marker ("before", "after", "around"), or how a quotation was tied ("nearest verb").
    path: str = ""


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation mapped onto tokens: ``inner`` excludes the quote marks."""

    quote: Quote
    outer: Range
    inner: Range


class QuoteSpans(list):
    """A Doc's quotations on its tokens, in reading order, with a look-up of those past a position.

    ``ordered``: each quotation ends (marks included) before the next begins, as the quote
    finder makes them; then the quotations meeting a range are a run found by bisection,
    not by a scan over all of them per claim.  Not to be changed once made.
    """

    def __init__(self, spans=()):
        super().__init__(spans)
        self.ordered = all(a.outer[1] <= b.outer[0] for a, b in zip(self, self[1:]))
        self._ends = {"outer": [q.outer[1] for q in self], "inner": [q.inner[1] for q in self]}

    def after(self, position: int, side: str = "outer") -> Iterator[QuoteSpan]:
        """The quotations in order from the first whose ``side`` range ends past ``position`` (lazily: a
        caller stops at the first past its range); all of them when not ordered."""
        first = bisect_right(self._ends[side], position) if self.ordered else 0
        return (self[i] for i in range(first, len(self)))
