"""The attribution lexicon: reporting verbs, cue nouns and source markers, from ``models/claims``."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import lexicon


@dataclass(frozen=True)
class Cue:
    """What a cue word attributes: its class, the content frames it takes, a base confidence."""

    lemma: str
    cls: str
    frames: frozenset[str]
    confidence: float


def _cues(rows, key: str) -> dict[str, Cue]:
    return {
        row[key].lower(): Cue(row[key].lower(), row["class"],
                              frozenset(f.strip() for f in row["frames"].split(",")),
                              float(row["confidence"]))
        for row in rows
    }


@dataclass(frozen=True)
class CueLexicon:
    verbs: dict[str, Cue]
    nouns: dict[str, Cue]
    markers: dict[str, Cue]
    not_attribution: frozenset[str]
    clause_joiners: frozenset[str]  # "A, while critics said B": words that open a second attribution
    holder_verbs: frozenset[str] = frozenset()  # "X made the claim that": the subject holds the cue noun's claim
    adjectives: dict[str, Cue] = field(default_factory=dict)  # "X is wary of Y": a stance or belief held
    answer_words: frozenset[str] = frozenset()  # "said yes", "said so": a word standing for what was said
    adjunct_preps: frozenset[str] = frozenset()  # "thanked her during the debate": the act's time or occasion
    occasion_nouns: frozenset[str] = frozenset()  # "thanked her in an interview": where or how it was said
    aside_marks: frozenset[str] = frozenset()  # "A, although B": a concession closing the content is the writer's

    @classmethod
    def load(cls, base: str | Path | None = None) -> "CueLexicon":
        markers = {
            row["phrase"].lower(): Cue(row["phrase"].lower(), row["class"], frozenset({"clause"}),
                                       float(row["confidence"]))
            for row in lexicon.table("claims/source_markers.tsv", base)
        }
        return cls(
            verbs=_cues(lexicon.table("claims/reporting_verbs.tsv", base), "lemma"),
            nouns=_cues(lexicon.table("claims/cue_nouns.tsv", base), "lemma"),
            markers=markers,
            not_attribution=lexicon.words("claims/clause_verbs_not_attribution.txt", base),
            clause_joiners=lexicon.words("claims/clause_joiners.txt", base),
            holder_verbs=lexicon.words("claims/holder_verbs.txt", base),
            adjectives=_cues(lexicon.table("claims/cue_adjectives.tsv", base), "lemma"),
            answer_words=lexicon.words("claims/answer_words.txt", base),
            adjunct_preps=lexicon.words("claims/adjunct_prepositions.txt", base),
            occasion_nouns=lexicon.words("claims/occasion_nouns.txt", base),
            aside_marks=lexicon.words("claims/aside_marks.txt", base),
        )
