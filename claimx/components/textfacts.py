"""``claimx_textfacts``: facts about the text that every later component reads, found once.

Today that is the wire dateline ("TAIPEI, Feb 27 - ..."): its place is never a
speaker or a venue, its words are never part of a claim, and its date is the
story's own.  ``doc._.claimx_dateline`` holds it as plain data (character
offsets into ``doc.text``), or None when the story has none.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import lexicon
from ..datelines import DatelineFinder
from ..docutil import doc_text
from . import ClaimxComponent


class TextFacts(ClaimxComponent):
    result_attr = "dateline"

    def load(self, models) -> None:
        months = [row["name"] for row in lexicon.table("temporal/months.tsv", models)]
        self.datelines = DatelineFinder(lexicon.lines("text/dateline_patterns.txt", models), months,
                                        source="text/dateline_patterns.txt")

    @staticmethod
    def empty():
        return None

    def process(self, doc: Doc) -> dict | None:
        found = self.datelines.find(doc_text(doc))
        return found.as_data() if found else None


@Language.factory("claimx_textfacts", default_config={"models": None}, requires=[],
                  assigns=["doc._.claimx_dateline"])
def make_textfacts(nlp: Language, name: str, models: str | None) -> TextFacts:
    return TextFacts(nlp, name, models)
