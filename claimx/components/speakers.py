"""``claimx_speakers``: placeholder until the real component lands."""
from __future__ import annotations

from spacy.language import Language

from . import ClaimxComponent


class Placeholder(ClaimxComponent):
    result_attr = "speakers"

    def process(self, doc):
        return []


@Language.factory("claimx_speakers")
def make_speakers(nlp: Language, name: str):
    return Placeholder(nlp, name)
