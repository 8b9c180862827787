"""What ties a place to the event that happened there.

- a locative preposition on the event's verb or noun ("met in Abu Dhabi", "talks in
  Bonn", "told reporters in Geneva"), or on the complement of a word that is no event
  ("are believed in Paris to have agreed", "due to meet in Lisbon");
- the parser's attachment corrected where the sentence allows only one reading: a place
  hung on an event's participant ("a meeting of G-7 leaders in Venice", "told Reuters in
  London") or beside the event's date ("met Lund today in Portugal");
- "where" ("Geneva, where the talks were held"), "is where", and the subject of "host";
- a city modifying an event noun ("the Paris accord", "the Geneva talks"), or the
  possessive of a market session ("Tokyo's 145.25 close"); a quoted rate "in New York";
- the place visited ("visit Scandinavia", "a visit to Bonn");
- a place as the object of a preposition of time names the event held there ("after
  Paris"), when the story has placed one there.

Not ties: the subject's place ("officials in Tokyo said"), a base ("a firm operating in
Lyon", "Delaware, where the firm is incorporated"), a destination or origin
("returned to Manila"), a participant ("talks with Washington"), a topic ("talks on
Japan"), a country as an event's party ("U.S.-Japan talks").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .dating import DateMention
from .lexicon import EventLexicon
from .places import Place, bare
from .triggers import (SUBJECTS, complement_event, event_token, eventive_noun, is_verbal, lemma)

PARTICIPANT_ENTITIES = ("PERSON", "ORG", "NORP")
OBJECT_DEPS = ("dobj", "dative")
JOINERS = ("-", "/", "–")  # "U.S.-Japan talks": the places are the talks' parties
MAX_PARTICIPANT_STEPS = 4


@dataclass(frozen=True)
class Tie:
    event: Token  # the token standing for the event
    how: str  # prep, raising, timed, participant, object, adjacent, here, where, host, modifier, market, quote,
    #           visit, metonymy
    date: DateMention | None = None  # a date beside the place, said of the same event


@dataclass
class Scene:
    """What the tie rules read: the Doc, the data, places by token, dates by their edges."""

    doc: Doc
    lex: EventLexicon
    place_at: dict[int, Place]
    date_ending: dict[int, DateMention]
    date_starting: dict[int, DateMention]
    date_at: dict[int, DateMention]  # every token of a temporal expression, durations included
    event_of_date: dict[int, Token]  # date index -> its event


def tie(place: Place, s: Scene) -> Tie | None:
    """The event ``place`` is where, or None."""
    doc, lex = s.doc, s.lex
    root = doc[place.root]
    for _ in range(MAX_PARTICIPANT_STEPS):
        # A conjunct shares the first conjunct's tie: "visit Scandinavia and Belgium".
        first = s.place_at.get(root.head.i) if root.dep_ == "conj" else None
        if first is None or first.root == root.i:
            break
        root = doc[first.root]
    if place.kind == "here":
        return _here(root, place, s)
    head = root.head
    if root.dep_ == "pobj":
        word = head.lower_
        if word in lex.locatives and (lex.locatives[word] == "any" or place.kind != "place"):
            return _at(place, head, s)
        if word == "to" and lemma(head.head) in lex.visits and not is_verbal(head.head):
            return Tie(head.head, "visit")  # "a visit to Bonn"; "went to Bonn" is a destination
        if word in lex.temporal_preps:
            return Tie(root, "metonymy")  # kept only where the story placed an event there
        return None
    if root.dep_ == "dobj" and lemma(head) in lex.visits and is_verbal(head):
        return Tie(head, "visit")
    if root.dep_ in ("compound", "nmod") and eventive_noun(head, lex) and _names_a_venue(place, s):
        return Tie(head, "modifier")
    if root.dep_ == "poss" and (market := _market_session(head, s)) is not None:
        return Tie(market, "market")
    if root.dep_ == "nsubj" and lemma(head) in lex.hosts and (event := event_token(head, lex)) is not None:
        return Tie(event, "host")
    return _where(root, s)


def _at(place: Place, prep: Token, s: Scene) -> Tie | None:
    """The event a locative preposition's place belongs to."""
    lex = s.lex
    target = prep.head
    event = event_token(target, lex)
    if event is not None:
        return Tie(event, "prep", _beside(place, prep, s))
    if (event := complement_event(target, lex)) is not None:
        return Tie(event, "raising", _beside(place, prep, s))
    # A motion's "in Manila" is its destination ("arrived in Manila"), no venue.
    if lex.non_events.get(lemma(target)) == "motion":
        return None
    if _quoted_rate(target):
        return Tie(target, "quote")  # "against 1.2075 in Zurich": Zurich's close
    # A place hung on a time phrase is where what it times happened: "meeting for four weeks in New York".
    timed = s.date_at.get(target.i)
    if timed is not None and timed.index in s.event_of_date:
        return Tie(s.event_of_date[timed.index], "timed", _beside(place, prep, s))
    # A place after a clause's date belongs to the clause, not to the noun before the date:
    # "met Ortiz and Lund today in Portugal".
    before = s.date_ending.get(prep.i - 1)
    if before is not None and before.index in s.event_of_date:
        return Tie(s.event_of_date[before.index], "adjacent", before)
    if target.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        if (found := _through_participants(target, s)) is not None:
            return Tie(found, "participant", _beside(place, prep, s))
        if (found := _acting_on_object(target, s)) is not None:
            return Tie(found, "object", _beside(place, prep, s))
        # A subject's place is where the speaker is ("officials in Tokyo said"), even beside a date.
        if target.dep_ in SUBJECTS:
            return None
    after = s.date_starting.get(place.end)
    if after is not None and after.index in s.event_of_date:
        return Tie(s.event_of_date[after.index], "adjacent", after)
    return None


