"""``claimx_events``: every reported event with its place (venue), its date and its claims.

"talks will be held in Geneva on January 10" -> an event "talks" (meeting) held in
Geneva on 2022-01-10; "Putin said in Tokyo" -> a statement made in Tokyo.  The rules
are ``claimx.events``; this component finds the few tokens they start from
("here", the first words of named places) without visiting every token, and writes
``doc._.claimx_events`` and ``doc._.claimx_venues`` (each venue names its event).
``claimx_venues``, the component's former name, makes the same component.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..docutil import TokenFinder, string_ids
from ..events import EventLexicon, find_events
from . import ClaimxComponent

HERE = ("here",)


class EventFinder(ClaimxComponent):
    result_attr = "events"

    def __init__(self, nlp: Language, name: str, models: str | None = None):
        super().__init__(nlp, name, models)
        self.vocab = nlp.vocab
        self.here_ids = string_ids(nlp.vocab, HERE)

    def load(self, models: str | None) -> None:
        self.lex = EventLexicon.load(models)
        self.named = [tuple(name.split()) for name in self.lex.named_places]
        self.named_ids = string_ids(self.vocab, {words[0] for words in self.named})

    def process(self, doc: Doc) -> list[dict]:
        doc._.claimx_venues = []
        find = TokenFinder(doc)
        here = find.positions("lower", self.here_ids)
        events, venues = find_events(doc, self.lex, self._named(doc, find), here)
        doc._.claimx_venues = venues
        return events

    def _named(self, doc: Doc, find: TokenFinder) -> list[tuple[int, int]]:
        """Token ranges of the named places ("Louvre", "White House") wherever they are."""
        out = []
        for i in find.positions("lower", self.named_ids):
            if not doc[i].text[:1].isupper():
                continue  # "a seaside plaza" is no Plaza
            for words in self.named:
                end = i + len(words)
                if end <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(words)):
                    out.append((i, end))
        return out


@Language.factory("claimx_events", default_config={"models": None},
                  requires=["doc._.claimx_dateline", "doc._.claimx_dates", "doc._.claimx_claims"],
                  assigns=["doc._.claimx_events", "doc._.claimx_venues"])
def make_events(nlp: Language, name: str, models: str | None) -> EventFinder:
    return EventFinder(nlp, name, models)
