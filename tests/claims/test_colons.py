"""``claimx/claims/finders/colons.py``: a speaker label and a colon.

Cases: a text and its claims as ``claim_tables.table`` gives them; ``[]``: it must find nothing.
"""
import pytest

from claim_tables import table

CASES = [
    # a headline attribution
    ("White House: Russia to negotiate with NATO on January 12th",
     [("colon", "indirect", ":", "White House", "Russia to negotiate with NATO on January 12th")]),
    # nothing to find: a label before the colon is no speaker ("Note:", "The Latest:")
    ("Note: This story has been updated.", []),
    # a headline's capitalised label before a colon, which the tagger takes for a noun
    ("Survey: Okafor leads Brandt in the valley.",
     [("colon", "indirect", ":", "Survey", "Okafor leads Brandt in the valley")]),
    ("The Latest: Ferry service resumes in the bay.", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] or "empty" for c in CASES])
def test_colons(extractor, text, expected):
    assert table(extractor.extract(text)) == expected
