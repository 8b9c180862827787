"""claimx's spaCy components and the Doc attributes they share.

Each component reads the Doc and earlier components' results and writes its
own result as plain data (lists of dicts of str/int/float/None) so that docs
survive ``Doc.to_bytes`` on their way back from ``nlp.pipe(n_process=...)``
workers.  Character offsets in these results index ``doc.text``.

    doc._.claimx_published  ISO publication date or datetime (str) or None
    doc._.claimx_text       the Doc's text when the Extractor made it (read it with docutil.doc_text)
    doc._.claimx_dateline   {start, end, place, city, name, date, agency} or None (claimx_textfacts)
    doc._.claimx_dates      [{start, end, text, type, value, mod, anchor, reason, ...}]
    doc._.claimx_claims     [{start, end, kind, cue, speaker_mention, confidence, rule, ...}]
    doc._.claimx_speakers   [{name, kind, title, affiliation, members, mentions}]
    doc._.claimx_claim_speakers  [int | None]: each claim's speaker, an index into claimx_speakers
    doc._.claimx_events     [{start, end, text, kind, dates, date, date_range, venues, claims}] (claimx_events)
    doc._.claimx_venues     [{start, end, name, event, event_index, tie, dates, date, date_range}] (claimx_events)
    doc._.claimx_warnings   [str]: a component that failed on this doc says so here
"""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

from spacy.tokens import Doc

from .. import lexicon

log = logging.getLogger("claimx")

DOC_ATTRIBUTES = ("published", "text", "dateline", "dates", "claims", "speakers", "claim_speakers", "events",
                  "venues", "warnings")

for _name in DOC_ATTRIBUTES:
    if not Doc.has_extension(f"claimx_{_name}"):
        Doc.set_extension(f"claimx_{_name}", default=None)


class ClaimxComponent:
    """Base for claimx components: data from one models folder, saved with the pipeline; one failing
    document never stops a batch.

    Subclasses implement ``load(models)``, which reads every data file the component
    uses through ``claimx.lexicon`` from the folder given (the installed ``models/``
    when None), and ``process(doc)``, which returns the result ``store`` puts on
    ``doc._.claimx_<result_attr>``; ``empty()`` is stored instead when it fails.

    The data is read by ``initialize()`` (spaCy's initialisation step; ``add_claimx``
    calls it, so a bad ``models`` setting fails when the pipeline is built), or
    restored by ``from_disk`` from what ``to_disk`` saved (the files read, as they
    were), so ``nlp.to_disk(path)`` then ``spacy.load(path)`` needs no models folder.
    A component added with ``nlp.add_pipe`` alone reads its data on its first Doc.
    """

    result_attr: str = ""

    @staticmethod
    def empty():
        return []

    def __init__(self, nlp, name: str, models: str | None = None):
        self.name = name
        self.models = models
        self.data_files: tuple[str, ...] | None = None  # the files read, by name inside the folder; None: not yet

    def load(self, models: str | Path | None) -> None:
        """Read the component's data from a models folder (every file through ``claimx.lexicon``)."""

    def initialize(self, get_examples=None, *, nlp=None) -> None:
        """Read the data from the ``models`` folder the component is configured with."""
        self._load_from(self.models)

    def _load_from(self, folder: str | Path | None) -> None:
        with lexicon.recording() as names:
            self.load(folder)
        self.data_files = tuple(names)
        self._data_folder = Path(folder) if folder else lexicon.models_dir()

    def to_disk(self, path, *, exclude=()) -> None:
        """Save the data files the component read, unchanged, under ``path`` (a models folder of its own)."""
        if self.data_files is None:
            self.initialize()
        path = Path(path)
        for name in self.data_files:
            target = path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self._data_folder / name, target)

    def from_disk(self, path, *, exclude=()):
        """Read the data back from what ``to_disk`` saved under ``path``."""
        self._load_from(path)
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self.data_files is None:
            self.initialize()  # added with nlp.add_pipe alone: a bad models folder is an error, not a warning
        try:
            result = self.process(doc)
        except Exception as exc:  # noqa: BLE001 - a bad story must not stop the batch
            log.warning("%s failed on a document: %s: %s", self.name, type(exc).__name__, exc)
            add_warning(doc, f"{self.name} failed: {type(exc).__name__}: {exc}")
            result = self.empty()
        self.store(doc, result)
        return doc

    def store(self, doc: Doc, result) -> None:
        """Put ``process``'s result on the Doc (a component with two results stores both)."""
        doc._.set(f"claimx_{self.result_attr}", result)

    def process(self, doc: Doc) -> list:
        raise NotImplementedError


def add_warning(doc: Doc, message: str) -> None:
    warnings = list(doc._.claimx_warnings or [])
    warnings.append(message)
    doc._.claimx_warnings = warnings
