"""The ``claimx_claims`` component as a whole: every claim explains itself; no text, no claims."""
import pytest


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
