"""What one mention of a source says about it: kind, name, title, affiliation.

"Russian Deputy Foreign Minister Sergei Ryabkov" → person "Sergei Ryabkov",
title "Deputy Foreign Minister", affiliation "Russia";  "a NSC spokesperson" →
anonymous "NSC spokesperson", affiliation "NSC";  "AFP and TASS news agency" →
a group of two media.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from .. import agents, lexicon
from ..errors import ClaimxError

LIST_GLUE = {",", "and", "or", "&"}
# The kinds a role noun can give its speaker: the record's speaker kinds (claimx-1.schema.json) but "pronoun".
ROLE_KINDS = frozenset({"person", "organization", "government", "media", "anonymous", "group", "evidence"})
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True)
class SpeakerLexicon:
    role_kinds: dict[str, str]
    titles: frozenset[str]
    honorifics: frozenset[str]
    demonyms: dict[str, str]
    media: frozenset[str]
    media_heads: frozenset[str]
    aliases: dict[str, str]
    pronouns: dict[str, tuple[str, str]]  # pronoun -> (number, refers)
    agent_labels: frozenset[str]  # PERSON, ORG ...: named entities that can be a source
    passes_on: frozenset[str]  # "he ... he": pronouns whose referent the next such pronoun takes
    determiners: frozenset[str]
    name_suffixes: frozenset[str]
    acronym_skip_words: frozenset[str]
    company_designators: frozenset[str]
    countries: frozenset[str]  # lower-cased: a country said is its government, whatever company bears its name
    # Names recur within and across stories; each is canonicalised once.
    _canonical: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, base: str | Path | None = None) -> "SpeakerLexicon":
        pronouns = agents.pronouns(base)
        return cls(
            role_kinds=role_kinds(base),
            titles=lexicon.words("speakers/titles.txt", base),
            honorifics=lexicon.words("speakers/honorifics.txt", base),
            demonyms={r["form"].lower(): r["country"] for r in lexicon.table("speakers/demonyms.tsv", base)},
            media=lexicon.words("speakers/media.txt", base),
            media_heads=lexicon.words("speakers/media_heads.txt", base),
            aliases={r["alias"].lower(): r["name"] for r in lexicon.table("speakers/aliases.tsv", base)},
            pronouns={word: (p.number, p.refers) for word, p in pronouns.items()},
            agent_labels=agents.agent_labels(base),
            # third-person singular personal pronouns ("he", "her"): a person, never "I" or "it"
            passes_on=frozenset(word for word, p in pronouns.items()
                                if p.person == 3 and p.number == "sg" and p.refers == "person"),
            determiners=lexicon.words("speakers/determiners.txt", base),
            name_suffixes=lexicon.words("speakers/name_suffixes.txt", base),
            acronym_skip_words=lexicon.words("speakers/acronym_skip_words.txt", base),
            company_designators=lexicon.words("speakers/company_designators.txt", base),
            countries=lexicon.words("text/countries.txt", base),
        )

    def canonical(self, name: str) -> str:
        """One spelling per source: aliases resolved, a leading "the" and possessive dropped."""
        known = self._canonical.get(name)
        if known is None:
            clean = strip_possessive(name.strip())
            if clean.lower().startswith("the "):
                clean = clean[4:]
            known = self.aliases.get(clean.lower(), self.aliases.get(f"the {clean.lower()}", clean))
            if len(self._canonical) < 100_000:  # bounded: a batch of millions of stories
                self._canonical[name] = known
        return known

    def is_designator(self, word: str) -> bool:
        """ "Corp", "Inc.", "plc": a word that closes a company's name."""
        return word.lower().rstrip(".") in self.company_designators

    def country(self, word: str) -> str | None:
        return self.demonyms.get(word.lower())


def role_kinds(base: str | Path | None) -> dict[str, str]:
    """Role nouns and the kind of speaker each names, every kind checked."""
    path, rows = lexicon.numbered_table("speakers/role_nouns.tsv", base)
    kinds = {}
    for line, row in rows:
        if row["kind"] not in ROLE_KINDS:
            raise ClaimxError(f"{path} line {line}: unknown kind '{row['kind']}'")
        kinds[row["noun"].lower()] = row["kind"]
    return kinds


@dataclass
class Mention:
    """One mention of a source, with what it reveals."""

    start: int  # token range in the Doc
    end: int
    text: str
    kind: str  # person, organization, government, media, anonymous, group, document, pronoun
    name: str
    title: str | None = None
    affiliation: str | None = None
    plural: bool = False
    head_lemma: str = ""
    fresh: bool = False  # "another source": never the same as an earlier one
    setting: bool = False  # a place named as where something is ("in Helsinki"): no pronoun stands for it
    described: bool = False  # "the president": known by title, not by name
    members: list["Mention"] = field(default_factory=list)
    pronoun: tuple[str, str] | None = None  # (number, refers) for pronouns


