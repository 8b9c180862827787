"""Finding temporal expressions in text and reading them into an ``Expr``.

Detection and reading share one grammar: the span patterns of the
Vocabulary.  A match's named groups say what the expression holds (a month,
a day, a shift such as "last", an amount and unit ...); ``read`` turns them
into an ``Expr``, which the resolver maps to a TIMEX3 value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from . import calendar as cal
from .vocabulary import DIGITS, WORD, Pattern, Vocabulary, normal

WORD_BEFORE = re.compile(r"([\w'’]+)\W*$")
ALTERNATIVE = re.compile(r"_\d+$")


@dataclass(frozen=True)
class Match:
    """One pattern match: where it is and what its named groups caught."""

    start: int
    end: int
    text: str
    pattern: Pattern
    groups: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Expr:
    """A temporal expression as read, before resolution against any date.

    Calendar fields hold what the text names explicitly; ``shift`` picks a
    period relative to the publication date ("last week") or, when
    ``anaphoric``, to the date mentioned before ("the following day");
    ``offset`` moves by an amount ("two days later", "a year ago").
    """

    type: str
    rule: str
    mod: str | None = None
    year: int | None = None
    year_shift: int | None = None
    month: int | None = None
    explicit_month: bool = False
    day: int | None = None
    last_day: int | None = None
    day_range: bool = False  # "January 1-9" (a range), not "January 12 and 13" (a list)
    weekday: int | None = None
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    period_relation: tuple[str, int] | None = None
    names_quarter: bool = False  # "the year-ago quarter", not "the year-ago period"
    week_of: bool = False
    decade: int | None = None
    century: int | None = None
    holiday: str | None = None
    daypart: str | None = None
    hour: int | None = None
    minute: int | None = None
    shift: int | None = None
    unit: str | None = None
    anaphoric: bool = False
    offset: int | None = None
    amount: float | None = None
    vague_amount: bool = False
    clock_unit: bool = False
    ref: str | None = None
    set_value: str | None = None


def scan(text: str, vocab: Vocabulary) -> list[Match]:
    """Every match of every pattern that passes the text-only checks (may overlap)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    # Where each trigger word stands: a pattern is only tried around its own triggers.
    places: dict[str, list[tuple[int, int]]] = {}
    for m in WORD.finditer(lowered):
        places.setdefault(m.group(), []).append(m.span())
    places[DIGITS] = [m.span() for m in DIGIT_RUN.finditer(lowered)]
    found = {}
    regions_of: dict[frozenset[str], list[tuple[int, int]]] = {}  # many patterns share one trigger set
    for pattern in vocab.patterns:
        regions = regions_of.get(pattern.triggers)
        if regions is None:
            spans = [span for word in pattern.triggers for span in places.get(word, ())]
            regions = regions_of[pattern.triggers] = around(spans, len(lowered)) if spans else []
        for start, end in regions:
            for m in pattern.regex.finditer(lowered, start, end):
                groups = {k: text[m.start(k):m.end(k)] for k, v in m.groupdict().items() if v is not None}
                if _passes(pattern, groups, m, text):
                    found[m.start(), m.end(), pattern.name] = Match(m.start(), m.end(), text[m.start():m.end()],
                                                                    pattern, groups)
    return list(found.values())


WINDOW_MARGIN = 60  # characters an expression may reach beyond its trigger words
DIGIT_RUN = re.compile(r"\d+")


