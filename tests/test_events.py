"""Events and their venues: text -> expected (venue, event, date) for each inclusion and
exclusion of the venue spec (../shared/gold/venues/README.md).  Every table has texts where
nothing must be found.  All sentences are invented; only their grammatical shape matters.
"""
import pytest

PUBLISHED = "2021-03-10"  # a Wednesday


def venues(extractor, text):
    record = extractor.extract(text, published=PUBLISHED)
    return [(v["name"], v["event"], v["date"]) for v in record["venues"]]


# A statement made at a place: the place of the verb of speech.
STATEMENTS = [
    ("Minister Okafor told reporters in Lagos on Monday that the plan would work.",
     [("Lagos", "told", "2021-03-08")]),
    ("The envoy said in Lisbon that the talks would resume.", [("Lisbon", "said", None)]),
    ("Hanna Berg told Reuters in Tallinn: \"We will not sign.\"", [("Tallinn", "told", None)]),
    # the speaker's base, not where the statement was made
    ("Officials in Lisbon said the deal was close.", []),
    ("The paper quoted Luis Tanaka, currently in Lima, as saying he was hopeful.", []),
    ("Traders in Oslo and Bergen said the krone would firm.", []),
]

# Market sessions: a place's close, a rate quoted in a place, trading there.
MARKETS = [
    ("The peso ended at 20.15 against Madrid's 20.30 close.", [("Madrid", "close", None)]),
    ("The franc opened at 1.2040 against 1.2075 in Zurich.", [("Zurich", "1.2075", None)]),
    ("Its shares are traded in London.", [("London", "traded", None)]),  # a habitual session
    ("Its shares began trading on the Bergen Stock Exchange on Tuesday.",
     [("Bergen Stock Exchange", "trading", "2021-03-09")]),
    # a market's owner, a firm's market: not sessions
    ("Farmers awaited the results of Norway's tender for barley.", []),
    ("Dealers expect Madrid's market to stay quiet.", []),
]

# A place modifying an event noun; a country there is a party, not the place.
MODIFIERS = [
    ("Delegates praised the Lisbon accord on fishing rights.", [("Lisbon", "accord", None)]),
    ("The Stockholm agreement of February 3 set new quotas.", [("Stockholm", "agreement", "2021-02-03")]),
    ("The Turin talks ended without a deal.", [("Turin", "talks", None)]),
    ("The Norway-Sweden talks ended without a deal.", []),
    ("The Paris-Bonn talks ended without a deal.", []),
    ("A Lisbon statement said the ferry was safe.", []),
    ("The Portugal agreement set new quotas.", []),
]

# Organisations, buildings and named events used as places.
NAMED_PLACES = [
    ("The council announced the plan at this year's Northern Dairy Congress.",
     [("Northern Dairy Congress", "announced", "2021")]),
    ("The ministers signed the pact at the Kremlin on Friday.", [("Kremlin", "signed", "2021-03-05")]),
    ("Analysts said the Louvre accord had lapsed.", [("Louvre", "accord", None)]),
    ("The bill passed in the House of Delegates on Tuesday.", [("House of Delegates", "passed", "2021-03-09")]),
    # places inside names, and an organisation's meeting with no place
    ("The Bank of Portugal raised its rates.", []),
    ("He said it would be discussed at the next council meeting.", []),
]

# "here": the dateline's city, as a venue whose text is "here".
HERE = [
    ("HARLOW, March 10 (Reuters) - Ministers of the region met here on Tuesday.",
     [("Harlow", "met", "2021-03-09")]),
    ("HARLOW, March 10 (Reuters) - A meeting of grain traders here ended early.",
     [("Harlow", "meeting", None)]),
    # "here" after a subject is where the people are; the dateline itself is no venue
    ("HARLOW, March 10 (Reuters) - Brokers here said the krone was firm.", []),
    ("HARLOW, March 10 (Reuters) - Buyers weighed low-risk bonds here.", []),
    ("HARLOW, March 10 (Reuters) - The krone fell against the euro.", []),
    ("Ministers of the region met here on Tuesday.", []),  # no dateline: "here" names no city
]

