"""Which words are reported as each claim's source (``speaker_mention``), cue by cue."""
import pytest

from claimx.claims.sources import stranded_subject


def mentions_by_cue(record, text):
    """cue text → the speaker mention's text (None when no one is named)."""
    out = {}
    for c in record["claims"]:
        if c["cue"] is None:
            continue
        m = c["speaker_mention"]
        out[text[c["cue"]["start"]:c["cue"]["end"]]] = text[m["start"]:m["end"]] if m else None
    return out


def check(extractor, text, expected):
    got = mentions_by_cue(extractor.extract(text), text)
    for cue, mention in expected.items():
        assert got.get(cue, "<no claim>") == mention, (cue, got)  # "<no claim>": no claim has this cue


# A second cue the parser hangs on the reported clause's verb belongs to the reporter.
HUNG_CUES = [
    ("Mayor Lena Ortiz, addressing a harbor workers' union in Riverton, said she would commission a new "
     "study of the ferry routes and warned against raising fares.",
     {"said": "Mayor Lena Ortiz", "warned": "Mayor Lena Ortiz"}),
    ("Senator Paul Okafor said he did not think the harbor levy would survive the vote, arguing that rural "
     "members held the balance.", {"arguing": "Senator Paul Okafor"}),
    ("Chancellor Mira Vance said this week that the republic would leave the fishing accord by June and "
     "suggested that it would also quit the joint patrols.", {"suggested": "Chancellor Mira Vance"}),
    ("Farm economists said a string of poor harvests has fed the price spike, citing the long drought.",
     {"citing": "Farm economists"}),
    ("Even Veldra, the main buyer of Ostmark timber, said it was firmly opposed to the export levy and warned "
     "its neighbors to avoid reprisals.", {"warned": "Even Veldra"}),
]

# Must not change: the inner clause has a speaker of its own, or the reporter is a pronoun.
HUNG_CUES_KEPT = [
    ("The harbor commissioner said the dock pilots had turned down the contract and warned of a walkout.",
     {"said": "The harbor commissioner", "warned": "the dock pilots"}),
    ("He said she would close the depot and warned against delays.", {"warned": "she"}),
    # a nested attribution: the inner claim is the inner subject's
    ("Aides said that Brennan discouraged the treasurer from running, saying the district was out of reach.",
     {"said": "Aides", "saying": "Brennan"}),
    ("Councilwoman Greta Lund said on Monday that the tram line would run over budget and that residents "
     "would vote it down.", {"said": "Councilwoman Greta Lund"}),
]


@pytest.mark.parametrize("text, expected", HUNG_CUES + HUNG_CUES_KEPT,
                         ids=[t[:40] for t, _ in HUNG_CUES + HUNG_CUES_KEPT])
def test_cue_hung_on_the_reported_clause(extractor, text, expected):
    check(extractor, text, expected)


# A question or exclamation ends its sentence; the frame after it ("Brandt demanded.") names the speaker.
TRAILING_FRAMES = [
    ('Okafor spoke first. "Why is this not a sign that the water board has lost control?" Brandt demanded.',
     {"demanded": "Brandt"}),
    ('Marsh urged the guild members to sign the petition. "Does anyone here remember what the charter '
     'actually says?" Marsh asked.', {"asked": "Marsh"}),
    ('The warden said the fence was a fair start. "How many more floods will it take in this valley?" '
     'Ortiz said.', {"said": "Ortiz"}),
]

# Must not change: a frame with its own content, or a new paragraph, is not the quotation's.
TRAILING_FRAMES_KEPT = [
    ('Greta Lund spoke on Monday. "Why should we wait another year?" Lund said that the council would vote '
     'in March.', {"said": "Lund"}),
    ('"That is hardly a fair reading," Okafor wrote. "We never claimed that."', {"wrote": "Okafor"}),
]


@pytest.mark.parametrize("text, expected", TRAILING_FRAMES + TRAILING_FRAMES_KEPT,
                         ids=[t[:40] for t, _ in TRAILING_FRAMES + TRAILING_FRAMES_KEPT])
def test_frame_after_a_question(extractor, text, expected):
    check(extractor, text, expected)


