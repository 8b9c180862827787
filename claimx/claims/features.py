"""What the claim scorer sees of a candidate: one row of numbers, the same for training and inference.

``Featurizer(vocabularies, tensor_width).matrix(doc, candidates, kept)`` gives one row a
candidate, in the order of ``Featurizer.names``; the trained weights store those names and
``claims.scorer`` refuses weights whose names differ from the code's (a drift between the
shipped model and this module is an error, never a silent misreading).  The features:

- what the rule saw: its rule, path, cue lemma and class, kind, its own confidence, and whether
  the hand rules (``merge.select``) would keep it;
- the competition: candidates sharing its cue or its content, nested in it or around it;
- the content: length, where it lies against the cue, the quotation marks and sentence ends at its
  edges, the words at and just outside its edges;
- the parse around the cue (tag, dependency) and the source (named entity type, pronoun, side);
- the pipeline's token vectors (``doc.tensor``) pooled over the cue, the source and the content,
  and at the content's first and last token.  A pipeline without a tensor of the trained width
  (another model) gets zeros there and the ``tensor_absent`` indicator: every English pipeline works.
The vocabularies (which lemmas, paths and edge words get a feature) come from the training data and
are stored with the weights.
"""
from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
from spacy.tokens import Doc

from ..docutil import Range
from .syntax import SENTENCE_ENDS
from .types import Attribution, Rule
from .vocabulary import CLASSES

KINDS = ("direct", "indirect", "mixed")
CUE_TAGS = ("VBD", "VBZ", "VBP", "VB", "VBG", "VBN", "NN", "NNS", "JJ", "IN", "RB")
CUE_DEPS = ("ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp", "parataxis", "acl", "pcomp", "dobj", "pobj",
            "nsubj", "amod", "prep", "advmod")
SOURCE_ENTS = ("PERSON", "ORG", "GPE", "NORP")
# The open sets whose members get a feature when they are frequent enough in training.
VOCABULARY_KEYS = ("lemma", "path", "first", "last", "before", "after")
POOLS = ("cue", "source", "content", "first", "last")

SCALARS = (
    "bias", "confidence", "rule_kept", "has_cue", "has_source", "source_pronoun", "source_after_cue",
    "source_inside_content", "segments", "log_length", "one_sentence", "sentences", "content_before_cue",
    "content_after_cue", "content_around_cue", "log_gap", "starts_sentence", "ends_sentence",
    "starts_quote", "ends_quote", "quoted_share", "same_cue", "same_content", "nested_in", "nests",
    "cue_in_other_content", "other_cues_inside", "widest_for_cue", "narrowest_for_cue", "best_rule_confidence",
    "cluster", "max_overlap", "kept_overlap", "longest_in_cluster", "confidence_rank", "position",
    "tensor_absent",
)


class Featurizer:
    """The feature rows of claim candidates; ``vocabularies``: key -> the words that get a feature."""

    def __init__(self, vocabularies: Mapping[str, Sequence[str]], tensor_width: int):
        self.vocabularies = {key: list(vocabularies.get(key, ())) for key in VOCABULARY_KEYS}
        self.tensor_width = tensor_width
        self.names = feature_names(self.vocabularies, tensor_width)
        self._slots = {}
        offset = len(SCALARS)
        for group, values in categorical_groups(self.vocabularies):
            self._slots[group] = (offset, {v: n for n, v in enumerate(values)})
            offset += len(values)
        self._tensor_offset = offset

    def matrix(self, doc: Doc, candidates: Sequence[Attribution], kept: set[int]) -> np.ndarray:
        """One row a candidate; ``kept``: the ids of the candidates the hand rules keep."""
        rows = np.zeros((len(candidates), len(self.names)), dtype=np.float32)
        if not candidates:
            return rows
        starts = [sentence.start for sentence in doc.sents] if doc.has_annotation("SENT_START") else [0]
        quotes = np.concatenate([[0], np.cumsum([t.is_quote for t in doc])])
        for n, a in enumerate(candidates):
            rows[n, :len(LOCAL)] = scalars(doc, a, kept, starts, quotes)
            for group, value in categories(doc, a):
                offset, index = self._slots[group]
                slot = index.get(value)
                if slot is not None:
                    rows[n, offset + slot] = 1.0
        rows[:, len(LOCAL):len(LOCAL) + len(PAIRWISE)] = pairwise(candidates, kept)
        rows[:, SCALARS.index("position")] = [a.content[0] / max(len(doc), 1) for a in candidates]
        self._pool(doc, candidates, rows)
        return rows

    def _pool(self, doc: Doc, candidates: Sequence[Attribution], rows: np.ndarray) -> None:
        """Mean token vectors over the cue, source and content, and the content's edge tokens."""
        tensor = doc.tensor
        width = self.tensor_width
        if not candidates or width == 0:
            return
        if tensor is None or getattr(tensor, "ndim", 0) != 2 or tensor.shape[0] != len(doc) or tensor.shape[1] != width:
            rows[:, SCALARS.index("tensor_absent")] = 1.0
            return
        sums = np.concatenate([np.zeros((1, width), dtype=np.float32), np.cumsum(tensor, axis=0, dtype=np.float32)])
        ranges = {"cue": [a.cue for a in candidates], "source": [a.source for a in candidates],
                  "content": [a.content for a in candidates],
                  "first": [(a.content[0], a.content[0] + 1) for a in candidates],
                  "last": [(a.content[1] - 1, a.content[1]) for a in candidates]}
        for p, pool in enumerate(POOLS):
            lo = np.array([r[0] if r else 0 for r in ranges[pool]])
            hi = np.array([r[1] if r else 0 for r in ranges[pool]])
            size = np.maximum(hi - lo, 1)[:, None]
            start = self._tensor_offset + p * width
            rows[:, start:start + width] = (sums[hi] - sums[lo]) / size


