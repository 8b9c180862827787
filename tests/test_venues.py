"""Venues in the record: each is tied to its event (event_id), which lists it back; datelines
and bystander places are not venues.  (tests/test_events.py has the rules, one table each.)"""
import pytest

CASES = [
    ("Negotiations will be held in Geneva on January 10.", [("Geneva", "Negotiations")]),
    ("Ryabkov said Russia-NATO talks will take place in Brussels, Belgium on the 12th.",
     [("Brussels, Belgium", "talks")]),
    ("Geneva, Switzerland is where Putin and Biden met for the first time in June.",
     [("Geneva, Switzerland", "met")]),
    ("The summit in Paris ended without a deal.", [("Paris", "summit")]),
    ("Clinton spoke at a rally in Ohio on Tuesday.", [("Ohio", "rally")]),
    # a dateline is not a venue
    ("GENEVA, Dec 28 (Reuters) - Officials said prices rose.", []),
    # places that are not where an event happens
    ("Tensions over Ukraine have escalated.", []),
    ("Russia sent troops to neighboring Ukraine.", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] or "empty" for c in CASES])
def test_venues(extractor, text, expected):
    record = extractor.extract(text)
    assert [(v["name"], v["event"]) for v in record["venues"]] == expected


def test_a_venue_and_its_event_point_at_each_other(extractor):
    record = extractor.extract("“We will win,” Smith said. Talks will be held in Geneva on January 10.",
                               published="2021-12-29")
    events = {e["id"]: e for e in record["events"]}
    [venue] = record["venues"]
    event = events[venue["event_id"]]
    assert (event["text"], event["kind"], event["venue_ids"]) == ("Talks", "meeting", [venue["id"]])
    assert venue["date"] == event["date"] == "2022-01-10" and venue["date_ids"] == event["date_ids"]
    assert venue["rule"] == "prep" and venue["text"] == "Geneva"


def test_here_is_named_for_the_dateline_city(extractor):
    record = extractor.extract("LISBON, March 10 (Reuters) - Farm ministers met here on Tuesday.",
                               published="2021-03-10")
    [venue] = record["venues"]
    assert (venue["text"], venue["name"], venue["event"], venue["date"]) == ("here", "Lisbon", "met", "2021-03-09")


def test_the_claims_that_report_an_event(extractor):
    record = extractor.extract("The minister told reporters in Lisbon that the talks in Oslo had failed.",
                               published="2021-03-10")
    claims = record["claims"]
    by_text = {e["text"]: e for e in record["events"]}
    assert by_text["told"]["claim_ids"] == [claims[0]["id"]]  # its cue
    assert by_text["talks"]["claim_ids"] == [claims[0]["id"]]  # in its content


def test_the_former_name_makes_the_same_component(nlp):
    # Pipelines built with "claimx_venues" go on working: it is the events component.
    from claimx.components.events import EventFinder

    nlp.add_pipe("claimx_venues", name="claimx_venues_alias", config={"models": None})
    try:
        pipe = nlp.get_pipe("claimx_venues_alias")
        assert isinstance(pipe, EventFinder)
        doc = pipe(nlp("The summit in Paris ended without a deal."))
        assert [(v["name"], v["event"]) for v in doc._.claimx_venues] == [("Paris", "summit")]
        assert [e["text"] for e in doc._.claimx_events] == ["summit"]
    finally:
        nlp.remove_pipe("claimx_venues_alias")
