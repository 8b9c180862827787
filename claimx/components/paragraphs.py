"""``claimx_paragraphs``: paragraph breaks are sentence breaks.

The statistical parser sometimes joins a closing quote with the next
paragraph's first sentence; a claim never runs across a paragraph break
unless a quote carries it, so breaks are fixed before parsing.
"""
from __future__ import annotations

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from ..paragraphs import is_paragraph_break


class ParagraphBreaks:
    """Marks the first token after each paragraph break as a sentence start."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        # Only whitespace tokens can hold a break: find them in the Doc's array rather
        # than making a Token object for every word.
        spaces = doc.to_array(IS_SPACE).nonzero()[0].tolist() if len(doc) else []
        for i in spaces:
            token = doc[i]
            if i + 1 < len(doc) and is_paragraph_break(token.text + token.whitespace_):
                doc[i + 1].is_sent_start = True
        return doc


@Language.factory("claimx_paragraphs")
def make_paragraph_breaks(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks(nlp, name)
