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
from .triggers import (SOCIAL_KINDS, SUBJECTS, complement_event, event_token, eventive_noun, is_verbal,
                       kind_and_family, last_word, lemma, takes_place, word_after, word_before)

PARTICIPANT_ENTITIES = ("PERSON", "ORG", "NORP")
OBJECT_DEPS = ("dobj", "dative")
THING_DEPS = ("dobj", "oprd", "attr")
AMOUNTS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")  # "closing its office", "called the regime"
JOINERS = ("-", "/", "–")  # "U.S.-Japan talks": the places are the talks' parties
MAX_PARTICIPANT_STEPS = 4
SITES = ("ORG", "FAC")  # bodies and buildings a place can be the place of ("the Norwegian Interests Section in Havana")


@dataclass(frozen=True)
class Tie:
    event: Token  # the token standing for the event
    how: str  # prep, raising, timed, participant, object, adjacent, here, where, host, modifier, market, quote,
    #           visit, site, metonymy
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
    cues: frozenset[int] = frozenset()  # the tokens of the claims' cues: verbs that report a statement


def tie(place: Place, s: Scene) -> Tie | None:
    """The event ``place`` is where, or None.  "Geneva, Switzerland": whichever name the parser
    gave the sentence's role ("Geneva, Switzerland is where they met")."""
    found = _tie_from(place, place.root, s)
    if found is None and place.container is not None:
        found = _tie_from(place, place.container, s)
    return found


def _tie_from(place: Place, start: int, s: Scene) -> Tie | None:
    doc, lex = s.doc, s.lex
    root = doc[start]
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
            return _at(place, head, s) or _where(root, s)  # "worked in Perth, where ten people were killed"
        if word == "to" and lemma(head.head) in lex.visits and not is_verbal(head.head):
            return Tie(head.head, "visit")  # "a visit to Bonn"; "went to Bonn" is a destination
        if word == "of" and _site_noun(head.head, lex) and head.head.dep_ == "pobj" \
                and head.head.head.lower_ in ("in", "at"):
            return _at(place, head.head.head, s)  # "held in the port city of Salem, Oregon"
        if word == "for" and (scheduled := _scheduled_event(head.head, s)) is not None:
            return Tie(scheduled, "prep", _beside(place, head, s))  # "a summit set for Madrid in April"
        if word in lex.temporal_preps:
            return Tie(root, "metonymy")  # kept only where the story placed an event there
        return _where(root, s)  # "moved to Turin, where they met": the where-clause's event
    if root.dep_ in ("compound", "nmod", "poss") and head.dep_ == "pobj" and head.head.lower_ in lex.locatives \
            and _site_noun(head, lex):
        return _at(place, head.head, s)  # "closed on the Lisbon stock market": the market is the city's
    after = word_after(doc, place.end)
    # "visiting U.S. Under-Secretary Hale": a participle right before a place and a title is an
    # adjective, the place names the title; "may visit the U.S. To open the fair" visits it.
    prenominal = head.tag_ == "VBG" and word_after(doc, head.i + 1) == place.start \
        and after < len(doc) and (doc[after].pos_ in ("PROPN", "NOUN") or doc[after].is_title)
    if root.dep_ == "dobj" and lemma(head) in lex.visits and is_verbal(head) and not prenominal:
        return Tie(head, "visit")
    if root.dep_ in ("compound", "nmod") and head.dep_ == "dobj" and _site_noun(head, lex) \
            and lemma(head.head) in lex.visits and is_verbal(head.head):
        return Tie(head.head, "visit")  # "visited the Kansas City area"
    if root.dep_ == "dobj" and place.kind == "facility" and lemma(head) in lex.site_verbs and is_verbal(head):
        return Tie(head, "site")  # "began sampling the Silver Creek mine": the site acted on
    # A statement's modifier is its source ("a White House statement"), not where it was made.
    # The modified noun must head its phrase: "a Bergen war bulletin" is a communique.
    if root.dep_ in ("compound", "nmod") and (entry := eventive_noun(head, lex)) and entry[0] != "statement" \
            and head.dep_ != "compound" and _names_a_venue(place, s):
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
    if _after_its_object(prep, target, s):
        return None  # "closing its office in Dubai", "sell its station in Leeds": the object's place
    if target.pos_ in ("NOUN", "PROPN") and s.doc[word_before(s.doc, prep.i)].text == "," \
            and eventive_noun(target, lex) is None:
        return None  # "the chairman, in Tokyo, ...": set off after a noun, the noun's place
    event = event_token(target, lex)
    if event is not None:
        if event.i == target.i and is_verbal(target) and stative_passive(target) and _kind(target, s) == "other":
            return None  # "the gold is held in Zurich": what is so; "its shares are traded in London" is a session
        if event.i == target.i and _kind(target, s) == "statement" and target.i not in s.cues \
                and any(c.dep_ == "auxpass" for c in target.children):
            return None  # "gains were reported in Ohio": the place is what was reported's, not a statement's
        if event.i == target.i and is_verbal(target) and _counted(target, lex) and not social_verb(target, s) \
                and place.kind == "place":
            return None  # "40 wells were drilled in Ector County last year": a statistic, not an event
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
    # ... unless what it times is a state: "after four decades in Washington, he has forgotten".
    if timed is not None and timed.index in s.event_of_date and _held(s.event_of_date[timed.index], s):
        return Tie(s.event_of_date[timed.index], "timed", _beside(place, prep, s))
    # A place after a clause's date belongs to the clause, not to the noun before the date:
    # "met Ortiz and Lund today in Portugal".
    before = s.date_ending.get(word_before(s.doc, prep.i))
    if before is not None and before.calendar and before.index in s.event_of_date:
        return Tie(s.event_of_date[before.index], "adjacent", before)
    if target.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        if (found := _through_participants(target, s)) is not None:
            return Tie(found, "participant", _beside(place, prep, s))
        if (found := _acting_on_object(target, s)) is not None:
            return Tie(found, "object", _beside(place, prep, s))
        if (found := _through_a_site(target, s)) is not None:
            return Tie(found, "site", _beside(place, prep, s))
        # A subject's place is where the speaker is ("officials in Tokyo said"), even beside a date.
        if target.dep_ in SUBJECTS:
            return None
    # "the talks with officials in Bonn next month": a calendar date after the place dates the
    # clause's event, unless the place was the thing's ("investment in Ghana over ten years").
    after = s.date_starting.get(word_after(s.doc, place.end))
    if after is not None and after.calendar and after.index in s.event_of_date \
            and not _located_thing(target, s.event_of_date[after.index], s):
        return Tie(s.event_of_date[after.index], "adjacent", after)
    return None


