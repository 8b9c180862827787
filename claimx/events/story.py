"""A story's events: each place tied to its event, each event with its own date and the
claims that report it, as plain data.

``find_events`` is the whole pass: place mentions, dates, the tie of each place, the
events the ties and the dates name, their dates (own, else the same event's elsewhere)
and claims.  Events are the ones the story places or dates: an event with neither is a
verb like any other and is not listed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .dating import DateMention, best, date_mentions, day_value, governor, within
from .lexicon import EventLexicon
from .places import Place, bare, place_mentions
from .ties import Scene, Tie, social_verb, tie
from .triggers import complement_event, event_token, eventive_noun, is_verbal, kind_and_family, lemma

# Kinds whose every mention is an event of its own: a statement, a market session.
UNSHARED_KINDS = ("statement", "market")
# Ties that name the event by its place: "the Paris accord" is the event held in Paris.
NAMED_BY_PLACE = ("modifier", "metonymy")
DEFINITE = ("the", "this", "that", "these", "those")
# Ties that put any event at a place; a country or region takes only a social event by them.
LOOSE_TIES = ("prep", "raising", "timed", "participant", "object", "adjacent", "where")


@dataclass
class Event:
    token: Token
    kind: str
    family: str
    own: list[DateMention] = field(default_factory=list)
    places: list[tuple[Place, Tie]] = field(default_factory=list)
    date: DateMention | None = None


def find_events(doc: Doc, lex: EventLexicon, named: list[tuple[int, int]], here: list[int]) -> tuple[list, list]:
    """(events, venues) as plain data (character offsets into ``doc.text``)."""
    dateline = doc._.claimx_dateline
    places = place_mentions(doc, lex, dateline, named, here)
    dates = date_mentions(doc, dateline)
    event_places = {p.root for p in places if p.kind == "event"}
    governed: dict[int, list[DateMention]] = {}  # predicate token -> the dates it governs
    event_of_date: dict[int, Token] = {}
    for mention in dates:
        head = governor(doc, mention, lambda t: _predicate(t, lex), lex.participant_preps, lex.frames, event_places,
                        lex.comparison_preps)
        if head is None:
            continue
        governed.setdefault(head.i, []).append(mention)
        event = None if head.i in event_places else (event_token(head, lex) or complement_event(head, lex))
        if event is not None:
            event_of_date[mention.index] = event
    place_at = {i: p for p in places for i in range(p.start, p.end)}
    cues = _cue_tokens(doc)
    scene = Scene(doc, lex, place_at, {m.end - 1: m for m in dates}, {m.start: m for m in dates},
                  {i: m for m in dates for i in range(m.start, m.end)}, event_of_date, cues)
    events: dict[int, Event] = {}

    def event_for(token: Token) -> Event:
        if token.i not in events:
            events[token.i] = Event(token, *kind_and_family(token, lex))
        return events[token.i]

    for mention in dates:
        if mention.calendar and mention.index in event_of_date:
            event_for(event_of_date[mention.index]).own.append(mention)
    placed: set[str] = set()
    for place in places:
        found = tie(place, scene)
        if found is None or (found.how == "metonymy" and bare(place.name).lower() not in placed):
            continue  # "after Paris" names an event only where the story has put one in Paris
        if place.wide and found.how in LOOSE_TIES and not _social(found.event, scene):
            continue  # "the surplus achieved in New Zealand", "selling vehicles in the U.S.": a state of a country
        placed.add(bare(place.name).lower())
        event = event_for(found.event)
        if found.how == "quote":
            event.kind, event.family = "market", "close"
        event.places.append((place, found))
        for mention in [found.date, *governed.get(place.root, ())]:
            if mention is not None and mention.calendar and mention not in event.own:
                event.own.append(mention)  # "this year's Northern Dairy Congress" dates what happened at it
    for event in events.values():
        # A quoted rate is an earlier session's, not the clause's ("opened at 1.2040 against 1.2075 in Zurich").
        if not event.own and not any(t.how == "quote" for _, t in event.places):
            event.own = [m for m in _clause_dates(event.token, governed, lex) if m.calendar]
        event.date = best(event.own, event.token.i)
    _share_dates(list(events.values()))
    return _as_data(doc, sorted(events.values(), key=lambda e: e.token.i))


def _social(token: Token, scene: Scene) -> bool:
    """An event people hold, try or fight ("met in Japan"), a statement the story reports as a
    claim ("told reporters in Japan that ..."), or one a noun names ("trading hours in Japan"):
    what a country can be the place of, beside its states ("shares offered outside Canada")."""
    if not is_verbal(token) and eventive_noun(token, scene.lex) is not None:
        return True
    return social_verb(token, scene, next((c for c in token.children if c.dep_ in ("dobj", "dative")), None))


def _cue_tokens(doc: Doc) -> frozenset[int]:
    """The tokens of the claims' cues ("said", "told"): the verbs that report a statement."""
    out = set()
    for claim in doc._.claimx_claims or []:
        cue = claim.get("cue")
        span = doc.char_span(cue["start"], cue["end"], alignment_mode="expand") if cue else None
        if span is not None:
            out.update(range(span.start, span.end))
    return frozenset(out)


def _predicate(token: Token, lex: EventLexicon) -> bool:
    """Where a date's climb stops: a verb, "be", a raising adjective ("due"), an event noun."""
    return (is_verbal(token) or token.pos_ == "AUX" or (token.pos_ == "ADJ" and lemma(token) in lex.raising)
            or eventive_noun(token, lex) is not None)


