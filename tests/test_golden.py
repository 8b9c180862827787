"""Golden records: each story in samples/ against its expected JSON in samples/expected/.

After an intended change, rewrite them with ``python -m pytest tests/test_golden.py
--update-golden`` and review the diff before committing.
"""
import json

import pytest
from jsonschema import Draft202012Validator

from claimx.ingest import read_article
from claimx.record import SCHEMA_FILE
from conftest import ROOT

SAMPLES = sorted(p.name for p in (ROOT / "samples").glob("*.txt"))
VALIDATOR = Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def record_for(extractor, name, monkeypatch):
    monkeypatch.chdir(ROOT)  # the record's "source" is the path as given
    record = extractor.extract_article(read_article(f"samples/{name}"))
    record.pop("model")  # which installed pipeline ran depends on the machine
    return record


def test_there_are_samples():
    assert "geneva-talks.txt" in SAMPLES and len(SAMPLES) >= 3


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_matches_golden(extractor, name, monkeypatch, request):
    record = record_for(extractor, name, monkeypatch)
    golden = ROOT / "samples" / "expected" / (name.rsplit(".", 1)[0] + ".json")
    if request.config.getoption("--update-golden"):
        golden.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert record == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_record_is_valid_and_offsets_hold(extractor, name, monkeypatch):
    record = record_for(extractor, name, monkeypatch)
    VALIDATOR.validate(record)
    text = (ROOT / "samples" / name).read_text(encoding="utf-8")
    spans = [*record["claims"], *record["dates"],
             *(c["cue"] for c in record["claims"] if c["cue"]),
             *(c["speaker_mention"] for c in record["claims"] if c["speaker_mention"]),
             *(m for s in record["speakers"] for m in s["mentions"])]
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"]
    for item in [*record["venues"], *record["events"]]:
        assert text[item["start"]:item["end"]] == item["text"]
    ids = {x["id"] for x in [*record["speakers"], *record["dates"], *record["venues"], *record["claims"]]}
    for claim in record["claims"]:
        assert claim["speaker"] is None or claim["speaker"] in ids
        assert set(claim["date_ids"]) | set(claim["venue_ids"]) <= ids
    events = {e["id"]: e for e in record["events"]}
    for venue in record["venues"]:  # every venue belongs to an event, which lists it back
        assert venue["id"] in events[venue["event_id"]]["venue_ids"] and set(venue["date_ids"]) <= ids
    for event in record["events"]:
        assert set(event["date_ids"]) | set(event["venue_ids"]) | set(event["claim_ids"]) <= ids


def test_the_schema_checks_events(extractor, monkeypatch):
    record = record_for(extractor, "geneva-talks.txt", monkeypatch)
    assert record["events"] and all(v["event_id"] for v in record["venues"])
    VALIDATOR.validate(record)
    broken = {**record, "events": [{**record["events"][0], "kind": "party"}, *record["events"][1:]]}
    assert [e.message for e in VALIDATOR.iter_errors(broken)] == [
        "'party' is not one of ['meeting', 'statement', 'legal', 'market', 'conflict', 'other']"]
    broken = {**record, "venues": [{**record["venues"][0], "event_id": "v1"}]}
    assert [e.message for e in VALIDATOR.iter_errors(broken)] == ["'v1' does not match '^e[0-9]+$'"]