def _scheduled_event(verb: Token, s: Scene) -> Token | None:
    """The event noun a participle of scheduling describes ("a summit set for Madrid",
    "talks scheduled for Geneva"): its "for" names where the event will be."""
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and s.lex.support.get(lemma(verb)) in ("object", "both") \
            and eventive_noun(verb.head, s.lex):
        return verb.head
    return None


def _here(root: Token, place: Place, s: Scene) -> Tie | None:
    """"here" on an event's verb or noun ("the session that opens here today", "trading here")."""
    if root.dep_ != "advmod":
        return None  # "from here" is an origin
    lex, target = s.lex, root.head
    if _after_a_dependent(root, target, lex):
        return None
    if (event := event_token(target, lex)) is not None or (event := complement_event(target, lex)) is not None:
        return Tie(event, "here", _beside(place, None, s))
    if target.pos_ in ("NOUN", "PROPN") and target.dep_ not in SUBJECTS:
        if (found := _through_participants(target, s)) is not None:
            return Tie(found, "here")  # "a meeting of EC ministers here"
    return None


def _after_a_dependent(here: Token, verb: Token, lex: EventLexicon) -> bool:
    """"here" right after the verb's subject or object belongs to it, whatever the parser
    says: "economists here said" (located people), "weighed bonds here" (located
    things); but "told reporters here" and "held talks here" put the event here."""
    previous = word_before(here.doc, here.i)
    for child in verb.children:
        if last_word(child) != previous or child.i == here.i:
            continue
        if child.dep_ in SUBJECTS:
            return True
        last = here.doc[previous]
        if last.dep_ == "pobj" and last.head.lower_ not in lex.participant_preps and _is_participant(last, lex):
            return True  # "offer a pay deal to staff here": the staff are here
        if child.dep_ in OBJECT_DEPS:
            return not (_is_participant(child, lex) or eventive_noun(child, lex))
    return False


