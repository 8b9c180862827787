"""Resolving an ``Expr`` to a TIMEX3 value against the publication date.

``resolve(expr, context, tense)`` is pure: the Context (``context``) carries the
publication date and what the discourse has established so far, and
``Context.after`` returns the context extended by one more expression.  Named
periods are valued in ``named``, dates counted from publication or from an
earlier date in ``relative``; here are the entry point, clock times,
durations and sets.  Where no value can be justified the value stays None and
``reason`` says why.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from . import calendar as cal
from .context import (FUTURE, PAST, PRESENT, REFERENCE_WINDOW, Context, Outcome, Resolution,
                      unresolved)
from .grammar import Expr
from .named import absolute_value, named_value
from .relative import offset_value, shifted_unit

__all__ = ["FUTURE", "PAST", "PRESENT", "Context", "Resolution", "resolve", "shifted_by", "with_time"]


def resolve(expr: Expr, context: Context, tense: str | None = None, host: int | None = None) -> Resolution:
    """The TIMEX3 reading of ``expr``.

    ``tense`` is that of the clause governing the expression; ``host`` is the
    index of the date an appositive restates ("January 12, two days later"):
    anaphora then refer back past it.
    """
    if expr.type == "DURATION":
        return Resolution("DURATION", duration_value(expr), expr.mod)
    if expr.type == "SET":
        return Resolution("SET", set_value(expr), expr.mod)
    if expr.ref:
        return Resolution(expr.type, expr.ref, expr.mod)
    outcome = _point(expr, context, tense, host)
    if expr.week_of and outcome.value:
        outcome = replace(outcome, value=cal.coarsen(cal.parse_value(outcome.value), "W").value())
    value = outcome.value
    if value and (expr.hour is not None or expr.daypart):
        value = with_time(value, expr)
    if expr.type == "TIME" and value is None and outcome.reason is None:
        value = _bare_time(expr, context, tense)
    values = tuple(with_time(v, expr) if expr.hour is not None else v for v in outcome.values)
    kind = ("range" if expr.day_range else "list") if values else None
    return Resolution(expr.type, value, expr.mod, outcome.anchor, None if value else outcome.reason, values, kind)


def _point(expr: Expr, ctx: Context, tense: str | None, host: int | None) -> Outcome:
    absolute = absolute_value(expr)
    if absolute:
        return absolute
    if expr.offset is not None or expr.vague_amount:
        return offset_value(expr, ctx, tense, host)
    if ctx.published is None:
        return unresolved("relative date and no publication date")
    if expr.shift is not None and expr.unit:
        return shifted_unit(expr, ctx, tense, host)
    return named_value(expr, ctx, tense, host)


def _bare_time(expr: Expr, ctx: Context, tense: str | None) -> str | None:
    """A clock time with no day named: the day of the latest dated mention, else publication's.

    Told in the past tense and later than the publication time, it was the day before.
    """
    for mention in reversed(ctx.mentions):
        point = cal.parse_value(mention.value)
        if point and point.granularity == "D" and ctx.paragraph - mention.paragraph <= REFERENCE_WINDOW:
            return with_time(point.value(), expr)
    if ctx.published is None:
        return None
    day = ctx.published
    if tense == PAST and ctx.published_time and expr.hour is not None \
            and f"{expr.hour:02d}:{expr.minute or 0:02d}" > ctx.published_time:
        day -= timedelta(days=1)
    return with_time(day.isoformat(), expr)


def with_time(value: str, expr: Expr) -> str:
    """A day value with the expression's clock time or part of day attached."""
    if cal.parse_value(value) is None or cal.parse_value(value).granularity != "D" or "T" in value:
        return value
    if expr.hour is not None:
        return f"{value}T{expr.hour:02d}:{expr.minute or 0:02d}"
    return f"{value}T{expr.daypart}"


def shifted_by(resolution: Resolution, unit: str, sign: int) -> Resolution:
    """The reading one ``unit`` before (sign -1) or after (+1) the resolved date ("the day before ...")."""
    point = cal.parse_value(resolution.value)
    if resolution.type not in ("DATE", "TIME") or point is None or not cal.finer_or_equal(point.granularity, unit):
        return replace(resolution, value=None, values=(), values_kind=None,
                       reason=resolution.reason or f"cannot count a {unit} unit from {resolution.value!r}")
    moved = cal.shift_point(cal.coarsen(point, unit), sign, unit)
    return replace(resolution, type="DATE", value=moved.value() if moved else None, values=(), values_kind=None)


# --- durations and sets ----------------------------------------------------------------------

SMALLER = {"Y": (12, "M", False), "M": (30, "D", False), "W": (7, "D", False), "D": (24, "H", True),
           "H": (60, "M", True), "CM": (60, "S", True)}


def duration_value(expr: Expr) -> str | None:
    """P2W, PT5H30M, PXY ... for an amount of a unit."""
    if expr.unit is None:
        return None
    letter, clock = expr.unit, expr.clock_unit
    if letter == "WE":
        letter, amount = "D", (None if expr.amount is None else expr.amount * 2)
    else:
        amount = expr.amount
    if expr.vague_amount or amount is None:
        return f"PTX{letter}" if clock else f"PX{letter}"
    whole = int(amount)
    text = f"{whole}{letter}" if whole else ""
    rest = amount - whole
    if rest:
        factor, smaller, smaller_clock = SMALLER["CM" if clock and letter == "M" else letter]
        text += f"{'T' if smaller_clock and not clock else ''}{round(rest * factor)}{smaller}"
    return f"PT{text}" if clock else f"P{text}"


def set_value(expr: Expr) -> str | None:
    if expr.set_value:
        return expr.set_value
    if expr.weekday:
        return f"XXXX-WXX-{expr.weekday}" + (f"T{expr.daypart}" if expr.daypart else "")
    if expr.month:
        return f"XXXX-{expr.month:02d}"
    return duration_value(expr)
