"""``claimx_venues``: placeholder until the real component lands."""
from __future__ import annotations

from spacy.language import Language

from . import ClaimxComponent


class Placeholder(ClaimxComponent):
    result_attr = "venues"

    def process(self, doc):
        return []


@Language.factory("claimx_venues")
def make_venues(nlp: Language, name: str):
    return Placeholder(nlp, name)
