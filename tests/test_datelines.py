"""Datelines: the place, date and agency a wire story opens with, found once for every component."""
import pytest

from claimx import lexicon
from claimx.datelines import DatelineFinder, in_dateline
from claimx.errors import ClaimxError


@pytest.fixture(scope="module")
def finder():
    months = [row["name"] for row in lexicon.table("temporal/months.tsv")]
    return DatelineFinder(lexicon.lines("text/dateline_patterns.txt"), months)


def parts(text, found):
    if found is None:
        return None
    return (text[slice(*found.place)], found.name, found.date and text[slice(*found.date)],
            found.agency and text[slice(*found.agency)], text[found.end:found.end + 4])


CASES = [
    # text, (place, name, date, agency, first words after it) or None
    ("OSTRAVA, Feb 27 - The mill's output rose", ("OSTRAVA", "Ostrava", "Feb 27", None, "The ")),
    ("PORT HALDEN, June 3 (Claimx Wire) - Dockworkers voted",
     ("PORT HALDEN", "Port Halden", "June 3", "Claimx Wire", "Dock")),
    # a date in capitals, a state after the city, a state with no comma before the date
    ("NEW YORK, MARCH 31 - Brant Corp said", ("NEW YORK", "New York", "MARCH 31", None, "Bran")),
    ("PORTLAND, Ore., Feb 26 - Lintel Inns said", ("PORTLAND, Ore.", "Portland", "Feb 26", None, "Lint")),
    ("RICHMOND, Va. Feb 26 - Payout held steady", ("RICHMOND, Va.", "Richmond", "Feb 26", None, "Payo")),
    # a country after "the"; a mistyped date (a capitalised word and a number): a dateline, its date unread
    ("ARNHEM, the Netherlands, April 1 - Enkor BV said", ("ARNHEM, the Netherlands", "Arnhem", "April 1", None, "Enko")),
    ("ROSEMONT, Ill., Macrh 31 - Lyphor Inc said", ("ROSEMONT, Ill.", "Rosemont", None, None, "Lyph")),
    ("BOSTON, March 187 - Eastern Utilities said", ("BOSTON", "Boston", None, None, "East")),
    # a space before the comma: the city still ends at its word
    ("ELMDALE , N.J., March 2 - Vortan Systems Inc said", ("ELMDALE , N.J.", "Elmdale", "March 2", None, "Vort")),
    ("ST. LOUIS, March 3 - Grain moved", ("ST. LOUIS", "St. Louis", "March 3", None, "Grai")),
    # a place in mixed case needs its date
    ("Scarborough, Ontario, Feb 26 - Net loss narrowed", ("Scarborough, Ontario", "Scarborough", "Feb 26", None, "Net ")),
    ("Toronto, Feb 26 - Marlow Trust said", ("Toronto", "Toronto", "Feb 26", None, "Marl")),
    # a year, an agency, an underscore or a long dash; no date at all
    ("KUALA LUMPUR, April 1, 1997 (AFP) - Ministers met", ("KUALA LUMPUR", "Kuala Lumpur", "April 1, 1997", "AFP", "Mini")),
    ("NAIROBI, Kenya, Aug. 7 (AP) _ Crowds gathered", ("NAIROBI, Kenya", "Nairobi", "Aug. 7", "AP", "Crow")),
    ("GENEVA (AP) — Talks resumed", ("GENEVA", "Geneva", None, "AP", "Talk")),
    ("WASHINGTON—Senator Ruiz said", ("WASHINGTON", "Washington", None, None, "Sena")),
    ("MILLBROOK -- Chancellor Vance said", ("MILLBROOK", "Millbrook", None, None, "Chan")),
    # under a headline and a byline: the first paragraphs are searched
    ("Strike Looms at Port\n\nBy Ana Ruiz\n\nPORT HALDEN (Claimx Wire) - Dockworkers voted",
     ("PORT HALDEN", "Port Halden", None, "Claimx Wire", "Dock")),
    # the city as the story itself spells it
    ("MCALLEN, Texas, May 2 - Officials in McAllen said", ("MCALLEN, Texas", "McAllen", "May 2", None, "Offi")),
    # not datelines: a hyphenated compound, an aside after a name, a number, a date alone
    ("U.S.-China talks resumed on Monday.", None),
    ("The NAACP -- the oldest group -- said", None),
    ("Chapter 11 - the filing", None),
    ("May 5 - the deadline", None),
    ("Sales rose, Item 4 - the filing", None),
    ("EXCLUSIVE – Senator Ruiz said the vote would fail", None),
    ("UPDATE 2 - Brant Corp said", None),
    ("Talks ended.\n\nOfficials said.\n\nNothing.\n\nLater.\n\nGENEVA (AP) - Too far down", None),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_dateline_parts(finder, text, expected):
    assert parts(text, finder.find(text)) == expected


def test_dateline_as_data_is_plain_and_marks_its_characters(finder):
    text = "OSTRAVA, Feb 27 - The mill's output rose"
    data = finder.find(text).as_data()
    assert data == {"start": 0, "end": 18, "place": [0, 7], "city": [0, 7], "name": "Ostrava",
                    "date": [9, 15], "agency": None}
    assert in_dateline(data, 0, 7) and in_dateline(data, 9, 15)
    assert not in_dateline(data, 18, 21) and not in_dateline(None, 0, 7)


@pytest.mark.parametrize("pattern, message", [
    ("^(?P<place>[A-Z]+", "models/x.txt: pattern 1 is not a valid regular expression: missing ), "
                           "unterminated subpattern at position 1"),
    ("^[A-Z]+ - ", "models/x.txt: pattern 1 has no (?P<place>...) group"),
])
def test_a_bad_pattern_is_one_clear_error(pattern, message):
    with pytest.raises(ClaimxError) as failure:
        DatelineFinder([pattern], ["may"], source="models/x.txt")
    assert str(failure.value) == message


@pytest.mark.parametrize("text, dateline, speakers, venues", [
    # the dateline's place is never a speaker, a venue or part of a claim; its date is a date
    ("OSTRAVA, Feb 27 - Brant Steel said on Monday it would cut output.",
     "Ostrava", ["Brant Steel"], []),
    # "it" is the company, not the city the story was filed from
    ("ZURICH, March 3 - It said profits rose.\n    The bank said its Geneva talks on March 10 would go ahead.",
     "Zurich", ["bank"], ["Geneva"]),
    # a relative "which" the parser hung on the dateline's place stands for the name after the dateline
    ("OSTRAVA, May 2 - Brant Steel Inc, which earlier announced a loss, said it would cut output.",
     "Ostrava", ["Brant Steel Inc"], []),
])
def test_components_read_the_dateline(extractor, text, dateline, speakers, venues):
    record = extractor.extract(text, published="1987-03-03")
    assert [s["name"] for s in record["speakers"]] == speakers
    assert [v["name"] for v in record["venues"]] == venues
    assert not any(dateline.lower() in (c["text"] or "").lower() for c in record["claims"])
    assert any(d["text"] in ("Feb 27", "March 3", "May 2") for d in record["dates"])
