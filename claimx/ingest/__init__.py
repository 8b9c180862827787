"""Reading inputs into ``Article``: text, header, publication date and where it came from."""
from __future__ import annotations

from .text import article_from_text, read_article
from .published import parse_published

__all__ = ["article_from_text", "read_article", "parse_published"]
