"""``claimx_speakers``: the sources of the article's claims, resolved into entities.

Reads ``doc._.claimx_claims`` (each claim's speaker mention), adds every named
person, organisation and place as a possible antecedent, clusters mentions into
entities (``doc._.claimx_speakers``), and gives each claim its speaker as an index
into them (``doc._.claimx_claim_speakers``, a list parallel to the claims; the
claims' own data is left as the claims component wrote it).
"""
from __future__ import annotations

from dataclasses import replace

import numpy
from spacy.attrs import DEP
from spacy.language import Language
from spacy.tokens import Doc

from ..speakers.mentions import Mention, SpeakerLexicon, describe
from ..speakers.resolve import Resolver, text_mentions
from . import ClaimxComponent


class SpeakerResolver(ClaimxComponent):
    result_attr = "speakers"

    @staticmethod
    def empty():
        return [], []

    def store(self, doc: Doc, result: tuple[list[dict], list[int | None]]) -> None:
        doc._.claimx_speakers, doc._.claimx_claim_speakers = result

    def __init__(self, nlp: Language, name: str, models: str | None = None):
        super().__init__(nlp, name, models)
        self.conj_id = nlp.vocab.strings.add("conj")

    def load(self, models) -> None:
        self.lex = SpeakerLexicon.load(models)

    def process(self, doc: Doc) -> tuple[list[dict], list[int | None]]:
        """The speakers, and each claim's speaker (an index into them, or None)."""
        claims = doc._.claimx_claims or []
        if not claims:
            return [], []  # speakers are the sources of claims: none to resolve
        from_claims: list[tuple[Mention, int]] = []
        for n, claim in enumerate(claims):
            mention = claim.get("speaker_mention")
            span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand") if mention else None
            if span is not None and len(span):
                from_claims.append((self.describe_mention(doc, span.start, span.end), n))
        taken = [(m.start, m.end) for m, _ in from_claims]
        dateline = doc._.claimx_dateline
        place = doc.char_span(*dateline["place"], alignment_mode="expand") if dateline else None
        if place is not None:
            taken.append((place.start, place.end))  # where the story was filed is nobody's name
        events = [(m.start, 0, m, n) for m, n in from_claims]
        # One attribute array is enough here: a TokenFinder would read and sort three.
        conjuncts = numpy.flatnonzero(doc.to_array(DEP) == self.conj_id).tolist()
        events += [(m.start, 1, m, None) for m in text_mentions(doc, self.lex, taken, conjuncts)]
        resolver = Resolver(doc, self.lex)
        speaker_of: dict[int, int | None] = {}
        seen: dict[tuple[int, int], int | None] = {}
        for _, _, mention, claim in sorted(events, key=lambda e: (e[0], e[1])):
            key = (mention.start, mention.end)
            # A floating quote repeats the previous claim's mention: resolve it once.
            entity = seen[key] if key in seen else resolver.add(mention)
            seen[key] = entity
            if claim is not None:
                speaker_of[claim] = entity
        return self._output(doc, claims, resolver, speaker_of)

    def describe_mention(self, doc: Doc, start: int, end: int) -> Mention:
        """A mention's description; a relative pronoun ("who said") is described by its antecedent."""
        token = doc[start]
        if end - start == 1 and token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
            noun = token.head.head
            lo = noun.left_edge.i
            dateline = doc._.claimx_dateline
            if dateline and doc[lo].idx < dateline["end"]:
                # "OSTRAVA, May 2 - Brant Steel Inc, which ...": the parser hung the clause on the dateline's
                # place; the name it follows, the story's first words, is what "which" stands for.
                first = doc.char_span(dateline["end"], token.idx, alignment_mode="expand")
                lo = first.start if first is not None and len(first) else start
                noun = max((t for t in doc[lo:start] if t.pos_ in ("PROPN", "NOUN")), default=None, key=lambda t: t.i)
                if noun is None:
                    return describe(doc, start, end, self.lex)
            antecedent = describe(doc, lo, noun.i + 1, self.lex)
            return replace(antecedent, start=start, end=end, text=token.text)
        return describe(doc, start, end, self.lex)

    @staticmethod
    def _output(doc: Doc, claims: list[dict], resolver: Resolver,
                speaker_of: dict) -> tuple[list[dict], list[int | None]]:
        used: list[int] = []
        seen: set[int] = set()  # a list's "in" made this quadratic in the speakers

        def use(n: int) -> None:
            if n not in seen:
                seen.add(n)
                used.append(n)
                for member in resolver.entities[n].members:
                    use(member)

        for n in sorted({e for e in speaker_of.values() if e is not None},
                        key=lambda e: resolver.entities[e].mentions[0].start):
            use(n)
        index = {old: new for new, old in enumerate(used)}
        claim_speakers = [index.get(speaker_of.get(n)) for n in range(len(claims))]
        speakers = []
        for old in used:
            e = resolver.entities[old]
            spans = sorted({(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])) for m in e.mentions})
            speakers.append({
                "name": e.name, "kind": e.kind, "title": e.title, "affiliation": e.affiliation,
                "members": [index[m] for m in e.members if m in index],
                "mentions": [list(s) for s in spans],
            })
        return speakers, claim_speakers


@Language.factory("claimx_speakers", default_config={"models": None},
                  requires=["doc._.claimx_claims", "doc._.claimx_dateline", "doc.ents", "doc.sents", "token.dep",
                            "token.head", "token.pos", "token.tag", "token.lemma", "token.ent_type", "token.ent_iob"],
                  assigns=["doc._.claimx_speakers", "doc._.claimx_claim_speakers"])
def make_speakers(nlp: Language, name: str, models: str | None) -> SpeakerResolver:
    return SpeakerResolver(nlp, name, models)