def feature_names(vocabularies: Mapping[str, Sequence[str]], tensor_width: int) -> list[str]:
    """Every feature's name, in the order of a row."""
    names = list(SCALARS)
    for group, values in categorical_groups(vocabularies):
        names += [f"{group}={v}" for v in values]
    return names + [f"{pool}_tensor_{d}" for pool in POOLS for d in range(tensor_width)]


def categorical_groups(vocabularies: Mapping[str, Sequence[str]]) -> list[tuple[str, Sequence[str]]]:
    """The one-hot groups: fixed sets, then the vocabularies learned in training."""
    return [("rule", [r.value for r in Rule]), ("class", sorted(CLASSES)), ("kind", KINDS),
            ("cue_tag", CUE_TAGS), ("cue_dep", CUE_DEPS), ("source_ent", SOURCE_ENTS)] + \
        [(key, vocabularies.get(key, ())) for key in VOCABULARY_KEYS]


def categories(doc: Doc, a: Attribution) -> list[tuple[str, str]]:
    """The candidate's value in every one-hot group (a value outside the group's set is no feature)."""
    cue = doc[a.cue[0]] if a.cue else None
    source_ent = doc[a.source[1] - 1].ent_type_ if a.source else ""
    return [("rule", a.rule.value), ("class", a.cue_class or ""), ("kind", a.kind),
            ("cue_tag", cue.tag_ if cue is not None else ""), ("cue_dep", cue.dep_ if cue is not None else ""),
            ("source_ent", source_ent)] + list(open_values(doc, a).items())


def open_values(doc: Doc, a: Attribution) -> dict[str, str]:
    """The candidate's words in the open sets: cue lemma, path, and the words at and outside the content's edges."""
    start, end = a.content
    return {"lemma": a.cue_lemma or "", "path": a.path,
            "first": doc[start].lower_, "last": doc[end - 1].lower_,
            "before": doc[start - 1].lower_ if start > 0 else "<s>",
            "after": doc[end].lower_ if end < len(doc) else "</s>"}


LOCAL = SCALARS[:SCALARS.index("same_cue")]
PAIRWISE = SCALARS[SCALARS.index("same_cue"):SCALARS.index("position")]


def scalars(doc: Doc, a: Attribution, kept: set[int], sentence_starts: list[int], quotes: np.ndarray) -> list[float]:
    """The candidate's own numeric features, in the order of ``LOCAL`` (``quotes``: running count of quote marks)."""
    start, end = a.content
    length = end - start
    cue, source = a.cue, a.source
    first_sentence = _sentence_of(sentence_starts, start)
    last_sentence = _sentence_of(sentence_starts, end - 1)
    gap = max(cue[0] - end, start - cue[1], 0) if cue is not None else 0
    return [
        1.0, a.confidence, float(id(a) in kept), float(cue is not None), float(source is not None),
        float(source is not None and doc[source[1] - 1].tag_ == "PRP"),
        float(source is not None and cue is not None and source[0] >= cue[1]),
        float(source is not None and start <= source[0] < end),
        float(bool(a.segments)), math.log1p(length), float(first_sentence == last_sentence),
        float(last_sentence - first_sentence + 1),
        float(cue is not None and end <= cue[0]), float(cue is not None and start >= cue[1]),
        float(cue is not None and start < cue[0] and cue[1] < end), math.log1p(gap),
        float(bool(doc[start].is_sent_start) or (start > 0 and doc[start - 1].is_quote)),
        float(doc[end - 1].text in SENTENCE_ENDS or (end < len(doc) and doc[end].text in SENTENCE_ENDS)),
        float(start > 0 and doc[start - 1].is_quote), float(end < len(doc) and doc[end].is_quote),
        float(quotes[end] - quotes[start]) / length,
    ]


