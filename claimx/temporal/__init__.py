"""claimx's date grammar and resolver: pure functions, no spaCy, no files.

    vocab = Vocabulary.load(lexicon.table, lexicon.jsonl, lexicon.words)
    match = longest_first(scan("two days later", vocab))[0]
    resolve(read(match, vocab), Context(published=date(2021, 12, 29)), tense="future")

``scan`` finds candidate spans, ``read`` turns one into an ``Expr``,
``resolve`` gives its TIMEX3 value against a ``Context`` (publication date
plus what the discourse has said so far), ``clause_tense`` reads the tense of
the governing clause from a plain description of its verb.
"""
from __future__ import annotations

from .grammar import Expr, Match, combine, longest_first, read, scan
from .resolve import FUTURE, PAST, PRESENT, Context, Resolution, resolve
from .tense import Clause, clause_tense
from .vocabulary import Vocabulary

__all__ = [
    "Clause", "Context", "Expr", "FUTURE", "Match", "PAST", "PRESENT", "Resolution", "Vocabulary",
    "clause_tense", "combine", "longest_first", "read", "resolve", "scan",
]
