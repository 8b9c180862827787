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
    # a city naming the market a session is held on; a market that is only talked about
    ("Acme closed on the Lisbon stock market at 12 euros on Friday.", [("Lisbon", "closed", "2021-03-05")]),
    ("Analysts expect the Lisbon stock market to recover.", []),
    ("Acme ended at 12 pence in quiet late trading on Dublin's stock exchange yesterday.",
     [("Dublin", "trading", "2021-03-09")]),
    ("Acme expects London's stock exchange to recover.", []),
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
    ("The ministers signed the pact at the Kremlin on Friday.", [("Kremlin", "pact", "2021-03-05")]),  # signing makes the pact
    ("Analysts said the Louvre accord had lapsed.", [("Louvre", "accord", None)]),
    ("The bill passed in the House of Delegates on Tuesday.", [("House of Delegates", "passed", "2021-03-09")]),
    ("Dr. Slepian was gunned down last October in his home outside Buffalo.", [("Buffalo", "gunned", "2020-10")]),
    # a building with the city it is in is one place; a named event and its city are two venues
    ("The ministers met at the Kremlin in Moscow on Friday.", [("Kremlin in Moscow", "met", "2021-03-05")]),
    ("The council announced the plan at this year's Northern Dairy Congress in Des Moines.",
     [("Northern Dairy Congress", "announced", "2021"), ("Des Moines", "Congress", None)]),
    # places inside names, and an organisation's meeting with no place
    ("The Bank of Portugal raised its rates.", []),
    ("He said it would be discussed at the next council meeting.", []),
    ("The lawsuit was detailed in the Charlotte Observer on Monday.", []),  # a newspaper, not a place
    ("Tens of thousands rallied in a seaside plaza on Friday.", []),  # a plaza, not the Plaza
]

