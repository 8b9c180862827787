"""Small facts about a parse that every claim rule asks: fillers, clause marks, agents, cue words.

Pure functions over spaCy tokens; none finds a claim.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..docutil import Range
from ..paragraphs import is_paragraph_break

if TYPE_CHECKING:
    from .vocabulary import ClaimsVocabulary

SUBJECT_DEPS = ("nsubj",)
FINITE_TAGS = {"VBD", "VBZ", "VBP"}
SENTENCE_ENDS = {".", "!", "?"}
DASHES = {"—", "―", "–", "--", "-"}


def tokens_at(doc: Doc, positions: Iterable[int] | None) -> Iterable[Token]:
    """The Doc's tokens, or only those at the given positions (a TokenFinder's shortlist)."""
    return doc if positions is None else (doc[i] for i in positions)


def is_quote_mark(token: Token) -> bool:
    """A quotation mark, not the apostrophe of "workers' union"."""
    return token.is_quote and token.tag_ != "POS"


def is_filler(token: Token) -> bool:
    """Punctuation, space and quote marks: never the edge of a content span."""
    return token.is_punct or token.is_space or token.is_quote


def trim(doc: Doc, span: Range, marks: Collection[str] = ()) -> Range:
    """Shrink a range past fillers, and past a leading subordinator among ``marks`` ("that", "whether")."""
    start, end = span
    while start < end and (is_filler(doc[start]) or doc[start].lower_ in ("and", "but")
                           or (doc[start].lower_ in marks and doc[start].dep_ == "mark")):
        start += 1
    while end > start and (is_filler(doc[end - 1]) or doc[end - 1].dep_ == "cc"):
        end -= 1
    return start, end


def subtree_range(token: Token) -> Range:
    return token.left_edge.i, token.right_edge.i + 1


def clause_mark(clause: Token, words: Iterable[str] | None = None) -> Token | None:
    """The clause's subordinator ("that", "whether", "as" ...) when it is one of ``words`` (any without)."""
    return next((c for c in clause.children if c.dep_ == "mark" and (words is None or c.lower_ in words)), None)


def has_clause_mark(token: Token, vocab: ClaimsVocabulary) -> bool:
    """The clause opens with one of the subordinators of a reported clause ("that", "whether", "if")."""
    return clause_mark(token, vocab.clause_marks) is not None


def has_to_infinitive(verb: Token) -> bool:
    """ "to widen", "to step up": the verb carries an infinitive "to"."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def is_agent(token: Token, vocab: ClaimsVocabulary) -> bool:
    """Whether a subject can be a source: a name, a pronoun or a person-like noun."""
    if token.ent_type_ in vocab.agent_labels or token.pos_ == "PROPN":
        return True
    if token.lower_ in vocab.agent_pronouns:
        return True
    return token.lemma_.lower() in vocab.role_nouns


def object_governor(token: Token) -> Token:
    """The word an object hangs on: its verb, or for a preposition's object the preposition's head."""
    return token.head.head if token.dep_ == "pobj" else token.head


def is_nonfinite(verb: Token) -> bool:
    """A participle or infinitive with no auxiliary of its own."""
    return verb.tag_ in ("VBG", "VBN", "VB") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def cue_range(token: Token) -> Range:
    """A cue word with its particle ("point out") so the cue reads as a phrase."""
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return token.i, end


def word_after_colon(doc: Doc, colon: int) -> tuple[int, bool]:
    """The first word after a colon, and whether a paragraph break comes before it."""
    first = colon + 1
    while first < len(doc) and doc[first].is_space:
        first += 1
    between = doc[colon].whitespace_ + "".join(t.text_with_ws for t in doc[colon + 1:first])
    return first, is_paragraph_break(between)


def has_ccomp(verb: Token) -> bool:
    return any(c.dep_ == "ccomp" for c in verb.children)


def has_dobj(verb: Token) -> bool:
    return any(c.dep_ == "dobj" for c in verb.children)


def has_clause_mark_of_its_own(clause: Token) -> bool:
    """A subordinate clause with its subordinator and subject ("while the first repair was quick")."""
    return clause_mark(clause) is not None and any(c.dep_ in SUBJECT_DEPS for c in clause.children)


def paragraph_gap(doc: Doc, start: int, end: int) -> int:
    """How many paragraph breaks lie between two token positions."""
    return sum(1 for t in doc[start:end] if t.is_space and is_paragraph_break(t.text + t.whitespace_))


def as_span(doc: Doc, r: Range) -> Span:
    return doc[r[0]:r[1]]
