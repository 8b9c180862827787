"""The hypothesis properties of tests/test_hypothesis.py, at benchmark scale.

    python benchmarks/fuzz.py                       # 10,000+ cases: 1,352 per strategy, 540 very long
    python benchmarks/fuzz.py --cases 2000 --seed 7 -o fuzz.json

Runs each property test (random text, random unicode, quote marks, very long
sentences and paragraphs, no sentence ends, only punctuation, headers and line
endings, random bytes) with ``max_examples`` set to its share of ``--cases``, on the
real pipeline, counting every case that ran (a checked record or an accepted refusal),
and prints a table and one closing line, ``N cases, F failed (...)``.  Each case runs in a
worker process whose address space is capped (``--memory-cap``): a runaway allocation is a
failed case reported with its input, and the worker's peak RSS is reported.  A failing strategy is shrunk by hypothesis to a minimal example,
printed, and counted; the others go on.  Exit 0 only with no failure.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LONG = "test_very_long_sentences_and_paragraphs"
sys.path.insert(0, str(ROOT / "tests"))
MB = 2**20


class RunawayCase(AssertionError):
    """A case the worker could not finish within its memory cap (or that killed it)."""


class CappedWorker:
    """The cases run one at a time in a worker process forked with the pipeline loaded, its address
    space capped (``RLIMIT_AS``): a runaway allocation fails that case, with its input, instead of
    taking the machine down.  A worker that died is replaced by a new one for the next case."""

    def __init__(self, run_text, extractor, cap_mb: int):
        self.run_text, self.extractor, self.cap_mb = run_text, extractor, cap_mb
        self.process = self.conn = None
        self.peak_mb = 0.0  # the largest peak RSS of a worker, and the case that reached it
        self.peak_case: str | None = None
        self.over_1gb: list[str] = []
        self.deaths = 0

    def _start(self) -> None:
        ctx = multiprocessing.get_context("fork")  # the child shares the loaded pipeline
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=self._serve, args=(child,), daemon=True)
        self.process.start()
        child.close()

    def _serve(self, conn) -> None:
        # The cap counts the address space already mapped (the model, libraries, thread stacks).
        with open(f"/proc/{os.getpid()}/status", encoding="ascii") as f:
            mapped = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmSize:"))
        limit = mapped + self.cap_mb * MB
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        while True:
            try:
                text, published = conn.recv()
            except EOFError:
                return
            try:
                record = self.run_text(self.extractor, text, published)
                reply = ("ok", "refused" if record is None else "records", None)
            except MemoryError:
                reply = ("runaway", "MemoryError", traceback.format_exc(limit=-8))
            except BaseException as exc:  # noqa: BLE001 - the property's own failure, sent back
                reply = ("failed", f"{type(exc).__name__}: {exc}", traceback.format_exc(limit=-8))
            conn.send((*reply, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))

    def __call__(self, extractor, text: str, published: str | None = None):
        """``run_text`` in the worker: the record's outcome counted here; a failure raised here."""
        from test_hypothesis import OUTCOMES

        if self.process is None or not self.process.is_alive():
            self._start()
        try:
            self.conn.send((text, published))
            status, detail, trace, peak = self.conn.recv()
        except (EOFError, OSError):
            self.process.join(5)
            code = self.process.exitcode
            self.process = None
            self.deaths += 1
            raise RunawayCase(f"the worker died (exit {code}) on a case of {len(text):,} characters: "
                              f"{text[:300]!r}{'...' if len(text) > 300 else ''}") from None
        if peak > self.peak_mb:
            self.peak_mb, self.peak_case = peak, text[:120]
            if peak > 1024 and len(self.over_1gb) < 20:
                self.over_1gb.append(f"{peak:,.0f} MB after a case of {len(text):,} characters: {text[:200]!r}")
        if status == "ok":
            OUTCOMES[detail] += 1
            return None
        if status == "runaway":
            self.process.kill()  # a worker that ran out of memory may be left in a bad state
            self.process = None
            raise RunawayCase(f"MemoryError over the {self.cap_mb:,} MB cap on a case of {len(text):,} "
                              f"characters: {text[:300]!r}\n{trace}")
        raise AssertionError(f"{detail}\n(in the worker)\n{trace}")

    def close(self) -> None:
        if self.process is not None:
            self.conn.close()
            self.process.join(10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000, help="cases in all, shared by the strategies")
    parser.add_argument("--seed", type=int, default=None, help="hypothesis seed (default: random, printed)")
    parser.add_argument("--only", action="append", default=[], help="run only this test (name, repeatable)")
    parser.add_argument("--long-share", type=float, default=0.4,
                        help="cases of very long text, as a share of another strategy's (default 0.4)")
    parser.add_argument("-o", "--output", help="write the figures as JSON here")
    parser.add_argument("--memory-cap", type=int, default=2048, metavar="MB",
                        help="address space a case may add in its worker before it fails as a runaway "
                             "(default 2048; 0: run the cases in this process, uncapped)")
    args = parser.parse_args(argv)

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
    worker = None
    if args.memory_cap:
        # run_bytes and the tests look run_text up at call time: every case goes to the worker.
        worker = CappedWorker(properties.run_text, extractor, args.memory_cap)
        properties.run_text = worker

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
    if worker is not None:
        worker.close()
        summary.update(memory_cap_mb=args.memory_cap, worker_peak_rss_mb=round(worker.peak_mb),
                       worker_deaths=worker.deaths, cases_over_1gb=worker.over_1gb)
        print(f"worker peak RSS {worker.peak_mb:,.0f} MB (reached on {worker.peak_case!r}); "
              f"{len(worker.over_1gb)} cases took it over 1 GB; {worker.deaths} worker deaths; "
              f"cap {args.memory_cap:,} MB over the loaded pipeline")
        for line in worker.over_1gb:
            print(f"  over 1 GB: {line}")
    if args.output:
        Path(args.output).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"{total:,} cases, {failures} failed ({len(rows)} strategies, seed {seed}, {summary['seconds']:,} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