def _beside(place: Place, prep: Token | None, s: Scene) -> DateMention | None:
    """A date just before the place's preposition or just after the place ("on June 25 in
    Vienna", "in Washington this week")."""
    before = word_before(s.doc, prep.i if prep is not None else place.start)
    return s.date_ending.get(before) or s.date_starting.get(word_after(s.doc, place.end))


def _through_participants(noun: Token, s: Scene) -> Token | None:
    """The event whose participants ``noun`` is among ("a meeting of G-7 leaders in Venice")."""
    lex, token = s.lex, noun
    if _is_located(noun, lex):
        return None  # "proceed with development of its property in Ontario": the property's place
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


def _through_a_site(noun: Token, s: Scene) -> Token | None:
    """The event at a site the place was hung on: the site is where the event is, the place where
    the site is ("applied at the Interests Section in Havana", "a speech at Westminster College in
    Fulton"), or the site is what an attack acts on ("the bombing of the embassies in Kenya",
    "attacks on camps in Sudan", "destroyed a platform in the Gulf")."""
    lex = s.lex
    site = _is_located(noun, lex) or _site_noun(noun, lex) or noun.i in s.place_at or noun.ent_type_ in SITES
    token = noun
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ == "pobj" and token.head.head.i != token.head.i:
        word, event = token.head.lower_, event_token(token.head.head, lex)
        if event is not None and (site and lex.locatives.get(word) == "any"
                                  or word in lex.acting_preps and _acts_on_a_site(event, s)):
            return event
    if token.dep_ in OBJECT_DEPS and (event := event_token(token.head, lex)) is not None and _acts_on_a_site(event, s):
        return event
    return None


def _acts_on_a_site(event: Token, s: Scene) -> bool:
    """An attack or a verb of site_verbs.txt: what it acts on is where it happens."""
    return lemma(event) in s.lex.site_verbs or kind_and_family(event, s.lex)[0] == "conflict"


def _acting_on_object(noun: Token, s: Scene) -> Token | None:
    """The event verb whose object, a person or body, the place was hung on ("told Reuters in London")."""
    token = noun
    while token.dep_ == "conj":
        token = token.head
    verb = token.head
    # People are told, met, tried somewhere; a body that is sold is where it is ("sell the depot in Leeds").
    if token.dep_ in OBJECT_DEPS and _is_participant(noun, s.lex) and social_verb(verb, s, noun):
        return event_token(verb, s.lex)
    return None


def _held(event: Token, s: Scene) -> bool:
    """An event people hold, make, try, fight or trade: what a stretch of time in a place can be."""
    return _kind(event, s) in SOCIAL_KINDS + ("market",)


def _counted(verb: Token, lex: EventLexicon) -> bool:
    """Whether the verb's subject or object is a counted or measured thing ("55 wells were
    drilled", "sold 5,000 cars"): then the clause states a figure.  Counted people and spans of
    time are no figure ("2,800 workers were locked out", "spent two weeks in Baghdad")."""
    for child in verb.children:
        if child.dep_ not in SUBJECTS + OBJECT_DEPS or child.pos_ != "NOUN" or _is_participant(child, lex) \
                or lemma(child) in lex.frames or child.ent_type_ in ("DATE", "TIME"):
            continue
        if child.ent_type_ in AMOUNTS or any(c.dep_ == "nummod" or c.ent_type_ in AMOUNTS for c in child.children):
            return True
    return False


def social_verb(verb: Token, s: Scene, addressee: Token | None = None) -> bool:
    """A verb of meeting, law or conflict, or of speech when it reports a claim or is said to
    someone ("told reporters", "spoke to the committee"): one whose object is its partner or its
    content.  "offer a service", "add 300 jobs" speak of things."""
    kind = kind_and_family(verb, s.lex)[0]
    if kind == "statement":
        return verb.i in s.cues or (addressee is not None and _is_participant(addressee, s.lex))
    return kind in SOCIAL_KINDS


