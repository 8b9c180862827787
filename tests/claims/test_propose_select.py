"""The seam a learned scorer builds on: finders propose candidates with their features, select keeps claims."""
import pytest

from claimx.claims.finders import propose
from claimx.claims.merge import select
from claimx.claims.reading import Reading
from claimx.claims.types import Rule


@pytest.fixture(scope="module")
def claims_pipe(nlp):
    return nlp.get_pipe("claimx_claims")


def candidates(nlp, claims_pipe, text):
    doc = nlp(text)
    reading = Reading.of(doc, claims_pipe.vocab)
    return doc, propose(reading, claims_pipe.shortlist)


def features(doc, a):
    return (a.rule, a.cue_lemma, a.cue_class, a.path, doc[a.content[0]:a.content[1]].text)


@pytest.mark.parametrize("text, expected", [
    ("The harbor master said that the ferry would sail at dawn.",
     [(Rule.REPORTING_VERB, "say", "speech", "clause", "the ferry would sail at dawn")]),
    ("The warden urged the rangers to close the north gate.",
     [(Rule.REPORTING_VERB, "urge", "directive", "to", "the rangers to close the north gate")]),
    ("The tram line runs late, according to two drivers at the depot.",
     [(Rule.SOURCE_MARKER, "according to", "speech", "before", "The tram line runs late")]),
    ("Marta Quell is wary of the new flour tax.",
     [(Rule.CUE_ADJECTIVE, "wary", "belief", "prep:of", "the new flour tax")]),
    ("“Close the gate,” the warden told them. “Nobody leaves before the count is done.”",
     [(Rule.QUOTE, "tell", "speech", "nearest verb", "Close the gate,"),
      (Rule.FLOATING_QUOTE, "tell", "speech", "previous speaker", "Nobody leaves before the count is done.")]),
])
def test_candidates_carry_what_their_rule_saw(nlp, claims_pipe, text, expected):
    doc, found = candidates(nlp, claims_pipe, text)
    assert [features(doc, a) for a in found] == expected


def test_select_keeps_one_claim_of_candidates_for_the_same_content(nlp, claims_pipe):
    # "rejected" (a stance verb with an object) and "the claim that" (a cue noun) both propose
    doc, found = candidates(nlp, claims_pipe, "The guild has rejected the claim that its pilots struck.")
    assert {a.rule for a in found} == {Rule.REPORTING_VERB, Rule.CUE_NOUN}
    [kept] = select(doc, found, [])
    assert features(doc, kept) == (Rule.CUE_NOUN, "claim", "stance", "clause", "its pilots struck")
    assert [(c["start"], c["end"]) for c in doc._.claimx_claims] == [(doc[kept.content[0]].idx,
                                                                       doc[kept.content[1] - 1].idx
                                                                       + len(doc[kept.content[1] - 1]))]