def _here(root: Token, place: Place, s: Scene) -> Tie | None:
    """"here" on an event's verb or noun ("the session that opens here today", "trading here")."""
    if root.dep_ != "advmod":
        return None  # "from here" is an origin
    lex, target = s.lex, root.head
    before = root.doc[root.i - 1] if root.i else None
    if before is not None and before.dep_ in OBJECT_DEPS and before.head.i == target.i \
            and not _is_participant(before, lex) and eventive_noun(before, lex) is None:
        return None  # "reappraised high-yielding investments here": the investments are here
    if (event := event_token(target, lex)) is not None or (event := complement_event(target, lex)) is not None:
        return Tie(event, "here", _beside(place, None, s))
    if target.pos_ in ("NOUN", "PROPN") and target.dep_ not in SUBJECTS:
        if (found := _through_participants(target, s)) is not None:
            return Tie(found, "here")  # "a meeting of EC ministers here"
    return None


def _beside(place: Place, prep: Token | None, s: Scene) -> DateMention | None:
    """A date just before the place's preposition or just after the place ("on June 25 in
    Vienna", "in Washington this week")."""
    before = (prep.i if prep is not None else place.start) - 1
    return s.date_ending.get(before) or s.date_starting.get(place.end)


def _through_participants(noun: Token, s: Scene) -> Token | None:
    """The event whose participants ``noun`` is among ("a meeting of G-7 leaders in Venice")."""
    lex, token = s.lex, noun
    for _ in range(MAX_PARTICIPANT_STEPS):
        if token.dep_ == "conj":
            token = token.head
            continue
        if token.dep_ != "pobj" or token.head.lower_ not in lex.participant_preps:
            return None
        above = token.head.head
        if (event := event_token(above, lex)) is not None:
            return event
        if above.pos_ not in ("NOUN", "PROPN"):
            return None
        token = above
    return None


def _acting_on_object(noun: Token, s: Scene) -> Token | None:
    """The event verb whose object, a person or body, the place was hung on ("told Reuters in London")."""
    token = noun
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ in OBJECT_DEPS and _is_participant(noun, s.lex):
        return event_token(token.head, s.lex)
    return None


def _is_participant(noun: Token, lex: EventLexicon) -> bool:
    """A person or a body: a name, a pronoun, "reporters", "officials"."""
    return (noun.ent_type_ in PARTICIPANT_ENTITIES or noun.pos_ == "PRON"
            or noun.lower_ in lex.participant_nouns or lemma(noun) in lex.participant_nouns)


def _quoted_rate(token: Token) -> bool:
    """A number the phrase is about ("1.2075", "20.30/35"): a rate quoted in a market."""
    return token.pos_ in ("NUM", "PROPN", "NOUN") and any(c.isdigit() for c in token.text) \
        and token.dep_ in ("pobj", "conj") and token.head.lower_ in ("against", "from", "at", "and")


def _market_session(head: Token, s: Scene) -> Token | None:
    """A market session a place's possessive names: "Tokyo's close", "Chicago's hours of
    trading", "Tokyo's 145.25 close" (the session word on the quoted rate)."""
    entry = eventive_noun(head, s.lex)
    if entry is not None:
        return head if entry[0] == "market" else None
    if any(c.isdigit() for c in head.text):
        for child in head.children:
            found = s.lex.nouns.get(child.lower_)
            if found and found[0] == "market":
                return child
    return None


def _names_a_venue(place: Place, s: Scene) -> bool:
    """A modifier of an event noun is its venue unless it is a country or one of a pair: the
    event's parties ("U.S. talks", "U.S.-Japan talks", "the Tokyo-Washington talks")."""
    doc = s.doc
    if place.kind == "event" or bare(place.name).lower() in s.lex.countries:
        return False
    joined = (place.end < len(doc) and doc[place.end].text in JOINERS) or \
        (place.start > 0 and doc[place.start - 1].text in JOINERS)
    return not joined


def _where(root: Token, s: Scene) -> Tie | None:
    """"Geneva, where the talks were held", "Geneva is where they met"; not a base ("Delaware,
    where the firm is incorporated"; "where it has a plant")."""
    clauses = [c for c in root.children if c.dep_ == "relcl"]
    if root.dep_ in ("nsubj", "attr") and lemma(root.head) == "be":
        clauses += [c for c in root.head.children if c.dep_ in ("ccomp", "advcl", "relcl", "attr")]
    for clause in clauses:
        if not any(c.lower_ == "where" for c in clause.children):
            continue
        event = event_token(clause, s.lex)
        if event is not None and not (event.i == clause.i and _stative_passive(clause)):
            return Tie(event, "where")
    return None


def _stative_passive(verb: Token) -> bool:
    """A present passive says what is so, not what happened: "where the company is incorporated"."""
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