def test_trailing_frame_gives_the_quote_its_own_cue(extractor):
    text = ('Marsh urged the guild members to sign the petition, and criticized the board. '
            '"Does anyone here remember what the charter actually says?" Marsh asked.')
    record = extractor.extract(text)
    quote = next(c for c in record["claims"] if text[c["start"]:c["end"]].startswith("Does"))
    assert text[quote["cue"]["start"]:quote["cue"]["end"]] == "asked"


# A headline on its own line is a sentence of its own, not the subject of the next line.
HEADLINES = [
    ("Tom Reyes Says Beaches Will Stay Closed Until The Algae Clears\n"
     "Tom Reyes said he would keep the beaches closed until the algae bloom had passed.",
     "Tom Reyes said", "Tom Reyes"),
    ("Governor Vows To Veto Budget Bill\nGovernor Lee Park said on Friday that he would veto the bill.",
     "Governor Lee Park said", "Governor Lee Park"),
]


@pytest.mark.parametrize("text, frame, mention", HEADLINES, ids=[t[:30] for t, _, _ in HEADLINES])
def test_headline_line_is_its_own_sentence(extractor, text, frame, mention):
    record = extractor.extract(text)
    at = text.index(frame)
    [claim] = [c for c in record["claims"] if c["cue"]["start"] > at]
    m = claim["speaker_mention"]
    assert text[m["start"]:m["end"]] == mention
    assert claim["start"] > at


@pytest.mark.parametrize("text", [
    # hard-wrapped lines run on: the sentence goes on past the line break
    "The mayor said on Monday that the council\nwould vote on the plan before the end of\nthe year.",
    "Officials in the Riverton Transit Board Said\nthat the depot would close.",
])
def test_wrapped_lines_stay_one_sentence(nlp, text):
    assert len(list(nlp(text).sents)) == 1


# Parse errors in the subject: a dateline, a relative "that", a document noun, an inverted speaker.
SUBJECT_REPAIRS = [
    # the parser takes the dateline's place as the subject, the speaker as its apposition
    ("MILLBROOK -- Chancellor Mira Vance, opening the new harbor on Sunday, said it would change the town.",
     {"said": "Chancellor Mira Vance"}),
    # ... also after a wire dateline with its date (the dateline as claimx_textfacts found it)
    ("PORT HALDEN, March 31 - Halden Shipping Co said it would raise its freight rates by four pct next month.",
     {"said": "Halden Shipping Co"}),
    ("MILLBROOK, June 3 - Former Chancellor Mira Vance told reporters the harbor would reopen in May.",
     {"told": "Former Chancellor Mira Vance"}),
    ("NORTH BAY, Ont., March 31 - Ostmark Timber Ltd said it had sold its sawmill to a local buyer.",
     {"said": "Ostmark Timber Ltd"}),
    # whoever issues a statement, an article or a resolution is its source
    ("Her office sent out a notice saying the county could not inspect every bridge.",
     {"saying": "Her office"}),
    ("The Gazette responded with an editorial stating that the pier had been neglected for years.",
     {"stating": "The Gazette"}),
    ("On Monday Ms. Halvorsen made one more try at quieting her critics, writing in her newsletter that "
     "funding was what mattered.", {"writing": "Ms. Halvorsen"}),
    # a speaker after the verb that follows a quotation
    ('"Is the ferry late again?" asked an old fisherman, who had been waiting since dawn.',
     {"asked": "an old fisherman"}),
    ('"What worries me," said Ruth Adeyemi, who teaches history in Riverton, "is the silence."',
     {"said": "Ruth Adeyemi"}),
]

SUBJECT_KEPT = [
    ("RIVERTON — Senator Mark Ellery said on Tuesday that the levy would fail.", {"said": "Senator Mark Ellery"}),
    # a relative pronoun is itself the mention (PolNeAR marks "who" and "that" as the source)
    ("The guild thanked the alderman who said the toll was dead.", {"said": "who"}),
    ("The council passed two ordinances that promise to cut noise downtown.", {"promise": "that"}),
    # a relative clause inside a passive's reported subject is part of that content: "calls" makes
    # no claim of its own (and "which" is never taken for an author)
    ("The proposal, which calls for a ferry toll, was rejected by the Riverton council.",
     {"calls": "<no claim>", "rejected": "the Riverton council"}),
    ("Alderman Brennan is the only member of the board to have vowed to scrap the ferry toll.",
     {"vowed": "Alderman Brennan"}),
    ("The Riverton Town Board on Monday adopted a resolution condemning the planned quarry.",
     {"condemning": "The Riverton Town Board"}),
    # a day's possessive stays part of the inverted speaker's mention
    ('"We will rebuild," said Friday\'s keynote speaker.', {"said": "Friday's keynote speaker"}),
]


