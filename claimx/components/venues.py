"""``claimx_venues``: the former name of ``claimx_events``, kept so that pipelines built
with it go on working.  It makes the same component, which writes
``doc._.claimx_venues`` (and ``doc._.claimx_events``)."""
from __future__ import annotations

from spacy.language import Language

from .events import EventFinder


@Language.factory("claimx_venues", default_config={"models": None},
                  requires=["doc._.claimx_dateline", "doc._.claimx_dates", "doc._.claimx_claims"],
                  assigns=["doc._.claimx_events", "doc._.claimx_venues"])
def make_venues(nlp: Language, name: str, models: str | None) -> EventFinder:
    return EventFinder(nlp, name, models)
