"""The hypothesis properties of tests/test_hypothesis.py, at benchmark scale.

    python benchmarks/fuzz.py                       # 10,000+ cases: 1,352 per strategy, 540 very long
    python benchmarks/fuzz.py --cases 2000 --seed 7 -o fuzz.json

Runs each property test (random text, random unicode, quote marks, very long
sentences and paragraphs, no sentence ends, only punctuation, headers and line
endings, random bytes) with ``max_examples`` set to its share of ``--cases``, on the
real pipeline, counting every case that ran (a checked record or an accepted refusal),
and prints a table and one closing line, ``N cases, F failed (...)``.  A failing strategy is shrunk by hypothesis to a minimal example,
printed, and counted; the others go on.  Exit 0 only with no failure.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LONG = "test_very_long_sentences_and_paragraphs"
sys.path.insert(0, str(ROOT / "tests"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000, help="cases in all, shared by the strategies")
    parser.add_argument("--seed", type=int, default=None, help="hypothesis seed (default: random, printed)")
    parser.add_argument("--only", action="append", default=[], help="run only this test (name, repeatable)")
    parser.add_argument("--long-share", type=float, default=0.4,
                        help="cases of very long text, as a share of another strategy's (default 0.4)")
    parser.add_argument("-o", "--output", help="write the figures as JSON here")
    args = parser.parse_args(argv)

    import os
    import random

    from hypothesis import seed as hypothesis_seed

    # The tests in tests/test_hypothesis.py (checked below), and the share of --cases each gets:
    # very long texts take a second or more each, so they get LONG_SHARE of a share.
    strategies, long_share = 8, args.long_share
    shares = (len(args.only) or strategies) - (1 - long_share) * (not args.only or LONG in args.only)
    per_test = -int(-args.cases // shares)  # ceiling: at least --cases in all
    per_long = max(1, int(per_test * long_share))
    os.environ["CLAIMX_FUZZ_EXAMPLES"] = str(per_test)  # read by test_hypothesis at import
    os.environ["CLAIMX_FUZZ_LONG_EXAMPLES"] = str(per_long)

    import claimx
    import test_hypothesis as properties

    tests = [name for name in dir(properties) if name.startswith("test_")
             and (not args.only or name in args.only)]
    assert args.only or len(tests) == strategies, f"tests/test_hypothesis.py has {len(tests)} tests now"
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    extractor = claimx.Extractor()

    outcome = properties.OUTCOMES  # counted by run_text and run_bytes, case by case

    print(f"claimx fuzz: {len(tests)} strategies x {per_test:,} cases ({per_long:,} very long ones), seed {seed}, "
          f"model {extractor.model}", flush=True)
    rows, failures, started = [], 0, time.monotonic()
    for name in tests:
        before = {k: outcome[k] for k in ("records", "refused")}
        test = hypothesis_seed(seed)(getattr(properties, name))
        t0 = time.monotonic()
        error = None
        try:
            test(extractor=extractor)
        except Exception as exc:  # noqa: BLE001 - a falsified property: report it, go on
            failures += 1
            error = f"{type(exc).__name__}: {exc}"
            traceback.print_exc()
        cases = {k: outcome[k] - before[k] for k in before}
        rows.append({"strategy": name[5:], "cases": sum(cases.values()), **cases,
                     "seconds": round(time.monotonic() - t0, 1), "result": "FAILED" if error else "ok",
                     **({"error": error[:2000]} if error else {})})
        r = rows[-1]
        print(f"  {r['strategy']:<40} {r['cases']:>7,} cases ({r['records']:,} records, {r['refused']:,} refused)"
              f"  {r['seconds']:>7.1f} s  {r['result']}", flush=True)
    total = sum(r["cases"] for r in rows)
    summary = {"cases": total, "failed": failures, "strategies": len(rows), "per_strategy": per_test,
               "per_long_strategy": per_long, "seed": seed,
               "seconds": round(time.monotonic() - started, 1), "model": extractor.model, "rows": rows}
    if args.output:
        Path(args.output).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"{total:,} cases, {failures} failed ({len(rows)} strategies, seed {seed}, {summary['seconds']:,} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
