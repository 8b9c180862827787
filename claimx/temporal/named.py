"""Values of named calendar periods: full dates, months, days, weekdays, seasons, holidays, quarters.

A name without its year ("June", "the 10th", "the third quarter") is placed by
the publication date, the tense of its clause and the discourse so far.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from . import calendar as cal
from .calendar import Point
from .context import FUTURE, NEAR_DAYS, PAST, PRESENT, Context, Outcome, Resolution, agrees, by_tense, unresolved
from .grammar import Expr


def absolute_value(expr: Expr) -> Outcome | None:
    """Values the text fixes on its own: a year, a decade, a full date."""
    if expr.century is not None:
        return Outcome(f"{expr.century:02d}")
    if expr.decade is not None:
        return Outcome(f"{expr.decade:03d}")
    if expr.year is None or expr.period_relation or expr.shift:
        return None
    if expr.quarter:
        return Outcome(f"{expr.year:04d}-Q{expr.quarter}")
    if expr.half:
        return Outcome(f"{expr.year:04d}-H{expr.half}")
    if expr.season:
        return Outcome(f"{expr.year:04d}-{expr.season}")
    if expr.holiday:
        day = holiday_date(expr.holiday, expr.year)
        return Outcome(day.isoformat() if day else None)
    if expr.month and expr.day:
        return _days_of_month(expr, expr.year, expr.month)
    if expr.month:
        return Outcome(f"{expr.year:04d}-{expr.month:02d}")
    if expr.day is None and expr.weekday is None:
        return Outcome(f"{expr.year:04d}")
    return None


def _days_of_month(expr: Expr, year: int, month: int) -> Outcome:
    first = cal.safe_date(year, month, expr.day)
    if first is None:
        return unresolved(f"no day {expr.day} in {year:04d}-{month:02d}")
    if expr.last_day is None:
        return Outcome(first.isoformat())
    last = cal.safe_date(year, month, expr.last_day)
    if last is None or last < first:
        return Outcome(first.isoformat())
    return Outcome(first.isoformat(), values=(first.isoformat(), last.isoformat()))


def named_value(expr: Expr, ctx: Context, tense: str | None, host: int | None = None) -> Outcome:
    pub = ctx.published
    year = pub.year + expr.year_shift if expr.year_shift is not None else expr.year
    if expr.holiday:
        return _holiday(expr.holiday, year, tense, pub)
    if expr.quarter or expr.half or expr.period_relation:
        return _period(expr, ctx, tense, year, host)
    if expr.season:
        return season_value(expr.season, year, tense, pub)
    if expr.month and expr.day:
        if year is not None:
            return _days_of_month(expr, year, expr.month)
        candidates = _month_day_candidates(expr.month, expr.day, pub)
        named_weekday = [p for p in candidates if p.first.isoweekday() == expr.weekday]
        picked = by_tense(named_weekday or candidates, tense, pub, NEAR_DAYS)
        return _days_of_month(expr, picked.first.year, expr.month) if picked else unresolved(
            f"no {expr.month:02d}-{expr.day:02d} fits the tense")
    if expr.month:
        if year is not None:
            return Outcome(f"{year:04d}-{expr.month:02d}")
        months = [Point("M", date(pub.year + k, expr.month, 1)) for k in (-1, 0, 1)]
        run = ctx.last_yearless_month
        if tense is None and run and run[2] == ctx.paragraph:
            # "in June, from $29 in March": the month nearest the one just named (not after "March 1986")
            return Outcome(by_tense(months, None, date(run[0], run[1], 1)).value())
        if tense == PAST and expr.month == pub.month + 1:
            # The month just ahead ("a visit set for September", said in late August) is this year's
            # whatever the tense: eleven months back a writer says "last September" or gives the year.
            # Not across the new year: in December a past-tense "January" is mostly the one just gone
            # (the year's reviews), so pub.month + 1 == 13 never matches, on purpose.
            return Outcome(f"{pub.year:04d}-{expr.month:02d}")
        picked = by_tense(months, tense, pub)
        return Outcome(picked.value()) if picked else unresolved("no such month fits the tense")
    if expr.day:
        return _day_of_month(expr, ctx, tense)
    if expr.weekday:
        # News reports what happened: an untensed weekday is the last one; a present
        # tense ("they meet Monday") may point either way, so the nearest.
        today, anchor = ctx.day_of_writing()
        picked = by_tense(weekday_candidates(expr.weekday, today), tense if tense in (FUTURE, PRESENT) else PAST, today)
        return Outcome(picked.value(), anchor) if picked else unresolved("no such weekday fits the tense")
    if year is not None:
        return Outcome(f"{year:04d}")
    return Outcome()


def month_from(resolution: Resolution, start: str | None) -> Resolution:
    """The month a span ends on, read as the first such month from the span's start ("November/May")."""
    point, first = cal.parse_value(resolution.value), cal.parse_value(start)
    if resolution.type != "DATE" or point is None or point.granularity != "M" or first is None:
        return resolution
    year = first.first.year + (point.first.month < first.first.month)
    return replace(resolution, value=f"{year:04d}-{point.first.month:02d}")


def _month_day_candidates(month: int, day: int, pub: date) -> list[Point]:
    days = (cal.safe_date(pub.year + k, month, day) for k in (-1, 0, 1))
    return [Point("D", d) for d in days if d]


