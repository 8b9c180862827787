"""claimx's spaCy components and the Doc attributes they share.

Each component reads the Doc and earlier components' results and writes its
own result as plain data (lists of dicts of str/int/float/None) so that docs
survive ``Doc.to_bytes`` on their way back from ``nlp.pipe(n_process=...)``
workers.  Character offsets in these results index ``doc.text``.

    doc._.claimx_published  ISO publication date or datetime (str) or None
    doc._.claimx_text       the Doc's text when the Extractor made it (read it with docutil.doc_text)
    doc._.claimx_dateline   {start, end, place, city, name, date, agency} or None (claimx_textfacts)
    doc._.claimx_dates      [{start, end, text, type, value, mod, anchor, reason, ...}]
    doc._.claimx_claims     [{start, end, kind, cue, speaker_mention, speaker, confidence, ...}]
    doc._.claimx_speakers   [{name, kind, title, affiliation, members, mentions}]
    doc._.claimx_events     [{start, end, text, kind, dates, date, date_range, venues, claims}] (claimx_events)
    doc._.claimx_venues     [{start, end, name, event, event_index, tie, dates, date, date_range}] (claimx_events)
    doc._.claimx_warnings   [str]: a component that failed on this doc says so here
"""
from __future__ import annotations

import logging

from spacy.tokens import Doc

log = logging.getLogger("claimx")

DOC_ATTRIBUTES = ("published", "text", "dateline", "dates", "claims", "speakers", "events", "venues", "warnings")

for _name in DOC_ATTRIBUTES:
    if not Doc.has_extension(f"claimx_{_name}"):
        Doc.set_extension(f"claimx_{_name}", default=None)


class ClaimxComponent:
    """Base for claimx components: one failing document never stops a batch.

    Subclasses implement ``process(doc)``, which returns the result that is
    stored on ``doc._.claimx_<result_attr>``; ``empty()`` is stored instead when
    it fails.
    """

    result_attr: str = ""

    @staticmethod
    def empty():
        return []

    def __init__(self, nlp, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        try:
            result = self.process(doc)
        except Exception as exc:  # noqa: BLE001 - a bad story must not stop the batch
            log.warning("%s failed on a document: %s: %s", self.name, type(exc).__name__, exc)
            add_warning(doc, f"{self.name} failed: {type(exc).__name__}: {exc}")
            result = self.empty()
        doc._.set(f"claimx_{self.result_attr}", result)
        return doc

    def process(self, doc: Doc) -> list:
        raise NotImplementedError


def add_warning(doc: Doc, message: str) -> None:
    warnings = list(doc._.claimx_warnings or [])
    warnings.append(message)
    doc._.claimx_warnings = warnings
