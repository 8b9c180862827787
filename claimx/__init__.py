"""claimx: who claimed what, when and where, in news stories."""
from __future__ import annotations

__version__ = "0.1.0"

from .article import Article  # noqa: E402
from .errors import ClaimxError  # noqa: E402
from .extractor import Extractor, extract  # noqa: E402

__all__ = ["Article", "ClaimxError", "Extractor", "extract", "__version__"]
