"""Throughput: ``claimx batch`` against bare ``nlp.pipe`` with the same model, in one run.

    python benchmarks/throughput.py ../shared/corpora/reuters21578/stories --limit 2000
    python benchmarks/throughput.py ../shared/corpora/reuters21578/reuters21578.jsonl --limit 2000 -n 2

CORPUS is a folder of stories (sorted, the first --limit taken) or a JSON Lines
file (the first --limit lines).  For each process count:

- bare: ``spacy.load(MODEL).pipe(texts, batch_size=B, n_process=N)`` over the
  stories' texts, already in memory, every Doc consumed.  spaCy's own pipeline,
  nothing of claimx.
- claimx: ``claimx.batch.run_batch`` over the same stories, same model, B and N:
  reading and decoding the files, claimx's components, building the records and
  writing the JSON Lines file all count against it.

Both get a pipeline loaded beforehand (loading is not timed).  words/s is
whitespace-separated words of the analysed text per wall-clock second, the same
count for both; the ratio is claimx/bare.  Peak memory is the largest sum of
RSS over the process and all its children, sampled every 20 ms (shared pages of
forked workers are counted in each, for both alike).  ``--rounds R`` repeats
each measurement and keeps the best, since other work on the machine only ever
slows a run down; the load average is printed so a busy machine shows.
``--components`` adds the time each pipeline component takes, in one process;
``--pipeline`` times claimx's pipeline alone (nlp.pipe over the texts in memory,
claimx's components included, no reading, records or JSON), which tells what
claimx's components cost from what the batch layer costs.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from meters import PeakRSS  # noqa: E402 - benchmarks/ is on the path when run as a script


def corpus_inputs(corpus: str, limit: int | None, scratch: str) -> list[str]:
    """Paths for run_batch: the first ``limit`` files of a folder, or a JSON Lines file cut to
    its first ``limit`` lines (written to ``scratch``)."""
    path = Path(corpus)
    if path.is_dir():
        from claimx.batch.inputs import DEFAULT_GLOBS, walk

        files = list(walk(str(path), DEFAULT_GLOBS))
        return files[:limit] if limit else files
    if limit is None:
        return [str(path)]
    cut = Path(scratch) / path.name
    with open(path, "rb") as source, open(cut, "wb") as target:
        for n, line in enumerate(source):
            if n >= limit:
                break
            target.write(line)
    return [str(cut)]


def texts_of(inputs: list[str]) -> list[str]:
    """The texts claimx analyses (the body after any header; stories with none left out)."""
    from claimx.batch.inputs import expand, items
    from claimx.batch.work import Settings, load_article
    from claimx.errors import ClaimxError

    texts = []
    for item in items(expand(inputs)):
        try:
            body = load_article(item, Settings()).body
        except ClaimxError:
            continue
        if body.strip():
            texts.append(body)
    return texts


def run_bare(nlp, texts, batch_size, n_process):
    with PeakRSS() as rss:
        start = time.perf_counter()
        sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
        seconds = time.perf_counter() - start
    return seconds, rss.peak, rss.cpu


def run_pipeline(extractor, texts, batch_size, n_process):
    """claimx's pipeline (spaCy's components and claimx's) over the texts in memory, through
    nlp.pipe: what the components cost, without reading, records or JSON."""
    return run_bare(extractor.nlp, texts, batch_size, n_process)


def run_claimx(extractor, inputs, batch_size, n_process, out):
    from claimx.batch import run_batch

    with PeakRSS() as rss:
        start = time.perf_counter()
        summary = run_batch(inputs, out, batch_size=batch_size, n_process=n_process, extractor=extractor)
        seconds = time.perf_counter() - start
    return seconds, rss.peak, rss.cpu, summary


def component_times(extractor, texts, batch_size) -> list[tuple[str, float]]:
    """CPU seconds per pipeline component over the texts, in this process."""
    nlp = extractor.nlp
    docs = [nlp.make_doc(t) for t in texts]
    times = []
    for name, proc in nlp.pipeline:
        start = time.process_time()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(doc) for doc in docs]
        times.append((name, time.process_time() - start))
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, default=2000, help="stories to take (0: all); default 2000")
    parser.add_argument("-n", "--n-process", type=int, nargs="+", default=[1, 2])
    parser.add_argument("-b", "--batch-size", type=int, default=64)
    parser.add_argument("-m", "--model", default=None)
    parser.add_argument("--rounds", type=int, default=1, help="repeat each measurement, keep the best")
    parser.add_argument("--components", action="store_true", help="also time each pipeline component")
    parser.add_argument("--pipeline", action="store_true",
                        help="also time claimx's pipeline alone (nlp.pipe with claimx's components over the "
                             "texts in memory), to tell the components' cost from the batch layer's")
    args = parser.parse_args(argv)

    import spacy

    from claimx.extractor import Extractor

    extractor = Extractor(args.model)
    bare = spacy.load(extractor.model)
    with tempfile.TemporaryDirectory() as scratch:
        inputs = corpus_inputs(args.corpus, args.limit or None, scratch)
        texts = texts_of(inputs)
        words = sum(len(t.split()) for t in texts)
        print(f"corpus {args.corpus}: {len(inputs) if len(inputs) > 1 else args.limit or 'all'} inputs, "
              f"{len(texts):,} with text, {words:,} words; model {extractor.model} "
              f"(bare: {', '.join(bare.pipe_names)}; claimx adds "
              f"{', '.join(n for n in extractor.nlp.pipe_names if n not in bare.pipe_names)}); "
              f"batch size {args.batch_size}; {psutil.cpu_count()} cores")
        # warm both up (lazy initialisation, file cache) on a few stories, untimed
        list(bare.pipe(texts[:20]))
        list(extractor.nlp.pipe(texts[:20]))
        results = {}
        for n in args.n_process:
            best_bare = best_claimx = None
            for round_ in range(args.rounds):
                load = os.getloadavg()[0]
                b_seconds, b_peak, b_cpu = run_bare(bare, texts, args.batch_size, n)
                out = os.path.join(scratch, f"out-{n}.jsonl")
                c_seconds, c_peak, c_cpu, summary = run_claimx(extractor, inputs, args.batch_size, n, out)
                lines = sum(1 for _ in open(out, "rb"))
                middle = ""
                if args.pipeline:
                    p_seconds, _, p_cpu = run_pipeline(extractor, texts, args.batch_size, n)
                    middle = (f"claimx pipeline alone {words / p_seconds:,.0f} words/s ({p_seconds:.1f} s, "
                              f"{p_cpu:.1f} CPU s), ")
                print(f"  n_process={n} round {round_ + 1}: bare {words / b_seconds:,.0f} words/s "
                      f"({b_seconds:.1f} s, {b_cpu:.1f} CPU s), {middle}claimx batch {words / c_seconds:,.0f} "
                      f"words/s ({c_seconds:.1f} s, {c_cpu:.1f} CPU s, {lines:,} lines, {summary.errors} errors);"
                      f" CPU-time ratio {b_cpu / c_cpu:.2f}; load average before {load:.2f}", flush=True)
                if best_bare is None or b_seconds < best_bare[0]:
                    best_bare = (b_seconds, b_peak)
                if best_claimx is None or c_seconds < best_claimx[0]:
                    best_claimx = (c_seconds, c_peak)
            results[n] = (words / best_bare[0], words / best_claimx[0])
            print(f"n_process={n}: bare spaCy {results[n][0]:,.0f} words/s (peak RSS {best_bare[1] / 2**20:,.0f} MB)"
                  f" | claimx batch {results[n][1]:,.0f} words/s (peak RSS {best_claimx[1] / 2**20:,.0f} MB)"
                  f" | ratio {results[n][1] / results[n][0]:.2f}", flush=True)
        ns = sorted(results)
        for n in ns[1:]:
            print(f"scaling {n} vs {ns[0]} processes: bare {results[n][0] / results[ns[0]][0]:.2f}x, "
                  f"claimx {results[n][1] / results[ns[0]][1]:.2f}x")
        if args.components:
            times = component_times(extractor, texts, args.batch_size)
            total = sum(t for _, t in times)
            print("CPU seconds per component, one process:")
            for name, seconds in times:
                print(f"  {name:18s} {seconds:7.2f} s {100 * seconds / total:5.1f}%")
        print(json.dumps({str(n): {"bare_wps": round(b), "claimx_wps": round(c), "ratio": round(c / b, 3)}
                          for n, (b, c) in results.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
