"""``claimx/claims/merge.py``: the claims kept from the finders' proposals (joined, clipped,
deduplicated, reported ones dropped)."""
import pytest


def test_nested_attribution_gives_two_claims(extractor):
    record = extractor.extract("According to the TASS news agency, Ryabkov confirmed that talks will start.")
    assert [(c["cue"]["text"], c["speaker_mention"]["text"]) for c in record["claims"]] == [
        ("According to", "the TASS news agency"), ("confirmed", "Ryabkov")]


def test_dateline_is_not_content(extractor):
    text = "PORT HALDEN, June 3 (Claimx Wire) - Dockworkers voted to strike on Thursday, union leaders said."
    [claim] = extractor.extract(text)["claims"]
    assert claim["text"] == "Dockworkers voted to strike on Thursday"


@pytest.mark.parametrize("text, content, speaker", [
    # a dateline opening the paragraph under a headline is clipped too
    ("Strike Looms at Port.\n\nPORT HALDEN (Claimx Wire) - Dockworkers voted to strike on Thursday, union leaders said.",
     "Dockworkers voted to strike on Thursday", "union leaders"),
    # a headline above the dateline keeps its own speaker
    ("Vasquez Says Port Will Reopen Soon.\n\nPORT HALDEN (Claimx Wire) - The port reopened on Friday.",
     "Port Will Reopen Soon", "Vasquez"),
])
def test_dateline_below_a_headline_is_not_content(extractor, text, content, speaker):
    [claim] = extractor.extract(text)["claims"]
    assert (claim["text"], claim["speaker_mention"]["text"]) == (content, speaker)
