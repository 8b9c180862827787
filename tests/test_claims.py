"""Claims found in short texts: kind, cue, the speaker's mention and the content."""
import pytest

CASES = [
    # direct quotes, speaker after or before
    ('"We will not back down," said Senator John Smith.',
     [("direct", "said", "Senator John Smith", "We will not back down,")]),
    ('Senator John Smith said, "We will not back down."',
     [("direct", "said", "Senator John Smith", "We will not back down.")]),
    # a quote interrupted by its attribution: each quoted sentence is a claim of the same speaker
    ('"The economy is strong. Jobs are growing," the president told reporters. "We are winning."',
     [("direct", "told", "the president", "The economy is strong. Jobs are growing,"),
      ("direct", "told", "the president", "We are winning.")]),
    ('"We will win," Jones said.\n\nShe left. "Not now, not ever, not this way," she added later.',
     [("direct", "said", "Jones", "We will win,"),
      ("direct", "added", "she", "Not now, not ever, not this way,")]),
    ('"We will win," Jones said on Monday.\n\n"Not now, not ever, not this way."',
     [("direct", "said", "Jones", "We will win,"),
      ("direct", "said", "Jones", "Not now, not ever, not this way.")]),
    # a question closes its sentence; the frame after it may go on with a clause of its own
    ('“Are you coming?” she asked, but Tom was asleep and the kettle boiled.',
     [("direct", "asked", "she", "Are you coming?")]),
    ('“Are you coming?” Officials announced the results on Friday.',
     [("indirect", "announced", "Officials", "the results")]),
    # indirect speech, content after and before the cue
    ("The minister said that the talks had failed.",
     [("indirect", "said", "The minister", "the talks had failed")]),
    ("The talks had failed, the minister said.",
     [("indirect", "said", "the minister", "The talks had failed")]),
    ("The company told investors on Monday that profits would fall.",
     [("indirect", "told", "The company", "profits would fall")]),
    ("Smith argued that the law was unconstitutional and that it should be struck down.",
     [("indirect", "argued", "Smith", "the law was unconstitutional and that it should be struck down")]),
    # mixed: quoted and unquoted words in one content
    ('Officials said the plan was "a disaster for families."',
     [("mixed", "said", "Officials", 'the plan was "a disaster for families.')]),
    # "according to", before and after the content
    ("According to officials familiar with the matter, the deal collapsed.",
     [("indirect", "According to", "officials familiar with the matter", "the deal collapsed")]),
    ("The deal collapsed, according to two people familiar with the talks.",
     [("indirect", "according to", "two people familiar with the talks", "The deal collapsed")]),
    # no one named: still a claim, with no speaker mention
    ("It was reported that the factory closed.",
     [("indirect", "reported", None, "the factory closed")]),
    # a verb outside the lexicon with a "whether" clause: the generic rule, as with "that"
    ("The senator pondered whether the bill would pass the chamber.",
     [("indirect", "pondered", "The senator", "the bill would pass the chamber")]),
    # evidence and belief
    ("Polls show that Clinton leads Trump.",
     [("indirect", "show", "Polls", "Clinton leads Trump")]),
    ("Critics believe the law will hurt small businesses.",
     [("indirect", "believe", "Critics", "the law will hurt small businesses")]),
    # a directive
    ("The union urged lawmakers to reject the bill.",
     [("indirect", "urged", "The union", "lawmakers to reject the bill")]),
    # cue nouns: the position of the verb's subject, or of the possessor
    ("Russia has rejected the claim that its troops crossed the border.",
     [("indirect", "rejected the claim", "Russia", "its troops crossed the border")]),
    ("Trump's claim that he won the debate was widely mocked.",
     [("indirect", "claim", "Trump", "he won the debate")]),
    # a relative clause does not belong to the speaker's mention
    ("The mayor, who took office in May, said taxes would rise.",
     [("indirect", "said", "The mayor", "taxes would rise")]),
    # a headline attribution
    ("White House: Russia to negotiate with NATO on January 12th",
     [("indirect", ":", "White House", "Russia to negotiate with NATO on January 12th")]),
    # an unbalanced quote mark still gives its claim
    ('He said "this is fine.',
     [("direct", "said", "He", "this is fine.")]),
    # one quoted sentence broken by its attribution is one claim; two sentences stay two
    ('"As governor," she said, "I will cut taxes for working families."',
     [("direct", "said", "she", 'As governor," she said, "I will cut taxes for working families.')]),
    ('"Yes," the coach said, and the players cheered. "We are ready," a captain added.',
     [("direct", "said", "the coach", "Yes,"), ("direct", "added", "a captain", "We are ready,")]),
    # "hopes", "hoped", "hoping": the tagger's lemma is "hop"
    ("The senator hopes that the bill will pass.",
     [("indirect", "hopes", "The senator", "the bill will pass")]),
    ("The rabbit hopped over the fence.", []),
    # a belief or request reported by a speaker is the content of that speaker's claim
    ("The mayor said she thinks the budget will pass.",
     [("indirect", "said", "The mayor", "she thinks the budget will pass")]),
    ("The report said officials expect the budget to pass.",
     [("indirect", "said", "The report", "officials expect the budget to pass")]),
    ("Critics fear that the plan will fail.",
     [("indirect", "fear", "Critics", "the plan will fail")]),
    ("The aide said the senator praised the new budget.",
     [("indirect", "said", "The aide", "the senator praised the new budget")]),
    ("The senator praised the new budget.",
     [("indirect", "praised", "The senator", "the new budget")]),
    # an infinitive's speaker is the subject of the verb or adjective that governs it
    ("The senator went on to discuss the budget.",
     [("indirect", "discuss", "The senator", "the budget")]),
    ("The envoy came to talk about trade.",
     [("indirect", "talk", "The envoy", "trade")]),
    ("The governor is determined to warn voters about the risks.",
     [("indirect", "warn", "The governor", "the risks")]),
    # "appeared to suggest": the complement is the cue; a bare appearance keeps no speaker
    ("The mayor appeared to suggest that taxes would rise.",
     [("indirect", "suggest", "The mayor", "taxes would rise")]),
    ("The candidate seemed ready to quit.",
     [("indirect", "seemed", None, "The candidate seemed ready to quit")]),
    # what was praised or questioned is the noun phrase, not the writer's comma-led aside about it
    ("The experts praised the mayor's budget, which includes a new tax on parking.",
     [("indirect", "praised", "The experts", "the mayor's budget")]),
    ("Some voters question the wisdom of backing Smith, who has never run for office.",
     [("indirect", "question", "Some voters", "the wisdom of backing Smith")]),
    ("She criticized Jones, Smith and Brown for the delay.",
     [("indirect", "criticized", "She", "Jones, Smith and Brown for the delay")]),
    # a title in quotation marks names a show or a book; a quoted statement in capitals is still speech
    ("She starred in “Parks and Recreation” for years.", []),
    ("Okafor said on Channel 4's “Morning Round Table” that he would stay.",
     [("indirect", "said", "Okafor", "he would stay")]),
    ('“We Will Win,” the coach said.',
     [("direct", "said", "the coach", "We Will Win,")]),
    # a quoted fragment inside a verb's object is one word of the claim: the content is the object
    ('Green greeted the crowd with a "thank you" and left.',
     [("mixed", "greeted", "Green", 'the crowd with a "thank you')]),
    # a signature after a dash, also with a no-break space after the dash
    ('“We miss them.” ― Ana Ruiz', [("direct", "―", "Ana Ruiz", "We miss them.")]),
    ('She left.\n“We miss them.” ―\u00a0Ana Ruiz\n“They were kind.” ―\u00a0Luis Gomez.\n',
     [("direct", "―", "Ana Ruiz", "We miss them."), ("direct", "―", "Luis Gomez", "They were kind.")]),
    # positions towards someone or something: compare, advocate, attribute
    ("The governor compared the plan to a tax hike.",
     [("indirect", "compared", "The governor", "the plan to a tax hike")]),
    ("The union advocates for higher wages.",
     [("indirect", "advocates", "The union", "higher wages")]),
    ("Officials attributed the delay to the storm.",
     [("indirect", "attributed", "Officials", "the delay to the storm")]),
    ("The two plans compare well.", []),
    # a list hung as an apposition is not an aside
    ("The mayor praised a bold plan for parks, new bike lanes and cheaper buses.",
     [("indirect", "praised", "The mayor",
       "a bold plan for parks, new bike lanes and cheaper buses")]),
    # a second speaker with a cue of their own starts a claim of their own
    ("The mayor said the budget was balanced and critics said it was not.",
     [("indirect", "said", "The mayor", "the budget was balanced"),
      ("indirect", "said", "critics", "it was not")]),
    ("Voters said the plan was fair, while others said it went too far.",
     [("indirect", "said", "Voters", "the plan was fair"),
      ("indirect", "said", "others", "it went too far")]),
    # nothing to find
    ("The sun rose over the city and the markets opened.", []),
    # declining is a position too; asking "not to be named" asks nobody anything
    ("A spokesman, who asked not to be named, declined to comment.",
     [("indirect", "declined", "A spokesman", "to comment")]),
    ("Note: This story has been updated.", []),
    ('"" “” " "', []),
]


