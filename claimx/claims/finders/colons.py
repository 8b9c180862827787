"""Finder: a speaker label and a colon opening a line ("White House: Russia to negotiate ...")."""
from __future__ import annotations

from spacy.tokens import Span

from ..syntax import trim
from ..reading import Reading
from ..types import Attribution, Rule


def colon_attributions(reading: Reading) -> list[Attribution]:
    """ "White House: Russia to negotiate ..." — a short name, a colon, then what it said."""
    doc, vocab = reading.doc, reading.vocab
    found = []
    for sent in doc.sents:
        colon = next((t for t in sent[:8] if t.text == ":"), None)
        if colon is None or colon.i == sent.start:
            continue
        left = trim(doc, (sent.start, colon.i))
        tokens = doc[left[0]:left[1]]
        # A speaker label is a short name: no verb, a capitalised word, not a heading like "Note:".
        if not (1 <= len(tokens) <= 6) or any(t.pos_ in ("VERB", "AUX") for t in tokens):
            continue
        named = any(t.pos_ == "PROPN" or t.ent_type_ in vocab.agent_labels for t in tokens)
        if not (named or is_capitalised_label(tokens)):
            continue
        if tokens.text.lower() in vocab.colon_labels:
            continue
        content = trim(doc, (colon.i + 1, sent.end), vocab.clause_marks)
        if content[1] - content[0] < 3:
            continue
        found.append(Attribution(content, (colon.i, colon.i + 1), "speech", left, vocab.confidences.colon, Rule.COLON,
                                 path="label"))
    return found


def is_capitalised_label(tokens: Span) -> bool:
    """ "Ortiz: ...", "Survey: ...": one or two capitalised words, which a headline's tagger often takes for nouns."""
    words = [t for t in tokens if t.is_alpha]
    return 1 <= len(words) <= 2 and len(words) == len(tokens) and all(t.is_title or t.is_upper for t in words)
