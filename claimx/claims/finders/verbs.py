"""Finder: reporting verbs with their content ("X said (that) ...", "..., X added", "X urged Y to ...")."""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from ..boundaries import end_at_closing_quote, extend_into_opened_quote, extend_over_colon, frame_gap
from ..frames import frame_content, is_as_frame, paragraph_after_colon, parataxis_content
from ..sources import (attribution_confidence, author_of_vehicle, causee_of, reporter_of_hung_cue, source_range,
                       speaker_after_quote, stranded_subject, subject_of)
from ..syntax import cue_range, has_ccomp, has_clause_mark, has_dobj, is_agent, is_nonfinite, tokens_at
from ..reading import Reading
from ..types import Attribution, Rule
from ..vocabulary import ClaimsVocabulary, Cue


def verb_attributions(reading: Reading, positions: Iterable[int] | None = None) -> list[Attribution]:
    """Reporting verbs with a complement: "X said (that) ...", "..., X added", "X urged Y to ..."."""
    doc, vocab, in_quote = reading.doc, reading.vocab, reading.in_quote
    found = []
    for verb in tokens_at(doc, positions):
        if verb.pos_ not in ("VERB", "AUX") or in_quote[verb.i] >= 0:
            # Reporting verbs inside a quotation are the quoted speaker's words.
            continue
        cue = vocab.verbs.get(verb.lemma_.lower())
        head_cue = vocab.verbs.get(verb.head.lemma_.lower()) if verb.dep_ == "xcomp" else None
        if cue is not None and head_cue is not None and "raise" not in head_cue.frames:
            continue  # "urged lawmakers to reject the bill": rejecting is what was urged
        rule = Rule.REPORTING_VERB
        if cue is None:
            cue, rule = generic_cue(verb, vocab), Rule.THAT_CLAUSE
            if cue is None:
                cue, rule = open_cue(verb, vocab), Rule.VERB_ARGUMENT
            if cue is None:
                continue
        generic = rule != Rule.REPORTING_VERB
        content, path = frame_content(verb, cue.frames, vocab) or (None, "")
        if content is None and not generic and "clause" in cue.frames and (verb.dep_ == "parataxis" or is_as_frame(verb)):
            content, path = parataxis_content(verb, vocab), "parataxis"
        if content is None and not generic and "clause" in cue.frames:
            content, path = paragraph_after_colon(verb, in_quote, vocab), "colon paragraph"
        if content is None or content[1] <= content[0]:
            continue
        if content[0] > verb.i:
            content = extend_over_colon(doc, content, vocab)
            content = end_at_closing_quote(doc, content, in_quote, vocab)
            content = extend_into_opened_quote(doc, content, in_quote)
        cue_span = cue_range(verb)
        # "X seemed ready": appearances have no speaker.
        subject = None if "raise" in cue.frames and not has_ccomp(verb) and not has_dobj(verb) else subject_of(verb)
        subject = reporter_of_hung_cue(verb, subject, vocab)
        subject = author_of_vehicle(verb, subject, vocab)
        subject = causee_of(verb, vocab) or subject
        if "agent" in cue.frames and (subject is None or not is_agent(subject, vocab)):
            continue  # "backed the plan", "decided to run": a position only when a person or body takes it
        if "addressee" in cue.frames and not has_addressee(verb, vocab):
            continue  # "pressed on the brake": only pressing someone (for an answer) puts a question
        source = source_range(subject, cue_span[0])
        if source is None or in_quote[source[0]] >= 0:
            source = speaker_after_quote(doc, verb, in_quote, vocab) or source
        if source is None and subject is None:
            source = stranded_subject(verb, in_quote, vocab)
        if source is None and is_nonfinite(verb) and "raise" not in cue.frames and not fronted_participle_without_source(verb):
            # "remarks interpreted as implying that ...": no one is said to speak.
            continue
        if source is None and rule == Rule.VERB_ARGUMENT:
            continue  # a verb no lexicon knows attributes only when someone is named doing it
        gap = frame_gap(content, verb, vocab) if content[0] < cue_span[0] < content[1] else None
        if source and content[0] < source[1] and source[0] < content[1] \
                and not (gap and gap[0][1] <= source[0] and source[1] <= gap[1][0]):
            # A subject inside its own content is a misparse ("X and Y" split); one in the frame between its parts is not.
            continue
        found.append(Attribution(content, cue_span, cue.cls, source, attribution_confidence(cue, source, vocab), rule,
                                 segments=gap, cue_lemma=cue.lemma, path=path))
    return found


def has_addressee(verb: Token, vocab: ClaimsVocabulary) -> bool:
    """Someone the verb is put to: a person or body as its object ("pressed her on X"), or
    the one a passive participle speaks of ("when pressed on X", "Pressed about X, she ...")."""
    if verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return True
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    # A personal pronoun object ("pressed him") stands for someone too.
    return obj is not None and (is_agent(obj, vocab) or obj.tag_ == "PRP")


def fronted_participle_without_source(verb: Token) -> bool:
    """ "Asked whether X, she said ...", "Warned of a storm, residents fled": a fronted passive
    participle reports words put to the clause's subject by someone not named."""
    # The one asked or warned is the clause's subject; who asked goes unnamed, so the claim has no source.
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "auxpass", "agent") for c in verb.children)


def generic_cue(verb: Token, vocab: ClaimsVocabulary) -> Cue | None:
    """Any verb with an agent subject and a "that" clause states a position ("X introduced that ...")."""
    if verb.lemma_.lower() in vocab.not_attribution:
        return None
    comp = next((c for c in verb.children if c.dep_ == "ccomp" and has_clause_mark(c, vocab)), None)
    if comp is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    # Without someone to hold the position it is narration, not attribution.
    if subject is None or not is_agent(subject, vocab):
        return None
    return Cue(verb.lemma_.lower(), "speech", frozenset({"clause"}), vocab.confidences.generic_clause)


def open_cue(verb: Token, vocab: ClaimsVocabulary) -> Cue | None:
    """For a trained scorer only (``vocab.open_verb`` set): any verb, its clause, infinitive,
    object or prepositional object a candidate ("X supported the plan", "X criticized Y")."""
    if vocab.open_verb is None or verb.pos_ != "VERB":
        return None
    return Cue(verb.lemma_.lower(), vocab.open_verb.cls, vocab.open_verb.frames, vocab.open_verb.confidence)
