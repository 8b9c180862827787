"""Publication dates: the --published flag, header and JSON values, and file names.

Feeds and scrapers write dates every way: ``2021-12-29T09:30+09:00`` (RFC 3339),
``Wed, 29 Dec 2021 09:30:00 +0900`` (RSS, RFC 2822), ``Dec. 29, 2021``,
``29 December 2021 09:30 KST``, ``2021/12/29``.  ``normalise_published`` reads any
of them into one ISO form: ``YYYY-MM-DD`` for a day, ``YYYY-MM-DDTHH:MM`` with the
time, and the offset when the value gives a time zone (never guessed).

ISO values are read directly.  All-numeric dates are read here, because their
order is a convention and not a fact of the string: ``03/04/2021`` is 3 April in
most of the world and March 4 in the US, so it is an error naming both readings
unless the caller says the order (``--date-order DMY|MDY|YMD``).  A four-digit
group is the year; with none, the year comes last (DMY or MDY) unless the order
is YMD; a two-digit year is 1969-2068 (POSIX ``%y``).  Anything else goes to
dateparser, in English only, with day, month and year required and no relative
reading ("yesterday" is never a publication date: claimx never resolves against
today).
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from ..errors import InvalidPublishedDate, UsageError

EXPECTED = ("expected a date with its year, month and day, such as 2021-12-29, 29 Dec 2021 "
            "or Wed, 29 Dec 2021 09:30:00 +0900")
DATE_ORDERS = ("DMY", "MDY", "YMD")

# Where the publication date came from (Article.published_source), as said to people.
SOURCE_NAMES = {"flag": "--published", "header": "the header", "filename": "the file name",
                "record": "the JSON record", "html": "the HTML page"}

# YYYY-MM-DD, optionally followed by a time (T or a space), seconds, fraction and offset.
ISO_PUBLISHED = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)

# A date written in numbers only: 2021/12/29, 29.12.2021, 03/04/21, 20211229.
NUMERIC_DATE = re.compile(
    r"(?<![\w/.-])(?:(?P<y>\d{4})(?P<s1>[/.-])(?P<m>\d{1,2})(?P=s1)(?P<d>\d{1,2})"
    r"|(?P<a>\d{1,2})(?P<s2>[/.-])(?P<b>\d{1,2})(?P=s2)(?P<c>\d{4}|\d{2})"
    r"|(?P<compact>(?:19|20)\d{6}))(?![\w/-]|\.\d)"
)
# A clock time in a free-format value ("09:30", "9:30 p.m.", "9pm"): without one the value is a day.
CLOCK_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)|(?<!\d)\d{1,2}\s*[ap]\.?m\b\.?", re.IGNORECASE)
TWO_DIGIT_PIVOT = 69  # %y: 69-99 are 1969-1999, 00-68 are 2000-2068

# nyt_2016-10-23_slug.txt, 20161023-slug.txt, ABC19980108.1830.0711.txt, ap_2016_10_23.txt
FILENAME_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)"
)


class NotADate(ValueError):
    """Why a value is not one publication date: ``kind`` is "invalid" or "ambiguous", ``detail`` says more."""

    def __init__(self, kind: str, detail: str):
        super().__init__(detail)
        self.kind, self.detail = kind, detail


def check_date_order(order: str | None) -> str | None:
    """The --date-order value upper-cased; UsageError (exit 2) for anything but DMY, MDY, YMD."""
    if order is None:
        return None
    if order.upper() not in DATE_ORDERS:
        raise UsageError(f"unknown date order {order!r}: expected DMY, MDY or YMD", source="--date-order")
    return order.upper()


def normalise_published(value: object, date_order: str | None = None) -> str:
    """The ISO form of a publication date in any common format; NotADate when it is none or ambiguous.

    ``date_order`` (DMY, MDY or YMD) says how to read an all-numeric date.
    """
    return _normalised(" ".join(str(value).split()), date_order)


@lru_cache(maxsize=256)  # a batch's --published, or a feed's repeated value, is read once
def _normalised(raw: str, date_order: str | None) -> str:
    if ISO_PUBLISHED.fullmatch(raw):
        return _iso(raw)
    if not raw:
        raise NotADate("invalid", EXPECTED)
    numeric = NUMERIC_DATE.search(raw)
    if numeric:
        day = _numeric_day(numeric, raw, date_order)
        rest = (raw[:numeric.start()] + raw[numeric.end():]).strip(" ,")
        if not rest:
            return day.isoformat()
        raw = f"{day.isoformat()} {rest}"  # the time and zone after it, read below
        date_order = "YMD"
    moment = _free_format(raw, date_order)
    if moment is None:
        raise NotADate("invalid", EXPECTED)
    if moment.tzinfo is None and moment.time() == datetime.min.time() and not CLOCK_TIME.search(raw):
        return moment.date().isoformat()
    return _minutes(moment)


def _iso(raw: str) -> str:
    try:
        if len(raw) == 10:
            return date.fromisoformat(raw).isoformat()
        return _minutes(datetime.fromisoformat(raw.replace("Z", "+00:00")))
    except ValueError:
        raise NotADate("invalid", EXPECTED) from None


def _minutes(moment: datetime) -> str:
    """ISO datetime, seconds dropped when zero, the offset kept when there is one."""
    return moment.isoformat(timespec="minutes") if moment.second == moment.microsecond == 0 \
        else moment.isoformat()


def _numeric_day(match: re.Match, raw: str, date_order: str | None) -> date:
    """The day an all-numeric date names in ``date_order``, or the one reading all orders agree on."""
    text = match.group()
    if match["compact"]:
        readings = {"YMD": _day(text[:4], text[4:6], text[6:])}
    elif match["y"]:
        readings = {"YMD": _day(match["y"], match["m"], match["d"])}
    else:
        a, b, c = match["a"], match["b"], match["c"]
        readings = {"DMY": _day(c, b, a), "MDY": _day(c, a, b)}
        if len(c) == 2 and date_order == "YMD":
            readings = {"YMD": _day(a, b, c)}
    if date_order is not None and date_order not in readings and len(readings) > 1:
        raise NotADate("invalid", f"not a calendar date in {date_order} order (--date-order)")
    if date_order is not None and date_order in readings:
        if readings[date_order] is None:
            raise NotADate("invalid", f"not a calendar date in {date_order} order (--date-order)")
        return readings[date_order]
    valid = {order: day for order, day in readings.items() if day is not None}
    distinct = sorted(set(valid.values()))
    if not distinct:
        raise NotADate("invalid", EXPECTED)
    if len(distinct) > 1:
        both = " or ".join(f"{day.isoformat()} ({order})" for order, day in valid.items())
        raise NotADate("ambiguous", f"{both}; --date-order (DMY, MDY or YMD) says which")
    return distinct[0]


def _day(year: str, month: str, day: str) -> date | None:
    number = int(year)
    if len(year) == 2:
        number += 1900 if number >= TWO_DIGIT_PIVOT else 2000
    try:
        return date(number, int(month), int(day))
    except ValueError:
        return None


def _free_format(raw: str, date_order: str | None) -> datetime | None:
    """dateparser's reading of a date written with words ("Dec. 29, 2021", RFC 2822), or None."""
    return _parser(date_order).get_date_data(raw).date_obj


