"""``claimx_venues``: places where reported events happen, tied to the events' dates.

"talks will be held in Geneva on January 10" → Geneva, 2022-01-10;
"Geneva is where Putin and Biden met in June" → Geneva, 2021-06.
Datelines ("GENEVA, Dec 28 (Reuters) -") and places inside names are not venues.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..datelines import in_dateline
from ..docutil import sentence_range
from . import ClaimxComponent


class VenueFinder(ClaimxComponent):
    result_attr = "venues"

    def load(self, models: str | None) -> None:
        verbs = lexicon.words("venues/event_verbs.txt", models)
        self.event_verbs = frozenset(v for v in verbs if " " not in v)
        self.event_nouns = lexicon.words("venues/event_nouns.txt", models)
        self.prepositions = lexicon.words("venues/venue_prepositions.txt", models)
        self.labels = lexicon.words("venues/venue_labels.txt", models, lower=False)

    def process(self, doc: Doc) -> list[dict]:
        dates = None
        dateline = doc._.claimx_dateline
        venues = []
        consumed: set[int] = set()
        ents = [e for e in doc.ents if e.label_ in self.labels]
        for n, ent in enumerate(ents):
            if ent.start in consumed:
                continue
            # A dateline's place is where the story was filed, not where its events happen.
            if in_dateline(dateline, ent.start_char, ent.end_char):
                continue
            trigger = self.event_of(ent)
            if trigger is None:
                continue
            if dates is None:
                dates = date_tokens(doc)
            end = ent.end
            # "Brussels, Belgium": the country names where the city is, one venue.
            following = ents[n + 1] if n + 1 < len(ents) else None
            if following is not None and following.start == ent.end + 1 and doc[ent.end].text == ",":
                end = following.end
                consumed.add(following.start)
            start = ent.start
            if start >= 2 and doc[start - 1].text == "," and doc[start - 2].pos_ == "PROPN" \
                    and doc[start - 2].head.i == ent.root.head.i:
                start = doc[start - 2].left_edge.i  # "Geneva, Switzerland is where": the city the tagger missed
            span = doc[start:end]
            venues.append({"start": span.start_char, "end": span.end_char, "name": span.text,
                           "event": trigger.text, "dates": dates_of_event(trigger, dates)})
        return venues

    def is_event(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX"):
            if lemma == "take":
                # "take place" is an event; "take part" and "take" alone are not.
                return any(c.dep_ == "dobj" and c.lower_ == "place" for c in token.children)
            if lemma in self.event_verbs:
                return True
            # "discussions will proceed in Geneva": a verb whose subject is an event.
            return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in self.event_nouns
                       for c in token.children)
        return token.pos_ == "NOUN" and lemma in self.event_nouns

    def event_of(self, ent: Span) -> Token | None:
        """The event happening at this place, if the sentence puts one there."""
        root = ent.root
        head = root.head
        if root.dep_ == "pobj" and head.lower_ in self.prepositions:
            target = head.head
            if target.lemma_.lower() == "place" and target.dep_ == "dobj":
                target = target.head
            if self.is_event(target):
                return target
            return None
        if root.dep_ == "compound" and self.is_event(head) and head.pos_ == "NOUN":
            return head  # "the Geneva talks"
        if root.dep_ in ("nsubj", "attr") and head.lemma_ == "be":
            # "Geneva is where Putin and Biden met": the where-clause's event.
            for clause in head.children:
                if clause.dep_ in ("ccomp", "advcl", "relcl", "attr") and any(
                        c.lower_ == "where" for c in clause.children):
                    return clause
        for clause in root.children:
            # "Geneva, where the leaders met in June, ..."
            if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children):
                return clause
        if root.dep_ == "nsubj" and head.lemma_.lower() == "host":
            return head
        return None


def date_tokens(doc: Doc) -> list[tuple[int, int, int]]:
    """(first token, last token + 1, index) of each date the dates component found."""
    out = []
    for n, d in enumerate(doc._.claimx_dates or []):
        span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.start, span.end, n))
    return out


def dates_of_event(trigger: Token, dates: list[tuple[int, int, int]]) -> list[int]:
    """Dates said of the event: in its clause first, else in its sentence nearest to it."""
    clause = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    lo, hi = clause.left_edge.i, clause.right_edge.i + 1
    inside = [(abs(s - trigger.i), n) for s, e, n in dates if lo <= s and e <= hi]
    if inside:
        return [min(inside)[1]]
    sent_start, sent_end = sentence_range(trigger.doc, trigger.i)
    near = [(abs(s - trigger.i), n) for s, e, n in dates if sent_start <= s and e <= sent_end]
    return [min(near)[1]] if near else []


@Language.factory("claimx_venues", default_config={"models": None},
                  requires=["doc._.claimx_dateline", "doc._.claimx_dates", "doc.ents", "token.dep", "token.head",
                            "token.pos", "token.lemma"],
                  assigns=["doc._.claimx_venues"])
def make_venues(nlp: Language, name: str, models: str | None) -> VenueFinder:
    return VenueFinder(nlp, name, models)
