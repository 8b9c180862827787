"""Dates counted from the publication date or from an earlier date of the story.

"two days later", "a year ago", "last week", "the following day", "last
April": an offset or a shift, from publication (deictic) or from the date the
discourse refers back to (anaphoric, ``find_anchor``).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from . import calendar as cal
from .calendar import Point
from .context import (PAST, REFERENCE_WINDOW, WEEKDAY_WINDOW, Context, Mention, Outcome, period_end,
                      unresolved)
from .grammar import Expr
from .named import holiday_date, season_point, season_value, weekday_candidates


def offset_value(expr: Expr, ctx: Context, tense: str | None, host: int | None) -> Outcome:
    """"two days later", "a year ago", "a few weeks earlier"."""
    direction = expr.offset or 0
    if expr.vague_amount:
        if expr.anaphoric:
            return unresolved("vague amount of time from an earlier date")
        return Outcome("PAST_REF" if direction < 0 else "FUTURE_REF")
    unit, amount = _unit_amount(expr.unit, expr.offset)
    if unit is None:
        return unresolved(f"cannot count {expr.unit} on a calendar")
    if not expr.anaphoric:
        if ctx.published is None:
            return unresolved("relative date and no publication date")
        if unit == "D":  # "today", "yesterday", "two days ago": from the day the story was written
            today, anchor = ctx.day_of_writing()
            return _counted(Point("D", today), amount, "D", anchor)
        base = Point(unit, cal.truncate(ctx.published, unit))
        return _year_on_year(ctx, amount, unit) or _counted(base, amount, unit)
    year_on_year = _year_on_year(ctx, amount, unit)
    if year_on_year:
        return year_on_year
    anchor, reason = find_anchor(ctx, host, tense, unit)
    if anchor is None:
        if reason is NO_ANCHOR and unit in ("Y", "Q", "M") and ctx.published:
            return _counted(Point(unit, cal.truncate(ctx.published, unit)), amount, unit)
        return unresolved(reason, None if reason is NO_ANCHOR else _last_index(ctx, host))
    point = cal.parse_value(anchor.value)
    if cal.shift_point(point, amount, unit) is None and not _off_calendar(point, amount, unit):
        return unresolved(f"{anchor.text!r} is too coarse to count {expr.unit} from", anchor.index)
    return _counted(point, amount, unit, anchor.index)


def _counted(base: Point, amount: int, unit: str, anchor: int | None = None) -> Outcome:
    moved = cal.shift_point(base, amount, unit)
    if moved is None:
        return unresolved(f"{amount} {unit} from {base.value()} is off the calendar", anchor)
    return Outcome(moved.value(), anchor)


def _off_calendar(point: Point, amount: int, unit: str) -> bool:
    try:
        cal.shift(point.first, amount, unit)
    except (ValueError, OverflowError):
        return True
    return False


def _unit_amount(unit: str | None, amount: int) -> tuple[str | None, int]:
    """Calendar unit and count for D, W, M, Q, Y and decades (10Y); None for clock units."""
    if unit in ("D", "W", "M", "Q", "Y"):
        return unit, amount
    if unit and unit.endswith("Y") and unit[:-1].isdigit():
        return "Y", amount * int(unit[:-1])
    return None, amount


NO_ANCHOR = "no earlier date to refer back to"


def find_anchor(ctx: Context, host: int | None, tense: str | None, unit: str,
                window: int = REFERENCE_WINDOW) -> tuple[Mention | None, str]:
    """The earlier date an anaphor refers back to, or None and why there is none.

    Candidates are the dates of this paragraph and the one before, most
    recent first (before ``host`` for appositives).  The nearest one is the
    antecedent: if it is unresolved, so is the anaphor.  Dates too coarse for
    the unit are passed over, and so are dates that contradict the tense (a
    past-tense event cannot fall after publication).
    """
    candidates = [m for m in ctx.mentions
                  if (host is None or m.index < host) and ctx.paragraph - m.paragraph <= window]
    if not candidates:
        return None, NO_ANCHOR
    contradicted = None
    for mention in reversed(candidates):
        point = cal.parse_value(mention.value)
        if mention.value is None:
            return None, f"refers back to {mention.text!r}, which has no known date"
        if point is None or not cal.finer_or_equal(point.granularity, unit):
            continue
        if mention.derived and unit in ("Y", "Q"):
            continue  # "a year earlier" twice over compares both with the same period
        if tense == PAST and ctx.published and point.first > ctx.published:
            contradicted = contradicted or mention
            continue
        return mention, ""
    if contradicted:
        return None, (f"past-tense event, but the date it could refer back to ({contradicted.text!r}) "
                      "lies after publication")
    return None, NO_ANCHOR


def _year_on_year(ctx: Context, amount: int, unit: str) -> Outcome | None:
    """"a year ago"/"a year earlier" beside quarterly results: the quarter reported on, a year before.

    An earnings story compares with that quarter throughout, however many
    paragraphs on, until it turns to a span of months ("the nine months").
    """
    if (unit, abs(amount)) != ("Y", 1) or ctx.last_period is None:
        return None
    for mention in reversed(ctx.mentions):
        if mention.part_of_year:
            return None
        point = cal.parse_value(mention.value)
        if point and point.granularity == "Q":
            return Outcome(cal.shift_point(ctx.last_period, amount, "Y").value(), mention.index)
    return None


def _last_index(ctx: Context, host: int | None) -> int | None:
    indices = [m.index for m in ctx.mentions if host is None or m.index < host]
    return indices[-1] if indices else None


def shifted_unit(expr: Expr, ctx: Context, tense: str | None, host: int | None) -> Outcome:
    """"last week", "next month", "this fall", "last Friday", "the following day", "that year"."""
    pub = ctx.published
    if expr.weekday and expr.anaphoric:
        anchor, reason = find_anchor(ctx, host, tense, "D", WEEKDAY_WINDOW)
        if anchor is None:  # "the previous Friday" with no date before: the one before the day of writing
            return _from_today(expr, ctx) if reason is NO_ANCHOR else unresolved(reason)
        return replace(_shifted_weekday(expr, cal.parse_value(anchor.value).first), anchor=anchor.index)
    if expr.weekday:
        return _from_today(expr, ctx)
    if expr.month and expr.unit == "M":
        return _shifted_named(expr.shift, [Point("M", date(pub.year + k, expr.month, 1)) for k in (-1, 0, 1)],
                              pub, tense)
    if expr.holiday:
        days = [holiday_date(expr.holiday, pub.year + k) for k in (-1, 0, 1)]
        return _shifted_named(expr.shift, [Point("D", d) for d in days if d], pub, tense)
    if expr.unit.startswith("SE:"):
        code = expr.unit[3:]
        if expr.anaphoric:
            return season_value(code, None, tense, pub)
        picked = _shifted_named(expr.shift, [season_point(code, pub.year + k) for k in (-1, 0, 1)], pub, tense)
        point = cal.parse_value(picked.value)
        return Outcome(f"{point.first.year:04d}-{code}") if point else picked
    if expr.unit in ("10Y", "C"):
        size = 10 if expr.unit == "10Y" else 100
        return Outcome(str(pub.year // size + expr.shift))
    weekend = expr.unit == "WE"
    unit = "W" if weekend else expr.unit
    if expr.anaphoric:
        anchor, reason = find_anchor(ctx, host, tense, unit)
        if anchor is None:
            if reason is NO_ANCHOR and expr.shift == 0 and unit != "D":
                return _shifted_from(Point(unit, cal.truncate(pub, unit)), 0, unit, weekend)
            return unresolved(reason, None if reason is NO_ANCHOR else _last_index(ctx, host))
        base = cal.coarsen(cal.parse_value(anchor.value), unit)
        outcome = _shifted_from(base, expr.shift, unit, weekend)
        return replace(outcome, anchor=anchor.index)
    if weekend and expr.shift == 0 and tense == PAST and pub.isoweekday() < 6:
        return _shifted_from(Point("W", cal.truncate(pub, "W")), -1, "W", weekend)
    if unit == "D":  # "last night", "this morning"
        return _from_today(expr, ctx)
    return _shifted_from(Point(unit, cal.truncate(pub, unit)), expr.shift, unit, weekend)


def _shifted_from(base: Point | None, amount: int, unit: str, weekend: bool) -> Outcome:
    if base is None:
        return unresolved(f"the date referred back to is too coarse for a {unit} unit")
    moved = cal.shift_point(base, amount, unit)
    if moved is None:
        return unresolved(f"{amount} {unit} from {base.value()} is off the calendar")
    return Outcome(moved.value() + ("-WE" if weekend else ""))


def _shifted_named(shift: int, candidates: list[Point], pub: date, tense: str | None) -> Outcome:
    """"last April", "next Thanksgiving", "this September" among the candidate periods."""
    if shift < 0:
        # "last February" said in March is a year back: the month just gone is "last month".
        cutoff = cal.add_months(date(pub.year, pub.month, 1), -1) if candidates[0].granularity == "M" else pub
        before = [p for p in candidates if period_end(p) < cutoff]
        return Outcome(max(before, key=lambda p: p.first).value()) if before else unresolved("none before")
    if shift > 0:
        after = [p for p in candidates if p.first > pub]
        return Outcome(min(after, key=lambda p: p.first).value()) if after else unresolved("none after")
    same_year = [p for p in candidates if p.first.year == pub.year]
    return Outcome(same_year[0].value()) if same_year else unresolved("none this year")


def _from_today(expr: Expr, ctx: Context) -> Outcome:
    """A weekday or day shifted from the day of writing ("last Friday", "last night")."""
    today, anchor = ctx.day_of_writing()
    if expr.weekday:
        outcome = _shifted_weekday(expr, today)
    else:
        outcome = _shifted_from(Point("D", today), expr.shift, "D", False)
    return replace(outcome, anchor=anchor)


def _shifted_weekday(expr: Expr, base: date) -> Outcome:
    """"last Friday" (the latest before ``base``), "next Monday", "this Sunday" (in base's week)."""
    days = weekday_candidates(expr.weekday, base)
    if expr.shift < 0:
        return Outcome(max(p for p in days if p.first < base).value())
    if expr.shift > 0:
        return Outcome(min(p for p in days if p.first > base).value())
    week = cal.truncate(base, "W")
    return Outcome(next(p for p in days if cal.truncate(p.first, "W") == week).value())
