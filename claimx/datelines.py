"""Wire datelines: where (and when, and by whom) a story was filed, found once per text.

"TAIPEI, Feb 27 - Port traffic rose ...", "GENEVA (AP) — ...", "RICHMOND, Va. Feb 26 - ...".
A dateline opens one of the story's first paragraphs (a headline or a byline may come
first).  Its place is where the story was written, not a speaker or a venue; its date
is the story's own date in the place it was filed.  The patterns are data
(``models/text/dateline_patterns.txt``); this module only applies them, so it needs no
spaCy and is tested on plain strings.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .errors import ClaimxError
from .paragraphs import paragraph_starts

Chars = tuple[int, int]  # character offsets, end exclusive

# Headline lines, a byline and a date line may come before the dateline's paragraph.
PARAGRAPHS_SEARCHED = 4


@dataclass(frozen=True)
class Dateline:
    """A dateline's parts as character offsets into the text."""

    start: int
    end: int  # past the dash and the space after it: where the story's first sentence starts
    place: Chars  # "PORTLAND, Ore."
    city: Chars  # "PORTLAND": the place without its state or country
    name: str  # the city as a reader writes it: "Portland"
    date: Chars | None = None  # "Feb 26"
    agency: Chars | None = None  # "Reuters", without the brackets

    def as_data(self) -> dict:
        """Plain data for ``doc._.claimx_dateline`` (it must survive ``Doc.to_bytes``)."""
        return {"start": self.start, "end": self.end, "place": list(self.place), "city": list(self.city),
                "name": self.name, "date": list(self.date) if self.date else None,
                "agency": list(self.agency) if self.agency else None}


class DatelineFinder:
    """Compiled dateline patterns; ``find(text)`` gives the story's dateline or None."""

    def __init__(self, patterns: Iterable[str], months: Iterable[str], source: str = "dateline patterns"):
        month = "(?:" + "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True)) + r")\.?"
        self.patterns = []
        for n, pattern in enumerate(patterns, 1):
            try:
                # MULTILINE: "^" must match where each paragraph starts, not only at the text's start.
                compiled = re.compile(pattern.replace("{MONTH}", f"(?i:{month})"), re.MULTILINE)
            except re.error as exc:
                raise ClaimxError(f"{source}: pattern {n} is not a valid regular expression: {exc}") from None
            if "place" not in compiled.groupindex:
                raise ClaimxError(f"{source}: pattern {n} has no (?P<place>...) group")
            self.patterns.append(compiled)

    def find(self, text: str) -> Dateline | None:
        """The dateline opening one of the first paragraphs, or None."""
        for start in paragraph_starts(text)[:PARAGRAPHS_SEARCHED]:
            for pattern in self.patterns:
                match = pattern.match(text, start)
                if match:
                    return _dateline(text, match)
        return None


def _dateline(text: str, match: re.Match) -> Dateline:
    place = match.span("place")
    comma = text.find(",", *place)
    city_end = comma if comma >= 0 else place[1]
    while city_end > place[0] and text[city_end - 1].isspace():  # "ELMDALE , N.J.": the city ends at its word
        city_end -= 1
    city = (place[0], city_end)
    groups = match.groupdict()
    return Dateline(match.start(), match.end(), place, city, display_name(text, city, match.end()),
                    match.span("date") if groups.get("date") else None,
                    match.span("agency") if groups.get("agency") else None)


def display_name(text: str, city: Chars, after: int) -> str:
    """The city as the story itself spells it elsewhere ("NEW YORK" -> "New York"), else in title case."""
    words = text[city[0]:city[1]]
    if not words.isupper():
        return words
    found = re.search(r"\b" + r"\s+".join(re.escape(w) for w in words.split()) + r"\b", text[after:],
                      re.IGNORECASE)
    if found and not found.group().isupper():
        return " ".join(found.group().split())
    return " ".join(w.capitalize() if w.isalpha() else w.title() for w in words.split())


def in_dateline(dateline: dict | None, start: int, end: int) -> bool:
    """Whether characters start..end touch the dateline as a Doc holds it (``doc._.claimx_dateline``)."""
    return bool(dateline) and start < dateline["end"] and dateline["start"] < end
