"""Venues: places where reported events happen; datelines and bystander places are not."""
import pytest

CASES = [
    ("Negotiations will be held in Geneva on January 10.", [("Geneva", "held")]),
    ("Ryabkov said Russia-NATO talks will take place in Brussels, Belgium on the 12th.",
     [("Brussels, Belgium", "take")]),
    ("Geneva, Switzerland is where Putin and Biden met for the first time in June.",
     [("Geneva, Switzerland", "met")]),
    ("The summit in Paris ended without a deal.", [("Paris", "summit")]),
    ("Clinton spoke at a rally in Ohio on Tuesday.", [("Ohio", "rally")]),
    # a dateline is not a venue
    ("GENEVA, Dec 28 (Reuters) - Officials said prices rose.", []),
    # places that are not where an event happens
    ("Tensions over Ukraine have escalated.", []),
    ("Russia sent troops to neighboring Ukraine.", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] or "empty" for c in CASES])
def test_venues(extractor, text, expected):
    record = extractor.extract(text)
    assert [(v["name"], v["event"]) for v in record["venues"]] == expected
