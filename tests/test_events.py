"""Events and their venues: text -> expected (venue, event, date) for each inclusion and
exclusion of the venue spec (../shared/gold/venues/README.md).  Every table has texts where
nothing must be found.  All sentences are invented; only their grammatical shape matters.
"""
import pytest

PUBLISHED = "2021-03-10"  # a Wednesday


def venues(extractor, text):
    record = extractor.extract(text, published=PUBLISHED)
    return [(v["name"], v["event"], v["date"]) for v in record["venues"]]


def table(cases):
    return pytest.mark.parametrize("text, expected", cases, ids=[c[0][:45] for c in cases])


# A statement made at a place: the place of the verb of speech.
STATEMENTS = [
    ("Minister Okafor told reporters in Lagos on Monday that the plan would work.",
     [("Lagos", "told", "2021-03-08")]),
    ("The envoy said in Lisbon that the talks would resume.", [("Lisbon", "said", None)]),
    ("Hanna Berg told Reuters in Tallinn: \"We will not sign.\"", [("Tallinn", "told", None)]),
    # the speaker's base, not where the statement was made
    ("Officials in Lisbon said the deal was close.", []),
    ("Traders in Oslo and Bergen said the krone would firm.", []),
]

# Market sessions: a place's close, a rate quoted in a place, trading there.
MARKETS = [
    ("The peso ended at 20.15 against Madrid's 20.30 close.", [("Madrid", "close", None)]),
    ("The franc opened at 1.2040 against 1.2075 in Zurich.", [("Zurich", "1.2075", None)]),
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
    ("HARLOW, March 10 (Reuters) - The krone fell against the euro.", []),
    ("Ministers of the region met here on Tuesday.", []),  # no dateline: "here" names no city
]

# Ties beyond a preposition: where, host, is where, a visit, a participant's place.
TIES = [
    ("The delegations moved to Turin, where they met on Friday.", [("Turin", "met", "2021-03-05")]),
    ("Madrid will host the summit in May.", [("Madrid", "summit", "2021-05")]),
    ("Vienna is where the two leaders met in January.", [("Vienna", "met", "2021-01")]),
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
]

# States and figures located in a country, and things located somewhere, are no events.
NOT_EVENTS = [
    ("Output rose 4 pct in Brazil last year.", []),
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
]


@table(STATEMENTS)
def test_statements_made_at_a_place(extractor, text, expected):
    assert venues(extractor, text) == expected


@table(MARKETS)
def test_market_sessions(extractor, text, expected):
    assert venues(extractor, text) == expected


@table(MODIFIERS)
def test_places_modifying_an_event_noun(extractor, text, expected):
    assert venues(extractor, text) == expected


@table(NAMED_PLACES)
def test_organisations_and_named_events_as_places(extractor, text, expected):
    assert venues(extractor, text) == expected


@table(HERE)
def test_here_is_the_dateline_city(extractor, text, expected):
    assert venues(extractor, text) == expected


@table(TIES)
def test_ties_and_what_is_no_tie(extractor, text, expected):
    assert venues(extractor, text) == expected


@table(NOT_EVENTS)
def test_states_figures_and_bases_are_no_events(extractor, text, expected):
    assert venues(extractor, text) == expected


@table(DATES)
def test_an_events_date_is_its_own(extractor, text, expected):
    assert venues(extractor, text) == expected
