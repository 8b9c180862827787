"""Publication dates: the --published flag, header values and file names."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from ..errors import InvalidPublishedDate

EXPECTED = "expected YYYY-MM-DD or an ISO datetime such as 2021-12-29T09:30"

# Where the publication date came from (Article.published_source), as said to people.
SOURCE_NAMES = {"flag": "--published", "header": "the header", "filename": "the file name",
                "record": "the JSON record", "html": "the HTML page"}

# YYYY-MM-DD, optionally followed by a time (T or a space), seconds, fraction and offset.
ISO_PUBLISHED = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)

# nyt_2016-10-23_slug.txt, 20161023-slug.txt, ABC19980108.1830.0711.txt, ap_2016_10_23.txt
FILENAME_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)"
)


def normalise_published(value: object) -> str | None:
    """YYYY-MM-DD stays a date, an ISO datetime stays a datetime (seconds dropped when zero);
    None when the value is neither."""
    raw = str(value).strip()
    if not ISO_PUBLISHED.fullmatch(raw):
        return None
    try:
        if len(raw) == 10:
            return date.fromisoformat(raw).isoformat()
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.isoformat(timespec="minutes") if parsed.second == parsed.microsecond == 0 \
        else parsed.isoformat()


def parse_published(value: object) -> str:
    """The --published value normalised; InvalidPublishedDate (exit 2) when it is not a date."""
    published = normalise_published(value)
    if published is None:
        raise InvalidPublishedDate(f"invalid date {str(value).strip()!r}: {EXPECTED}",
                                   source="--published")
    return published


def date_from_filename(name: str) -> str | None:
    """A calendar date embedded in a file name, or None."""
    match = FILENAME_DATE.search(name)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[3]), int(match[4])).isoformat()
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
