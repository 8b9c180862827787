"""``claimx/claims/finders/markers.py``: source markers, source documents and hearsay adverbs.

Cases: a text and its claims as ``claim_tables.table`` gives them; ``[]``: it must find nothing.
"""
import pytest

from claim_tables import table

CASES = [
    # "according to", before and after the content
    ("According to officials familiar with the matter, the deal collapsed.",
     [("source marker", "indirect", "According to", "officials familiar with the matter", "the deal collapsed")]),
    ("The deal collapsed, according to two people familiar with the talks.",
     [("source marker", "indirect", "according to", "two people familiar with the talks", "The deal collapsed")]),
    # a poll is a source before or after its finding; trailing plural polls are the race's standing
    ("Okafor leads by six points in a recent poll.",
     [("source document", "indirect", "in", "a recent poll", "Okafor leads by six points")]),
    ("Okafor remains well ahead of Brandt in the polls.", []),
    # an adverb that marks its clause as hearsay, naming no one
    ("Reportedly, the mayor resigned.",
     [("hearsay adverb", "indirect", "Reportedly", None, "the mayor resigned")]),
    # nothing to find: an adverb on an adjective, not on a clause
    ("The reportedly large fine was paid.", []),
    # only polls after a clause are the race's standing: other documents still report it
    ("Support for the plan fell in recent surveys.",
     [("source document", "indirect", "in", "recent surveys", "Support for the plan fell")]),
    # nothing to find: "accordingly" is no marker, a study room is no study
    ("Accordingly, the mill closed.", []),
    ("The council met in a study room on Friday.", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] or "empty" for c in CASES])
def test_markers(extractor, text, expected):
    assert table(extractor.extract(text)) == expected


@pytest.mark.parametrize("text", [
    "The talks went on " + "according to the officials " * 100 + "until dawn.",
    "according to according to according to.  " * 60,
])
def test_a_source_is_never_the_rest_of_an_endless_sentence(extractor, text):
    # Each marker's words run on to the sentence's end: a stretch longer than MAX_SOURCE_TOKENS is no name
    # (unbounded, the mentions' text grew with the square of the sentence, and the views' with its cube).
    from claimx.claims.finders.markers import MAX_SOURCE_TOKENS

    record = extractor.extract(text)
    mentions = [m["text"] for s in record["speakers"] for m in s["mentions"]]
    assert mentions
    assert max(len(m.split()) for m in mentions) <= MAX_SOURCE_TOKENS
