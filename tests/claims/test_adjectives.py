"""``claimx/claims/finders/adjectives.py``: stance and belief adjectives said of someone.

Cases: a text and its claims as ``claim_tables.table`` gives them; ``[]``: it must find nothing.
"""
import pytest

from claim_tables import table

CASES = [
    # a stance or belief adjective said of someone
    ("Okafor is wary of the harbour levy.",
     [("cue adjective", "indirect", "wary", "Okafor", "the harbour levy")]),
    ("Brandt is confident that the ferry will run.",
     [("cue adjective", "indirect", "confident", "Brandt", "the ferry will run")]),
    ("Okafor was eager to reopen the pier.",
     [("cue adjective", "indirect", "eager", "Okafor", "to reopen the pier")]),
    ("Okafor was clear that the pier would stay shut.",
     [("cue adjective", "indirect", "clear", "Okafor", "the pier would stay shut")]),
    # nothing to find: an adjective of a thing or before a noun
    ("The plan is critical of the budget.", []),
    ("The water was clear that morning.", []),
    ("A wary voter left early.", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] or "empty" for c in CASES])
def test_adjectives(extractor, text, expected):
    assert table(extractor.extract(text)) == expected
