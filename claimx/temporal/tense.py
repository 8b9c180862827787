"""The tense of the clause that governs a temporal expression.

The caller (the spaCy component) describes the governing verb as plain
strings; the trigger words come from ``models/temporal/tense.tsv``.
"""
from __future__ import annotations

from dataclasses import dataclass

from .context import FUTURE, PAST, PRESENT
from .vocabulary import Vocabulary, normal

PRESENT_TAGS = frozenset({"VBZ", "VBP"})


@dataclass(frozen=True)
class Clause:
    """The verb governing an expression.

    verb: the verb itself; tag: its Penn tag (VBD, VBZ ...); auxiliaries:
    its auxiliary words ("will", "has" ...); controllers: the predicates it
    is the complement of ("scheduled" in "scheduled to take place");
    preposition: the one introducing the expression, if any;
    controller_auxiliaries: the auxiliaries of those predicates ("had" in
    "had been due to expire Friday"); negated: the clause is negated, on
    its verb or its subject ("could not be reached", "neither he nor she
    could be located"); subordinator: the word opening the verb's clause
    ("if", "when"); past_auxiliary: an auxiliary of the verb is a past form
    ("was", "had", "did").
    """

    verb: str
    tag: str
    auxiliaries: tuple[str, ...] = ()
    controllers: tuple[str, ...] = ()
    preposition: str | None = None
    controller_auxiliaries: tuple[str, ...] = ()
    negated: bool = False
    subordinator: str | None = None
    past_auxiliary: bool = False


def clause_tense(clause: Clause | None, vocab: Vocabulary) -> str | None:
    """past, present, future, or None when nothing marks it."""
    if clause is None:
        return None
    auxiliaries = [normal(w) for w in clause.auxiliaries]
    modal = any((w, "modal") in vocab.tense_words for w in auxiliaries)
    perfect = not modal and any((normal(w), "perfect") in vocab.tense_words
                                for w in auxiliaries + list(clause.controller_auxiliaries))
    simple_past = clause.tag == "VBD" and not auxiliaries
    preposition = normal(clause.preposition) if clause.preposition else None
    if perfect:
        return PAST  # "had not called him a suspect until Thursday": the past before a past
    if preposition and (preposition, "prep") in vocab.tense_words:
        tense = vocab.tense_words[(preposition, "prep")]
        return None if tense == "none" else tense
    told_in_the_past = simple_past or (clause.past_auxiliary and not modal)
    if preposition and (preposition, "lean") in vocab.tense_words and not told_in_the_past:
        return vocab.tense_words[(preposition, "lean")]  # "due by Friday", but "rose through August"
    aux = [vocab.tense_words.get((w, "aux")) for w in auxiliaries]
    heads = [vocab.tense_words.get((normal(w), "head")) for w in clause.controllers]
    heads.append(vocab.tense_words.get((normal(clause.verb), "verb")))
    if modal and "have" in auxiliaries:
        return PAST  # "could have met" looks back
    if clause.negated and any((w, "negated") in vocab.tense_words for w in auxiliaries):
        return PAST  # "could not be reached Tuesday": an ability that failed is already past
    if FUTURE in aux or modal or FUTURE in heads:
        return FUTURE
    if clause.tag == "VBD" or PAST in aux or (clause.tag == "VBN" and not clause.auxiliaries):
        return PAST
    subordinator = normal(clause.subordinator) if clause.subordinator else None
    if clause.tag in PRESENT_TAGS and not auxiliaries and (subordinator, "conditional") in vocab.tense_words:
        return FUTURE  # "even if it lets Monday pass", "when the exchange reopens Tuesday": the present of what is to come
    if clause.tag in PRESENT_TAGS or clause.auxiliaries:
        return PRESENT
    return None