def _clause_dates(token: Token, governed: dict[int, list[DateMention]], lex: EventLexicon) -> list[DateMention]:
    """An undated event's clause's dates: the verb a noun event hangs from ("invited for talks
    next month", "closed early today after two hours of trading"), the raising word a
    verb event is the complement of ("was due to meet ... this week")."""
    if _acted_on(token, lex):
        return []  # "seek to strengthen the Lisbon accord tomorrow": tomorrow is the strengthening's
    head = token
    for _ in range(6):
        if head.head.i == head.i:
            return []
        head = head.head
        if is_verbal(head) or head.pos_ == "AUX" or (head.pos_ == "ADJ" and lemma(head) in lex.raising):
            if is_verbal(token) and token.dep_ not in ("xcomp",) and not _participle_clause(token):
                return []  # a verb's own clause is itself
            if not governed.get(head.i) and _participle_clause(head):
                token = head  # "visited Nevada on Sunday, holding a rally in Elko"
                continue
            return list(governed.get(head.i, ()))
    return []


def _participle_clause(verb: Token) -> bool:
    """A participle with no subject of its own that goes with its clause ("..., holding a rally"):
    it happens when its clause does."""
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _acted_on(token: Token, lex: EventLexicon) -> bool:
    """A noun event that is the object of a verb ("reaffirmed an earlier Paris accord",
    "strengthen the accord"): what is done to it is a later event.  A support verb's
    object is the verb's own event ("held talks", "attend the meeting")."""
    verb = token.head
    return token.dep_ == "dobj" and not is_verbal(token) and is_verbal(verb) and lemma(verb) not in lex.support


def _definite(token: Token) -> bool:
    """"the talks", "last year's meeting": a description of an event the story knows."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in token.children)


def _names(event: Event) -> set[str]:
    return {bare(p.name).lower() for p, _ in event.places}


def _same_place(a: set[str], b: set[str]) -> bool:
    """Whether two sets of place names share a place ("West Germany" is in "Frankfurt, West Germany")."""
    return any(x == y or f" {x}" in f" {y}" or f" {y}" in f" {x}" for x in a for y in b)


def _same_event(event: Event, other: Event) -> bool:
    """Whether ``other`` is another mention of ``event``, as the story lets a reader tell."""
    if other.kind in UNSHARED_KINDS or not other.own:
        return False
    mine, theirs = _names(event), _names(other)
    if theirs and not _same_place(mine, theirs):
        return False
    if any(t.how in NAMED_BY_PLACE for _, t in event.places) and theirs:
        return True  # "the Paris accord" and "talks in Paris"
    if theirs and other.kind == event.kind == "conflict":
        return True  # "the bombings in Kenya" and "the Friday explosions in Nairobi, Kenya"
    if other.family != event.family:
        return False
    return bool(theirs) or (not is_verbal(other.token) and _definite(other.token))


def _share_dates(events: list[Event]) -> None:
    """Date placed events from the same event's other mentions: a finer date inside its own,
    or, without one, the date the other mentions agree on."""
    found: dict[int, DateMention] = {}
    for event in events:
        if not event.places or event.kind in UNSHARED_KINDS:
            continue
        others = [o for o in events if o is not event and _same_event(event, o)]
        if event.date is not None:
            # A finer date inside the event's own, from the same event or one at the same place:
            # "talks in Oslo next month ... a visit to Oslo on June 3-4".
            near = others + [o for o in events if o is not event and o not in others and o.kind not in UNSHARED_KINDS
                             and o.places and _same_place(_names(event), _names(o))]
            finer = [m for o in near for m in o.own if within(m.value, event.date.value)]
            if finer:
                found[event.token.i] = best(finer, event.token.i)
            continue
        values = {day_value(m.value): m for o in others for m in o.own}
        if len(values) == 1:
            found[event.token.i] = next(iter(values.values()))
    for event in events:
        if event.token.i in found:
            event.date = found[event.token.i]


def _date_fields(doc: Doc, mention: DateMention | None) -> dict:
    if mention is None:
        return {"dates": [], "date": None, "date_range": None}
    data = doc._.claimx_dates[mention.index]
    values = data.get("values") or []
    return {"dates": [mention.index], "date": day_value(mention.value),
            "date_range": f"{day_value(values[0])}/{day_value(values[-1])}" if len(values) > 1 else None}


def _as_data(doc: Doc, events: list[Event]) -> tuple[list[dict], list[dict]]:
    claims = doc._.claimx_claims or []
    out_events, out_venues = [], []
    for n, event in enumerate(events):
        token = event.token
        start, end = token.idx, token.idx + len(token.text)
        dated = _date_fields(doc, event.date)
        venue_ids = []
        for place, found in event.places:
            span = doc[place.start:place.end]
            venue_ids.append(len(out_venues))
            out_venues.append({"start": span.start_char, "end": span.end_char, "name": place.name,
                               "event": token.text, "event_index": n, "tie": found.how, **dated})
        out_events.append({"start": start, "end": end, "text": token.text, "kind": event.kind, **dated,
                           "venues": venue_ids, "claims": _reporting(claims, start, end)})
    return out_events, out_venues


def _reporting(claims: list[dict], start: int, end: int) -> list[int]:
    """The claims that report an event: it is their cue ("said in Tokyo") or in their content."""
    out = []
    for n, claim in enumerate(claims):
        cue = claim.get("cue") or {}
        if (claim["start"] <= start and end <= claim["end"]) or \
                (cue and cue["start"] <= start and end <= cue["end"]):
            out.append(n)
    return out
