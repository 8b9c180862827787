"""What the claim rules pass around: a proposed attribution and a quotation on the tokens."""
from __future__ import annotations

from dataclasses import dataclass

from ..docutil import Range
from .quotes import Quote


@dataclass
class Attribution:
    """One claim found by a rule, as token ranges into the Doc."""

    content: Range
    cue: Range | None
    cue_class: str | None
    source: Range | None
    confidence: float
    rule: str
    kind: str = "indirect"
    segments: list[Range] | None = None  # the quoted parts of a content interrupted by its cue

    def overlaps(self, other: Range) -> bool:
        return self.content[0] < other[1] and other[0] < self.content[1]


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation mapped onto tokens: ``inner`` excludes the quote marks."""

    quote: Quote
    outer: Range
    inner: Range
