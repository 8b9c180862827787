"""Shared fixtures: the real pipeline, loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def extractor():
    import claimx

    return claimx.Extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp
