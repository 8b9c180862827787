"""``claimx_paragraphs``: paragraph breaks are sentence breaks.

The statistical parser sometimes joins a closing quote with the next
paragraph's first sentence; a claim never runs across a paragraph break
unless a quote carries it, so breaks are fixed before parsing.  A headline
set on its own line ("Smith Says He Will Run" then a newline) ends there too:
the parser would otherwise read it as the subject of the next line's verb.
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
            if i + 1 < len(doc) and (is_paragraph_break(token.text + token.whitespace_)
                                     or "\n" in token.text and ends_headline(doc, i)):
                doc[i + 1].is_sent_start = True
        return doc


def ends_headline(doc: Doc, newline: int) -> bool:
    """Whether the line before a line break is a headline in title case and the next line starts a sentence.

    Hard-wrapped text breaks lines mid-sentence, but its lines are never (almost) all
    capitalised words; a headline of three or more such words is a line of its own.
    """
    nxt = doc[newline + 1]
    if not (nxt.is_title or nxt.is_quote):
        return False
    words = []
    i = newline - 1
    while i >= 0 and len(words) <= 30 and not (doc[i].is_space and "\n" in doc[i].text) \
            and "\n" not in doc[i].whitespace_:
        if doc[i].is_alpha:
            words.append(doc[i])
        i -= 1
    # Too short or long for a headline; a line ending in punctuation is a sentence that wrapped.
    if len(words) < 3 or len(words) > 30 or doc[newline - 1].is_punct:
        return False
    return sum(1 for t in words if t.is_title or t.is_upper) >= 0.75 * len(words)


@Language.factory("claimx_paragraphs", requires=[], assigns=["token.is_sent_start"])
def make_paragraph_breaks(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks(nlp, name)
