"""The names the claim rules write into records are those the JSON Schema lists."""
import json

import pytest
from jsonschema import Draft202012Validator, ValidationError

from claimx.claims.types import Rule
from claimx.claims.vocabulary import CLASSES
from claimx.record import SCHEMA_FILE

SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
CLAIM = SCHEMA["$defs"]["claim"]["properties"]


def test_every_rule_is_in_the_schema_and_no_other():
    assert set(CLAIM["rule"]["enum"]) == {rule.value for rule in Rule} | {None}


def test_every_cue_class_is_in_the_schema_and_no_other():
    [_, span] = CLAIM["cue"]["oneOf"]
    classes = span["allOf"][1]["properties"]["class"]["enum"]
    assert set(classes) == CLASSES | {None}


def test_a_record_with_an_unknown_rule_is_invalid(extractor):
    record = extractor.extract("The minister said that the talks had failed.")
    Draft202012Validator(SCHEMA).validate(record)
    record["claims"][0]["rule"] = "reporting verbs"
    with pytest.raises(ValidationError):
        Draft202012Validator(SCHEMA).validate(record)
