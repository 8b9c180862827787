#!/usr/bin/env python3
"""Audit claimx's dates in a batch output: the systematic errors a wire desk notices.

    python benchmarks/date_audit.py OUT.jsonl [--sample 20] [--seed 15] [--show months|deictic|clock|sets]

OUT.jsonl is what ``claimx batch`` (or ``benchmarks/parse_cache.py run``) wrote; the
stories are read again from each record's ``source`` (keep the corpus where it was).
Printed, for the whole output:

- bare months ("June", "late May"): how many, and how many resolve 7 or more months
  from the publication month;
- stories whose dateline date ("TOKYO, April 8 -") is one day from the publication
  date, and their "today"/"yesterday"/"tomorrow"/"tonight": resolved against which day;
- clock times read as years ("1500 gmt" -> 1500) and newspaper names read as a
  recurrence ("the daily Al-Qabas" -> P1D).

``--show`` prints a random sample of one kind (``--sample`` cases, ``--seed``), each
in its sentence, for reading by hand.  The corpus text is printed, never stored:
keep samples out of the repository.
"""
from __future__ import annotations

import argparse
import functools
import json
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

SETS = ("daily", "weekly", "monthly", "yearly", "annually", "nightly", "hourly", "biweekly")


def month_names() -> tuple[str, dict[str, int]]:
    from claimx import lexicon

    months = {row["name"]: int(row["month"]) for row in lexicon.table("temporal/months.tsv")}
    full = [m for m in months if len(m) > 3 or m == "may"]
    return "|".join(sorted(full, key=len, reverse=True)), months


def dateline_of(text: str):
    from claimx import lexicon
    from claimx.datelines import DatelineFinder

    global _finder
    if _finder is None:
        months = [row["name"] for row in lexicon.table("temporal/months.tsv")]
        _finder = DatelineFinder(lexicon.lines("text/dateline_patterns.txt"), months)
    return _finder.find(text)


_finder = None


def months_between(value: str, published: date) -> int:
    year, month = int(value[:4]), int(value[5:7])
    return abs((year - published.year) * 12 + month - published.month)


def dateline_day(text: str, body_start: int, published: date, months: dict[str, int]) -> date | None:
    found = dateline_of(text[body_start:])
    if not found or not found.date:
        return None
    words = text[body_start:][slice(*found.date)].lower().replace(".", " ").split()
    month, day = months.get(words[0]), int(re.sub(r"\D", "", words[1]) or 0)
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, day))
        except (TypeError, ValueError):
            pass
    return min(candidates, key=lambda d: abs((d - published).days), default=None)


def context(text: str, start: int, end: int, width: int = 220) -> str:
    left = text.rfind("\n\n", 0, start)
    before = text[max(left + 2, start - width):start]
    after = text[end:end + width // 2]
    return " ".join((before + "[[" + text[start:end] + "]]" + after).split())


def source_text(source: str) -> str:
    """The analysed text of a record's source: a file, or line N of a JSON Lines input ("in.jsonl:N")."""
    found = re.fullmatch(r"(.+\.jsonl):(\d+)", source)
    if not found:
        return Path(source).read_text(encoding="utf-8")
    lines = _jsonl_lines(found.group(1))
    number = int(found.group(2))
    if not 1 <= number <= len(lines):
        raise SystemExit(f"date_audit: {source}: no such line")
    return json.loads(lines[number - 1])["text"]


@functools.lru_cache(maxsize=4)
def _jsonl_lines(path: str) -> list[str]:
    """A JSON Lines input's lines, read once (a scan per record was quadratic over a corpus)."""
    return Path(path).read_text(encoding="utf-8").split("\n")  # JSON Lines end at "\n" only


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("output", type=Path)
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--show", choices=("months", "deictic", "clock", "sets"))
    args = ap.parse_args(argv)
    pattern, months = month_names()
    bare = re.compile(rf"(?:(?:early|late|mid)[\s-]*)?(?:{pattern})", re.IGNORECASE)
    counts = dict.fromkeys(("bare months", "bare months 7+ months away", "stories with a dateline date one day off",
                            "deictic days in them", "... resolved against the dateline date",
                            "... resolved against the header date", "clock times read as years",
                            "newspapers read as sets"), 0)
    cases: dict[str, list[str]] = {"months": [], "deictic": [], "clock": [], "sets": []}
    with args.output.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if "error" in record or not record.get("published"):
                continue
            published = date.fromisoformat(record["published"][:10])
            text = None
            for d in record["dates"]:
                value = d["value"] or ""
                if bare.fullmatch(d["text"]) and re.fullmatch(r"\d{4}-\d\d", value):
                    counts["bare months"] += 1
                    if months_between(value, published) >= 7:
                        counts["bare months 7+ months away"] += 1
                        text = text or source_text(record["source"])
                        cases["months"].append(f"{record['id']} pub {published} {value}: "
                                               f"{context(text, d['start'], d['end'])}")
                if d["text"].isdigit() and len(d["text"]) == 4 and d["type"] == "DATE":
                    text = text or source_text(record["source"])
                    if re.match(r"\s*(?:gmt|est|edt|hrs|hours|local)\b", text[d["end"]:d["end"] + 8], re.I):
                        counts["clock times read as years"] += 1
                        cases["clock"].append(f"{record['id']} {value}: {context(text, d['start'], d['end'])}")
                if d["type"] == "SET" and d["text"].lower() in SETS:
                    text = text or source_text(record["source"])
                    after = text[d["end"]:d["end"] + 40]
                    before = text[max(0, d["start"] - 30):d["start"]]
                    if d["text"][0].isupper() and not re.search(r"(^|[.!?]\s+|\n\s*)$", before) \
                            or re.match(r"\s+(?:[A-Z][a-z]+|[A-Z]{2,}|al-|Al-)", after) \
                            or re.match(r"\s*(?:said|reported|quoted|newspaper)\b", after):
                        counts["newspapers read as sets"] += 1
                        cases["sets"].append(f"{record['id']} {value}: {context(text, d['start'], d['end'])}")
            deictic = [d for d in record["dates"] if d["text"].lower() in ("today", "yesterday", "tomorrow", "tonight")]
            if not deictic:
                continue
            text = text or source_text(record["source"])
            day = dateline_day(text, record.get("body_start", 0), published, months)
            if day is None or abs((day - published).days) != 1:
                continue
            counts["stories with a dateline date one day off"] += 1
            offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
            for d in deictic:
                counts["deictic days in them"] += 1
                shift = timedelta(days=offsets[d["text"].lower()])
                value = (d["value"] or "")[:10]
                if value == (day + shift).isoformat():
                    counts["... resolved against the dateline date"] += 1
                elif value == (published + shift).isoformat():
                    counts["... resolved against the header date"] += 1
                cases["deictic"].append(f"{record['id']} pub {published} dateline {day} -> {d['value']}: "
                                        f"{context(text, d['start'], d['end'])}")
    for name, n in counts.items():
        print(f"{name:45} {n:7,}")
    if args.show:
        chosen = cases[args.show]
        random.Random(args.seed).shuffle(chosen)
        print()
        for case in chosen[:args.sample]:
            print("-", case)
    return 0


if __name__ == "__main__":
    sys.exit(main())
