"""Resolving an ``Expr`` to a TIMEX3 value against the publication date.

``resolve(expr, context, tense)`` is pure: the Context carries the
publication date and what the discourse has established so far (the last
explicit month, the last quarter talked about, earlier resolved dates), and
``Context.after`` returns the context extended by one more expression.
Where no value can be justified the value stays None and ``reason`` says why.
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

    anchor: index of the earlier date it was counted from; values: every day
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
    last_period: Point | None = None  # the latest completed quarter talked about
    mentions: tuple[Mention, ...] = ()
    paragraph: int = 0

    def at_paragraph(self, paragraph: int) -> Context:
        return self if paragraph == self.paragraph else replace(self, paragraph=paragraph)

    def after(self, expr: Expr, resolution: Resolution, index: int, text: str, tense: str | None = None) -> Context:
        """This context once ``expr`` (the ``index``-th date, resolved as given, in a clause of ``tense``)
        has been read."""
        updates: dict = {}
        point = cal.parse_value(resolution.value)
        if expr.explicit_month and point and point.granularity in ("D", "M"):
            updates["last_month"] = (point.first.year, point.first.month)
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


@dataclass(frozen=True)
class Outcome:
    """A calendar value found for an expression, before its time of day is added."""

    value: str | None = None
    anchor: int | None = None
    reason: str | None = None
    values: tuple[str, ...] = ()


def unresolved(reason: str, anchor: int | None = None) -> Outcome:
    return Outcome(None, anchor, reason)


def _point(expr: Expr, ctx: Context, tense: str | None, host: int | None) -> Outcome:
    absolute = _absolute(expr)
    if absolute:
        return absolute
    if expr.offset is not None or expr.vague_amount:
        return _offset(expr, ctx, tense, host)
    if ctx.published is None:
        return unresolved("relative date and no publication date")
    if expr.shift is not None and expr.unit:
        return _shifted_unit(expr, ctx, tense, host)
    return _calendar(expr, ctx, tense, host)


def _absolute(expr: Expr) -> Outcome | None:
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
    """Days between publication and the period (0 inside it), past periods first on ties."""
    end = period_end(point)
    gap = 0 if point.first <= published <= end else min(abs((point.first - published).days),
                                                        abs((end - published).days))
    return gap, 0 if point.first <= published else 1


def _calendar(expr: Expr, ctx: Context, tense: str | None, host: int | None = None) -> Outcome:
    pub = ctx.published
    year = pub.year + expr.year_shift if expr.year_shift is not None else expr.year
    if expr.holiday:
        return _holiday(expr.holiday, year, tense, pub)
    if expr.quarter or expr.half or expr.period_relation:
        return _period(expr, ctx, tense, year, host)
    if expr.season:
        return _season(expr.season, year, tense, pub)
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
        if tense is None and ctx.last_month:  # "in June, from $29 in March": the month nearest the one just named
            return Outcome(by_tense(months, None, date(*ctx.last_month, 1)).value())
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
        picked = by_tense(_weekday_candidates(expr.weekday, pub), tense if tense in (FUTURE, PRESENT) else PAST, pub)
        return Outcome(picked.value()) if picked else unresolved("no such weekday fits the tense")
    if year is not None:
        return Outcome(f"{year:04d}")
    return Outcome()


def _month_day_candidates(month: int, day: int, pub: date) -> list[Point]:
    days = (cal.safe_date(pub.year + k, month, day) for k in (-1, 0, 1))
    return [Point("D", d) for d in days if d]


def _weekday_candidates(weekday: int, pub: date) -> list[Point]:
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


def _season(code: str, year: int | None, tense: str | None, pub: date) -> Outcome:
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
    """The year of the quarter that a numbered quarter or half restates ("the year-ago quarter, the second quarter")."""
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


# --- relative to the publication date or to an earlier date ----------------------------------

def _offset(expr: Expr, ctx: Context, tense: str | None, host: int | None) -> Outcome:
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
        base = Point(unit, cal.truncate(ctx.published, unit))
        return _year_on_year(ctx, amount, unit) or Outcome(cal.shift_point(base, amount, unit).value())
    year_on_year = _year_on_year(ctx, amount, unit)
    if year_on_year:
        return year_on_year
    anchor, reason = find_anchor(ctx, host, tense, unit)
    if anchor is None:
        if reason is NO_ANCHOR and unit in ("Y", "Q", "M") and ctx.published:
            base = Point(unit, cal.truncate(ctx.published, unit))
            return Outcome(cal.shift_point(base, amount, unit).value())
        return unresolved(reason, None if reason is NO_ANCHOR else _last_index(ctx, host))
    moved = cal.shift_point(cal.parse_value(anchor.value), amount, unit)
    if moved is None:
        return unresolved(f"{anchor.text!r} is too coarse to count {expr.unit} from", anchor.index)
    return Outcome(moved.value(), anchor.index)


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


def _shifted_unit(expr: Expr, ctx: Context, tense: str | None, host: int | None) -> Outcome:
    """"last week", "next month", "this fall", "last Friday", "the following day", "that year"."""
    pub = ctx.published
    if expr.weekday and expr.anaphoric:
        anchor, reason = find_anchor(ctx, host, tense, "D", WEEKDAY_WINDOW)
        if anchor is None:  # "the previous Friday" with no date before: the one before publication
            return _shifted_weekday(expr, pub) if reason is NO_ANCHOR else unresolved(reason)
        return replace(_shifted_weekday(expr, cal.parse_value(anchor.value).first), anchor=anchor.index)
    if expr.weekday:
        return _shifted_weekday(expr, pub)
    if expr.month and expr.unit == "M":
        return _shifted_named(expr.shift, [Point("M", date(pub.year + k, expr.month, 1)) for k in (-1, 0, 1)],
                              pub, tense)
    if expr.holiday:
        days = [holiday_date(expr.holiday, pub.year + k) for k in (-1, 0, 1)]
        return _shifted_named(expr.shift, [Point("D", d) for d in days if d], pub, tense)
    if expr.unit.startswith("SE:"):
        code = expr.unit[3:]
        if expr.anaphoric:
            return _season(code, None, tense, pub)
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
    return _shifted_from(Point(unit, cal.truncate(pub, unit)), expr.shift, unit, weekend)


def _shifted_from(base: Point | None, amount: int, unit: str, weekend: bool) -> Outcome:
    if base is None:
        return unresolved(f"the date referred back to is too coarse for a {unit} unit")
    moved = cal.shift_point(base, amount, unit)
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


def _shifted_weekday(expr: Expr, base: date) -> Outcome:
    """"last Friday" (the latest before ``base``), "next Monday", "this Sunday" (in base's week)."""
    days = _weekday_candidates(expr.weekday, base)
    if expr.shift < 0:
        return Outcome(max(p for p in days if p.first < base).value())
    if expr.shift > 0:
        return Outcome(min(p for p in days if p.first > base).value())
    week = cal.truncate(base, "W")
    return Outcome(next(p for p in days if cal.truncate(p.first, "W") == week).value())


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
