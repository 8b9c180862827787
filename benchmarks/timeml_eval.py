"""Run claimx over a TimeML corpus and score its dates (TempEval-3 style).

    python benchmarks/timeml_eval.py CORPUS_DIR [-o PRED.jsonl] [--scorer PATH] [-v] [--timing] [--errors FILE]

CORPUS_DIR holds articles/*.txt (front-matter header with the publication
date, then the text) and gold.jsonl.  Records go to PRED.jsonl, one a line
with "source" = the article's path; then the scorer (default:
../shared/eval/timeml.py beside the project) prints its figures.  --timing
also reports how much of the pipeline's time the claimx_dates component takes.
--errors writes every disagreement with the gold, all types, one a line and
grouped (missed, false alarm, wrong value), each with its context: the list
to read when looking for the next rule (keep it out of the repository: it
quotes the corpus).
"""
from __future__ import annotations

import argparse
import importlib.util
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


def overlapping(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def scorer_norm(scorer: Path):
    """The scorer's own ``norm`` (how it compares values), so the error list agrees with its figures."""
    spec = importlib.util.spec_from_file_location("timeml_scorer", scorer)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.norm


def write_errors(corpus: Path, predictions: Path, out: Path, scorer: Path) -> None:
    """Misses, false alarms and wrong values against gold.jsonl, paired as the scorer pairs them."""
    gold = [json.loads(line) for line in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    records = {Path(r["source"]).stem: r for r in map(json.loads, predictions.read_text(encoding="utf-8").splitlines())}
    groups: dict[str, list[str]] = {"missed": [], "false alarm": [], "wrong value": []}
    plain = scorer_norm(scorer)
    for article in gold:
        text = (corpus / "articles" / f"{article['id']}.txt").read_text(encoding="utf-8")
        found = records.get(article["id"], {}).get("dates", [])
        used: set[int] = set()

        def context(item: dict) -> str:
            return " ".join(text[max(0, item["start"] - 60):item["end"] + 40].split())

        for timex in article["timexes"]:
            hit = next((i for i, d in enumerate(found) if i not in used and overlapping(d, timex)), None)
            if hit is None:
                groups["missed"].append(f"{article['id']} [{timex['type']}] {timex['text']!r} gold={timex['value']} "
                                        f"| {context(timex)}")
                continue
            used.add(hit)
            date = found[hit]
            if plain(date.get("value")) != plain(timex["value"]):
                groups["wrong value"].append(
                    f"{article['id']} pub={article['published']} [{timex['type']}/{date['type']}] {timex['text']!r}/"
                    f"{date['text']!r} got={date.get('value')} gold={timex['value']} | {context(timex)}")
        for i, date in enumerate(found):
            if i not in used:
                groups["false alarm"].append(f"{article['id']} [{date['type']}] {date['text']!r} "
                                             f"value={date.get('value')} | {context(date)}")
    with out.open("w", encoding="utf-8") as sink:
        for name, lines in groups.items():
            sink.write(f"===== {name} ({len(lines)})\n" + "".join(line + "\n" for line in lines))


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
    parser.add_argument("--errors", type=Path, help="write every disagreement with the gold to this file")
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
    if args.errors:
        write_errors(args.corpus, args.output, args.errors, args.scorer)
    if args.timing:
        dates, total = date_share(paths)
        print(f"claimx_dates {dates:.2f} s of {total:.2f} s in all = {100 * dates / total:.1f} %")
    return status


if __name__ == "__main__":
    sys.exit(main())
