"""What a date is resolved against, and choosing among candidate periods by tense.

The Context carries the publication date and what the discourse has
established so far (the last explicit month, the last quarter talked about,
earlier resolved dates); ``Context.after`` returns it extended by one more
expression.  ``by_tense`` picks, among a year's worth of candidate periods
("June" of last year, this year, next year), the one a clause's tense allows.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from . import calendar as cal
from .calendar import Point
from .grammar import Expr

PAST, PRESENT, FUTURE = "past", "present", "future"
REFERENCE_WINDOW = 1  # paragraphs back that an anaphor ("the same day") may reach
WEEKDAY_WINDOW = 3  # ... and one that names its weekday ("the previous Friday"), which only a day can anchor
NEAR_DAYS = 45  # a named month or day this close to publication is that one, whatever the tense


@dataclass(frozen=True)
class Resolution:
    """A TIMEX3 reading: value None with a reason when none can be justified.

    anchor: index of the date it was counted from (an earlier date, or the
    dateline's own for "today" in a story dated apart from its stamp); values: every day
    of a list or the ends of a range ("January 12th and 13th", "January 1-9"),
    values_kind says which ("list" or "range").
    """

    type: str
    value: str | None
    mod: str | None = None
    anchor: int | None = None
    reason: str | None = None
    values: tuple[str, ...] = ()
    values_kind: str | None = None


@dataclass(frozen=True)
class Mention:
    """An earlier date of the discourse that later anaphora may refer back to."""

    index: int
    text: str
    value: str | None
    paragraph: int
    derived: bool = False  # counted from another mention ("a year earlier")
    part_of_year: bool = False  # a span of months talked about ("the nine months"), valued as its year


@dataclass(frozen=True)
class Context:
    """The publication date and what the article has established up to an expression."""

    published: date | None = None
    published_time: str | None = None  # HH:MM, when the publication date came with a time
    last_month: tuple[int, int] | None = None
    # The month last named without a year ("in June, from $29 in March"), and its paragraph
    last_yearless_month: tuple[int, int, int] | None = None
    last_period: Point | None = None  # the latest completed quarter talked about
    mentions: tuple[Mention, ...] = ()
    paragraph: int = 0
    today: date | None = None  # the dateline's day, when it is the day before or after publication's
    today_anchor: int | None = None  # ... and the index of the dateline's own date among the story's dates

    def day_of_writing(self) -> tuple[date | None, int | None]:
        """The day "today", "yesterday" and weekdays count from, and the date it is (None: publication).

        A story is stamped in one time zone and dated in another: "TOKYO, April 8 -"
        under a New York stamp of April 7 says "today" of April 8.
        """
        if self.today is not None:
            return self.today, self.today_anchor
        return self.published, None

    def at_paragraph(self, paragraph: int) -> Context:
        return self if paragraph == self.paragraph else replace(self, paragraph=paragraph)

    def after(self, expr: Expr, resolution: Resolution, index: int, text: str, tense: str | None = None) -> Context:
        """This context once ``expr`` (the ``index``-th date, resolved as given, in a clause of ``tense``)
        has been read."""
        updates: dict = {}
        point = cal.parse_value(resolution.value)
        if expr.explicit_month and point and point.granularity in ("D", "M"):
            updates["last_month"] = (point.first.year, point.first.month)
            # a writer gives a month's year when it is not the one a reader would take: that ends the run
            yearless = expr.year is None and expr.year_shift is None and expr.shift is None
            updates["last_yearless_month"] = (point.first.year, point.first.month, self.paragraph) if yearless else None
        if point and point.granularity == "Q" and expr.quarter and not expr.period_relation and self.published:
            # The quarter reported on: the latest completed one named, or a fiscal quarter still under
            # way on the calendar that the story tells of in the past ("fourth-quarter profit fell").
            completed = period_end(point) < self.published and (
                self.last_period is None or point.first > self.last_period.first)
            reported = tense == PAST and point.first <= self.published and self.last_period is None
            if completed or reported:
                updates["last_period"] = point
        if resolution.type in ("DATE", "TIME") and not expr.ref and not _is_period_phrase(expr):
            mention = Mention(index, text, resolution.value, self.paragraph, resolution.anchor is not None)
            updates["mentions"] = self.mentions + (mention,)
        elif _is_part_of_year(expr) and self.published:
            # "the nine months": what "a year earlier" now compares is that span, a year's worth of its own
            year = (self.last_period.first if self.last_period else self.published).year
            mention = Mention(index, text, f"{year:04d}", self.paragraph, part_of_year=True)
            updates["mentions"] = self.mentions + (mention,)
        return replace(self, **updates)


PART_OF_YEAR_MONTHS = range(4, 12)  # a span of months longer than a quarter, shorter than a year


def _is_part_of_year(expr: Expr) -> bool:
    return (expr.type == "DURATION" and expr.unit == "M" and not expr.vague_amount
            and expr.amount in PART_OF_YEAR_MONTHS)


def _is_period_phrase(expr: Expr) -> bool:
    return expr.decade is not None or expr.century is not None


@dataclass(frozen=True)
class Outcome:
    """A calendar value found for an expression, before its time of day is added."""

    value: str | None = None
    anchor: int | None = None
    reason: str | None = None
    values: tuple[str, ...] = ()


def unresolved(reason: str, anchor: int | None = None) -> Outcome:
    return Outcome(None, anchor, reason)


# --- choosing among candidate periods by tense ---------------------------------------------

def period_end(point: Point) -> date:
    length = {"Y": (12, "M"), "Q": (3, "M"), "M": (1, "M"), "W": (7, "D"), "D": (1, "D")}[point.granularity]
    return cal.shift(point.first, *length) - timedelta(days=1)


def agrees(point: Point, tense: str | None, published: date) -> bool:
    """A past event must have begun by publication, a future one not be over."""
    if tense == PAST:
        return point.first <= published
    if tense == FUTURE:
        return period_end(point) >= published
    return True


def by_tense(candidates: list[Point], tense: str | None, published: date, near_days: int = -1) -> Point | None:
    """Past: the latest begun by publication; future: the earliest not over; else the nearest.

    A candidate within ``near_days`` of publication wins whatever the tense:
    "extended the offer to Nov. 20" is this November, not last year's.
    """
    nearest = min(candidates, key=lambda p: distance(p, published), default=None)
    if nearest and distance(nearest, published)[0] <= near_days:
        return nearest
    fitting = [p for p in candidates if agrees(p, tense, published)]
    if not fitting:
        return None
    if tense == PAST:
        return max(fitting, key=lambda p: p.first)
    if tense == FUTURE:
        return min(fitting, key=lambda p: p.first)
    return min(fitting, key=lambda p: distance(p, published))


def distance(point: Point, published: date) -> tuple[int, int]:
    """Days between publication and the period (0 inside it), past periods first on ties.

    Months are counted in months: "June" said on December 29 is six months from either June,
    and the past one wins the tie, as news tells what happened.
    """
    past = 0 if point.first <= published else 1
    if point.granularity == "M":
        return abs((point.first.year - published.year) * 12 + point.first.month - published.month), past
    end = period_end(point)
    gap = 0 if point.first <= published <= end else min(abs((point.first - published).days),
                                                        abs((end - published).days))
    return gap, past