def weekday_candidates(weekday: int, pub: date) -> list[Point]:
    days = (pub + timedelta(days=k) for k in range(-7, 8))
    return [Point("D", d) for d in days if d.isoweekday() == weekday]


def _day_of_month(expr: Expr, ctx: Context, tense: str | None) -> Outcome:
    """"the 10th": the discourse's month when the tense allows it, else the nearest such day."""
    pub = ctx.published
    if ctx.last_month:
        day = cal.safe_date(*ctx.last_month, expr.day)
        if day and agrees(Point("D", day), tense, pub):
            return _days_of_month(expr, day.year, day.month)
    months = (cal.add_months(date(pub.year, pub.month, 1), k) for k in range(-2, 3))
    days = [cal.safe_date(m.year, m.month, expr.day) for m in months]
    picked = by_tense([Point("D", d) for d in days if d], tense, pub)
    if picked is None:
        return unresolved(f"no day {expr.day} fits the tense")
    return _days_of_month(expr, picked.first.year, picked.first.month)


def season_value(code: str, year: int | None, tense: str | None, pub: date) -> Outcome:
    if year is not None:
        return Outcome(f"{year:04d}-{code}")
    picked = by_tense([season_point(code, pub.year + k) for k in (-1, 0, 1)], tense, pub)
    return Outcome(f"{picked.first.year:04d}-{code}") if picked else unresolved("season does not fit the tense")


SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_point(code: str, year: int) -> Point:
    """A season as a three-month period (its quarter-sized span, first day first)."""
    return Point("Q", date(year, SEASON_START[code], 1))


def _holiday(rule: str, year: int | None, tense: str | None, pub: date) -> Outcome:
    if year is not None:
        day = holiday_date(rule, year)
        return Outcome(day.isoformat() if day else None)
    days = [holiday_date(rule, pub.year + k) for k in (-1, 0, 1)]
    picked = by_tense([Point("D", d) for d in days if d], tense, pub, NEAR_DAYS)
    return Outcome(picked.value()) if picked else unresolved("holiday does not fit the tense")


def holiday_date(rule: str, year: int) -> date | None:
    """The day a holiday rule (see models/temporal/holidays.tsv) gives in ``year``."""
    kind, *args = rule.split()
    if kind == "fixed":
        month, day = map(int, args[0].split("-"))
        return cal.safe_date(year, month, day)
    if kind == "nth":
        month, weekday, nth = map(int, args)
        return cal.nth_weekday(year, month, weekday, nth)
    if kind == "easter":
        return cal.easter(year) + timedelta(days=int(args[0]))
    if kind == "after-first-monday":
        month, weekday = map(int, args)
        monday = cal.nth_weekday(year, month, 1, 1)
        return monday + timedelta(days=(weekday - 1) % 7 or 7)
    return None


def _period(expr: Expr, ctx: Context, tense: str | None, year: int | None, host: int | None = None) -> Outcome:
    """Quarters and halves: "the third quarter", "the year-ago quarter", "the latest period"."""
    pub = ctx.published
    relation, amount = expr.period_relation or ("", 0)
    if expr.quarter or expr.half:
        if year is None:
            year = _host_period_year(ctx, host) or _period_year(expr, ctx, tense)
        if relation == "year" and expr.year_shift is None:  # "the corresponding period last year": once
            year += amount
        return Outcome(f"{year:04d}-Q{expr.quarter}" if expr.quarter else f"{year:04d}-H{expr.half}")
    current = Point("Q", cal.truncate(pub, "Q"))
    if relation == "current":
        return Outcome(current.value())
    # "the latest period" stays the quarter; "the year-earlier period", "the 1988 period" follow the span
    span = _span_of_months(ctx) if not expr.names_quarter and (relation == "year" or year is not None) else None
    if span is not None:  # "the nine months ... the year-earlier period": that span, valued as its year
        if year is None:
            year = span + (amount if relation == "year" and expr.year_shift is None else 0)
        return Outcome(f"{year:04d}")
    base = ctx.last_period or cal.shift_point(current, -1, "Q")
    if year is not None:
        base = Point("Q", date(year, base.first.month, 1))
    if relation == "year" and expr.year_shift is None:
        base = cal.shift_point(base, amount, "Y")
    return Outcome(base.value())


def _host_period_year(ctx: Context, host: int | None) -> int | None:
    """The year of the quarter that a numbered quarter or half restates ("the year-ago quarter, its second quarter")."""
    mention = next((m for m in ctx.mentions if m.index == host), None) if host is not None else None
    point = cal.parse_value(mention.value) if mention else None
    # only a period restates a period: "Oct. 12, the fourth quarter's last day" says nothing of its year
    return point.first.year if point and point.granularity == "Q" else None


def _span_of_months(ctx: Context) -> int | None:
    """The year of "the nine months" when that span, not a quarter, is the period last talked about."""
    for mention in reversed(ctx.mentions):
        if mention.part_of_year:
            return int(mention.value)
        point = cal.parse_value(mention.value)
        if point and point.granularity == "Q":
            return None
    return None


def _period_year(expr: Expr, ctx: Context, tense: str | None) -> int:
    """The year of an unqualified "third quarter": publication's.

    Only a past tense moves it: a fourth quarter reported in January is last year's.
    """
    pub = ctx.published
    first_month = 3 * (expr.quarter or 2 * (expr.half or 1)) - 2
    return pub.year - 1 if tense == PAST and date(pub.year, first_month, 1) > pub else pub.year
