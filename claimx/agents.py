"""Who can be a source: the entity labels and the pronouns that stand for someone.

One table each in ``models/speakers/`` (``agent_labels.txt``, ``pronouns.tsv``), read by
both the claim rules (is this subject someone who speaks?) and the speaker resolver
(what can this pronoun refer to?).  No spaCy here.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import lexicon
from .errors import ClaimxError

LABELS_FILE = "speakers/agent_labels.txt"
PRONOUNS_FILE = "speakers/pronouns.tsv"
# What each column of pronouns.tsv may say.
PRONOUN_VALUES = {"number": ("sg", "pl", "any"), "refers": ("person", "thing", "any"), "person": ("1", "2", "3"),
                  "subject": ("yes", "no")}


@dataclass(frozen=True)
class Pronoun:
    """A pronoun that can stand for a source, and what it can refer to."""

    word: str
    number: str  # sg, pl or any
    refers: str  # person (people and unnamed roles), thing (organisations, governments, media) or any
    person: int  # 1 ("I", "we") or 3 ("he", "they")
    subject: bool  # the form a clause's subject takes ("he", "they"; not "him", "their")


def agent_labels(models: str | Path | None = None) -> frozenset[str]:
    """The named-entity labels of sources: PERSON, ORG, ..."""
    return lexicon.words(LABELS_FILE, models, lower=False)


def pronouns(models: str | Path | None = None) -> dict[str, Pronoun]:
    """Every pronoun of the table by its lower-cased form, its columns checked."""
    path, rows = lexicon.numbered_table(PRONOUNS_FILE, models)
    found = {}
    for line, row in rows:
        for column, allowed in PRONOUN_VALUES.items():
            if row.get(column) not in allowed:
                raise ClaimxError(f"{path} line {line}: {column} '{row.get(column)}' is not one of "
                                  f"{', '.join(allowed)}")
        word = row["pronoun"].lower()
        found[word] = Pronoun(word, row["number"], row["refers"], int(row["person"]), row["subject"] == "yes")
    return found
