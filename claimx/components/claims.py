"""``claimx_claims``: who claimed what — content, cue, kind and the speaker's mention.

The rules live in ``claimx.claims``: ``finders.propose`` gives every candidate the
finders see (one module per family of cues, ``claimx/claims/finders/``) and the
trained scorer (``claims.scorer``, weights ``models/claims/scorer.npz``; setting
``scorer: "claims/scorer"``) keeps the claims, its calibrated probability as their
confidence; by default (``scorer`` null) the hand rules' ``merge.select`` keeps them.  A scorer trained on generous candidates
(its metadata says so) also gets those of the low-precision verbs
(``models/claims/generous_verbs.tsv``).  This component runs the two over a ``Reading``
of the Doc and writes plain data to ``doc._.claimx_claims`` (character offsets into
``doc.text``) and the content spans to ``doc.spans["claimx_claims"]``.  Speakers are
resolved afterwards by ``claimx_speakers`` (``doc._.claimx_claim_speakers``).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..claims.finders import Shortlist, propose
from ..claims.merge import prepare, rules_choose
from ..claims.reading import Reading
from ..claims.scorer import Scorer
from ..claims.syntax import as_span
from ..claims.types import Attribution
from ..claims.vocabulary import ClaimsVocabulary
from . import ClaimxComponent


# The shipped scorer's name in the models folder (claims/scorer.npz and .json); the default keeps the hand
# rules until the scorer also holds the seed article's bar (docs/accuracy.md, "The trained claim scorer").
SHIPPED_SCORER = "claims/scorer"
SCORER = None


class ClaimFinder(ClaimxComponent):
    result_attr = "claims"

    def __init__(self, nlp: Language, name: str, models: str | None = None, min_floating_words: int = 4,
                 merge_continuations: bool = True, scorer: str | None = SCORER):
        super().__init__(nlp, name, models)
        self.strings = nlp.vocab
        self.min_floating_words = min_floating_words
        self.merge_continuations = merge_continuations
        self.scorer_name = scorer

    def load(self, models) -> None:
        self.scorer = Scorer.load(self.scorer_name, models) if self.scorer_name else None
        self.vocab = ClaimsVocabulary.load(models)
        if self.scorer is not None and self.scorer.meta.get("generous"):
            self.use_generous()
        self.shortlist = Shortlist(self.strings, self.vocab)

    def use_generous(self) -> None:
        """Propose the low-precision verbs' candidates too (for a scorer trained on them, and to train one)."""
        self.generous_lemmas = frozenset(self.vocab.generous_verbs) - frozenset(self.vocab.verbs)
        self.vocab = self.vocab.generous()
        self.shortlist = Shortlist(self.strings, self.vocab)
        if self.scorer is not None:
            self.scorer.generous = self.generous_lemmas

    def candidates(self, doc: Doc) -> list[Attribution]:
        """Every candidate the finders propose, joined and clipped as claims are (what the scorer weighs)."""
        reading = Reading.of(doc, self.vocab)
        found = propose(reading, self.shortlist, self.min_floating_words, self.merge_continuations)
        return prepare(doc, found, dateline_chars(doc))

    def process(self, doc: Doc) -> list[dict]:
        candidates = self.candidates(doc)
        found = self.scorer.choose(doc, candidates) if self.scorer is not None else rules_choose(doc, candidates)
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
                                                  "merge_continuations": True, "scorer": SCORER},
                  requires=["doc._.claimx_dateline", "token.dep", "token.head", "token.pos", "token.tag", "token.lemma",
                            "token.ent_type", "token.ent_iob", "token.is_sent_start"],
                  assigns=["doc._.claimx_claims", "doc.spans"])
def make_claims(nlp: Language, name: str, models: str | None, min_floating_words: int,
                merge_continuations: bool, scorer: str | None) -> ClaimFinder:
    return ClaimFinder(nlp, name, models, min_floating_words, merge_continuations, scorer)