# Ties beyond a preposition: where, host, is where, a visit, a participant's place.
TIES = [
    ("The delegations moved to Turin, where they met on Friday.", [("Turin", "met", "2021-03-05")]),
    ("Talks moved to Paris, where the committee meets every week.", [("Paris", "meets", None)]),
    ("Madrid will host the summit in May.", [("Madrid", "summit", "2021-05")]),
    ("Vienna is where the two leaders met in January.", [("Vienna", "met", "2021-01")]),
    ("He may visit the U.S. To open the fair.", [("U.S.", "visit", None)]),
    ("The premier will visit Norway and Finland next week.",
     [("Norway", "visit", "2021-W11"), ("Finland", "visit", "2021-W11")]),
    ("The minister began a two-day visit to Riga on Monday.", [("Riga", "visit", "2021-03-08")]),
    ("A meeting of farm ministers in Dublin ended on Tuesday.", [("Dublin", "meeting", "2021-03-09")]),
    ("Vance met Ortiz and Lund today in Portugal.", [("Portugal", "met", "2021-03-10")]),
    # a base clause, a destination, an origin, a participant, a topic
    ("The firm moved to Delaware, where it is incorporated.", []),
    ("The minister returned to Riga on Monday.", []),
    ("She arrived in Warsaw late on Sunday.", []),
    ("He left Vienna for Prague.", []),
    ("Talks with Norway resumed.", []),
    ("Talks on Cyprus stalled.", []),
    ("Protests came from Lyon, where the union tries to block the sale.", []),  # what the place is like
    ("The pressure came from Paris, where the Commission tries to limit spending.", []),
    ("Visiting U.S. Under-Secretary Jane Hale told reporters the plan would work.", []),  # not the place visited
]

# States and figures located in a country, and things located somewhere, are no events.
NOT_EVENTS = [
    ("Output rose 4 pct in Brazil last year.", []),
    ("Prices rose 4 pct in Lyon last year.", []),
    ("The industry suffered in Brazil last year.", []),  # a country's state: no social event
    ("Most of its gold is held in Zurich.", []),
    ("Gains were reported in Ohio and Texas, which rose by seven and six.", []),
    ("Its shares are noted in Geneva and Milan.", []),
    ("The U.N. plan calls for 90 billion dlrs of farm spending in Kenya over ten years.", []),
    ("The ministers discussed markets in Geneva on Monday.", []),  # the markets are there
    ("Production in Chile fell sharply.", []),
    ("A firm based in Leeds bought the mill.", []),
    ("The group agreed to sell its hotel in Bristol.", []),
    ("Only 40 wells were drilled in Ector County last year.", []),
    ("The company has a plant in Gdansk.", []),
    ("The plan met with approval in Ottawa.", []),
]

# An event's date is its own: its clause's, else the same event's elsewhere, else none.
DATES = [
    ("The talks will be held in Geneva on January 10.", [("Geneva", "talks", "2022-01-10")]),
    ("Officials will hold talks in Bergen next month. The talks, starting on April 6, will cover quotas.",
     [("Bergen", "talks", "2021-04-06")]),
    ("Leaders will meet in Oslo next month. They will spend April 3-4 in Oslo.",
     [("Oslo", "meet", "2021-04-03"), ("Oslo", "spend", "2021-04-03")]),
    # the date of another event in the sentence is not the venue's
    ("Speaking at a meeting in Perth, he said sales rose last year.", [("Perth", "meeting", None)]),
    ("The committee has been meeting for the past three weeks in Rome.", [("Rome", "meeting", None)]),
    ("Chile's entry in May 1985 caused a boycott of the last annual meeting in Lima.",
     [("Lima", "meeting", None)]),  # the entry's date
    # the clause's date, and the infinitive's event noun
    ("Trading ended early today after a quiet session in Zurich.", [("Zurich", "session", "2021-03-10")]),
    ("The strike is set to begin in Halden on Monday.", [("Halden", "strike", "2021-03-15")]),
]


TABLES = {"statement made at a place": STATEMENTS, "market session": MARKETS, "modifier": MODIFIERS,
          "named place": NAMED_PLACES, "here": HERE, "tie": TIES, "no event": NOT_EVENTS, "own date": DATES}
CASES = [(text, expected) for cases in TABLES.values() for text, expected in cases]


@pytest.mark.parametrize("text, expected", CASES,
                         ids=[f"{name}: {text[:40]}" for name, cases in TABLES.items() for text, _ in cases])
def test_venue_event_and_date(extractor, text, expected):
    assert venues(extractor, text) == expected


