"""Run claimx over a TimeML corpus and score its dates (TempEval-3 style).

    python benchmarks/timeml_eval.py CORPUS_DIR [-o PRED.jsonl] [--scorer PATH] [-v] [--timing]

CORPUS_DIR holds articles/*.txt (front-matter header with the publication
date, then the text) and gold.jsonl.  Records go to PRED.jsonl, one a line
with "source" = the article's path; then the scorer (default:
../shared/eval/timeml.py beside the project) prints its figures.  --timing
also reports how much of the pipeline's time the claimx_dates component takes.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_SCORER = PROJECT.parent / "shared" / "eval" / "timeml.py"


def articles(corpus: Path) -> list[Path]:
    return sorted((corpus / "articles").glob("*.txt"))


def write_predictions(paths: list[Path], out: Path) -> None:
    import claimx
    from claimx.ingest import read_article

    extractor = claimx.Extractor()
    with out.open("w", encoding="utf-8") as sink:
        for _, record in extractor.extract_many(read_article(str(p)) for p in paths):
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")


def date_share(paths: list[Path]) -> tuple[float, float]:
    """(seconds in claimx_dates, seconds in all) for one batched run over the articles."""
    import claimx
    from claimx.ingest import read_article

    extractor = claimx.Extractor()
    component = extractor.nlp.get_pipe("claimx_dates")
    inner = component.process
    spent = [0.0]

    def timed(doc):
        started = time.perf_counter()
        try:
            return inner(doc)
        finally:
            spent[0] += time.perf_counter() - started

    component.process = timed
    started = time.perf_counter()
    for _ in extractor.extract_many(read_article(str(p)) for p in paths):
        pass
    return spent[0], time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("-o", "--output", type=Path, default=Path("pred-timeml.jsonl"))
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the scorer's misses")
    parser.add_argument("--timing", action="store_true", help="report the date component's share of run time")
    args = parser.parse_args(argv)

    paths = articles(args.corpus)
    if not paths:
        print(f"no articles in {args.corpus / 'articles'}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    write_predictions(paths, args.output)
    print(f"{len(paths)} articles in {time.perf_counter() - started:.1f} s -> {args.output}")
    command = [sys.executable, str(args.scorer), str(args.corpus), str(args.output)] + (["-v"] if args.verbose else [])
    status = subprocess.call(command)
    if args.timing:
        dates, total = date_share(paths)
        print(f"claimx_dates {dates:.2f} s of {total:.2f} s in all = {100 * dates / total:.1f} %")
    return status


if __name__ == "__main__":
    sys.exit(main())
