"""The temporal word lists and span patterns, built from rule-data tables.

The tables themselves live in ``models/temporal/``; whoever builds a
Vocabulary passes the readers in (``claimx.lexicon.table`` and friends), so
this package never touches files.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

FOLDER = "temporal"
YEAR_DIGITS = r"(?:1[5-9]|20)\d\d"


@dataclass(frozen=True)
class Pattern:
    """One span pattern and the checks a match must pass."""

    name: str
    type: str
    regex: re.Pattern
    triggers: frozenset[str] = frozenset()
    capitalized: tuple[str, ...] = ()
    lowercase: tuple[str, ...] = ()
    reject_pos: tuple[str, ...] = ()
    reject_prev_pos: tuple[str, ...] = ()
    reject_next_pos: tuple[str, ...] = ()
    reject_ent: tuple[str, ...] = ()
    reject_head_pos: tuple[str, ...] = ()
    needs_any: tuple[str, ...] = ()
    needs_prev_word: tuple[str, ...] = ()


@dataclass(frozen=True)
class Unit:
    letter: str
    clock: bool
    factor: int


@dataclass(frozen=True)
class Season:
    code: str
    first_month: int
    last_month: int


@dataclass(frozen=True)
class Vocabulary:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int | None]
    ordinals: dict[str, int]
    units: dict[str, Unit]
    seasons: dict[str, Season]
    dayparts: dict[str, str]
    holidays: dict[str, str]
    references: dict[str, str]
    point_mods: dict[str, str]
    length_mods: dict[str, str]
    era_mods: dict[str, str]
    shifts: dict[str, tuple[int, str]]
    offsets: dict[str, tuple[int, str]]
    offset_prepositions: frozenset[str]
    deictic_days: dict[str, tuple[int, str]]
    sets: dict[str, str]
    timezones: frozenset[str]
    decades: dict[str, int]
    periods: dict[str, tuple[str, int]]
    day_separators: dict[str, str]
    tense_words: dict[tuple[str, str], str]
    patterns: tuple[Pattern, ...]

    @classmethod
    def load(cls, table: Callable[[str], Iterable[dict]], jsonl: Callable[[str], Iterable[dict]],
             words: Callable[[str], frozenset[str]]) -> Vocabulary:
        """Build from readers of ``models/`` files: table(name), jsonl(name), words(name)."""

        def rows(name: str) -> tuple[dict, ...]:
            return tuple(table(f"{FOLDER}/{name}"))

        def column(name: str, key: str, value: str, convert=str) -> dict:
            return {normal(r[key]): convert(r[value]) for r in rows(name)}

        modifiers = rows("modifiers.tsv")
        parts = dict(
            months=column("months.tsv", "name", "month", int),
            weekdays=column("weekdays.tsv", "name", "weekday", int),
            numbers=column("numbers.tsv", "word", "value", lambda v: None if v == "X" else int(v)),
            ordinals=column("ordinals.tsv", "word", "value", int),
            units={normal(r["word"]): Unit(r["unit"], r["clock"] == "yes", int(r["factor"]))
                   for r in rows("units.tsv")},
            seasons={normal(r["name"]): Season(r["season"], int(r["first_month"]), int(r["last_month"]))
                     for r in rows("seasons.tsv")},
            dayparts=column("dayparts.tsv", "name", "code"),
            holidays=column("holidays.tsv", "name", "rule"),
            references=column("references.tsv", "phrase", "value"),
            point_mods={normal(r["phrase"]): r["mod"] for r in modifiers if r["applies"] in ("point", "both")},
            length_mods={normal(r["phrase"]): r["mod"] for r in modifiers if r["applies"] in ("length", "both")},
            era_mods={normal(r["phrase"]): r["mod"] for r in modifiers if r["applies"] in ("point", "both", "era")},
            shifts={normal(r["phrase"]): (int(r["shift"]), r["anchor"]) for r in rows("shifts.tsv")},
            offsets={normal(r["phrase"]): (int(r["sign"]), r["anchor"]) for r in rows("offsets.tsv")},
            offset_prepositions=frozenset(normal(r["phrase"]) for r in rows("offsets.tsv")
                                          if r["kind"] == "preposition"),
            deictic_days={normal(r["word"]): (int(r["offset"]), r["daypart"] or "")
                          for r in rows("deictic_days.tsv")},
            sets=column("sets.tsv", "word", "value"),
            timezones=frozenset(normal(w) for w in words(f"{FOLDER}/timezones.txt")),
            decades=column("decades.tsv", "word", "decade", int),
            periods={normal(r["phrase"]): (r["relation"], int(r["value"])) for r in rows("periods.tsv")},
            day_separators=column("day_separators.tsv", "word", "kind"),
            tense_words={(normal(r["word"]), r["role"]): r["tense"] for r in rows("tense.tsv")},
        )
        placeholders = _placeholders(parts)
        patterns = tuple(_pattern(spec, placeholders, parts) for spec in jsonl(f"{FOLDER}/patterns.jsonl"))
        return cls(**parts, patterns=patterns)


def normal(phrase: str) -> str:
    """Lower case, single spaces, straight apostrophes: the form every lookup uses."""
    return " ".join(phrase.replace("’", "'").lower().split())


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) + ")"


def _is_abbreviation(name: str, names: dict[str, int]) -> bool:
    return any(other != name and other.startswith(name) and names[other] == names[name] for other in names)


def _placeholders(parts: dict) -> dict[str, str]:
    months, weekdays, numbers = parts["months"], parts["weekdays"], parts["numbers"]
    number_words = alternation(numbers)
    single = {w: v for w, v in numbers.items() if v is not None and " " not in w and w not in ("a", "an")}
    ones = alternation(w for w, v in single.items() if v < 10)
    teens = alternation(w for w, v in single.items() if 10 <= v < 20)
    tens = alternation(w for w, v in single.items() if 20 <= v < 100 and v % 10 == 0)
    spoken_year = (rf"(?:eighteen|nineteen|twenty)[\s-]+(?:{tens}(?:[\s-]+{ones})?|{teens})"
                   rf"|two\s+thousand(?:\s+(?:and\s+)?{ones})?")
    return {
        "YEAR": YEAR_DIGITS,
        "SPOKEN_YEAR": spoken_year,
        "YEAR_ANY": rf"(?:{YEAR_DIGITS}|{spoken_year})",
        "MONTH": alternation(months),
        "MONTH_FULL": alternation(m for m in months if not _is_abbreviation(m, months)),
        "WEEKDAY": alternation(weekdays),
        "WEEKDAY_FULL": alternation(w for w in weekdays if not _is_abbreviation(w, weekdays)),
        "NUMWORD": number_words,
        "NUM": rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|{tens}(?:[\s-]+{ones})?|{number_words}(?:[\s-]+(?:hundred|thousand))*)",
        "ORDWORD": alternation(parts["ordinals"]),
        "DAYWORD": alternation(w for w, n in parts["ordinals"].items() if 1 <= n <= 31),
        # a day of the month as a cardinal word, "one" to "thirty-one" ("May Eight", wire style)
        "DAYNUM": rf"(?:twenty(?:[\s-]+{ones})?|thirty(?:[\s-]+one)?|{ones}|{teens})",
        "UNIT": alternation(parts["units"]),
        "SEASON": alternation(parts["seasons"]),
        "DAYPART": alternation(parts["dayparts"]),
        "HOLIDAY": alternation(parts["holidays"]),
        "REF": alternation(parts["references"]),
        "POINT_MOD": alternation(parts["point_mods"]),
        "LENGTH_MOD": alternation(parts["length_mods"]),
        "ERA_MOD": alternation(parts["era_mods"]),
        "SHIFT": alternation(parts["shifts"]),
        "OFFSET_ADVERB": alternation(set(parts["offsets"]) - parts["offset_prepositions"]),
        "OFFSET_PREPOSITION": alternation(parts["offset_prepositions"]),
        "DEICTIC_DAY": alternation(parts["deictic_days"]),
        "SET_WORD": alternation(parts["sets"]),
        "TZ": alternation(parts["timezones"]),
        "DECADE_WORD": alternation(parts["decades"]),
        "PERIOD_QUAL": alternation(parts["periods"]),
        "DAY_SEP": alternation(parts["day_separators"]),
    }


PLACEHOLDER = re.compile(r"\{([A-Z_]+)\}")


def _fill(regex: str, placeholders: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: placeholders[m[1]], regex).replace("'", "['’]")


WORD = re.compile(r"[a-z]+")
DIGITS = "#DIGITS"  # trigger: any number in the text
TRIGGER_LISTS = {"MONTH": "months", "WEEKDAY": "weekdays", "DEICTIC_DAY": "deictic_days", "DAYPART": "dayparts",
                 "HOLIDAY": "holidays", "UNIT": "units", "SEASON": "seasons", "DECADE_WORD": "decades",
                 "REF": "references", "SET_WORD": "sets"}


def _trigger_words(names: list[str], parts: dict) -> frozenset[str]:
    """Words of which one must be in a text for a pattern to match there (a phrase counts by its longest word)."""
    words = set()
    for name in names:
        phrases = parts[TRIGGER_LISTS[name]] if name in TRIGGER_LISTS else [name]
        words.update(name if name == DIGITS else max(WORD.findall(phrase), key=len) for phrase in phrases)
    return frozenset(words)


def _pattern(spec: dict, placeholders: dict[str, str], parts: dict) -> Pattern:
    """A compiled span pattern; it is matched against lower-cased text (much faster than IGNORECASE)."""
    body = _fill(spec["regex"], placeholders)
    return Pattern(
        name=spec["name"], type=spec["type"],
        regex=re.compile(rf"(?<![\w'’]){body}(?!\w)"),
        triggers=_trigger_words(spec["triggers"], parts),  # every pattern is tried only around its triggers
        capitalized=tuple(spec.get("capitalized", ())),
        lowercase=tuple(spec.get("lowercase", ())),
        reject_pos=tuple(spec.get("reject_pos", ())),
        reject_prev_pos=tuple(spec.get("reject_prev_pos", ())),
        reject_next_pos=tuple(spec.get("reject_next_pos", ())),
        reject_ent=tuple(spec.get("reject_ent", ())),
        reject_head_pos=tuple(spec.get("reject_head_pos", ())),
        needs_any=tuple(spec.get("needs_any", ())),
        needs_prev_word=tuple(spec.get("needs_prev_word", ())),
    )