@pytest.mark.parametrize("text, expected", SUBJECT_REPAIRS + SUBJECT_KEPT,
                         ids=[t[:40] for t, _ in SUBJECT_REPAIRS + SUBJECT_KEPT])
def test_subject_repairs(extractor, text, expected):
    check(extractor, text, expected)


@pytest.mark.parametrize("text, expected", [
    ("He said the crew quickly switched to backup power and said the repairs were on schedule.",
     {"said": "He"}),
    ("She said the new posters have drawn crowds to the fair and said that the guild needed volunteers.",
     {"said": "She"}),
])
def test_pronoun_reporter_of_hung_cue(extractor, text, expected):
    record = extractor.extract(text)
    mentions = [text[c["speaker_mention"]["start"]:c["speaker_mention"]["end"]] for c in record["claims"]
                if c["speaker_mention"]]
    assert mentions and set(mentions) == set(expected.values())


# A cue noun that is the object of someone's verb is that someone's view.
NOUN_HOLDERS = [
    ("Since entering the race, Brennan has raised eyebrows with an assertion that the reservoir is empty.",
     {"assertion": "Brennan"}),
    ("And she floated the suggestion that the treasurer should be kept in the dark.", {"suggestion": "she"}),
]

NOUN_HOLDERS += [
    # a name before the noun ("a City Hall statement") is whose it is
    ("The union dismissed a City Hall statement that the talks had stalled.", {"statement": "City Hall"}),
    # a verb tagged as a noun keeps its subject
    ("But Halvorsen claims that her ward deserves a waiver.", {"claims": "Halvorsen"}),
]

NOUN_HOLDERS_KEPT = [
    # no one who could hold a view
    ("The hearing closed with an argument that the toll was unfair.", {"argument": None}),
    # a possessor still wins
    ("The alderman repeated the treasurer's claim that the pension fund was solvent.", {"claim": "the treasurer"}),
]


@pytest.mark.parametrize("text, expected", NOUN_HOLDERS + NOUN_HOLDERS_KEPT,
                         ids=[t[:40] for t, _ in NOUN_HOLDERS + NOUN_HOLDERS_KEPT])
def test_holder_of_a_cue_noun(extractor, text, expected):
    check(extractor, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a gerund after a preposition is its governor's subject's
    ('Vera strums a few chords before asking the councilman, "Tell me, where does the money go?"',
     {"asking": "Vera"}),
    ('She answered his latest letter by saying, "Please, get your facts straight."',
     {"saying": "She"}),
    # a passive governor: its subject, not its agent, did the telling
    ("The referee was booed by the home crowd after telling them that the goal would not count.",
     {"telling": "The referee"}),
    # must not change: what something was taken "as" saying has no speaker
    ("The harbor master's silence was taken as implying that the ferry would not sail.",
     {"implying": "<no claim>"}),
], ids=["before asking", "by saying", "passive after telling", "interpreted as implying"])
def test_gerund_after_a_preposition(extractor, text, expected):
    check(extractor, text, expected)


# A finite cue verb the parser left without a subject: the name it hung elsewhere.
STRANDED = [
    ("Speaking at a fair in Dunmore, Nebraska, Dorsey says the council owes the town an apology.",
     {"says": "Dorsey"}),
    ("Pell, appearing afterwards at a dinner in Ashby, Kansas, never mentioned Brennan in the toast.",
     {"mentioned": "Pell"}),
    ('In a town hall debate this week in Riverton, Greta Lund, the head of the Harbor Workers League, firmly '
     'told a young fisherman that "the harbor will not close on my watch."',
     {"told": "Greta Lund"}),
]

