"""The claims of a record as the tables of tests/claims/ write them."""


def table(record):
    """(rule, kind, cue, speaker mention, content) of each claim, in reading order."""
    return [(c["rule"], c["kind"], c["cue"] and c["cue"]["text"],
             c["speaker_mention"] and c["speaker_mention"]["text"], c["text"]) for c in record["claims"]]
