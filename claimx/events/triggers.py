"""Which words name an event, and which token stands for it.

An event is any predicate the parse marks as an action or a happening: a verb
(unless ``non_event_verbs.tsv`` lists it: states, bases, measures, motion, mental
states) or an eventive noun (``event_words.tsv``; a frame noun such as "hours" or
"days" that an event noun modifies).  A support verb says that its event noun
happens ("the talks will be held", "paid a visit"): the noun stands for the event.
"""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import EventLexicon

VERBAL_POS = ("VERB",)
NOMINAL_POS = ("NOUN",)
SUBJECTS = ("nsubj", "nsubjpass")
OBJECTS = ("dobj",)
REDUCED_RELATIVES = ("acl", "relcl")
PARTICIPLE_DEPS = ("prep", "advcl", "acl", "xcomp")  # where the parser hangs "starting April 2" on a verb
NOMINAL_DEPS = ("pobj", "dobj", "nsubj", "nsubjpass")
SOCIAL_KINDS = ("meeting", "statement", "legal", "conflict")  # events people hold, make, try or fight


def word_before(doc, i: int) -> int:
    """The nearest token before ``i`` that is not a line break (-1 if none): "in\nTexas" reads "in Texas"."""
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i


def word_after(doc, i: int) -> int:
    """The nearest token at or after ``i`` that is not a line break (len(doc) if none)."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i


def last_word(token: Token) -> int:
    """The last token of ``token``'s phrase that is not a line break: "staff\nhere" ends at "staff"."""
    return word_before(token.doc, token.right_edge.i + 1)


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def is_verbal(token: Token) -> bool:
    """A verb, or a gerund the tagger made a noun ("ships docking at Calcutta")."""
    return token.pos_ in VERBAL_POS or (token.pos_ in NOMINAL_POS and token.tag_ == "VBG")


def noun_entry(token: Token, lex: EventLexicon) -> tuple[str, str] | None:
    """(kind, family) when the noun names an event by itself ("talks", "trading")."""
    return lex.nouns.get(token.lower_) or lex.nouns.get(lemma(token))


def eventive_noun(token: Token, lex: EventLexicon) -> tuple[str, str] | None:
    """(kind, family) of an eventive noun: listed, or a frame its event modifies ("trading hours",
    "hours of trading", "two days of talks")."""
    # A word in a noun's place counts as one: "at the close" (tagged an adjective).
    if token.pos_ not in NOMINAL_POS and token.pos_ != "PROPN" and token.dep_ not in NOMINAL_DEPS:
        return None
    entry = noun_entry(token, lex)
    if entry or lemma(token) not in lex.frames and token.lower_ not in lex.frames:
        return entry
    for child in token.children:
        if child.dep_ == "compound" and (found := noun_entry(child, lex)):
            return found
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and (found := noun_entry(obj, lex)):
                    return found
    return None


def supported_noun(verb: Token, lex: EventLexicon) -> Token | None:
    """The event noun a support verb is about: its subject or object, or the noun it qualifies."""
    role = lex.support.get(lemma(verb))
    if role is None:
        return None
    if role in ("subject", "both"):
        if verb.dep_ in REDUCED_RELATIVES and eventive_noun(verb.head, lex):
            return verb.head  # "the meeting starting June 2", "the session that opens here today"
        if (noun := _set_off_by_commas(verb, lex)) is not None:
            return noun  # "the talks, starting on June 3, will ..."
        if (event := _participle_after_event(verb, lex)) is not None:
            return event  # "talks in Washington starting today", "due to have met in Oslo starting April 2"
        # "the strike is set to begin on Monday": an infinitive's subject is its governor's.
        holder = verb.head if verb.dep_ == "xcomp" and not any(c.dep_ in SUBJECTS for c in verb.children) else verb
        for child in holder.children:
            # A statement is made, not "in" somewhere: "whose last addresses were in Vermont" are homes.
            if child.dep_ in SUBJECTS and (entry := eventive_noun(child, lex)) \
                    and not (lemma(verb) == "be" and entry[0] == "statement"):
                return child
    if role in ("object", "both"):
        if verb.dep_ in REDUCED_RELATIVES and verb.tag_ == "VBN" and eventive_noun(verb.head, lex):
            return verb.head  # "a vigil planned at the college", "the talks scheduled for May"
        for child in verb.children:
            if child.dep_ in OBJECTS and eventive_noun(child, lex):
                return child
    return None