def table(record):
    return [(c["kind"], c["cue"] and c["cue"]["text"],
             c["speaker_mention"] and c["speaker_mention"]["text"], c["text"]) for c in record["claims"]]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] or "empty" for c in CASES])
def test_claims(extractor, text, expected):
    assert table(extractor.extract(text)) == expected


def test_nested_attribution_gives_two_claims(extractor):
    record = extractor.extract("According to the TASS news agency, Ryabkov confirmed that talks will start.")
    assert [(c["cue"]["text"], c["speaker_mention"]["text"]) for c in record["claims"]] == [
        ("According to", "the TASS news agency"), ("confirmed", "Ryabkov")]


def test_interrupted_quote_can_be_one_claim_with_its_parts():
    # PolNeAR's convention: one attribution whose content is the quoted parts.
    import claimx

    merging = claimx.Extractor(config={"claimx_claims": {"merge_continuations": True}})
    [claim] = merging.extract('"We will win," Jones said. "Not now, not ever."')["claims"]
    assert claim["text"] == 'We will win," Jones said. "Not now, not ever.'
    assert [p["text"] for p in claim["segments"]] == ["We will win,", "Not now, not ever."]


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


def test_dateline_is_not_content(extractor):
    text = "PORT HALDEN, June 3 (Claimx Wire) - Dockworkers voted to strike on Thursday, union leaders said."
    [claim] = extractor.extract(text)["claims"]
    assert claim["text"] == "Dockworkers voted to strike on Thursday"


