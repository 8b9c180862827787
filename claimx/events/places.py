"""Place mentions: the words that can be where an event happens.

Named places (GPE, LOC, FAC entities); names of other kinds whose head makes them a
facility or a named event ("the London Stock Exchange", "this year's Northern Dairy
Congress"); the named buildings of ``named_places.txt`` ("Louvre"); a name the story
tags as a place elsewhere (one sense per story: "the G-7 Washington talks"); and
"here", which means the dateline's city.  A place with its container is one mention
("Frankfurt, West Germany").  The dateline's place is never one: it is where the
story was filed.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..datelines import in_dateline
from ..docutil import doc_text
from .lexicon import EventLexicon
from .triggers import word_after, word_before

# Entity labels that never name a place: amounts, dates and times.
NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})
PERSON = "PERSON"
WIDE_LABELS = ("LOC",)  # continents, regions, seas: "Europe", "the Gulf"


@dataclass(frozen=True)
class Place:
    start: int  # first token
    end: int  # last token + 1
    root: int  # the token the mention hangs from
    kind: str  # place, facility, event (a named event) or here
    name: str  # "Frankfurt, West Germany"; for "here", the dateline's city
    wide: bool = False  # a country or a region ("Japan", "Europe"), not a city or a site
    container: int | None = None  # the root of the container's name ("Switzerland" of "Geneva, Switzerland")


def bare(text: str) -> str:
    """A name without a leading "the" or a trailing possessive, lower-cased ("the Louvre's" -> "louvre")."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    name = " ".join(words)
    return name[:-2] if name.endswith(("'s", "’s")) else name


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Without a leading "the", a trailing "'s" or a trailing preposition: the place's own words."""
    while end - start > 1 and (doc[start].lower_ == "the" or doc[start].is_space):
        start += 1
    if end - start > 1 and doc[end - 1].tag_ == "POS":
        end -= 1
    while end - start > 1 and doc[end - 1].pos_ in ("ADP", "CCONJ", "PUNCT", "SPACE"):
        end -= 1  # "the Gulf on": the tagger ran into the next word
    return start, end


def _facility_after(doc: Doc, root: Token, end: int, lex: EventLexicon) -> int | None:
    """The facility noun a name (its root, its end) modifies ("Calcutta port", "Narita airport"): its index, or None."""
    head = root.head
    if root.dep_ == "compound" and head.i == end and head.pos_ == "NOUN" \
            and lex.place_heads.get(head.lemma_.lower()) == "facility":
        return head.i
    return None


def _inside_a_name(doc: Doc, start: int) -> bool:
    """"the Central Authority of Malta": a place after a name's "of", which the tagger split."""
    of = word_before(doc, start)
    if of < 1 or doc[of].lower_ != "of":
        return False
    before = doc[word_before(doc, of)]
    return before.pos_ == "PROPN" and before.text[:1].isupper()


def _entity_place(doc: Doc, ent: Span, text: str, lex: EventLexicon,
                  place_names: set[str]) -> tuple[int, int, str] | None:
    """(start, end, kind) of the place an entity (whose words are ``text``) is, or None.  The
    cheap tests on the words come first: most entities are people and bodies, and a span's
    root costs a walk."""
    if not any(word[:1].isupper() for word in text.split()):
        return None  # a place is a name: "nurseries" the tagger took for one is not
    name = bare(text).lower()
    if len(ent) > 1 and name.split()[-1] in lex.publications:
        return None  # "the Charlotte Observer": a newspaper, wherever it is printed
    label = ent.label_
    if label in lex.place_labels:
        return None if _inside_a_name(doc, ent.start) else (ent.start, ent.end, "place")
    if name in lex.named_places:
        return ent.start, ent.end, "facility"
    root = ent.root
    # A person's name is never a facility by its last word ("Marshall Field").
    if label != PERSON and (kind := lex.place_heads.get(root.lemma_.lower())):
        return ent.start, ent.end, kind
    # One sense per story: a name tagged as a place elsewhere is a place here too.
    if name in place_names:
        return None if _inside_a_name(doc, ent.start) else (ent.start, ent.end, "place")
    if len(ent) > 1 and place_names:
        for size in (3, 2, 1):
            # "the G-7 Washington": the place its head is; never "Bank of Japan", whose head is "Bank".
            if size < len(ent) and ent.end - size <= root.i and bare(ent[len(ent) - size:].text).lower() in place_names:
                return ent.end - size, ent.end, "place"
    if label != PERSON and _facility_after(doc, root, ent.end, lex) is not None:
        return ent.start, ent.end, "facility"  # "Calcutta port": the body's name on a facility
    return None


