#!/usr/bin/env python3
"""How often each verb serves as an attribution cue in a PolNeAR split.

    python benchmarks/polnear_cue_stats.py ../shared/corpora/polnear/train [--min-count 8]

For every verb with a subject (or hanging off one), counts its uses and how
many of them overlap a gold Cue, and which dependents carry the gold content.
The rates are what ``models/claims/reporting_verbs.tsv`` takes as confidences
(curated by hand: the numbers, not the corpus, go into models/).  Only counts
are printed; no text of the corpus.
"""
from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import polnear_errors  # noqa: E402  (same folder: the brat reader)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path)
    ap.add_argument("--min-count", type=int, default=8)
    args = ap.parse_args(argv)

    from claimx.pipeline import load_model

    nlp = load_model()
    nlp.add_pipe("claimx_paragraphs", before="parser")
    anns = {}
    for ann in sorted((args.split / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    texts = [(args.split / "text" / f"{doc}.txt").read_text(encoding="utf-8") for doc in anns]
    uses, cues = collections.Counter(), collections.Counter()
    frames = collections.defaultdict(collections.Counter)
    for doc, ann in zip(nlp.pipe(texts, batch_size=16), anns.values()):
        gold = polnear_errors.read_gold(ann)
        cue_at = {}
        for g in gold:
            for s, e in g["cue"]:
                for i in range(s, e):
                    cue_at[i] = g
        for t in doc:
            if t.pos_ != "VERB":
                continue
            if not (any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                    or t.dep_ in ("conj", "advcl", "xcomp", "relcl", "acl")):
                continue
            lemma = t.lemma_.lower()
            uses[lemma] += 1
            g = cue_at.get(t.idx)
            if g is None:
                continue
            cues[lemma] += 1
            lo = min(s for s, _ in g["content"])
            hi = max(e for _, e in g["content"])
            carriers = sorted({c.dep_ + (":" + c.lower_ if c.dep_ == "prep" else "") for c in t.children
                               if c.idx < hi and lo < c.right_edge.idx + len(c.right_edge)})
            frames[lemma][" ".join(carriers) or "-"] += 1
    print("lemma\tuses\tcues\trate\tcontent carried by (top 3)")
    for lemma in sorted(uses, key=lambda x: -cues[x]):
        if cues[lemma] < args.min_count:
            continue
        top = "; ".join(f"{k} {v}" for k, v in frames[lemma].most_common(3))
        print(f"{lemma}\t{uses[lemma]}\t{cues[lemma]}\t{cues[lemma] / uses[lemma]:.2f}\t{top}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
