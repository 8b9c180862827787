"""The finders: each module proposes the attributions of one family of cues.

``propose`` runs them all over a ``Reading`` and returns every candidate they see,
with the features their rules computed (``Attribution``: rule, cue lemma and class,
path, content and source ranges, the rule's confidence).  Choosing among the
candidates is not theirs: ``merge.select`` does it (joining, clipping, deduplicating,
dropping the reported ones), and a learned scorer can take its place on the same
candidates.  The order of the finders is part of the output: among candidates of
equal confidence for the same content, the first proposed is kept.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ...docutil import TokenFinder, string_ids
from ..boundaries import absorb_quotes
from ..reading import Reading
from ..types import Attribution
from ..vocabulary import ClaimsVocabulary
from .adjectives import adjective_attributions
from .colons import colon_attributions
from .markers import document_attributions, hearsay_attributions, marker_attributions
from .nouns import noun_attributions
from .quotations import quote_attributions
from .verbs import verb_attributions


class Shortlist:
    """The tokens each finder starts from, found in the Doc's attribute arrays (``TokenFinder``)
    rather than by visiting every token: the words of the lexicons, as string ids."""

    def __init__(self, strings, vocab: ClaimsVocabulary):
        self.verb_ids = string_ids(strings, vocab.verbs)
        self.open_verbs = vocab.open_verb is not None  # a trained scorer's candidates: every verb
        self.noun_ids = string_ids(strings, vocab.nouns)
        self.adjective_ids = string_ids(strings, vocab.adjectives)
        self.marker_ids = string_ids(strings, {phrase.split()[0] for phrase in vocab.markers})
        self.in_ids = string_ids(strings, ["in"])
        self.hearsay_ids = string_ids(strings, vocab.hearsay_adverbs)
        self.that_ids = string_ids(strings, vocab.clause_marks)  # every mark the generic rule accepts

    def verbs(self, doc: Doc, find: TokenFinder) -> list[int]:
        """Verbs of the lexicon, and verbs heading a "that" clause (the generic rule's candidates)."""
        verbs = set(find.positions("lemma", self.verb_ids))
        verbs.update(doc[i].head.head.i for i in find.positions("lower", self.that_ids))
        if self.open_verbs:
            verbs.update(t.i for t in doc if t.pos_ == "VERB")
        return sorted(verbs)


def propose(reading: Reading, shortlist: Shortlist, min_floating_words: int = 4,
            merge_continuations: bool = False) -> list[Attribution]:
    """Every attribution the finders propose, contents widened over the quotations they end in;
    then the quotations no proposal covers, tied to a verb or to the previous speaker."""
    doc = reading.doc
    find = TokenFinder(doc)
    found = (verb_attributions(reading, shortlist.verbs(doc, find))
             + noun_attributions(reading, find.positions("lemma", shortlist.noun_ids))
             + adjective_attributions(reading, find.positions("lemma", shortlist.adjective_ids))
             + marker_attributions(reading, find.positions("lower", shortlist.marker_ids))
             + document_attributions(reading, find.positions("lower", shortlist.in_ids))
             + hearsay_attributions(reading, find.positions("lower", shortlist.hearsay_ids))
             + colon_attributions(reading))
    absorb_quotes(doc, found, reading.quotes)
    return found + quote_attributions(reading, found, min_floating_words, merge_continuations)
