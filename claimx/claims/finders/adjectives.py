"""Finder: stance and belief adjectives said of someone ("X is wary of Y", "X is confident that Y")."""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from ..boundaries import content_of
from ..frames import frame_content
from ..sources import attribution_confidence, source_range, subject_of
from ..syntax import clause_mark, cue_range, is_agent
from ..reading import Reading
from ..types import Attribution, Rule


def adjective_attributions(reading: Reading, positions: Iterable[int] | None = None) -> list[Attribution]:
    """Stance and belief adjectives said of someone: "X is wary of Y", "X is eager to act", "X is confident that Y"."""
    vocab = reading.vocab
    found = []
    for adjective, cue in reading.cue_words(positions, "ADJ", vocab.adjectives):
        # Only a predicate ("she is wary of ...") says what its subject holds; "a wary voter" does not.
        if adjective.dep_ not in ("acomp", "oprd"):
            continue
        content, path = frame_content(adjective, cue.frames, vocab) or (None, "")
        if content is None and "clause" in cue.frames and (comp := copula_that_clause(adjective)) is not None:
            content, path = content_of(adjective.head, comp, vocab), "clause:copula"
        if content is None or content[1] <= content[0]:
            continue
        subject = subject_of(adjective)
        # A stance is held by a person or a body, not by a plan or an expletive "it".
        if subject is None or not is_agent(subject, vocab):
            continue
        cue_span = cue_range(adjective)
        source = source_range(subject, cue_span[0])
        if source is None or content[0] < source[1] and source[0] < content[1]:
            continue
        found.append(Attribution(content, cue_span, cue.cls, source, attribution_confidence(cue, source, vocab),
                                 Rule.CUE_ADJECTIVE, cue_lemma=cue.lemma, path=path))
    return found


def copula_that_clause(adjective: Token) -> Token | None:
    """ "She was clear that X": the that-clause the parser hung on the copula belongs to the adjective."""
    return next((c for c in adjective.head.children if c.dep_ == "ccomp" and c.i > adjective.i
                 and clause_mark(c, ("that",)) is not None), None)
