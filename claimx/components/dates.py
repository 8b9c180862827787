"""``claimx_dates``: placeholder until the real component lands."""
from __future__ import annotations

from spacy.language import Language

from . import ClaimxComponent


class Placeholder(ClaimxComponent):
    result_attr = "dates"

    def process(self, doc):
        return []


@Language.factory("claimx_dates")
def make_dates(nlp: Language, name: str):
    return Placeholder(nlp, name)