STRANDED_KEPT = [
    # nobody who could speak right before the verb
    ('Dockworkers marching along the pier chanted "Fair pay now!" and kept walking.', {"chanted": None}),
    # a place before the comma is not the speaker
    ("During a visit to Elmsford, Ostmark, on Saturday, Brandt questioned why the library closes on weekends.",
     {"questioned": "Brandt"}),
]


@pytest.mark.parametrize("text, expected", STRANDED + STRANDED_KEPT, ids=[t[:40] for t, _ in STRANDED + STRANDED_KEPT])
def test_stranded_subject(extractor, text, expected):
    check(extractor, text, expected)


@pytest.mark.parametrize("text, expected", [
    # the object of "prompt", "force", "lead" does what it is made to do
    ("The closure of the mill prompted Halvorsen to advocate for a recall.",
     {"advocate": "Halvorsen"}),
    ("This quarrel has led the veteran reporter Tomas Ruud to fear a new blockade.",
     {"fear": "the veteran reporter Tomas Ruud"}),
    # must not change: a cue that governs the infinitive keeps its own speaker; no object, no control
    ("The chair urged members to reject the toll.", {"urged": "The chair"}),
    ("Mayor Ortiz promised to cut fares.", {"promised": "Mayor Ortiz"}),
    # an instrument or a directive's addressee is no doer: "used X to", "invited X to"
    ("The anglers club used its newsletter to urge members to back the levy.",
     {"urge": "The anglers club"}),
    # the inviter, not the invited, is the source of the condemnation asked for
    ("On Monday Brandt invited the neighboring towns to condemn the blockade.", {"condemn": "Brandt"}),
], ids=["prompted to advocate", "led to fear", "urged", "promised", "used to urge", "invited to"])
def test_object_control(extractor, text, expected):
    check(extractor, text, expected)


@pytest.mark.parametrize("text, expected", [
    ('The permits would only get harder to obtain. Said Thorne: "I do not think the board wants change."',
     {"Said": "Thorne"}),
    ("On Monday, the board fined Voss for refusing to hand over the accounts.",
     {"refusing": "Voss"}),
    ("The mayor criticized Brandt for saying that the reservoir was full.",
     {"criticized": "The mayor", "saying": "Brandt"}),
    # must not change: a participle opening the sentence is no inverted frame
    ("Said to be worth millions, the bakery chain announced that it would open new shops.",
     {"announced": "the bakery chain"}),
], ids=["Said Thorne", "fined for refusing", "criticized for saying", "Said to be"])
def test_inverted_frame_and_for_gerund(extractor, text, expected):
    check(extractor, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a perfect participle opening the sentence shares the main clause's subject
    ("Having announced that she would keep the clinic open, Mayor Ortiz went on to present her budget.",
     {"announced": "Mayor Ortiz"}),
    # a share of the people asked, left without a subject by the parser
    ("Roughly 6 in 10 say the harbor tax should be scrapped.", {"say": "Roughly 6 in 10"}),
    # must not change: a number inside the content is nobody
    ("Fares rose by 12 percent in June, the audit said.", {"said": "the audit"}),
], ids=["having announced", "6 in 10 say", "number in content"])
def test_participle_and_share_subjects(extractor, text, expected):
    check(extractor, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a short frame right after a quotation names its speaker, whatever the verb
    ('The clerks compared their notes. "Your figures and my figures," the auditor exclaimed, '
     '"match to the penny."', {"exclaimed": "the auditor"}),
    # must not change: a frame that goes on to say something of its own is no frame
    ('"We shall find out," the warden replied to the residents who had asked about the fence.',
     {"replied": "the warden"}),
], ids=["the auditor exclaimed", "replied to"])
def test_frame_after_a_quotation(extractor, text, expected):
    check(extractor, text, expected)


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


def test_a_verb_opening_the_text_takes_no_word_before_it(nlp):
    # "Warns" is token 0: the word before it would wrap round to the end of the text ("10")
    doc = nlp("Warns the mayor about taxes, up 10")
    verb = doc[0]
    assert stranded_subject(verb, [-1] * len(doc), nlp.get_pipe("claimx_claims").vocab) is None
