"""Reading inputs into ``Article``: bytes, encodings, header, publication date and where it came from.

Knows nothing of spaCy or of output formats.
"""
from __future__ import annotations

from .decode import Decoded, decode, read_bytes
from .published import parse_published
from .text import article_from_text, parse_header, read_article

__all__ = ["Decoded", "article_from_text", "decode", "parse_header", "parse_published", "read_article",
           "read_bytes"]
