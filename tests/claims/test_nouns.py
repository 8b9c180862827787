"""``claimx/claims/finders/nouns.py``: cue nouns ("the claim that ...", "allegations of ...").

Cases: a text and its claims as ``claim_tables.table`` gives them; ``[]``: it must find nothing.
"""
import pytest

from claim_tables import table

CASES = [
    # cue nouns: the position of the verb's subject, or of the possessor
    ("Russia has rejected the claim that its troops crossed the border.",
     [("cue noun", "indirect", "rejected the claim", "Russia", "its troops crossed the border")]),
    ("Trump's claim that he won the debate was widely mocked.",
     [("cue noun", "indirect", "claim", "Trump", "he won the debate")]),
    # a cue noun with an infinitive or a that-clause
    ("The candidate renewed her pledge to repave the ring road.",
     [("cue noun", "indirect", "pledge", "her", "to repave the ring road")]),
    ("The union filed a complaint that the rota was unfair.",
     [("cue noun", "indirect", "complaint", None, "the rota was unfair")]),
    # a cue noun with a prepositional content, only when someone's
    ("Okafor stepped up her attacks on the harbour levy.",
     [("cue noun", "indirect", "attacks", "her", "the harbour levy")]),
    # nothing to find: attacks nobody is said to make (a raid), a claim to land rather than that something is so
    ("Attacks on the port rose in March.", []),
    ("His claim to the land was old.", []),
    # a cue noun as the object carries its own clause ("the claim that ...")
    ("The ministry refuted this claim that the drills were a threat.",
     [("cue noun", "indirect", "refuted this claim", "The ministry", "the drills were a threat")]),
    # a cue noun belongs to whoever makes or voices it, not to anyone acting on it
    ("The senator investigated the allegation that the mayor took bribes.",
     [("cue noun", "indirect", "allegation", None, "the mayor took bribes")]),
    ("The senator made the allegation that the mayor took bribes.",
     [("cue noun", "indirect", "allegation", "The senator", "the mayor took bribes")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] or "empty" for c in CASES])
def test_nouns(extractor, text, expected):
    assert table(extractor.extract(text)) == expected
