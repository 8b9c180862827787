"""Publication dates: the --published flag, header values and file names."""
from __future__ import annotations

import re
from datetime import date, datetime

from ..errors import InvalidPublishedDate

# nyt_2016-10-23_slug.txt, 20161023-slug.txt, ABC19980108.1830.0711.txt
FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")


def parse_published(value: str, *, what: str = "--published") -> str:
    """Normalise YYYY-MM-DD or an ISO datetime; raise InvalidPublishedDate otherwise."""
    raw = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            return date.fromisoformat(raw).isoformat()
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidPublishedDate(
            f"invalid {what} {raw!r}: expected YYYY-MM-DD or an ISO datetime such as 2021-12-29T09:30"
        ) from None
    return parsed.isoformat(timespec="minutes") if parsed.second == 0 else parsed.isoformat()


def date_from_filename(name: str) -> str | None:
    """A calendar date embedded in a file name, or None."""
    match = FILENAME_DATE.search(name)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None