# "here": the dateline's city, as a venue whose text is "here".
HERE = [
    ("HARLOW, March 10 (Reuters) - Ministers of the region met here on Tuesday.",
     [("Harlow", "met", "2021-03-09")]),
    # the dateline's city named in the body is a place, even where the tagger calls it a body
    ("HARLOW, March 10 (Reuters) - Officials said the Harlow meeting would end on Friday.",
     [("Harlow", "meeting", "2021-03-12")]),
    ("HARLOW, March 10 (Reuters) - A meeting of grain traders here ended early.",
     [("Harlow", "meeting", None)]),
    # "here" after a subject is where the people are; the dateline itself is no venue
    ("HARLOW, March 10 (Reuters) - Brokers here said the krone was firm.", []),
    ("HARLOW, March 10 (Reuters) - Buyers weighed low-risk bonds here.", []),
    # reports that reach here came here; an accord reached here was made here
    ("HARLOW, March 10 (Reuters) - All parties agreed on the plan, according to reports reaching here.", []),
    ("HARLOW, March 10 (Reuters) - The accord reached here on Tuesday pleased traders.",
     [("Harlow", "accord", "2021-03-09")]),
    ("HARLOW, March 10 (Reuters) - The minister told reporters here on Tuesday that the plan would work.",
     [("Harlow", "told", "2021-03-09")]),
    ("HARLOW, March 10 (Reuters) - The minister told reporters\nhere on Tuesday that the plan would work.",
     [("Harlow", "told", "2021-03-09")]),  # a line break between the object and "here"
    # the people something is offered to are here, even after a line break
    ("HARLOW, March 10 (Reuters) - \"We expected them to offer a pay deal to staff\nhere in line with "
     "their brand,\" said an employee.", []),
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
    ("Ortega visited the Kansas City area to campaign.", [("Kansas City", "visited", None)]),
    ("The minister began a two-day visit to Riga on Monday.", [("Riga", "visit", "2021-03-08")]),
    ("A meeting of farm ministers in Dublin ended on Tuesday.", [("Dublin", "meeting", "2021-03-09")]),
    ("Vance met Ortiz and Lund today in Portugal.", [("Portugal", "met", "2021-03-10")]),
    # a site acted on: where the attack or the sampling happened; a site sold is only where it is
    ("Gunboats destroyed a drilling rig in the Gulf on Monday.", [("Gulf", "destroyed", "2021-03-08")]),
    ("The firms began sampling the Silver Creek Mine in Lane County, Oregon.",
     [("Silver Creek Mine in Lane County, Oregon", "sampling", None)]),
    ("The firm sold its drilling rig in the Gulf on Monday.", []),
    ("The firm will proceed with development of its gold property in Ontario.", []),  # the property's place
    # a site is where its event is and the place where the site is; what an attack acts on is where it was
    ("The visa applicants will queue today at the Norwegian Interests Section in Havana.",
     [("Havana", "queue", "2021-03-10")]),
    ("Churchill gave a speech at Westminster College in Fulton on May 5, 1946.",
     [("Westminster College in Fulton", "speech", "1946-05-05")]),
    ("The rebels condemned the bombing of the embassies in Lima and Quito.",
     [("Lima", "bombing", None), ("Quito", "bombing", None)]),
    ("The attacks on camps in Sudan were condemned.", [("Sudan", "attacks", None)]),
    ("The group sold two of its embassies in Lima last year.", []),
    ("Nine people were hurt in a Lisbon neighborhood on Friday.", [("Lisbon", "hurt", "2021-03-05")]),
    ("Nine people live in a Lisbon neighborhood.", []),
    ("He was killed at an Ohio shooting range in 2014.", [("Ohio", "killed", "2014")]),
    ("Latvia officially entered the alliance at a brief ceremony held in the port city of Salem, Oregon.",
     [("Salem, Oregon", "ceremony", None)]),
    ("Growth in the city of Lyon slowed.", []),
    ("The plant will be built near the towns of Cashiers and Salem.", []),  # where the plant is
    # "where" after a place whose own verb is no event
    ("She once worked in Perth, where ten people were killed in a fire in 1995.", [("Perth", "killed", "1995")]),
    ("She once worked in Perth, where she has a house.", []),
    # a verb with a particle that makes it an event; the same verb with another particle is a measure
    ("A bomb went off in Lisbon on Friday, police said.", [("Lisbon", "went", "2021-03-05")]),
    ("Prices went up in Lisbon on Friday.", []),
    ("Ruiz said at an event in Grand Rapids that the plan would work.", [("Grand Rapids", "event", None)]),
    ("Ortega looks to the March 22 primary in North Dakota.", [("North Dakota", "primary", "2021-03-22")]),
    ("The bomb outside the French Embassy in Ghana was powerful.", [("French Embassy in Ghana", "bomb", None)]),
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
    ("This has grown too divisive, in both Chile and Denver.", []),  # a state
    ("HARLOW, March 10 (Reuters) - He is suffering more here than he suffered at sea.", []),  # a state
    ("Varga, whose last listed homes were in Idaho and New Mexico, is wanted.", []),  # homes, not speeches
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
    ("After almost four decades in Washington, he has forgotten that.", []),  # a stretch of a state
    # a participle clause with no subject happens when its clause does
    ("Ortega visited Nevada on Sunday, holding a rally in Elko that drew 900 people.",
     [("Nevada", "visited", "2021-03-07"), ("Elko", "rally", "2021-03-07")]),
    ("Chile's entry in May 1985 caused a boycott of the last annual meeting in Lima.",
     [("Lima", "meeting", None)]),  # the entry's date
    # the clause's date, and the infinitive's event noun
    ("Trading ended early today after a quiet session in Zurich.", [("Zurich", "session", "2021-03-10")]),
    ("The strike is set to begin in Halden on Monday.", [("Halden", "strike", "2021-03-15")]),
    # a participle after the event says when it begins, wherever the parser hung it
    ("Dealers await news from currency talks in Lisbon starting March 15.", [("Lisbon", "talks", "2021-03-15")]),
    ("The panel was due to have met in Oslo starting April 2, but the session was put off.",
     [("Oslo", "met", "2021-04-02")]),
    ("Prices rose in Oslo starting April 2.", []),
    # what is done to an event is a later event: its date is not the event's
    ("Norway will seek to strengthen the Lisbon accord tomorrow, officials said.", [("Lisbon", "accord", None)]),
    ("Delegates praised the accord, which was signed in February. They want to strengthen the Lisbon accord "
     "at a meeting tomorrow.", [("Lisbon", "accord", "2021-02")]),
    ("Spain refused to join a meeting in Rome in February.", [("Rome", "meeting", "2021-02")]),  # joining it
    # attacks at one place in one story are one attack, whatever word names them; talks there are not it
    ("Leaders condemned the bombings in Lima. The blasts in Lima on Friday killed ten people.",
     [("Lima", "bombings", "2021-03-05"), ("Lima", "blasts", "2021-03-05")]),
    ("Leaders condemned the bombings in Lima. The talks in Lima on Friday were cancelled.",
     [("Lima", "bombings", None), ("Lima", "talks", "2021-03-05")]),
    # an event noun planned somewhere for a date; a date on the place is the event's
    ("A rally planned at the University of Lund for Saturday was called off.",
     [("University of Lund", "rally", "2021-03-13")]),
    # scheduled for a place: where it will be; scheduled for something else: no place
    ("The dispute is likely to overshadow an EU summit set for Madrid in April.",
     [("Madrid", "summit", "2021-04")]),
    ("A plan set for approval in May was dropped.", []),
    ("The appeal will be heard in June in the 9th Circuit Court of Appeals.",
     [("9th Circuit Court of Appeals", "heard", "2021-06")]),  # a hearing, not a state
    # a date on a figure is the clause's; the date of a figure compared with is not
    ("Acme shares closed on the Lisbon stock market at 12 euros on Friday, up from 11 euros the previous day.",
     [("Lisbon", "closed", "2021-03-05")]),
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