def test_an_acronym_the_story_also_tags_as_a_body_is_no_place(nlp):
    # The tagger's labels are set by hand here: it calls the same acronym a place once and a body once.
    from spacy.tokens import Span

    doc = nlp("The ministers met at ITSO on May 4. The ITSO has 30 members.")
    first, second = [t.i for t in doc if t.text == "ITSO"]
    events = nlp.get_pipe("claimx_events")
    doc.ents = [Span(doc, first, first + 1, label="GPE"), Span(doc, second, second + 1, label="ORG")]
    assert events(doc)._.claimx_venues == []
    doc.ents = [Span(doc, i, i + 1, label="GPE") for i in (first, second)]  # never a body: a place
    assert [(v["name"], v["event"]) for v in events(doc)._.claimx_venues] == [("ITSO", "met")]


def reparsed(nlp, text, heads=None, ents=None):
    """``text`` parsed, then given the heads and entity labels of a parse the parser sometimes
    makes (``heads``: {token: (head, dep)}; ``ents``: [(start, end, label)]), and claimx's
    components run over it: the parse corrections are tested on the very attachment they correct."""
    from spacy.tokens import Doc

    tokens = list(nlp(text))
    heads = heads or {}
    labels = ([(t.i, t.i + 1, t.ent_type_) for t in tokens if t.ent_type_] if ents is None else ents)
    iob = ["O"] * len(tokens)
    for start, end, label in labels:
        iob[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
    doc = Doc(nlp.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens],
              pos=[t.pos_ for t in tokens], tags=[t.tag_ for t in tokens], lemmas=[t.lemma_ for t in tokens],
              heads=[heads.get(t.i, (t.head.i, t.dep_))[0] for t in tokens],
              deps=[heads.get(t.i, (t.head.i, t.dep_))[1] for t in tokens], ents=iob)
    doc._.claimx_published = PUBLISHED
    for name in ("claimx_textfacts", "claimx_dates", "claimx_claims", "claimx_speakers", "claimx_events"):
        doc = nlp.get_pipe(name)(doc)
    return [(v["name"], v["event"], v["date"]) for v in doc._.claimx_venues]


def test_a_place_after_a_clause_date_is_the_clauses(nlp):
    # "Vance met Hale and Lund today in Portugal and agreed": parsed with Lund as the subject of
    # "agreed", the date and the place hung on Lund.  The place after the date is the clause's.
    text = "Vance met Hale and Lund today in Portugal and agreed to act."
    words = text.replace(".", " .").split()
    lund, today, inn, agreed = (words.index(w) for w in ("Lund", "today", "in", "agreed"))
    heads = {lund: (agreed, "nsubj"), today: (lund, "npadvmod"), inn: (lund, "prep")}
    assert reparsed(nlp, text, heads) == [("Portugal", "agreed", "2021-03-10")]
    assert reparsed(nlp, "Hale and Lund today said in Portugal that they agreed.") == \
        [("Portugal", "said", "2021-03-10")]


def test_a_place_after_a_located_thing_is_the_things(nlp):
    # The parser hung "in Lyon" on the verb; the office is what is in Lyon.
    text = "The ministers discussed the office in Geneva on Monday."
    words = text.replace(".", " .").split()
    heads = {words.index("in"): (words.index("discussed"), "prep")}
    assert reparsed(nlp, text, heads) == []
    text = "The ministers discussed the plan in Geneva on Monday."  # what they discussed is no thing there
    assert reparsed(nlp, text, {words.index("in"): (words.index("discussed"), "prep")}) == \
        [("Geneva", "discussed", "2021-03-08")]


def test_a_place_inside_a_name_the_tagger_split_is_no_place(nlp):
    # "the Central Authority of Malta auctions", tagged as a body and a place, the place made
    # the modifier of "auctions": it is inside the body's name.
    text = "Banks will back the Central Authority of Malta auctions."
    words = text.replace(".", " .").split()
    central, malta, auctions = (words.index(w) for w in ("Central", "Malta", "auctions"))
    heads = {malta: (auctions, "nmod")}
    assert reparsed(nlp, text, heads, ents=[(central, central + 2, "ORG"), (malta, malta + 1, "GPE")]) == []
    text = "Banks will back the Malta auctions."
    assert reparsed(nlp, text, ents=[(4, 5, "GPE")]) == [("Malta", "auctions", None)]