def ents_in(span: Span) -> list[Span]:
    """Named entities wholly inside a span, read from the tokens' tags.

    ``Span.ents`` walks every entity of the Doc; this walks only the span.
    """
    doc, out, start, label = span.doc, [], None, ""
    for t in span:
        iob = t.ent_iob_
        if start is not None and iob != "I":
            out.append(Span(doc, start, t.i, label))
            start = None
        if iob == "B":
            start, label = t.i, t.ent_type_
    if start is not None and not (span.end < len(doc) and doc[span.end].ent_iob_ == "I"):
        out.append(Span(doc, start, span.end, label))
    return out


def inside_one_entity(span: Span) -> bool:
    """Whether the whole span lies within a single named entity."""
    tokens = list(span)
    return bool(tokens) and all(t.ent_iob_ in ("B", "I") for t in tokens) \
        and not any(t.ent_iob_ == "B" for t in tokens[1:])


def strip_possessive(text: str) -> str:
    return POSSESSIVE.sub("", text).strip()


def without_determiner(tokens: list[Token], lex: SpeakerLexicon) -> list[Token]:
    while tokens and (tokens[0].lower_ in lex.determiners or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
        tokens = tokens[:-1]
    return tokens


def text_of(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i:tokens[-1].i + 1].text


def describe(doc: Doc, start: int, end: int, lex: SpeakerLexicon) -> Mention:
    """Read a mention's kind, name, title and affiliation from its tokens."""
    span = doc[start:end]
    text = span.text
    if len(span) == 1 and span[0].lower_ in lex.pronouns:
        number, refers = lex.pronouns[span[0].lower_]
        return Mention(start, end, text, "pronoun", text, plural=number == "pl", pronoun=(number, refers))
    members = group_members(span, lex)
    if len(members) > 1:
        name = text_of(without_determiner(list(span), lex))
        return Mention(start, end, text, "group", name, plural=True, members=members)
    return describe_single(span, lex)


def group_members(span: Span, lex: SpeakerLexicon) -> list[Mention]:
    """The parts of "A and B" / "A, B and C" when each part names a source of its own."""
    # One named entity is one source, even with "and" inside its name.
    if inside_one_entity(span):
        return []
    listed = entity_list(span, lex)
    if len(listed) >= 2:
        return [describe_single(e, lex) for e in listed]
    root = span.root
    heads = [root]
    for head in heads:  # grows while walking: conj of conj ("A, B and C")
        heads += [c for c in head.children if c.dep_ == "conj" and span.start <= c.i < span.end]
    heads = sorted(heads, key=lambda t: t.i)
    if len(heads) < 2:
        return []
    members = []
    for k, head in enumerate(heads):
        lo = span.start if k == 0 else head.left_edge.i
        hi = heads[k + 1].left_edge.i if k + 1 < len(heads) else span.end
        part = [t for t in span.doc[lo:hi] if not (t.dep_ == "cc" or t.is_punct)]
        if not part:
            return []
        piece = span.doc[part[0].i:part[-1].i + 1]
        # Only names and sources form a group: "security and cooperation" does not.
        if not any(t.ent_type_ in lex.agent_labels or t.pos_ == "PROPN" or t.lemma_.lower() in lex.role_kinds
                   for t in piece):
            return []
        members.append(describe_single(piece, lex))
    return members


def entity_list(span: Span, lex: SpeakerLexicon) -> list[Span]:
    """The longest run of names joined only by commas and "and"/"or": "A, B and C"."""
    ents = [e for e in ents_in(span) if e.label_ in lex.agent_labels]
    best: list[Span] = []
    run: list[Span] = []
    for ent in ents:
        glue = span.doc[run[-1].end:ent.start] if run else None
        if run and all(t.lower_ in LIST_GLUE or t.is_space for t in glue) and len(glue) > 0:
            run.append(ent)
        else:
            run = [ent]
        if len(run) > len(best):
            best = list(run)
    return best


def describe_single(span: Span, lex: SpeakerLexicon) -> Mention:
    tokens = list(span)
    ents = ents_in(span)
    head = span.root
    lemma = head.lemma_.lower()
    core = without_determiner(tokens, lex)
    if is_company_name(core, lex):
        return Mention(span.start, span.end, span.text, "organization", lex.canonical(text_of(core)),
                       head_lemma=lemma)
    person = next((e for e in ents if e.label_ == "PERSON"), None)
    if person is not None:
        return describe_person(span, person, lex)
    fresh = bool(tokens) and tokens[0].lower_ in ("another", "other")
    plural = head.tag_ in ("NNS", "NNPS")
    if is_media(core, lex):
        # "the influential US daily": a newspaper known by description, not by name.
        # A place before the medium's noun is no paper's name either: "a Hong Kong newspaper" is described.
        by_noun = core[-1].i == head.i and (head.lower_ in lex.media_heads or lemma in lex.media_heads)
        place = [t for t in core if by_noun and t.pos_ == "PROPN" and t.ent_type_ == "GPE"]
        described = not any(t.pos_ == "PROPN" and lex.country(t.text) is None and t not in place for t in core)
        name = text_of(core) if described and place else media_name(core, lex)
        # "a Baton Rouge newspaper": a paper introduced by description is a new source, not the last one named.
        fresh = fresh or (described and by_noun and tokens[0].lower_ in ("a", "an"))
        return Mention(span.start, span.end, span.text, "media", name, head_lemma=lemma, described=described,
                       fresh=fresh)
    if lemma in lex.role_kinds and head.pos_ == "NOUN":
        kind = lex.role_kinds[lemma]
        if kind == "group" and not plural:
            kind = "anonymous"
        before = [t for t in core if t.i < head.i]
        return Mention(span.start, span.end, span.text, kind, text_of(core) or head.text,
                       title=head.text if kind in ("anonymous", "group") else None,
                       affiliation=affiliation_of(before, lex), plural=plural, head_lemma=lemma, fresh=fresh)
    if head.pos_ == "NOUN" and lemma in lex.titles:
        # "the president", "the former first lady": a person known by title.
        description = text_of(core) or head.text
        return Mention(span.start, span.end, span.text, "person", description, title=description,
                       plural=plural, head_lemma=lemma, fresh=fresh, described=True)
    named = [e for e in ents if e.label_ in lex.agent_labels]
    # The name that holds the head says what the mention is: "the Washington-based Atlantic Council" is the council.
    ent = next((e for e in named if e.start <= head.i < e.end), named[0] if named else None)
    name = lex.canonical(text_of(core) or span.text)
    # "Washington said" is its government; "a Manila court" or "an Oslo bank" is the court or bank.
    if ent is not None and ent.label_ == "GPE" and ent.start <= head.i < ent.end:
        return Mention(span.start, span.end, span.text, "government", lex.canonical(ent.text), head_lemma=lemma)
    if ent is not None and ent.label_ == "NORP":
        country = lex.country(ent.text)
        if plural or head.tag_ == "NNPS" or ent.text.endswith("s"):
            return Mention(span.start, span.end, span.text, "group", name, affiliation=country, plural=True,
                           head_lemma=lemma)
        return Mention(span.start, span.end, span.text, "government", country or name, head_lemma=lemma)
    if ent is not None and ent.label_ == "ORG":
        return Mention(span.start, span.end, span.text, "organization", name, head_lemma=lemma)
    if head.pos_ == "PROPN":
        propn = [t for t in core if t.pos_ == "PROPN" and t.lower_ not in lex.titles]
        # Unrecognised capitalised names of one to three words are mostly people ("Smith said").
        if 1 <= len(propn) <= 3 and all(t.is_title for t in propn) and propn[-1].i == head.i:
            return describe_person(span, span.doc[propn[0].i:head.i + 1], lex)
        return Mention(span.start, span.end, span.text, "organization", name, head_lemma=lemma)
    return Mention(span.start, span.end, span.text, "group" if plural else "organization", name,
                   plural=plural, head_lemma=lemma, fresh=fresh)


def is_company_name(core: list[Token], lex: SpeakerLexicon) -> bool:
    """ "Tandy Corp", "Halder Holdings Plc": a name closed by a company designator (not "the company")."""
    return len(core) >= 2 and lex.is_designator(core[-1].text) \
        and core[-2].pos_ == "PROPN" and (core[-2].is_title or core[-2].is_upper)


def describe_person(span: Span, person: Span, lex: SpeakerLexicon) -> Mention:
    """A named person: the name, the title words before it, the country or body they serve."""
    words = [t for t in person if t.lower_ not in lex.honorifics]
    # The tagger often takes "Mayor" or "Sen." into the name: titles go to the title.
    leading = []
    while len(words) > 1 and words[0].lower_ in lex.titles:
        leading.append(words.pop(0))
    name = strip_possessive(text_of(words) if words else person.text)
    before = [t for t in without_determiner([t for t in span if t.i < person.start], lex)
              if t.lower_ not in lex.honorifics]
    affiliation = affiliation_of(before, lex)
    title_words = [t for t in before if t.lower_ in lex.titles
                   or (t.is_title and t.ent_type_ not in lex.agent_labels and lex.country(t.text) is None)] + leading
    title = text_of(title_words) if title_words else None
    if title is None:
        title, affiliation = appositive_role(person.root, lex, affiliation)
    return Mention(span.start, span.end, span.text, "person", name, title=title, affiliation=affiliation,
                   head_lemma=words[-1].lower_ if words else "")


def appositive_role(head: Token, lex: SpeakerLexicon, affiliation: str | None) -> tuple[str | None, str | None]:
    """ "Quinn, president of the Harbor Workers Union": title "president", affiliation the union."""
    appos = next((c for c in head.children if c.dep_ == "appos"), None)
    # "Tom Carper, Dianne Feinstein and ..." is a list of names, not a title.
    if appos is None or appos.ent_type_ in lex.agent_labels:
        return None, affiliation
    role = without_determiner([t for t in appos.subtree if t.i <= appos.i], lex)
    for prep in appos.children:
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.dep_ == "prep" else None
        if prep.lower_ in ("of", "at", "for") and obj is not None and obj.ent_type_ in ("ORG", "GPE", "NORP"):
            org = without_determiner([t for t in obj.subtree], lex)
            return text_of(role) or None, affiliation or lex.canonical(text_of(org))
    return text_of(without_determiner([t for t in appos.subtree if t.dep_ != "relcl"], lex)) or None, affiliation


def affiliation_of(tokens: list[Token], lex: SpeakerLexicon) -> str | None:
    """The country, government or organisation words before a title or role noun."""
    for t in tokens:
        country = lex.country(t.text)
        if country and t.ent_type_ in ("NORP", "GPE", ""):
            return country
    named = [t for t in tokens if t.ent_type_ in ("ORG", "GPE") or (t.pos_ == "PROPN" and t.lower_ not in lex.titles)]
    if not named:
        # "a port authority spokesman": the compound nouns name the body.
        compounds = [t for t in tokens if t.dep_ == "compound" and t.lower_ not in lex.titles]
        return text_of(compounds) if compounds and compounds[-1].i == tokens[-1].i and len(compounds) > 1 \
            or compounds and compounds[-1].head.lemma_.lower() in lex.role_kinds \
            and lex.role_kinds[compounds[-1].head.lemma_.lower()] == "anonymous" else None
    # The longest run of adjacent name words: "White House National Security Council".
    runs, run = [], [named[0]]
    for t in named[1:]:
        if t.i == run[-1].i + 1:
            run.append(t)
        else:
            runs.append(run)
            run = [t]
    runs.append(run)
    best = max(runs, key=len)
    return lex.canonical(text_of(best))


def is_media(tokens: list[Token], lex: SpeakerLexicon) -> bool:
    text = text_of(tokens)
    if text.lower() in lex.media or lex.canonical(text).lower() in lex.media:
        return True
    # The head word names the medium ("the TASS news agency", "the influential US daily");
    # "daily" is often tagged an adjective even where it is the noun.
    last = tokens[-1] if tokens else None
    return last is not None and (last.lower_ in lex.media_heads or last.lemma_.lower() in lex.media_heads) \
        and last.dep_ not in ("amod", "advmod", "compound")


def media_name(tokens: list[Token], lex: SpeakerLexicon) -> str:
    """ "the TASS news agency" → "TASS": the name without the generic words."""
    proper = [t for t in tokens if not (t.pos_ == "NOUN" and (t.lemma_.lower() in lex.media_heads or t.lower_ == "news"))]
    return lex.canonical(text_of(proper) if proper else text_of(tokens))


def acronym(words: list[str], skip: frozenset[str]) -> str:
    return "".join(w[0] for w in words if w and w.lower() not in skip and w[0].isalpha()).upper()


def names_match(a: str | None, b: str | None, lex: SpeakerLexicon) -> bool:
    """Same organisation: equal, one inside the other, or one the acronym of part of the other."""
    if not a or not b:
        return True
    x, y = a.lower().replace(".", ""), b.lower().replace(".", "")
    if x == y or f" {x} " in f" {y} " or f" {y} " in f" {x} ":
        return True
    for short, long in ((a, b), (b, a)):
        s = short.replace(".", "")
        if s.isupper() and 2 <= len(s) <= 6:
            words = long.split()
            for i in range(len(words)):
                for j in range(i + 2, len(words) + 1):
                    if acronym(words[i:j], lex.acronym_skip_words) == s:
                        return True
    return False