def _set_off_by_commas(verb: Token, lex: EventLexicon) -> Token | None:
    """The event noun a participle set off by a comma right after it describes, wherever
    the parser hung the participle."""
    doc = verb.doc
    comma = word_before(doc, verb.left_edge.i)
    if verb.tag_ not in ("VBG", "VBN") or comma < 1 or doc[comma].text != ",":
        return None
    noun = doc[word_before(doc, comma)]
    return noun if eventive_noun(noun, lex) else None


def _participle_after_event(verb: Token, lex: EventLexicon) -> Token | None:
    """The event a support participle with no subject of its own follows, wherever the parser
    hung it: "talks in Washington starting today" (on the place), "met in Oslo starting
    April 2" (on the verb).  The participle says when that event begins or ends."""
    if verb.tag_ not in ("VBG", "VBN") or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    doc = verb.doc
    last = word_before(doc, verb.left_edge.i)
    if last < 0 or doc[last].is_punct:
        return None  # set off by a comma: _set_off_by_commas reads it
    # The phrase that ends right before the participle, climbed while it still ends there.
    token = doc[last]
    while last_word(token) == last:
        if eventive_noun(token, lex):
            return token
        if token.head.i == token.i:
            break
        token = token.head
    head = verb.head
    if verb.dep_ in PARTICIPLE_DEPS and head.i < verb.i and is_verbal(head) and lemma(head) not in lex.support:
        event = event_token(head, lex)
        return event if event is not None and event.i == head.i else None
    return None


def takes_place(verb: Token) -> bool:
    """"take place": an event verb; "take part", "take" alone are not."""
    return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)


def event_token(token: Token, lex: EventLexicon) -> Token | None:
    """The token standing for the event ``token`` names, or None when it names none."""
    if is_verbal(token) or (token.pos_ == "AUX" and lemma(token) == "be"):
        noun = supported_noun(token, lex)
        if noun is not None:
            return noun
        word = lemma(token)
        if word == "take":
            return token if takes_place(token) else None
        if token.pos_ == "AUX" or (word in lex.non_events and phrasal(token, lex) is None) or _idiom(token, lex):
            return None
        return token
    if eventive_noun(token, lex):
        return token
    return None


def phrasal(verb: Token, lex: EventLexicon) -> tuple[str, str] | None:
    """(kind, family) of a verb that names an event with its particle ("went off", "blew up")."""
    for child in verb.children:
        if child.dep_ == "prt" and (found := lex.phrasal.get((lemma(verb), child.lower_))):
            return found
    return None


def _idiom(verb: Token, lex: EventLexicon) -> bool:
    """"met with success", "caught fire": a verb and object that name a state, not an event."""
    word = lemma(verb)
    for child in verb.children:
        objects = [child] if child.dep_ == "dobj" else \
            [c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" else []
        if any((word, lemma(o)) in lex.idioms for o in objects):
            return True
    return False


def kind_and_family(token: Token, lex: EventLexicon) -> tuple[str, str]:
    """The event's coarse kind (meeting, statement, legal, market, conflict, other) and its family."""
    if is_verbal(token):
        return phrasal(token, lex) or lex.verbs.get(lemma(token)) or ("other", lemma(token))
    return eventive_noun(token, lex) or lex.verbs.get(lemma(token)) or ("other", lemma(token))


def complement_event(token: Token, lex: EventLexicon) -> Token | None:
    """A raising word's complement event: "believed to have agreed", "due to meet"."""
    if lemma(token) not in lex.raising and lex.non_events.get(lemma(token)) != "mind":
        return None  # a motion's purpose is elsewhere: "arrived in Tokyo to attend"
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp") and (found := event_token(child, lex)) is not None:
            return found
    return None
