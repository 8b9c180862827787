"""Mentions to entities: one speaker however the article names it.

Names cluster by surname, canonical organisation name or acronym; unnamed
roles ("a NSC spokesperson") by role and affiliation; pronouns go to the most
recent compatible mention before them.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from ..docutil import RangeIndex
from .mentions import Mention, SpeakerLexicon, describe, names_match

ORG_KINDS = {"organization", "government", "media"}
PERSON_LIKE = {"person", "anonymous"}
# A place attached as one of these is where something is, not who acts: no pronoun's antecedent.
PLACE_NOT_ACTOR_DEPS = frozenset({"pobj", "compound", "amod", "npadvmod", "nmod"})
# How far back (in sentences) a pronoun looks for its antecedent.
PRONOUN_WINDOW = 6


@dataclass
class Entity:
    kind: str
    name: str
    title: str | None = None
    affiliation: str | None = None
    plural: bool = False
    head_lemma: str = ""
    mentions: list[Mention] = field(default_factory=list)
    members: list[int] = field(default_factory=list)

    def absorb(self, m: Mention) -> None:
        self.mentions.append(m)
        if m.kind == "person" and not m.described and (
                len(m.name.split()) > len(self.name.split()) or self.name == self.title):
            self.name = m.name
        if m.kind == "anonymous" and len(m.name) > len(self.name):
            self.name = m.name
        self.title = self.title or m.title
        self.affiliation = self.affiliation or m.affiliation


def name_parts(name: str, suffixes: frozenset[str]) -> list[str]:
    parts = [p.lower().strip(".,") for p in name.split()]
    while len(parts) > 1 and parts[-1] in suffixes:
        parts.pop()
    return parts


def same_person(a: str, b: str, suffixes: frozenset[str]) -> bool:
    """Same surname, and first names that agree where both are given ("S. Ryabkov" = "Sergei Ryabkov")."""
    pa, pb = name_parts(a, suffixes), name_parts(b, suffixes)
    if not pa or not pb or pa[-1] != pb[-1]:
        return False
    if len(pa) == 1 or len(pb) == 1:
        return True
    return pa[0] == pb[0] or pa[0][0] == pb[0][0] and (len(pa[0]) == 1 or len(pb[0]) == 1)


def matches(entity: Entity, m: Mention, lex: SpeakerLexicon, places: frozenset[str]) -> bool:
    """Whether mention ``m`` is ``entity`` again; ``places``: the story's place names, lower-cased."""
    if m.fresh:
        return False
    if entity.kind == "person" and m.kind in ORG_KINDS and " " not in m.name and not m.described:
        # A lone surname the tagger took for an organisation ("Vasquez said").
        return name_parts(entity.name, lex.name_suffixes)[-1] == m.name.lower()
    if entity.kind == "person" and m.kind == "person":
        if m.described:
            # "the president" is the person titled so, or the same description again.
            title = (entity.title or "").lower()
            return m.head_lemma in title.split() or entity.name.lower() == m.name.lower()
        return same_person(entity.name, m.name, lex.name_suffixes)
    if m.described and m.kind == "media":
        # "the newspaper" is the paper named before, or one introduced as "a Baton Rouge newspaper".
        return entity.kind == "media" and (not entity.mentions[0].described or entity.mentions[0].fresh)
    if entity.kind == "organization" and not m.described and m.name.lower() in places \
            and opens_company_name(entity.name, m.name, lex):
        return True
    if entity.kind in ORG_KINDS and m.kind in ORG_KINDS:
        a, b = lex.canonical(entity.name), lex.canonical(m.name)
        return a.lower() == b.lower() or (names_match(a, b, lex) and (a.replace(".", "").isupper() or b.replace(".", "").isupper()))
    if entity.kind == "anonymous" and m.kind == "anonymous":
        return (entity.head_lemma == m.head_lemma and entity.plural == m.plural
                and names_match(entity.affiliation, m.affiliation, lex))
    if entity.kind == "group" and m.kind == "group":
        return entity.name.lower() == m.name.lower()
    return False


def opens_company_name(company: str, name: str, lex: SpeakerLexicon) -> bool:
    """ "Hartford said" after "Hartford Steam Boiler Co said" is the company, not the city: a place
    name (the caller checks the story gives it as one) that opens the name of a company already in
    the story. Not a country: "Japan said" is its government even after "Japan Air Lines Co"."""
    words = company.split()
    return (len(words) >= 2 and lex.is_designator(words[-1])
            and company.lower().startswith(name.lower() + " ") and name.lower() not in lex.countries)


