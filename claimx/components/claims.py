"""``claimx_claims``: placeholder until the real component lands."""
from __future__ import annotations

from spacy.language import Language

from . import ClaimxComponent


class Placeholder(ClaimxComponent):
    result_attr = "claims"

    def process(self, doc):
        return []


@Language.factory("claimx_claims")
def make_claims(nlp: Language, name: str):
    return Placeholder(nlp, name)