def place_mentions(doc: Doc, lex: EventLexicon, dateline: dict | None, named: list[tuple[int, int]],
                   here: list[int]) -> list[Place]:
    """Every place mention in reading order.  ``named`` are the token ranges of named places
    found outside entities, ``here`` the positions of "here"."""
    text = doc_text(doc)
    ents = []
    for e in doc.ents:
        start, end = e.start_char, e.end_char
        # A dateline's place is where the story was filed, not where its events happen.
        if e.label_ not in NOT_NAMES and not in_dateline(dateline, start, end):
            ents.append((e, text[start:end]))
    # An acronym the story also tags as a body is the body ("an ICCO meeting"), not a place.
    bodies = {words for e, words in ents if e.label_ == "ORG" and words.isalpha() and words.isupper()}
    ents = [(e, words) for e, words in ents if not (words in bodies and e.label_ in lex.place_labels)]
    place_names = {bare(words).lower() for e, words in ents if e.label_ in lex.place_labels}
    if dateline and dateline.get("name"):
        place_names.add(dateline["name"].lower())  # "DHAKA, March 9 - ... the Dhaka meeting", tagged a body
    found: list[tuple[int, int, str]] = []
    regions = set()
    for ent, words in ents:
        place = _entity_place(doc, ent, words, lex, place_names)
        if place is not None:
            found.append(place)
            if ent.label_ in WIDE_LABELS:
                regions.add(place[0])
    taken = {i for start, end, _ in found for i in range(start, end)}
    for start, end in named:
        if not any(i in taken for i in range(start, end)) and \
                not in_dateline(dateline, doc[start].idx, doc[end - 1].idx + len(doc[end - 1])):
            found.append((start, end, "facility"))
    found.sort()
    places: list[Place] = []
    skip = set()
    for n, (start, end, kind) in enumerate(found):
        if n in skip:
            continue
        start, end = _trimmed(doc, start, end)
        span = doc[start:end]
        # "Frankfurt, West Germany": the country names where the city is, one place.
        container = None
        if n + 1 < len(found) and end < len(doc) and doc[end].text == "," \
                and found[n + 1][0] == word_after(doc, end + 1) and found[n + 1][2] == "place":
            end = _trimmed(doc, *found[n + 1][:2])[1]
            container = doc[found[n + 1][0]:end].root.i
            skip.add(n + 1)
        root = span.root.i
        if (facility := _facility_after(doc, doc[root], span.end, lex)) is not None:
            end = root = facility  # "Calcutta port": the facility is the place the sentence speaks of
            end += 1
        inn = word_after(doc, end)
        site = kind == "facility" or doc[end - 1].ent_type_ == "FAC"  # a named event's city is its venue
        if container is None and site and n + 1 < len(found) and inn < len(doc) \
                and doc[inn].lower_ == "in" and found[n + 1][0] == word_after(doc, inn + 1) \
                and found[n + 1][2] == "place":
            # "the Silver Creek mine in Lane County", "the Ada Lund Library in Salem": a
            # site with where it is, one place, whatever word the parser hung "in" on.
            nxt = n + 1
            end = _trimmed(doc, *found[nxt][:2])[1]
            if nxt + 1 < len(found) and end < len(doc) and doc[end].text == "," \
                    and found[nxt + 1][0] == word_after(doc, end + 1) and found[nxt + 1][2] == "place":
                nxt += 1  # "... in Lane County, Oregon"
                end = _trimmed(doc, *found[nxt][:2])[1]
            skip.update(range(n + 1, nxt + 1))  # the site is the place the sentence speaks of, not its county
        # "Geneva, Switzerland is where": a city the tagger missed before its country.
        if start >= 2 and doc[start - 1].text == "," and doc[start - 2].pos_ == "PROPN" \
                and doc[start - 2].head.i == span.root.head.i and doc[start - 2].ent_type_ == "":
            start = doc[start - 2].left_edge.i
        whole = doc[start:end]
        wide = span.start in regions or bare(span.text).lower() in lex.countries
        places.append(Place(start, end, root, kind, whole.text, wide, container))
    name = dateline["name"] if dateline else None
    for i in here:
        # "here" is the dateline's city; without a dateline it names no place the reader knows.
        if name and not in_dateline(dateline, doc[i].idx, doc[i].idx + len(doc[i])):
            places.append(Place(i, i + 1, i, "here", name))
    places.sort(key=lambda p: p.start)
    return places