@lru_cache(maxsize=4)
def _parser(date_order: str | None):
    from dateparser.date import DateDataParser  # loaded only for a value that is not ISO

    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"],  # "December 2021" must not become a day of it
        "PARSERS": ["custom-formats", "absolute-time"],  # no "yesterday", no Unix timestamps
    }
    if date_order:
        settings["DATE_ORDER"] = date_order
    return DateDataParser(languages=["en"], settings=settings)


def published_error(exc: NotADate, value: object, what: str = "date") -> str:
    """The message for a value that is not a publication date: "invalid date '...': expected ..."."""
    return f"{exc.kind} {what} {' '.join(str(value).split())!r}: {exc.detail}"


def parse_published(value: object, date_order: str | None = None) -> str:
    """The --published value normalised; InvalidPublishedDate (exit 2) when it is not one date."""
    try:
        return normalise_published(value, check_date_order(date_order))
    except NotADate as exc:
        raise InvalidPublishedDate(published_error(exc, value), source="--published") from None


def date_from_filename(name: str) -> str | None:
    """A calendar date embedded in a file name, or None."""
    found = filename_date(name)
    return found[0] if found else None


def filename_date(name: str) -> tuple[str, str] | None:
    """(ISO date, the characters that wrote it) for a date embedded in a file name, or None."""
    match = FILENAME_DATE.search(name)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[3]), int(match[4])).isoformat(), match.group()
    except ValueError:  # 2021-02-30
        return None


def in_the_future(published: str, today: date | None = None) -> bool:
    """Whether a publication date lies after tomorrow (a day of slack for time zones)."""
    today = today or datetime.now(timezone.utc).date()
    return date.fromisoformat(published[:10]) > today + timedelta(days=1)


def future_warnings(published: str | None, published_source: str | None) -> tuple[str, ...]:
    """The warning an Article carries when its publication date lies in the future, else none."""
    if published and in_the_future(published):
        return (f"published date {published} (from {SOURCE_NAMES[published_source]}) is in the future",)
    return ()
