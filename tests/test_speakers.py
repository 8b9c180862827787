"""Speakers resolved across a text: names, kinds, titles, affiliations, groups, pronouns."""
import json
import shutil

import pytest

from claimx import lexicon
from claimx.errors import ClaimxError
from claimx.record import SCHEMA_FILE
from claimx.speakers.mentions import ROLE_KINDS, SpeakerLexicon


def speakers_of_claims(record):
    by_id = {s["id"]: s for s in record["speakers"]}
    return [by_id[c["speaker"]] if c["speaker"] else None for c in record["claims"]]


def row(speaker):
    if speaker is None:
        return None
    return (speaker["name"], speaker["kind"], speaker["title"], speaker["affiliation"])


CASES = [
    # a full mention, then surname, other title and pronoun: one person
    ("Russian Deputy Foreign Minister Sergei Ryabkov said talks would start. Ryabkov said more would follow. "
     "Vice Minister Ryabkov said the US would send a deputy. He added that he was hopeful.",
     [("Sergei Ryabkov", "person", "Deputy Foreign Minister", "Russia")] * 4),
    # an unnamed source, its acronym form, and "he"
    ("A White House National Security Council spokesperson told AFP that talks would begin. "
     "Negotiations with NATO will follow, he added. A NSC spokesperson said Russia would present concerns.",
     [("White House National Security Council spokesperson", "anonymous", "spokesperson",
       "White House National Security Council")] * 3),
    # media, by name and with a generic head noun
    ("The TASS news agency reported that the talks had begun.", [("TASS", "media", None, None)]),
    # a country speaking
    ("Russia has denied that it plans an invasion.", [("Russia", "government", None, None)]),
    # a title from an apposition
    ("Teresa Quinn, president of the Harbor Workers Union, said the strike would go ahead.",
     [("Teresa Quinn", "person", "president", "Harbor Workers Union")]),
    # a title inside the tagged name
    ('"We heard you," Mayor Elena Vasquez told reporters.', [("Elena Vasquez", "person", "Mayor", None)]),
    # a description resolved to the named person it describes
    ('President Barack Obama spoke on Monday. "We will prevail," the president said.',
     [("Barack Obama", "person", "President", None)]),
    # descriptions resolved to the named source they describe
    ("The New York Times reported that the deal was done. The influential US daily said talks would resume.",
     [("New York Times", "media", None, None)] * 2),
    ("Hillary Clinton, the former first lady, spoke on Monday. The former first lady said she would run.",
     [("Hillary Clinton", "person", "former first lady", None)]),
    # "they" for a pair of names
    ("Tensions rose between the U.S. and Ukrainians as they claim that Russia is preparing an attack.",
     [("U.S. and Ukrainians", "group", None, None)]),
    # a pronoun with nothing to refer to stays unresolved
    ('"I don\'t know," she said.', [None]),
    # a name closed by a company designator is a company, and "it" stands for it
    ("Lyle Inc said sales rose. It said costs fell.", [("Lyle Inc", "organization", None, None)] * 2),
    # a place modifying the speaking noun is not the speaker: the court is
    ("A Berlin court said the sale was void.", [("Berlin court", "organization", None, "Berlin")]),
    ("A senior dealer at a Berlin bank said prices fell.",
     [("senior dealer at a Berlin bank", "anonymous", "dealer", None)]),
    # ... while a place standing for its government speaks
    ("Berlin has said the sale was void.", [("Berlin", "government", None, None)]),
    # a city opening the name of a company already in the story is that company ...
    ("Halden Edison Co said rates would rise. Halden said it would appeal.",
     [("Halden Edison Co", "organization", None, None)] * 2),
    ("MILFORD, Conn., March 3 - Milford Kettle Works Co said it would buy shares. Milford said the price was fair.",
     [("Milford Kettle Works Co", "organization", None, None)] * 2),
    # ... but a country said is its government, a person's name no place, and "the city of" is the city
    ("Trask Restaurants LLC said sales rose. Trask said the price was fair.",
     [("Trask Restaurants LLC", "organization", None, None), ("Trask", "person", None, None)]),
    ("Japan Air Lines Co said fares would rise. Japan said it would study the plan.",
     [("Japan Air Lines Co", "organization", None, None), ("Japan", "government", None, None)]),
    ("Halden Edison Co said rates would rise. The city of Halden said it would appeal.",
     [("Halden Edison Co", "organization", None, None), ("city of Halden", "organization", None, None)]),
    # a place before a paper's noun describes the paper; it is not the paper's name
    ("Floods killed two people, a Hong Kong newspaper reported.",
     [("Hong Kong newspaper", "media", None, None)]),
    # a paper introduced by description is a new source, and "the newspaper" is it again
    ("The Daily Ledger said turnout was low. A Baton Rouge newspaper said the count was late. "
     "The newspaper said the count would end Monday.",
     [("Daily Ledger", "organization", None, None)] + [("Baton Rouge newspaper", "media", None, None)] * 2),
    # a place named as the setting is no antecedent for "it": the company is
    ("Brant Steel Inc said it would list its shares. Trading will be in Tallinn, it said.",
     [("Brant Steel Inc", "organization", None, None)] * 2),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_speaker_resolution(extractor, text, expected):
    assert [row(s) for s in speakers_of_claims(extractor.extract(text))] == expected


def test_a_place_modifying_a_noun_is_no_antecedent(extractor):
    # "a Portland, Maine maker": the place says what the company is like; "it" is never the place
    record = extractor.extract("Lyle Inc said it would buy Dorn Co, a Portland, Maine maker of fishing nets. "
                               "It said the price was fair.")
    names = [s["name"] if s else None for s in speakers_of_claims(record)]
    assert len(names) == 2 and names[0] == "Lyle Inc" and names[1] not in (None, "Portland", "Maine")


def test_group_of_named_members(extractor):
    record = extractor.extract("Council members Ruth Adler and Marcus Green said they would propose higher fees.")
    group = speakers_of_claims(record)[0]
    assert group["kind"] == "group"
    members = [s["name"] for s in record["speakers"] if s["id"] in group["members"]]
    assert members == ["Ruth Adler", "Marcus Green"]


def test_mentions_cover_every_name_form(extractor):
    record = extractor.extract("Sergei Lavrov said talks would start. Minister Lavrov said Russia was ready.")
    [lavrov] = record["speakers"]
    assert [m["text"] for m in lavrov["mentions"]] == ["Sergei Lavrov", "Minister Lavrov"]


def test_distinct_people_stay_apart(extractor):
    record = extractor.extract("John Smith said taxes would rise. Mary Jones said they would not.")
    assert [s["name"] for s in record["speakers"]] == ["John Smith", "Mary Jones"]


def test_role_kinds_are_the_records_speaker_kinds():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert set(schema["$defs"]["speaker"]["properties"]["kind"]["enum"]) == ROLE_KINDS


def test_an_unknown_role_kind_names_file_and_line(tmp_path):
    shutil.copytree(lexicon.models_dir(), tmp_path / "models")
    path = tmp_path / "models" / "speakers" / "role_nouns.tsv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines, 1) if line.startswith("spokesman\t"))
    lines[number - 1] = "spokesman\tanonymus\n"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(ClaimxError) as failure:
        SpeakerLexicon.load(tmp_path / "models")
    assert str(failure.value) == f"{path} line {number}: unknown kind 'anonymus'"
