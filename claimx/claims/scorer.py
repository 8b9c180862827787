"""The trained claim scorer: a logistic regression over ``features.Featurizer`` rows, calibrated.

``Scorer.load(name, models)`` reads ``<name>.npz`` (weights, the features' scaling, the names)
and ``<name>.json`` (vocabularies, threshold, calibration, what it was trained on and how it
did) from a models folder; names that differ from what ``features`` computes today are a
``ClaimxError``.  ``choose`` keeps the claims: every candidate gets the calibrated
probability of being a claim as its ``confidence``; candidates for the same content compete
and the most probable wins; those under the threshold chosen on dev are dropped.
``benchmarks/train_attribution.py`` makes the files.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from .. import lexicon
from ..errors import ClaimxError
from .features import Featurizer, content_f1
from .merge import rules_choose
from .types import Attribution, Rule


@dataclass
class Scorer:
    featurizer: Featurizer
    weights: np.ndarray  # one a feature, on standardised features
    mean: np.ndarray
    scale: np.ndarray
    platt: tuple[float, float]  # calibrated p = sigmoid(a * margin + b)
    threshold: float  # on the calibrated probability
    meta: dict
    rule_threshold: float = 1.0  # a candidate the hand rules keep needs only this much (chosen on dev)
    generous: frozenset[str] = frozenset()  # the low-precision verbs' lemmas: the hand rules propose none of them

    @classmethod
    def load(cls, name: str, models: str | Path | None = None) -> "Scorer":
        """The weights ``<name>.npz`` and their description ``<name>.json`` from a models folder."""
        meta = json.loads(lexicon.path(f"{name}.json", models).read_text(encoding="utf-8"))
        with np.load(lexicon.path(f"{name}.npz", models), allow_pickle=False) as data:
            arrays = {k: data[k] for k in ("weights", "mean", "scale", "names")}
        featurizer = Featurizer(meta["vocabularies"], int(meta["tensor_width"]))
        stored = [str(n) for n in arrays["names"]]
        if stored != featurizer.names or len(arrays["weights"]) != len(stored):
            diff = sorted(set(stored) ^ set(featurizer.names))[:5]
            raise ClaimxError(f"claim scorer {name}: its {len(stored)} features are not the {len(featurizer.names)} "
                              f"claimx/claims/features.py computes (first differences: {diff}); retrain it")
        return cls(featurizer, arrays["weights"].astype(np.float64), arrays["mean"], arrays["scale"],
                   tuple(meta["platt"]), float(meta["threshold"]), meta,
                   float(meta.get("rule_threshold", meta["threshold"])))

    def margins(self, rows: np.ndarray) -> np.ndarray:
        """The regression's log-odds for feature rows."""
        return ((rows - self.mean) / self.scale) @ self.weights

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        a, b = self.platt
        return 1.0 / (1.0 + np.exp(-(a * self.margins(rows) + b)))

    def choose(self, doc: Doc, candidates: list[Attribution]) -> list[Attribution]:
        """The claims among candidates (joined and clipped by ``merge.prepare``), most probable first kept."""
        if not candidates:
            return []
        kept = rule_kept(doc, candidates, self.generous)
        p = self.probabilities(self.featurizer.matrix(doc, candidates, kept))
        for a, prob in zip(candidates, p):
            a.confidence = round(float(prob), 3)
        return compete(candidates, self.threshold, kept, self.rule_threshold)


def rule_kept(doc: Doc, candidates: list[Attribution], generous: frozenset[str]) -> set[int]:
    """The ids of the candidates the hand rules keep (``merge.select`` past joining and clipping) among those
    they propose: not an open verb's, nor one of a low-precision verb (``generous``: their lemmas)."""
    ruled = [a for a in candidates if a.rule != Rule.VERB_ARGUMENT and a.cue_lemma not in generous]
    return {id(a) for a in rules_choose(doc, ruled)}


def compete(candidates: list[Attribution], threshold: float, ruled: set[int] = frozenset(),
            rule_threshold: float = 1.0) -> list[Attribution]:
    """Most probable first: a candidate is kept when it clears ``threshold`` (``rule_threshold`` for one of
    ``ruled``, the ids of those the hand rules keep) and no kept claim reads the same content (``same_reading``)."""
    kept: list[Attribution] = []
    for a in sorted(candidates, key=lambda c: -c.confidence):
        if a.confidence < min(threshold, rule_threshold):
            break
        if a.confidence < threshold and id(a) not in ruled:
            continue
        if any(same_reading(a, o) for o in kept):
            continue
        kept.append(a)
    return sorted(kept, key=lambda a: (a.content[0], -a.content[1]))


def same_reading(a: Attribution, b: Attribution) -> bool:
    """Two candidates for one attribution: the same cue over overlapping contents, or contents so alike
    (token-range F1 >= 0.5) that both would match one gold content, unless a source marker's content holds
    the other's cue ("According to TASS, Ryabkov confirmed that X": two attributions, nested)."""
    overlap = a.content[0] < b.content[1] and b.content[0] < a.content[1]
    if overlap and a.cue is not None and a.cue == b.cue:
        return True
    return content_f1(a.content, b.content) >= 0.5 and not (nests(a, b) or nests(b, a))


def nests(outer: Attribution, inner: Attribution) -> bool:
    """Whether ``outer`` frames ``inner``: a source marker or document whose content holds the other's cue
    (a report a reporting verb retells is its content, not a second claim: merge.drop_reported_states)."""
    return outer.rule in FRAMING_RULES and inner.cue is not None \
        and outer.content[0] <= inner.cue[0] and inner.cue[1] <= outer.content[1]


FRAMING_RULES = (Rule.SOURCE_MARKER, Rule.SOURCE_DOCUMENT)
