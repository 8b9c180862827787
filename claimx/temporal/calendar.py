"""Calendar arithmetic on TIMEX3 values.

A value is handled at its granularity: ``1989`` (year), ``1989-Q3`` (quarter),
``1989-10`` (month), ``1989-W44`` (ISO week), ``1989-10-26`` (day).  Shifting
keeps the granularity; a shift finer than the value (two days after "1989")
has no answer and gives None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

GRANULARITIES = ("Y", "Q", "M", "W", "D")  # coarse to fine
VALUE_SHAPES = (
    ("D", re.compile(r"(\d{4})-(\d\d)-(\d\d)")),
    ("W", re.compile(r"(\d{4})-W(\d\d)")),
    ("M", re.compile(r"(\d{4})-(\d\d)")),
    ("Q", re.compile(r"(\d{4})-Q([1-4])")),
    ("Y", re.compile(r"(\d{4})")),
)


@dataclass(frozen=True)
class Point:
    """A calendar value at one granularity, represented by its first day."""

    granularity: str
    first: date

    def value(self) -> str:
        return format_value(self.first, self.granularity)


def finer_or_equal(a: str, b: str) -> bool:
    """True when granularity ``a`` is at least as fine as ``b`` (weeks count as finer than months)."""
    return GRANULARITIES.index(a) >= GRANULARITIES.index(b)


def format_value(day: date, granularity: str) -> str:
    if granularity == "Y":
        return f"{day.year:04d}"
    if granularity == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "W":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return day.isoformat()


def parse_value(value: str | None) -> Point | None:
    """The Point a plain calendar value denotes, or None for anything else (refs, X, times)."""
    if not value:
        return None
    value = value.split("T", 1)[0]
    for granularity, shape in VALUE_SHAPES:
        match = shape.fullmatch(value)
        if not match:
            continue
        year = int(match[1])
        try:
            if granularity == "D":
                return Point("D", date(year, int(match[2]), int(match[3])))
            if granularity == "W":
                return Point("W", date.fromisocalendar(year, int(match[2]), 1))
            if granularity == "M":
                return Point("M", date(year, int(match[2]), 1))
            if granularity == "Q":
                return Point("Q", date(year, 3 * int(match[2]) - 2, 1))
            return Point("Y", date(year, 1, 1))
        except ValueError:
            return None
    return None


def truncate(day: date, granularity: str) -> date:
    """The first day of the period of ``granularity`` that contains ``day``."""
    if granularity == "Y":
        return date(day.year, 1, 1)
    if granularity == "Q":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if granularity == "M":
        return date(day.year, day.month, 1)
    if granularity == "W":
        return day - timedelta(days=day.isoweekday() - 1)
    return day


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the target month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, days_in_month(year, month + 1)))


def days_in_month(year: int, month: int) -> int:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def shift(day: date, amount: int, unit: str) -> date:
    """``day`` moved by ``amount`` units (D, W, M, Q, Y)."""
    if unit == "D":
        return day + timedelta(days=amount)
    if unit == "W":
        return day + timedelta(weeks=amount)
    months = {"M": 1, "Q": 3, "Y": 12}[unit]
    return add_months(day, amount * months)


def shift_point(point: Point, amount: int, unit: str) -> Point | None:
    """``point`` moved by ``amount`` units at its own granularity; None if the unit is finer."""
    if not finer_or_equal(point.granularity, unit) and not (point.granularity == "W" and unit in "DW"):
        return None
    if point.granularity == "W" and unit == "D" and amount % 7:
        return None
    try:
        moved = shift(point.first, amount, unit)
    except (ValueError, OverflowError):  # "1990 years earlier" than 1990: before the calendar begins
        return None
    return Point(point.granularity, truncate(moved, point.granularity))


def coarsen(point: Point, granularity: str) -> Point | None:
    """``point`` seen at a coarser (or equal) granularity; None when it is coarser already."""
    if point.granularity == granularity:
        return point
    if granularity == "W":
        if point.granularity != "D":
            return None
    elif not finer_or_equal(point.granularity, granularity):
        return None
    return Point(granularity, truncate(point.first, granularity))


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` ISO ``weekday`` of a month (nth = -1: the last one)."""
    if nth > 0:
        first = date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=offset + 7 * (nth - 1))
    last = date(year, month, days_in_month(year, month))
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def quarter_ending_on(day: date) -> str:
    """The calendar quarter that holds most of the three months ending on ``day``: its middle month's.

    A fiscal quarter ended July 31 ran May to July, mostly the second quarter.
    """
    middle = add_months(date(day.year, day.month, 1), -1)
    return f"{middle.year:04d}-Q{(middle.month - 1) // 3 + 1}"
