"""``claimx/claims/finders/quotations.py``: quotations tied to a verb near them, a signature or the previous speaker.

Cases: a text and its claims as ``claim_tables.table`` gives them; ``[]``: it must find nothing.
"""
import pytest

from claim_tables import table

CASES = [
    # a question closes its sentence; the frame after it may go on with a clause of its own
    ('“Are you coming?” she asked, but Tom was asleep and the kettle boiled.',
     [("quote", "direct", "asked", "she", "Are you coming?")]),
    # one quoted sentence broken by its attribution is one claim; two sentences stay two
    ('"As governor," she said, "I will cut taxes for working families."',
     [("quote", "direct", "said", "she", 'As governor," she said, "I will cut taxes for working families.')]),
    ('"Yes," the coach said, and the players cheered. "We are ready," a captain added.',
     [("quote", "direct", "said", "the coach", "Yes,"),
      ("reporting verb", "direct", "added", "a captain", "We are ready,")]),
    # a title in quotation marks names a show or a book; a quoted statement in capitals is still speech
    ("She starred in “Parks and Recreation” for years.", []),
    # a quoted fragment inside a verb's object is one word of the claim: the content is the object
    ('Green greeted the crowd with a "thank you" and left.',
     [("quote", "mixed", "greeted", "Green", 'the crowd with a "thank you')]),
    # a signature after a dash, also with a no-break space after the dash
    ('“We miss them.” ― Ana Ruiz',
     [("quote signature", "direct", "―", "Ana Ruiz", "We miss them.")]),
    ('She left.\n“We miss them.” ―\u00a0Ana Ruiz\n“They were kind.” ―\u00a0Luis Gomez.\n',
     [("quote signature", "direct", "―", "Ana Ruiz", "We miss them."),
      ("quote signature", "direct", "―", "Luis Gomez", "They were kind.")]),
    # nothing to find: quotation marks with nothing inside
    ('"" “” " "', []),
    # a quoted word that ends the sentence inside its marks is still part of the verb's argument
    ("The senator heralded the county’s truce with the farmers as a “turning point.” The truce ends the feud.",
     [("quote", "mixed", "heralded", "The senator", "the county’s truce with the farmers as a “turning point.")]),
    # a lone quoted word inside a sentence is a scare quote or a name, not a statement
    ('The band played. Her cousin, county clerk Dana "Dee" Ortiz, shouted to the crowd.', []),
    # a bare frame right after its quotation, hung by the parser on a later cue, is not that cue's content
    ("“Is the soup hot?” she said, but Pia was staring at the sea again, and as the radio rambled about the storm, "
     "Mara said yes, yes.",
     [("quote", "direct", "said", "she", "Is the soup hot?"),
      ("reporting verb", "indirect", "said", "Mara", "yes")]),
    # a frame after a quotation: only when the quotation runs on into it with a comma;
    # the next sentence after a full stop is narration, and the quote stays the last speaker's
    ('"We will appeal this ruling," the lawyer snapped, and left the court.',
     [("quote", "direct", "snapped", "the lawyer", "We will appeal this ruling,")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] or "empty" for c in CASES])
def test_quotations(extractor, text, expected):
    assert table(extractor.extract(text)) == expected


def test_interrupted_quote_is_one_claim_with_its_parts(extractor):
    # PolNeAR's convention, the default: one attribution whose content is the quoted parts.
    [claim] = extractor.extract('"We will win," Jones said. "Not now, not ever."')["claims"]
    assert claim["text"] == 'We will win," Jones said. "Not now, not ever.'
    assert [p["text"] for p in claim["segments"]] == ["We will win,", "Not now, not ever."]


def test_continued_quote_can_be_a_claim_of_its_own():
    # merge_continuations off: each quoted sentence is a claim, the second the first's speaker's.
    import claimx

    splitting = claimx.Extractor(config={"claimx_claims": {"merge_continuations": False}})
    claims = splitting.extract('"We will win," Jones said. "Not now, not ever."')["claims"]
    assert [(c["rule"], c["text"]) for c in claims] == [("reporting verb", "We will win,"),
                                                       ("floating quote", "Not now, not ever.")]


def test_mixed_quote_after_that(extractor):
    record = extractor.extract('Ryabkov confirmed that “in Geneva on the 10th, talks will proceed.”')
    [claim] = record["claims"]
    assert (claim["kind"], claim["text"]) == ("mixed", "in Geneva on the 10th, talks will proceed.")


def test_multi_paragraph_quote_is_one_claim(extractor):
    text = ('"The libraries are the last free space many families have.\n\n'
            '"If we cut their hours, we tell those families they do not matter," said Adler.')
    [claim] = extractor.extract(text)["claims"]
    assert claim["kind"] == "direct"
    assert claim["text"].startswith("The libraries") and claim["text"].endswith("do not matter,")