def pairwise(candidates: Sequence[Attribution], kept: set[int]) -> np.ndarray:
    """Each candidate against the others, in the order of ``PAIRWISE``: the candidates sharing its cue or its
    content, nested in it or around it, the cues inside it, and its rivals (``competition``)."""
    n = len(candidates)
    cs = np.array([a.content[0] for a in candidates])
    ce = np.array([a.content[1] for a in candidates])
    has_cue = np.array([a.cue is not None for a in candidates])
    q0 = np.array([a.cue[0] if a.cue else -1 for a in candidates])
    q1 = np.array([a.cue[1] if a.cue else -1 for a in candidates])
    conf = np.array([a.confidence for a in candidates])
    is_kept = np.array([id(a) in kept for a in candidates])
    other = ~np.eye(n, dtype=bool)
    length = ce - cs
    same_content = (cs[:, None] == cs[None, :]) & (ce[:, None] == ce[None, :])
    same_cue = has_cue[:, None] & has_cue[None, :] & (q0[:, None] == q0[None, :]) & (q1[:, None] == q1[None, :]) & other
    inside = (cs[None, :] <= cs[:, None]) & (ce[:, None] <= ce[None, :]) & ~same_content  # [a, o]: a within o
    # [a, o]: o's cue lies within a's content
    cue_within = has_cue[None, :] & (cs[:, None] <= q0[None, :]) & (q1[None, :] <= ce[:, None])
    inter = np.minimum(ce[:, None], ce[None, :]) - np.maximum(cs[:, None], cs[None, :])
    f1 = np.where(inter > 0, 2 * inter / (length[:, None] + length[None, :]), 0.0) * other
    close = f1 >= 0.5
    cue_lengths = np.where(same_cue, length[None, :], -1)
    widest = ~same_cue.any(axis=1) | (length >= cue_lengths.max(axis=1))
    narrowest = ~same_cue.any(axis=1) | (length <= np.where(same_cue, length[None, :], 1 << 30).min(axis=1))
    overlapping = (inter > 0) & other
    return np.stack([
        same_cue.sum(axis=1), (same_content & other).sum(axis=1), inside.sum(axis=1), inside.T.sum(axis=1),
        (has_cue & (cue_within.T & other).any(axis=1)),
        (cue_within & other & ~same_cue & ~(q0[:, None] == q0[None, :])).sum(axis=1),
        widest, narrowest, np.where(overlapping, conf[None, :], 0.0).max(axis=1),
        close.sum(axis=1), f1.max(axis=1), np.where(is_kept[None, :], f1, 0.0).max(axis=1),
        ~(close & (length[None, :] > length[:, None])).any(axis=1),
        (close & (conf[None, :] > conf[:, None])).sum(axis=1),
    ], axis=1).astype(np.float32)


def content_f1(a: Range, b: Range) -> float:
    """Token-range F1 of two contents: how the PolNeAR scorer would see them as one."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return 2 * inter / ((a[1] - a[0]) + (b[1] - b[0])) if inter > 0 else 0.0


def _sentence_of(starts: list[int], i: int) -> int:
    """The index of the sentence token ``i`` lies in (``starts``: each sentence's first token, ascending)."""
    return max(bisect.bisect_right(starts, i) - 1, 0)


def frequent_values(rows: list[dict[str, str]], min_count: int, most: Mapping[str, int]) -> dict[str, list[str]]:
    """The vocabularies: for each open set, its ``most[key]`` commonest values seen at least ``min_count``
    times in training (sorted, so the names do not depend on ties)."""
    counts = {key: Counter(r[key] for r in rows) for key in VOCABULARY_KEYS}
    return {key: sorted(v for v, c in counts[key].most_common(most.get(key)) if c >= min_count and v)
            for key in VOCABULARY_KEYS}