def around(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The stretches within WINDOW_MARGIN of the given spans, merged where they overlap."""
    merged: list[list[int]] = []
    for first, last in sorted(spans):
        start, end = max(0, first - WINDOW_MARGIN), min(length, last + WINDOW_MARGIN)
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def _passes(pattern: Pattern, groups: dict[str, str], m: re.Match, text: str) -> bool:
    if any(name in groups and not groups[name][:1].isupper() for name in pattern.capitalized):
        return False
    if any(name in groups and groups[name][:1].isupper() for name in pattern.lowercase):
        return False
    if pattern.needs_any and not any(name in groups for name in pattern.needs_any):
        return False
    if pattern.needs_prev_word:
        before = WORD_BEFORE.search(text, max(0, m.start() - WINDOW_MARGIN), m.start())
        if not before or before[1].lower() not in pattern.needs_prev_word:
            return False
    return True


def longest_first(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, preferring the longest, in text order."""
    chosen: list[Match] = []
    for match in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if all(match.end <= c.start or c.end <= match.start for c in chosen):
            chosen.append(match)
    return sorted(chosen, key=lambda m: m.start)


def read(match: Match, vocab: Vocabulary) -> Expr:
    """The Expr a match stands for."""
    # Alternatives inside one pattern number their groups apart (daypart_2): same meaning.
    g = {ALTERNATIVE.sub("", k): normal(v) for k, v in match.groups.items()}
    expr = Expr(type=match.pattern.type, rule=match.pattern.name)
    fields: dict = {}
    if "premod" in g:
        fields["mod"] = (vocab.point_mods.get(g["premod"]) or vocab.length_mods.get(g["premod"])
                         or vocab.era_mods.get(g["premod"]))
    fields.update(_calendar_fields(g, vocab))
    fields.update(_relative_fields(g, vocab))
    fields.update(_time_fields(g, vocab))
    fields.update(_amount_fields(g, vocab, match.pattern.type))
    expr = replace(expr, **fields)
    if expr.type == "DATE" and (expr.hour is not None or expr.daypart):
        expr = replace(expr, type="TIME")
    return expr


def _calendar_fields(g: dict[str, str], vocab: Vocabulary) -> dict:
    f: dict = {}
    if "year" in g:
        f["year"] = int(g["year"]) if g["year"].isdigit() else spoken_year(g["year"], vocab)
    if "month" in g:
        f["month"] = vocab.months[g["month"].rstrip(".")]
        f["explicit_month"] = True
    if "month_end" in g:  # "the April-June quarter": the calendar quarter those months make up
        first, last = f.pop("month"), vocab.months[g["month_end"].rstrip(".")]
        f["explicit_month"] = False
        if first % 3 == 1 and last == first + 2:
            f["quarter"] = (first - 1) // 3 + 1
        else:
            f["month"] = first
    if "month_num" in g:
        f["month"] = int(g["month_num"])
    if "day" in g:
        f["day"] = int(g["day"])
    if "day_word" in g:
        f["day"] = vocab.ordinals[g["day_word"]]
    if "day_cardinal" in g:
        f["day"] = int(number_value(g["day_cardinal"], vocab))
    if "week_of" in g:
        f["week_of"] = True
    if "day2" in g:
        f["last_day"] = int(g["day2"])
        f["day_range"] = vocab.day_separators.get(g.get("day_sep", "")) == "range"
    for name in ("weekday", "weekday_plural"):
        if name in g:
            f["weekday"] = vocab.weekdays[g[name].rstrip(".")]
    if "season" in g:
        f["season"] = vocab.seasons[g["season"]].code
    if "holiday" in g:
        f["holiday"] = vocab.holidays[g["holiday"]]
    if "ordinal" in g:
        number = vocab.ordinals.get(g["ordinal"]) or int(re.sub(r"\D", "", g["ordinal"]))
        parts = 2 if g["period"] == "half" else 4
        f["half" if parts == 2 else "quarter"] = number if number > 0 else parts + 1 + number
    if g.get("period") in ("quarter", "period") and "ordinal" not in g:
        f["period_relation"] = ("latest", 0)
        f["names_quarter"] = g["period"] == "quarter"
    if "quals" in g:
        f.update(_period_qualifiers(g["quals"], vocab))
    if "decade" in g:
        f["decade"] = int(g["decade"]) // 10
    if "decade_short" in g:
        f["decade"] = 190 + int(g["decade_short"]) // 10
    if "decade_word" in g:
        f["decade"] = 190 + vocab.decades[g["decade_word"]]
    if "century" in g:
        f["century"] = int(g["century"]) - 1
    if "year_end" in g:
        f.update(shift=None if "year" in f else 0, unit="Y", mod="END")
    return f


def _period_qualifiers(quals: str, vocab: Vocabulary) -> dict:
    """Year and relation named before "quarter": "the 1988 third quarter", "the year-ago period"."""
    f: dict = {}
    for year in re.findall(r"\d{4}", quals):
        f["year"] = int(year)
    text = " ".join(quals.split())
    for phrase, relation in vocab.periods.items():
        if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text):
            f["period_relation"] = relation
    return f


