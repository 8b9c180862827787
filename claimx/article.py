"""The article: the text as read plus what is known about it before analysis."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One news story, ready for the pipeline.

    ``text`` is the input exactly as read (front matter included); every offset
    claimx reports indexes it.  ``body_start`` is where the story itself begins,
    after any header, and is where analysis starts.
    """

    text: str
    source: str = "-"
    id: str | None = None
    title: str | None = None
    published: str | None = None
    published_text: str | None = None  # the publication date as the input wrote it, before parsing
    published_source: str | None = None
    body_start: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def body(self) -> str:
        return self.text[self.body_start:]
