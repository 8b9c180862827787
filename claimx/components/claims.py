"""``claimx_claims``: who claimed what — content, cue, kind and the speaker's mention.

The rules live in ``claimx.claims`` (``finders/`` one module per family of cues); this component runs them in order
and writes plain data to ``doc._.claimx_claims`` (character offsets into
``doc.text``) and the content spans to ``doc.spans["claimx_claims"]``.
Speakers are resolved afterwards by ``claimx_speakers`` (``doc._.claimx_claim_speakers``).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..claims import merge
from ..claims.boundaries import absorb_quotes
from ..claims.finders.adjectives import adjective_attributions
from ..claims.finders.colons import colon_attributions
from ..claims.finders.markers import document_attributions, hearsay_attributions, marker_attributions
from ..claims.finders.nouns import noun_attributions
from ..claims.finders.quotations import quote_attributions
from ..claims.finders.verbs import verb_attributions
from ..claims.quotes import find_quotes
from ..claims.reading import in_quote_index, quote_spans
from ..claims.syntax import as_span
from ..claims.types import Attribution
from ..claims.vocabulary import ClaimsVocabulary
from ..docutil import TokenFinder, doc_text, string_ids
from . import ClaimxComponent


class ClaimFinder(ClaimxComponent):
    result_attr = "claims"

    def __init__(self, nlp: Language, name: str, models: str | None = None, min_floating_words: int = 4,
                 merge_continuations: bool = False):
        super().__init__(nlp, name, models)
        self.strings = nlp.vocab
        self.min_floating_words = min_floating_words
        self.merge_continuations = merge_continuations

    def load(self, models) -> None:
        self.vocab = ClaimsVocabulary.load(models)
        strings = self.strings
        # The words each rule starts from, as string ids, to shortlist tokens without visiting all.
        self.verb_ids = string_ids(strings, self.vocab.verbs)
        self.noun_ids = string_ids(strings, self.vocab.nouns)
        self.adjective_ids = string_ids(strings, self.vocab.adjectives)
        self.marker_ids = string_ids(strings, {phrase.split()[0] for phrase in self.vocab.markers})
        self.in_ids = string_ids(strings, ["in"])
        self.hearsay_ids = string_ids(strings, self.vocab.hearsay_adverbs)
        self.that_ids = string_ids(strings, self.vocab.clause_marks)  # every mark the generic rule accepts

    def process(self, doc: Doc) -> list[dict]:
        text = doc_text(doc)
        vocab = self.vocab
        quotes = quote_spans(doc, find_quotes(text))
        in_quote = in_quote_index(doc, quotes)
        find = TokenFinder(doc)
        # Verbs of the lexicon, and verbs heading a "that" clause (the generic rule's candidates).
        verbs = set(find.positions("lemma", self.verb_ids))
        verbs.update(doc[i].head.head.i for i in find.positions("lower", self.that_ids))
        found = (verb_attributions(doc, vocab, in_quote, sorted(verbs))
                 + noun_attributions(doc, vocab, in_quote, find.positions("lemma", self.noun_ids))
                 + adjective_attributions(doc, vocab, in_quote, find.positions("lemma", self.adjective_ids))
                 + marker_attributions(doc, vocab, in_quote, find.positions("lower", self.marker_ids))
                 + document_attributions(doc, vocab, in_quote, find.positions("lower", self.in_ids))
                 + hearsay_attributions(doc, vocab, in_quote, find.positions("lower", self.hearsay_ids))
                 + colon_attributions(doc, vocab))
        absorb_quotes(doc, found, quotes)
        found += quote_attributions(doc, vocab, found, quotes, in_quote, self.min_floating_words,
                                    self.merge_continuations)
        found = merge.join_interrupted_quotes(doc, found)
        found = merge.deduplicate(merge.clip_datelines(doc, found, dateline_chars(doc)))
        found = merge.drop_reported_states(found, doc)
        doc.spans["claimx_claims"] = [as_span(doc, a.content) for a in found]
        return [self._as_data(doc, a) for a in found]

    @staticmethod
    def _as_data(doc: Doc, a: Attribution) -> dict:
        def chars(r):
            span = doc[r[0]:r[1]]
            return {"start": span.start_char, "end": span.end_char}

        return {
            **chars(a.content),
            "kind": a.kind,
            "cue": {**chars(a.cue), "class": a.cue_class} if a.cue else None,
            "speaker_mention": chars(a.source) if a.source else None,
            "segments": [chars(r) for r in a.segments] if a.segments else None,
            "confidence": a.confidence,
            "rule": a.rule.value,
        }


def dateline_chars(doc: Doc) -> list[tuple[int, int]]:
    """The dateline's (start, end) characters, as claimx_textfacts found it (none without that component)."""
    dateline = doc._.claimx_dateline
    return [(dateline["start"], dateline["end"])] if dateline else []


@Language.factory("claimx_claims", default_config={"models": None, "min_floating_words": 4,
                                                  "merge_continuations": False},
                  requires=["doc._.claimx_dateline", "token.dep", "token.head", "token.pos", "token.tag", "token.lemma",
                            "token.ent_type", "token.ent_iob", "token.is_sent_start"],
                  assigns=["doc._.claimx_claims", "doc.spans"])
def make_claims(nlp: Language, name: str, models: str | None, min_floating_words: int,
                merge_continuations: bool) -> ClaimFinder:
    return ClaimFinder(nlp, name, models, min_floating_words, merge_continuations)