def _relative_fields(g: dict[str, str], vocab: Vocabulary) -> dict:
    f: dict = {}
    if "year_shift" in g:
        f["year_shift"] = vocab.shifts[g["year_shift"]][0]
    if "shift" in g:
        f["shift"], anchor = vocab.shifts[g["shift"]]
        f["anaphoric"] = anchor == "anaphoric"
    if "unit" in g and ("shift" in g or "offset" in g):
        f["unit"] = _unit_letter(g["unit"], vocab)
    elif "shift" in g:
        f["unit"] = _unit_letter(g["season"], vocab) if "season" in g else "M" if "month" in g else "D"
    if "offset" in g:
        sign, anchor = vocab.offsets[g["offset"]]
        amount = number_value(g["num"], vocab) if "num" in g else 1.0
        f["offset"] = sign if amount is None else int(sign * amount)
        f["vague_amount"] = amount is None
        f["anaphoric"] = anchor == "anaphoric"
    if "deictic_day" in g:
        offset, daypart = vocab.deictic_days[g["deictic_day"]]
        f.update(offset=offset, unit="D", anaphoric=False)
        if daypart:
            f["daypart"] = daypart
    if "ref" in g:
        f["ref"] = vocab.references[g["ref"]]
    if "set_word" in g:
        f["set_value"] = vocab.sets[g["set_word"]]
    return f


def _unit_letter(word: str, vocab: Vocabulary) -> str:
    """D, W, M, Q, Y ... for unit words, SE:<code> for seasons, WE for weekends."""
    if word in vocab.seasons:
        return "SE:" + vocab.seasons[word].code
    unit = vocab.units[word]
    return unit.letter if unit.factor == 1 else f"{unit.factor}{unit.letter}"


def _time_fields(g: dict[str, str], vocab: Vocabulary) -> dict:
    f: dict = {}
    if "daypart" in g:
        code = vocab.dayparts[g["daypart"]]
        if ":" in code:
            hour, minute = code.split(":")
            f.update(hour=int(hour), minute=int(minute))
        else:
            f["daypart"] = code
    if "hour" in g:
        hour = int(g["hour"]) if g["hour"].isdigit() else int(number_value(g["hour"], vocab) or 0)
        ampm = g.get("ampm", "").replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if f.get("daypart") in ("AF", "EV", "NI") and hour < 12:
            hour += 12
        f.update(hour=hour, minute=int(g.get("minute", 0)))
        f.pop("daypart", None)
    return f


def _amount_fields(g: dict[str, str], vocab: Vocabulary, kind: str) -> dict:
    if kind not in ("DURATION", "SET"):
        return {}
    f: dict = {}
    if "bare_unit" in g:
        unit = vocab.units[g["bare_unit"]]
        return {"unit": unit.letter, "clock_unit": unit.clock, "vague_amount": True}
    if "unit" in g:
        unit = vocab.units[g["unit"]]
        raw = g.get("num")
        amount = 2.0 if raw == "other" else 1.0 if raw is None else number_value(raw, vocab)
        if amount is not None and "and_half" in g:
            amount += 0.5
        f.update(unit=unit.letter, clock_unit=unit.clock, vague_amount=amount is None,
                 amount=None if amount is None else amount * unit.factor)
    return f