@pytest.mark.parametrize("text, content, speaker", [
    # a dateline opening the paragraph under a headline is clipped too
    ("Strike Looms at Port.\n\nPORT HALDEN (Claimx Wire) - Dockworkers voted to strike on Thursday, union leaders said.",
     "Dockworkers voted to strike on Thursday", "union leaders"),
    # a headline above the dateline keeps its own speaker
    ("Vasquez Says Port Will Reopen Soon.\n\nPORT HALDEN (Claimx Wire) - The port reopened on Friday.",
     "Port Will Reopen Soon", "Vasquez"),
])
def test_dateline_below_a_headline_is_not_content(extractor, text, content, speaker):
    [claim] = extractor.extract(text)["claims"]
    assert (claim["text"], claim["speaker_mention"]["text"]) == (content, speaker)


def test_every_claim_explains_itself(extractor):
    record = extractor.extract('"Yes," he said. The plan failed, officials said. According to AP, it rained.')
    assert all(c["rule"] and c["cue"] and 0 < c["confidence"] <= 1 for c in record["claims"])
    named = [c["confidence"] for c in record["claims"] if c["speaker_mention"]]
    unnamed = extractor.extract("It was reported that the factory closed.")["claims"][0]["confidence"]
    assert min(named) > unnamed


def test_empty_text_is_a_content_error(extractor):
    from claimx.errors import ContentError

    with pytest.raises(ContentError, match="no article text: the input is empty"):
        extractor.extract("")


@pytest.mark.parametrize("words, pos, expected", [
    # "“We will rebuild,” Chief Dana Ortiz said": the name between the quotation and its verb
    (["“", "We", "will", "rebuild", ",", "”", "Chief", "Dana", "Ortiz", "said", "."],
     ["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
     "Chief Dana Ortiz"),
    # "“We will rebuild,” and then she said": a clause, not a name, stands there
    (["“", "We", "will", "rebuild", ",", "”", "and", "then", "left", "said", "."],
     ["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "CCONJ", "ADV", "VERB", "VERB", "PUNCT"],
     None),
])
def test_speaker_between_quote_and_verb(extractor, words, pos, expected):
    # The parser sometimes takes a word inside the quotation as the verb's subject; the
    # quote rule then falls back on the words between the quotation and the verb.
    from spacy.tokens import Doc

    from claimx.claims.quotes import Quote
    from claimx.claims.reading import quote_spans
    from claimx.claims.sources import frame_speaker

    doc = Doc(extractor.nlp.vocab, words=words, pos=pos)
    for token in doc:
        token.tag_ = "VBD" if token.pos_ == "VERB" else token.tag_
    outer_end = doc[5].idx + 1
    quote = Quote(0, outer_end, doc[1].idx, doc[5].idx)
    [span] = quote_spans(doc, [quote])
    found = frame_speaker(doc, span, doc[9], extractor.nlp.get_pipe("claimx_claims").vocab)
    assert (doc[found[0]:found[1]].text if found else None) == expected
