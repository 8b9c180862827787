#!/usr/bin/env python3
"""Long synthetic bodies: claimx's time and peak memory against bare spaCy on the same text, whole.

    python benchmarks/long_shapes.py                       # the whole table (about 15 minutes)
    python benchmarks/long_shapes.py --shapes quoted --rounds 2 --engines claimx
    python benchmarks/long_shapes.py --shapes quoted --paragraphs 1000 2000 --timing
    python benchmarks/long_shapes.py --engines claimx --piece-chars 1000000000   # claimx on one Doc

Shapes (written here, no corpus text):
  quoted     N short quoted paragraphs, "“It is N,” he said on the Nth.", one blank line apart
             (--paragraphs, default 1,000 to 20,000: 36 KB to 770 KB);
  sentence   one sentence of 190,000 characters without punctuation;
  marks      250,000 characters of quotation marks that never close.

Each (shape, size, engine) runs in a fresh subprocess: ``claimx`` is ``Extractor.extract_article``
(long bodies in pieces of ``--piece-chars``), ``spacy`` is the bare model on the text as one Doc.
Time is the extraction's CPU time (the machine is shared: other work does not count; the
model's loading not counted), wall time beside it; peak memory is the subprocess's peak RSS
(``ru_maxrss``, model included).  ``--timing`` adds, for claimx, each
component's share: spaCy's pipes (run on the pieces) as one figure, then each of claimx's.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

PARAGRAPHS = (1000, 2000, 4000, 8000, 20000)
WORDS = ("the", "minister", "told", "reporters", "that", "talks", "with", "his", "counterpart", "would",
         "go", "on", "for", "another", "week", "in", "a", "city", "near", "border", "after", "officials",
         "from", "both", "sides", "met", "on", "Monday", "and", "agreed", "to", "keep", "meeting")


def quoted(paragraphs: int) -> str:
    return "\n\n".join(f"“It is {n},” he said on the {n}th." for n in range(1, paragraphs + 1)) + "\n"


def sentence(chars: int = 190_000) -> str:
    """One sentence, no punctuation anywhere: words from a fixed list, a step of 7 through it."""
    out, size, n = [], 0, 0
    while size < chars:
        word = WORDS[(n * 7) % len(WORDS)]
        out.append(word)
        size += len(word) + 1
        n += 1
    return "The " + " ".join(out)[: chars - 4]


def marks(chars: int = 250_000) -> str:
    """Quotation marks that open and never close, straight and curly, among short words."""
    pieces = ("“We will", "\"They", "‘not", "said “the", "«", "\"", "“", "he said \"it")
    out, size, n = [], 0, 0
    while size < chars:
        piece = pieces[n % len(pieces)] + (" " if n % 5 else "\n\n")
        out.append(piece)
        size += len(piece)
        n += 1
    return "".join(out)[:chars]


def make_text(shape: str, size: int) -> str:
    return {"quoted": lambda: quoted(size), "sentence": lambda: sentence(), "marks": lambda: marks()}[shape]()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(engine: str, shape: str, size: int, piece_chars: int, timing: bool) -> dict:
    """Run in the subprocess: time one engine on one text."""
    text = make_text(shape, size)
    result = {"engine": engine, "shape": shape, "size": size, "chars": len(text)}
    if engine == "spacy":
        import spacy

        from claimx.pipeline import default_model

        nlp = spacy.load(default_model())
        nlp.max_length = max(nlp.max_length, len(text))
        started, cpu = time.perf_counter(), time.process_time()
        doc = nlp(text)
        result.update(seconds=time.process_time() - cpu, wall=time.perf_counter() - started, tokens=len(doc))
    else:
        from claimx import pieces
        from claimx.extractor import Extractor
        from claimx.ingest import article_from_text
        from claimx.record import build_record

        extractor = Extractor(piece_chars=piece_chars)
        extractor.nlp.max_length = max(extractor.nlp.max_length, len(text))
        article = article_from_text(text, source="-", published="2021-12-29")
        started, cpu = time.perf_counter(), time.process_time()
        spent = {}
        t = time.process_time()
        doc = extractor.parsed(article)
        spent["spaCy (in pieces)"] = time.process_time() - t
        for name, proc in pieces.doc_pipes(extractor.nlp):
            t = time.process_time()
            doc = proc(doc)
            spent[name] = time.process_time() - t
        t = time.process_time()
        record = build_record(doc, article, model=extractor.model)
        spent["the record"] = time.process_time() - t
        result.update(seconds=time.process_time() - cpu, wall=time.perf_counter() - started, tokens=len(doc),
                      claims=len(record["claims"]), speakers=len(record["speakers"]),
                      dates=len(record["dates"]), warnings=doc._.claimx_warnings or [])
        if timing:
            result["timing"] = spent
    result["peak_mb"] = peak_mb()
    return result


def run_child(engine: str, shape: str, size: int, args) -> dict:
    """The best of ``--rounds`` runs (least CPU time: other work on the machine only slows one down)."""
    runs = [run_once(engine, shape, size, args) for _ in range(args.rounds)]
    done = [r for r in runs if "failed" not in r]
    return min(done, key=lambda r: r["seconds"]) if done else runs[0]


def run_once(engine: str, shape: str, size: int, args) -> dict:
    cmd = [sys.executable, __file__, "--child", engine, shape, str(size), "--piece-chars", str(args.piece_chars)]
    if args.timing:
        cmd.append("--timing")
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return {"engine": engine, "shape": shape, "size": size, "failed": f"no answer in {args.timeout} s"}
    if done.returncode:
        return {"engine": engine, "shape": shape, "size": size,
                "failed": f"exit {done.returncode}: {done.stderr.strip().splitlines()[-1:]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shapes", nargs="+", default=["quoted", "sentence", "marks"],
                    choices=["quoted", "sentence", "marks"])
    ap.add_argument("--paragraphs", nargs="+", type=int, default=list(PARAGRAPHS), help="sizes of the quoted shape")
    ap.add_argument("--engines", nargs="+", default=["claimx", "spacy"], choices=["claimx", "spacy"])
    ap.add_argument("--spacy-up-to", type=int, default=8000,
                    help="run bare spaCy on the quoted shape up to this many paragraphs (it needs 4 GB at 20,000)")
    ap.add_argument("--piece-chars", type=int, default=None, help="claimx's piece size (default: claimx's own)")
    ap.add_argument("--timing", action="store_true", help="each of claimx's components' time")
    ap.add_argument("--timeout", type=int, default=600, help="seconds before a run is given up")
    ap.add_argument("--rounds", type=int, default=1, help="runs of each measurement, the best kept")
    ap.add_argument("--child", nargs=3, metavar=("ENGINE", "SHAPE", "SIZE"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.piece_chars is None:
        from claimx.pieces import DEFAULT_PIECE_CHARS

        args.piece_chars = DEFAULT_PIECE_CHARS
    if args.child:
        engine, shape, size = args.child
        print(json.dumps(one(engine, shape, int(size), args.piece_chars, args.timing)))
        return 0

    runs = [(shape, size) for shape in args.shapes for size in (args.paragraphs if shape == "quoted" else [0])]
    print(f"piece size {args.piece_chars:,} characters\n")
    print("| shape | size | chars | claimx CPU s (wall) | claimx peak MB | spaCy CPU s (wall) | spaCy peak MB | "
          "claimx/spaCy | time ×, size × | claims |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    previous = None
    for shape, size in runs:
        results = {}
        for engine in args.engines:
            if engine == "spacy" and shape == "quoted" and size > args.spacy_up_to:
                continue
            results[engine] = run_child(engine, shape, size, args)
        c, s = results.get("claimx", {}), results.get("spacy", {})
        chars = c.get("chars") or s.get("chars") or 0

        def cell(r, key, fmt):
            return r["failed"] if "failed" in r else (fmt.format(r[key]) if key in r else "")

        def seconds(r):
            return cell(r, "seconds", "{:.1f}") + (f" ({r['wall']:.1f})" if "wall" in r else "")

        ratio = f"{c['seconds'] / s['seconds']:.2f}" if "seconds" in c and "seconds" in s else ""
        growth = ""
        if shape == "quoted" and previous and "seconds" in c and "seconds" in previous:
            growth = f"{c['seconds'] / previous['seconds']:.2f}, {c['chars'] / previous['chars']:.2f}"
        print(f"| {shape} | {size or ''} | {chars:,} | {seconds(c)} | {cell(c, 'peak_mb', '{:,.0f}')} | "
              f"{seconds(s)} | {cell(s, 'peak_mb', '{:,.0f}')} | {ratio} | {growth} | "
              f"{c.get('claims', '')} |", flush=True)
        if shape == "quoted":
            previous = c
        if args.timing and "timing" in c:
            total = sum(c["timing"].values())
            for name, seconds in c["timing"].items():
                print(f"|   {name} | | | {seconds:.2f} | {seconds / total:.0%} | | | | | |", flush=True)
        if c.get("warnings"):
            print(f"|   warnings: {c['warnings']} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