NUMBER_TOKEN = re.compile(r"1/2|\d+(?:\.\d+)?|[a-z']+")


def number_value(text: str, vocab: Vocabulary) -> float | None:
    """The value of a number written in digits or words; None for vague ones ("several")."""
    text = normal(text)
    if text in vocab.numbers:
        value = vocab.numbers[text]
        return None if value is None else float(value)
    total, current = 0.0, 0.0
    for token in NUMBER_TOKEN.findall(text.replace("-", " ")):
        if token == "and":
            continue
        if token == "1/2":
            current += 0.5
            continue
        value = float(token) if token[0].isdigit() else vocab.numbers.get(token)
        if value is None:
            return None
        if value in (100, 1000):
            current = (current or 1) * value
            if value == 1000:
                total, current = total + current, 0.0
        else:
            current += value
    return total + current


def spoken_year(text: str, vocab: Vocabulary) -> int | None:
    """1996 for "nineteen ninety-six", 2000 for "two thousand"."""
    words = normal(text).replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + int(number_value(" ".join(rest), vocab) or 0) if rest else 2000
    century = vocab.numbers.get(words[0])
    rest = number_value(" ".join(words[1:]), vocab)
    if century is None or rest is None:
        return None
    return century * 100 + int(rest)


def counting_phrase(vocab: Vocabulary) -> re.Pattern:
    """"the day before", "the week after" ... at the end of a stretch of text (for ``counted_from``)."""
    units = "|".join(re.escape(w) for w, u in vocab.units.items()
                     if u.letter in ("D", "W", "M", "Y") and u.factor == 1 and not w.endswith("s"))
    prepositions = "|".join(re.escape(p) for p in sorted(vocab.offset_prepositions, key=len, reverse=True))
    return re.compile(rf"\bthe\s+({units})\s+({prepositions})\s+$", re.IGNORECASE)


COUNTING_REACH = 40  # characters before a date that "the day before" may take


def counted_from(text: str, start: int, phrase: re.Pattern, vocab: Vocabulary) -> tuple[int, str, int] | None:
    """"the day before" just ahead of a date ("the day before last Tuesday's hearing").

    (where the phrase starts, unit letter, sign) when the date at ``start`` is
    counted from by one calendar unit, else None.  ``phrase``: ``counting_phrase(vocab)``.
    """
    found = phrase.search(text, max(0, start - COUNTING_REACH), start)
    if not found:
        return None
    return found.start(), vocab.units[found[1].lower()].letter, vocab.offsets[normal(found[2])][0]


def combine(time: Expr, day: Expr) -> Expr:
    """A clock time and the date it falls on, read as one TIME ("10 p.m. Wednesday")."""
    keep = {name: getattr(day, name) for name in (
        "year", "year_shift", "month", "explicit_month", "day", "weekday", "shift", "unit", "anaphoric",
        "offset", "holiday")}
    return replace(time, type="TIME", rule=f"{time.rule}+{day.rule}", **keep)


def dateline_date(phrase: str, vocab: Vocabulary, near: date | None = None) -> date | None:
    """The calendar day a dateline's date names: "April 1, 1997"; "April 8" only ``near`` a date.

    A yearless dateline date is that day of the year nearest ``near`` (the
    publication date).  Finding the dateline is ``claimx.datelines``' job; this
    reads the date it holds.
    """
    for match in longest_first(scan(phrase, vocab)):
        if match.start != 0:
            continue
        expr = read(match, vocab)
        if not (expr.month and expr.day) or not (expr.year or near):
            return None
        years = (expr.year,) if expr.year else (near.year - 1, near.year, near.year + 1)
        days = [d for d in (cal.safe_date(y, expr.month, expr.day) for y in years) if d]
        if not days:
            return None
        return min(days, key=lambda d: abs((d - near).days)) if near else days[0]
    return None
