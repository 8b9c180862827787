"""The claims of a record as the tables of tests/claims/ write them.

Each case of a finder's table is a text and the claims it must give, in reading order, as
(rule, kind, cue, speaker mention, content); ``[]`` where it must find nothing.  The rule
is the finder that proposed the claim kept; a case is in the file of its first claim's rule.
"""


def table(record):
    """(rule, kind, cue, speaker mention, content) of each claim, in reading order."""
    return [(c["rule"], c["kind"], c["cue"] and c["cue"]["text"],
             c["speaker_mention"] and c["speaker_mention"]["text"], c["text"]) for c in record["claims"]]
