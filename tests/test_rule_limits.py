"""Where the source and content rules must stop: invented sentences that look like a rule's
pattern but are not, each with the claims it must (or must not) give."""
import pytest

from claimx.claims.sources import stranded_subject
from test_claims import table

CASES = [
    # a frame after a quotation: only when the quotation runs on into it with a comma;
    # the next sentence after a full stop is narration, and the quote stays the last speaker's
    ('Smith said the talks were over. "We are done for good now." Prices fell.',
     [("indirect", "said", "Smith", "the talks were over"),
      ("direct", "said", "Smith", "We are done for good now.")]),
    ('"We will appeal this ruling," the lawyer snapped, and left the court.',
     [("direct", "snapped", "the lawyer", "We will appeal this ruling,")]),
    # a capitalised word before a dash is a dateline only when it opens its line
    ("The NAACP -- the oldest civil rights group -- said the law was unfair.",
     [("indirect", "said", "The NAACP", "the law was unfair")]),
    # a cue noun belongs to whoever makes or voices it, not to anyone acting on it
    ("The senator investigated the allegation that the mayor took bribes.",
     [("indirect", "allegation", None, "the mayor took bribes")]),
    ("The senator made the allegation that the mayor took bribes.",
     [("indirect", "allegation", "The senator", "the mayor took bribes")]),
    # only polls after a clause are the race's standing: other documents still report it
    ("Support for the plan fell in recent surveys.",
     [("indirect", "in", "recent surveys", "Support for the plan fell")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_rules_stop_where_their_pattern_ends(extractor, text, expected):
    assert table(extractor.extract(text)) == expected


def test_a_verb_opening_the_text_takes_no_word_before_it(nlp):
    # "Warns" is token 0: the word before it would wrap round to the end of the text ("10")
    doc = nlp("Warns the mayor about taxes, up 10")
    verb = doc[0]
    assert stranded_subject(verb, [-1] * len(doc), nlp.get_pipe("claimx_claims").vocab) is None