def _after_its_object(prep: Token, verb: Token, s: Scene) -> bool:
    """Whether the preposition comes right after the verb's object, a thing that can be
    somewhere: then its place is the thing's ("its office in Dubai"), not the event's.  People
    and events are told, met, held in a place ("told reporters in Geneva", "held talks in Bonn")."""
    if not is_verbal(verb) or takes_place(verb):
        return False  # "will take place in Brussels": "place" is the verb's own
    lex, place_at = s.lex, s.place_at
    doc = verb.doc
    previous = word_before(doc, prep.i)
    for child in verb.children:
        if last_word(child) != previous or child.i == prep.i:
            continue
        if child.dep_ in THING_DEPS:
            obj = child
        elif child.dep_ in ("prep", "dative") and child.lower_ not in lex.participant_preps:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)  # "spend on gas reserves in Alberta"
            if obj is not None and (obj.i in place_at or lex.place_heads.get(lemma(obj)) == "facility"):
                return False  # "met at a hotel in Detroit": the place's container
        else:
            return False
        if obj is None:
            return False
        last = doc[previous]
        noun = last if last.dep_ == "conj" and last.head.i == obj.i else obj
        return _located_thing(noun, verb, s)
    return False


def _located_thing(noun: Token, verb: Token, s: Scene) -> bool:
    """Whether the object is a thing that is somewhere, so that a place after it is its own.
    What a verb of meeting, speech or law takes is its content or its partner ("announced the
    plan at the congress", "told reporters in Geneva"): only a facility, property or market is
    located there ("raised funds in Tokyo" stays, "sold its office in Lyon" does not).  Any
    other verb's thing is where it is ("make chemicals in Akron", "phoned banks in London")."""
    lex = s.lex
    if eventive_noun(noun, lex) or noun.pos_ == "PRON" or _quoted_rate(noun) \
            or noun.ent_type_ in ("DATE", "TIME") or lemma(noun) in lex.frames:
        return False  # "held talks in Bonn", "entered their third week in Rome"
    if lemma(verb) in lex.site_verbs:
        return False  # "destroyed the drilling rig in the Gulf": the site acted on is where it happened
    if _is_located(noun, lex):
        return True
    if social_verb(verb, s, noun):
        return noun.ent_type_ in ("FAC", "PRODUCT")
    return True


def _is_located(noun: Token, lex: EventLexicon) -> bool:
    """A thing that is somewhere: an office, a property, a facility."""
    return lemma(noun) in lex.located or noun.lower_ in lex.located or lex.place_heads.get(lemma(noun)) == "facility"


def _site_noun(noun: Token, lex: EventLexicon) -> bool:
    """A market or a facility a city can name ("the Lisbon stock market", "the Geneva headquarters")."""
    return noun.lower_ in lex.site_nouns or lemma(noun) in lex.site_nouns \
        or lex.place_heads.get(lemma(noun)) == "facility"


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
    sessions = s.lex.sessions
    if head.lower_ in sessions or any(c.dep_ == "compound" and c.lower_ in sessions for c in head.children) \
            or any(c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ in sessions for o in c.children)
                   for c in head.children):
        return head if eventive_noun(head, s.lex) else None
    if any(c.isdigit() for c in head.text):
        for child in head.children:
            if child.lower_ in sessions:
                return child
    return None


def _names_a_venue(place: Place, s: Scene) -> bool:
    """A modifier of an event noun is its venue unless it is a country or one of a pair: the
    event's parties ("U.S. talks", "U.S.-Japan talks", "the Tokyo-Washington talks")."""
    doc = s.doc
    if place.kind == "event" or bare(place.name).lower() in s.lex.countries:
        return False
    after, before = word_after(doc, place.end), word_before(doc, place.start)
    joined = (after < len(doc) and doc[after].text in JOINERS) or \
        (before >= 0 and doc[before].text in JOINERS) or any(j in place.name for j in JOINERS)
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
        # A where-clause in the simple present says what the place is like, not what happened
        # there ("where the Commission tries to ...", "where it is incorporated"); a habitual
        # meeting or session, or an event noun happening there, is an event still ("where the
        # committee meets every week", "where the talks are held").
        stative = event is not None and event.i == clause.i and _kind(clause, s) == "other" \
            and (stative_passive(clause) or _simple_present(clause))
        if event is not None and not stative:
            return Tie(event, "where")
    return None


def _kind(verb: Token, s: Scene) -> str:
    return kind_and_family(verb, s.lex)[0]


def _simple_present(verb: Token) -> bool:
    """"tries", "has", "is incorporated": the verb or its auxiliaries in the present, no modal."""
    words = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(w.tag_ in ("VBZ", "VBP") for w in words) and not any(w.tag_ == "MD" for w in words)


def stative_passive(verb: Token) -> bool:
    """A present passive says what is so, not what happened: "where the company is incorporated"."""
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