class Resolver:
    """Builds the article's entities from its mentions, in reading order."""

    def __init__(self, doc: Doc, lex: SpeakerLexicon):
        self.doc = doc
        self.lex = lex
        self.entities: list[Entity] = []
        self.history: list[tuple[int, int, Mention]] = []  # (token, entity, mention) in reading order
        # Names the story gives as places: its dateline's city and what the tagger calls a place
        # ("Trump" is none, so "Trump said" after "Trump Restaurants LLC" stays the person).
        dateline = doc._.claimx_dateline
        self.places = frozenset([e.text.lower() for e in doc.ents if e.label_ == "GPE"]
                                + ([dateline["name"].lower()] if dateline else []))
        self.sent_index = {}
        for n, sent in enumerate(doc.sents):
            for t in sent:
                self.sent_index[t.i] = n

    def add(self, m: Mention) -> int | None:
        """Attach a mention to an entity (new or existing); the entity's index, or None."""
        if m.kind == "pronoun":
            found = self.antecedent(m)
            if found is not None:
                self.entities[found].mentions.append(m)
                self.history.append((m.start, found, m))
            return found
        if m.kind == "group":
            member_ids = [self.add(part) for part in m.members]
            member_ids = [i for i in member_ids if i is not None]
        for n in range(len(self.entities) - 1, -1, -1):
            if matches(self.entities[n], m, self.lex, self.places):
                self.entities[n].absorb(m)
                self.history.append((m.start, n, m))
                return n
        entity = Entity(m.kind, m.name, plural=m.plural, head_lemma=m.head_lemma)
        entity.absorb(m)
        if m.kind == "group":
            entity.members = member_ids
        self.entities.append(entity)
        self.history.append((m.start, len(self.entities) - 1, m))
        return len(self.entities) - 1

    def antecedent(self, pronoun: Mention) -> int | None:
        """The most recent earlier mention a pronoun can stand for, within a few sentences."""
        number, refers = pronoun.pronoun or ("any", "any")
        here = self.sent_index.get(pronoun.start, 0)
        for start, n, m in reversed(self.history):
            if start >= pronoun.start:
                continue
            if here - self.sent_index.get(start, 0) > PRONOUN_WINDOW:
                break
            entity = self.entities[n]
            if m.setting:
                continue
            if m.kind == "pronoun":
                # A resolved pronoun passes on its referent ("he ... he").
                if pronoun.text.lower() in self.lex.passes_on and m.text.lower() in self.lex.passes_on:
                    return n
                continue
            if compatible(entity, number, refers):
                return n
        return None


def compatible(entity: Entity, number: str, refers: str) -> bool:
    """Whether a pronoun of this number and reference can stand for the entity."""
    if refers == "person" and entity.kind not in PERSON_LIKE:
        return False
    if refers == "thing" and entity.kind not in ORG_KINDS:
        return False
    if number == "sg" and entity.plural:
        return False
    if number == "pl":
        return entity.plural or entity.kind == "group" or (refers == "any" and entity.kind in ("organization", "media"))
    return True


def text_mentions(doc: Doc, lex: SpeakerLexicon, taken: list[tuple[int, int]],
                  conjuncts: list[int] | None = None) -> list[Mention]:
    """Named entities and conjoined names in the text that no claim mention already covers.

    ``conjuncts``: the positions of tokens attached as "conj" (all tokens are checked without it).
    """
    found = []
    # The taken ranges by position: a scan over all of them per name was quadratic.
    index = RangeIndex((r, r) for r in taken)

    def free(lo: int, hi: int) -> bool:
        return not any(lo < b and a < hi for a, b in index.candidates(lo, hi))

    # "the U.S. and Ukrainians": a pair of names is a possible antecedent for "they".
    for token in (doc if conjuncts is None else (doc[i] for i in conjuncts)):
        # Each part must be a name of its own, not two words inside one name.
        if token.dep_ == "conj" and token.ent_iob_ == "B" and token.head.ent_type_ in lex.agent_labels \
                and token.ent_type_ in lex.agent_labels and token.head.dep_ in ("nsubj", "pobj", "dobj", "nsubjpass"):
            lo, hi = token.head.left_edge.i, token.right_edge.i + 1
            if free(lo, hi):
                m = describe(doc, lo, hi, lex)
                if m.kind == "group":
                    found.append(m)
                    index.add((lo, hi), (lo, hi))
    for ent in doc.ents:
        if ent.label_ in lex.agent_labels and free(ent.start, ent.end):
            # "Chancellor Mira Vance": the title words before a name come with it.
            start = ent.start
            if ent.label_ == "PERSON":
                while start > 0 and doc[start - 1].head.i in range(ent.start, ent.end) \
                        and doc[start - 1].dep_ in ("compound", "amod") and free(start - 1, start):
                    start -= 1
            mention = describe(doc, start, ent.end, lex)
            # "listed in Helsinki", "its Montreal plant", "a New York banking firm": a place as setting or
            # modifier is no pronoun's antecedent.
            if ent.label_ == "GPE" and ent.root.dep_ in PLACE_NOT_ACTOR_DEPS:
                mention = replace(mention, setting=True)
            found.append(mention)
    return sorted(found, key=lambda m: m.start)
