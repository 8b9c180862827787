"""Finder: cue nouns with their content ("the claim that ...", "his statement that ...", "allegations of ...")."""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from ...docutil import Range
from ..boundaries import extend_over_conjoined_that
from ..sources import attribution_confidence, mention_range, source_range, subject_of
from ..syntax import clause_mark, has_to_infinitive, is_agent, object_governor, subtree_range, trim
from ..reading import Reading
from ..types import Attribution, Rule
from ..vocabulary import ClaimsVocabulary, Cue


def noun_attributions(reading: Reading, positions: Iterable[int] | None = None) -> list[Attribution]:
    """Cue nouns with their content: "the claim that ...", "his statement that ...", "allegations of ..."."""
    doc, vocab = reading.doc, reading.vocab
    found = []
    for noun, cue in reading.cue_words(positions, "NOUN", vocab.nouns):
        if "agent" in cue.frames and not has_agent_possessor(noun, vocab):
            continue  # "his attacks on X" takes a position; "attacks on X" may be anyone's, or a raid
        content, path = None, ""
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                       and clause_mark(c, ("that",)) is not None), None)
        if clause is not None and "clause" in cue.frames:
            content = extend_over_conjoined_that(doc, trim(doc, subtree_range(clause), vocab.clause_marks))
            path = "clause"
        elif "to" in cue.frames and (infinitive := noun_infinitive(noun)) is not None:
            content, path = trim(doc, subtree_range(infinitive), vocab.clause_marks), "to"
        elif prepositions := noun_prepositions(cue.frames):
            prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in prepositions), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if obj is not None:
                content, path = trim(doc, subtree_range(obj), vocab.clause_marks), f"prep:{prep.lower_}"
        if content is None or content[1] <= content[0]:
            continue
        cue_span, cls, source, conf = noun_source(noun, cue, vocab)
        found.append(Attribution(content, cue_span, cls, source, conf, Rule.CUE_NOUN, cue_lemma=cue.lemma, path=path))
    return found


def noun_prepositions(frames: frozenset[str]) -> set[str]:
    """The prepositions whose object is a cue noun's content: "of" and those of its "prep:" frames."""
    found = {"of"} if "of" in frames else set()
    for frame in frames:
        if frame.startswith("prep:"):
            found.update(frame[5:].split("|"))
    return found


def has_agent_possessor(noun: Token, vocab: ClaimsVocabulary) -> bool:
    """ "Okafor's attacks on", "her embrace of": the noun belongs to someone who can hold a position."""
    return any(c.dep_ == "poss" and (c.tag_ == "PRP$" or is_agent(c, vocab)) for c in noun.children)


def noun_infinitive(noun: Token) -> Token | None:
    """ "her pledge to cut taxes": the infinitive a cue noun governs, the thing promised or urged."""
    return next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.i > noun.i
                 and has_to_infinitive(c)), None)


def noun_source(noun: Token, cue: Cue, vocab: ClaimsVocabulary) -> tuple[Range, str, Range | None, float]:
    """Who holds a cue noun: its possessor, a "by/from" phrase, or the speaker of the verb it is object of."""
    for child in noun.children:
        if child.dep_ == "poss":
            return (noun.i, noun.i + 1), cue.cls, mention_range(child, noun.i), cue.confidence
    for child in noun.children:
        # "Halvorsen claims that ...": a verb tagged as a noun keeps its subject.
        if child.dep_ == "nsubj" and child.i < noun.i:
            return (noun.i, noun.i + 1), cue.cls, mention_range(child, noun.i), cue.confidence
    named = [c for c in noun.lefts if c.dep_ == "compound" and (c.pos_ == "PROPN" or c.ent_type_ in vocab.agent_labels)]
    if named:
        # "a Riverton Gazette report that ...": the name before the noun is whose it is.
        span = trim(noun.doc, (named[0].left_edge.i, named[-1].i + 1))
        return (noun.i, noun.i + 1), cue.cls, span, cue.confidence
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return (noun.i, noun.i + 1), cue.cls, mention_range(obj), cue.confidence
    verb = noun.head
    verb_cue = vocab.verbs.get(verb.lemma_.lower())
    if noun.dep_ == "dobj" and verb_cue is not None and verb_cue.cls in ("speech", "stance"):
        # "Russia has refuted this claim that ...": the verb's subject takes the position.
        source = source_range(subject_of(verb), verb.i)
        return (verb.i, noun.i + 1), verb_cue.cls, source, attribution_confidence(verb_cue, source, vocab,
                                                                            vocab.confidences.cue_noun_of_cue_verb)
    holder = noun_holder(noun, vocab)
    if holder is not None:
        return (noun.i, noun.i + 1), cue.cls, source_range(holder, noun.i), cue.confidence
    return (noun.i, noun.i + 1), cue.cls, None, attribution_confidence(cue, None, vocab)


def noun_holder(noun: Token, vocab: ClaimsVocabulary) -> Token | None:
    """ "X said in a statement that ...", "X made the suggestion that ...", "X clings to the hope that ...".

    A cue noun that is the object of a verb of making or voicing it (models/claims/
    holder_verbs.txt), directly or through a preposition, is that verb's subject's.
    """
    if noun.dep_ not in ("dobj", "pobj"):
        return None
    governor = object_governor(noun)
    if governor.pos_ == "NOUN" and governor.dep_ == "dobj":
        governor = governor.head  # "raised eyebrows with an assertion that ..."
    # Only a verb of making or voicing it: "investigated the allegation that" holds nothing.
    if governor.pos_ not in ("VERB", "AUX") or governor.lemma_.lower() not in vocab.holder_verbs:
        return None
    subject = subject_of(governor)
    # Only someone who can hold a view: not "the debate with an argument", not an expletive.
    if subject is None or subject.i > noun.i or not (is_agent(subject, vocab) or subject.tag_ in ("WP", "WDT")):
        return None
    return subject
