#!/usr/bin/env python3
"""Run claimx over a PolNeAR split and score it with the shared scorer.

    python benchmarks/polnear_eval.py ../shared/corpora/polnear/dev -o pred-dev.jsonl \
        [--scorer ../shared/eval/polnear.py] [--n-process 2] [-v]

The corpus is research-only data: its path is an argument, nothing of it is
kept in the project.  Prints the scorer's figures, the run time and words/s,
and how precision varies with claim confidence.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path, help="a PolNeAR split folder (text/, attributions/)")
    ap.add_argument("-o", "--output", type=Path, default=Path("polnear-pred.jsonl"))
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "polnear.py")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--split-continuations", action="store_true",
                    help="a quotation continued in the next sentence as a claim of its own (claimx's default "
                         "joins it to the quote it continues, as PolNeAR does)")
    ap.add_argument("-v", "--verbose", action="store_true", help="pass -v to the scorer (misses on stderr)")
    args = ap.parse_args(argv)

    import claimx
    from claimx.ingest import read_article

    files = sorted((args.split / "text").glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    config = {"claimx_claims": {"merge_continuations": False}} if args.split_continuations else None
    extractor = claimx.Extractor(config=config)
    started, cpu = time.perf_counter(), time.process_time()
    words = 0
    with args.output.open("w", encoding="utf-8") as out:
        articles = (read_article(str(f)) for f in files)
        for article, record in extractor.extract_many(articles, n_process=args.n_process):
            words += len(article.body.split())
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu
    print(f"articles {len(files)}  seconds {elapsed:.1f}  words/s {words / elapsed:,.0f}  "
          f"(this process's CPU: {cpu:.1f} s, {words / cpu:,.0f} words per CPU-second)")
    split = scorable_split(args.split)
    cmd = [sys.executable, str(args.scorer), str(split), str(args.output)]
    subprocess.run(cmd + (["-v"] if args.verbose else []), check=True)
    print_calibration(args.split, args.output)
    return 0


def print_calibration(split: Path, pred: Path) -> None:
    """Precision of the claims at each confidence level (matched as the scorer matches)."""
    import collections
    import json

    import polnear_errors as pe

    preds = {Path(json.loads(line)["source"]).stem: json.loads(line)
             for line in pred.read_text(encoding="utf-8").splitlines()}
    total, hit = collections.Counter(), collections.Counter()
    for doc, ann in pe.split_docs(split).items():
        text = (split / "text" / f"{doc}.txt").read_text(encoding="utf-8")
        gold = [" ".join(text[s:e] for s, e in g["content"]) for g in pe.read_gold(ann)]
        claims = preds.get(doc, {}).get("claims", [])
        matched = set(pe.match(gold, [text[c["start"]:c["end"]] for c in claims]).values())
        for ci, claim in enumerate(claims):
            level = min(int(claim["confidence"] * 10), 9) / 10
            total[level] += 1
            hit[level] += ci in matched
    print("confidence   claims   precision   (claims at or above: precision)")
    above_total = above_hit = 0
    for level in sorted(total, reverse=True):
        above_total += total[level]
        above_hit += hit[level]
        print(f"  {level:.1f}-{level + 0.1:.1f}  {total[level]:7}   {hit[level] / total[level]:9.3f}"
              f"   (>= {level:.1f}: {above_hit / above_total:.3f} of {above_total})")


def scorable_split(split: Path) -> Path:
    """The split, or a temporary copy whose .ann files the scorer can read.

    A few brat files hold annotated text with a line break inside, which splits
    one "T" line in two and stops the scorer; the copy joins such lines back.
    """
    broken = [a for a in (split / "attributions").glob("*.ann")
              if any(line and "\t" not in line for line in a.read_text(encoding="utf-8").split("\n")[:-1])]
    if not broken:
        return split
    copy = Path(tempfile.mkdtemp(prefix="polnear-")) / split.name
    (copy / "attributions").mkdir(parents=True)
    (copy / "text").symlink_to((split / "text").resolve())
    for ann in (split / "attributions").glob("*.ann"):
        target = copy / "attributions" / ann.name
        if ann not in broken:
            shutil.copyfile(ann, target)
            continue
        lines: list[str] = []
        for line in ann.read_text(encoding="utf-8").split("\n"):
            if lines and "\t" not in line and line:
                lines[-1] += " " + line
            elif line or not lines or "\t" in lines[-1]:
                lines.append(line)
        target.write_text("\n".join(lines), encoding="utf-8")
    print(f"(scored on a copy: {len(broken)} .ann file(s) had annotated text broken over lines)")
    return copy


if __name__ == "__main__":
    sys.exit(main())
