"""An event's date is its own: the date its clause gives it, else the date the story gives
the same event elsewhere, else none.

A date belongs to the first predicate above it in the parse (a verb or an event noun:
"will meet on June 25", "last year's meeting", "the February 22 Paris accord"); a date
beside a venue belongs to the venue's event ("talks in Bonn next month", "met today in
West Germany").  A noun event with no date of its own takes its clause's ("invited for
talks next month").  Durations ("for the past four weeks") and vague references
("recently") date nothing.  The same event elsewhere is a mention of the same family
("the talks, starting on June 3" for "talks in Washington"), or for an event named
by its place ("the Paris accord", "after Paris"), an event at that place.  A more
specific date inside the clause's wins ("next month" -> "June 3-4").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..datelines import in_dateline
from ..temporal import calendar as cal

# A calendar value: a year, decade, quarter, month, week, season or day ("1987-W15", "1987-SU").
CALENDAR = re.compile(r"\d{3,4}(?:-[0-9A-Z]+)*(?:T.*)?")
GRANULARITY_RANK = {"Y": 0, "Q": 1, "M": 2, "W": 3, "D": 4}
MAX_CLIMB = 8
NOUNS = ("NOUN", "PROPN", "PRON")
# "met Lund today": a bare date adverb the parser hung on a noun is the clause's.
CLAUSE_ADVERBIAL = ("npadvmod", "advmod")
# "the February 22 Paris accord": a modifier is not the head of its phrase.
MODIFIERS = ("compound", "nmod", "amod", "poss")  # parse steps from a date to its predicate: deeper, it is no longer the date's own
# "closed at 12 euros on Friday": a date on an amount is the clause's, not the amount's.
AMOUNTS = ("MONEY", "CARDINAL", "QUANTITY", "PERCENT")
# "a rally at the University of Lund for Saturday": a date on a place or a body is its event's.
SITES = ("GPE", "LOC", "FAC", "ORG")


@dataclass(frozen=True)
class DateMention:
    index: int  # into doc._.claimx_dates
    start: int  # first token
    end: int  # last token + 1
    root: int
    value: str | None
    calendar: bool  # a calendar value: a date an event can have ("for four weeks" is none)


def day_value(value: str) -> str:
    """The value at day granularity or coarser: times of day go ("1987-03-30TMO" -> "1987-03-30")."""
    return value.split("T", 1)[0]


def date_mentions(doc: Doc, dateline: dict | None) -> list[DateMention]:
    """The temporal expressions outside the dateline (whose date is the story's, no event's)."""
    out = []
    for n, d in enumerate(doc._.claimx_dates or []):
        if in_dateline(dateline, d["start"], d["end"]):
            continue
        value = d.get("value")
        span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
        if span is not None and len(span):
            out.append(DateMention(n, span.start, span.end, span.root.i, value,
                                   bool(value and CALENDAR.fullmatch(value))))
    return out


def governor(doc: Doc, mention: DateMention, is_predicate, participant_preps, frames, stop: set[int],
             comparison_preps: frozenset[str]) -> Token | None:
    """The first predicate above a date (``is_predicate(token)``), or a token of ``stop``
    (a place that names an event: "this year's Northern Dairy Congress").  A date on a
    noun that names no event is that noun's ("Chile's entry in May 1985", "sales
    in March"), unless the noun is a participant ("a meeting of ministers on Monday") or a
    stretch of the event ("met for the first time in June")."""
    token = doc[mention.root]
    for _ in range(MAX_CLIMB):
        head = token.head
        if head.i == token.i:
            return None
        if head.i in stop or is_predicate(head):
            return head
        if _comparison(head, mention, comparison_preps):
            return None  # "up from 11 euros the previous day": the date of the figure compared with
        if head.pos_ in NOUNS and not (mention.start <= head.i < mention.end) \
                and token.dep_ not in CLAUSE_ADVERBIAL and head.dep_ not in MODIFIERS \
                and not _amount(head) and head.ent_type_ not in SITES \
                and head.lemma_.lower() not in frames \
                and not (head.dep_ == "pobj" and head.head.lower_ in participant_preps):
            return None
        token = head
    return None


def _comparison(prep: Token, mention: DateMention, comparison_preps: frozenset[str]) -> bool:
    """A preposition of comparison whose object is a figure ("up from 11 euros the previous day",
    "against 1.20 a year ago")."""
    return prep.lower_ in comparison_preps and any(
        c.dep_ == "pobj" and not (mention.start <= c.i < mention.end) and _amount(c) for c in prep.children)


def _amount(token: Token) -> bool:
    """A figure: "1,451", "12 euros", "five mln dlrs"."""
    return token.like_num or token.ent_type_ in AMOUNTS \
        or any(c.dep_ == "nummod" and c.ent_type_ not in ("DATE", "TIME") for c in token.children)  # not "the 2023 budget"


def specificity(value: str) -> int:
    point = cal.parse_value(value)
    if point is None:
        return 1 if re.fullmatch(r"\d{4}-[A-Z]{2}", value) else 0  # a season: finer than a year
    return GRANULARITY_RANK[point.granularity] + ("T" in value)


def within(inner: str, outer: str) -> bool:
    """Whether ``inner`` is a finer value inside ``outer`` ("1987-04-01" in "1987-04")."""
    a, b = cal.parse_value(inner), cal.parse_value(outer)
    if a is None or b is None or specificity(inner) <= specificity(outer):
        return False
    return cal.coarsen(a, b.granularity) == b


def best(mentions: list[DateMention], near: int) -> DateMention | None:
    """The most specific of an event's dates, the nearest of equals."""
    if not mentions:
        return None
    return max(mentions, key=lambda m: (specificity(m.value), -abs(m.start - near)))
