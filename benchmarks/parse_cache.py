#!/usr/bin/env python3
"""Parse a corpus once, then run claimx's own components over the cached parses.

    python benchmarks/parse_cache.py build ../shared/corpora/polnear/dev/text -o /tmp/pn-dev.cache
    python benchmarks/parse_cache.py run /tmp/pn-dev.cache -o pred.jsonl [--config '{"claimx_claims": {...}}']

Almost all of claimx's run time is spaCy's tagger, parser and NER; a change to a
claimx rule does not change them.  ``build`` reads the inputs as ``claimx batch``
does, runs the spaCy pipeline with ``claimx_paragraphs`` (which sets sentence
starts before the parser) and none of claimx's other components, and keeps every
Doc (``Doc.to_bytes``: annotations, user data and ``doc.tensor``) with its Article.
``run`` loads the same model with the current code's components and runs only
those over each cached Doc, writing the records ``claimx batch`` would write, one
JSON line each, in input order.  Comparing two ``run`` outputs byte for byte is how
a change is shown to leave output as it was; the rules run in seconds, not minutes.

The cache holds the corpus's text: keep it outside the repository (research-use
corpora are never committed).  It records the model's name and version and a hash of
the code that sets sentence starts before the parser, and ``run`` refuses a cache
built with another model or other paragraph code.  It runs whichever claimx is installed (``python -m pip
install -e .`` for the checkout's), so one cache serves two versions compared.
``--timing`` prints each component's share of ``run``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import time
from pathlib import Path

SHARD_SIZE = 500


def _fingerprint(nlp) -> dict:
    """What the cached parses depend on: the model, and the code that sets sentence starts before the parser
    (the paragraph rules and the component's class, not its factory's declaration)."""
    import inspect

    import claimx.components.paragraphs as component
    import claimx.paragraphs

    code = inspect.getsource(claimx.paragraphs) + inspect.getsource(component.ParagraphBreaks) + \
        inspect.getsource(component.ends_headline)
    return {"model": nlp.meta.get("name"), "version": nlp.meta.get("version"),
            "paragraph_code": hashlib.sha256(code.encode("utf-8")).hexdigest()[:16]}


def build(args) -> int:
    from claimx.batch import inputs as batch_inputs
    from claimx.batch.work import Settings, load_article
    from claimx.extractor import Extractor

    extractor = Extractor(args.model)
    nlp = extractor.nlp
    claimx_pipes = [n for n in nlp.pipe_names if n.startswith("claimx_") and n != "claimx_paragraphs"]
    settings = Settings(model=args.model, published=args.published)
    units = batch_inputs.expand(args.inputs)
    todo = []
    skipped = 0
    for item in batch_inputs.items(units):
        try:
            article = load_article(item, settings)
        except Exception:  # noqa: BLE001 - an unreadable story is not cached; batch gives it an error record
            skipped += 1
            continue
        if not article.body.strip() or len(article.body) > nlp.max_length:
            skipped += 1
            continue
        todo.append((item.source, article))
        if args.limit and len(todo) >= args.limit:
            break
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("shard-*.pkl"):
        old.unlink()
    started = time.perf_counter()
    with nlp.select_pipes(disable=claimx_pipes):
        for n in range(0, len(todo), SHARD_SIZE):
            part = todo[n:n + SHARD_SIZE]
            docs = parsed(extractor, [a for _, a in part], args.n_process)
            shard = [(source, article, doc.to_bytes()) for (source, article), doc in zip(part, docs)]
            with (out / f"shard-{n // SHARD_SIZE:05d}.pkl").open("wb") as f:
                pickle.dump(shard, f, protocol=pickle.HIGHEST_PROTOCOL)
            print(f"  {n + len(part):,} of {len(todo):,} parsed ({time.perf_counter() - started:.0f} s)",
                  file=sys.stderr)
    meta = {**_fingerprint(nlp), "model_arg": args.model, "stories": len(todo), "skipped": skipped,
            "inputs": args.inputs}
    (out / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    print(f"cached {len(todo):,} parsed stories in {out} ({skipped} skipped: unreadable, empty or too long)")
    return 0


def parsed(extractor, articles, n_process: int):
    """Each article's Doc with spaCy's components run, in order: through ``nlp.pipe``, a long body in
    pieces as ``Extractor.parsed`` makes it (so ``run`` gives the records ``claimx batch`` writes)."""
    piped = extractor.nlp.pipe((extractor.make_doc(a) for a in articles if not extractor.is_long(a)),
                               batch_size=64, n_process=n_process)
    for article in articles:
        yield extractor.parsed(article) if extractor.is_long(article) else next(piped)


def cached(cache: Path):
    """(source, Article, Doc bytes) for every cached story, in input order."""
    for path in sorted(cache.glob("shard-*.pkl")):
        with path.open("rb") as f:
            yield from pickle.load(f)


def run(args) -> int:
    from spacy.tokens import Doc

    from claimx.extractor import Extractor
    from claimx.record import build_record
    from claimx.render import to_jsonl

    cache = Path(args.cache)
    meta = json.loads((cache / "meta.json").read_text(encoding="utf-8"))
    config = json.loads(args.config) if args.config else None
    extractor = Extractor(meta.get("model_arg"), config)
    nlp = extractor.nlp
    now = _fingerprint(nlp)
    if now != {k: meta.get(k) for k in now}:
        sys.exit(f"parse_cache: the cache was built with {meta}, this pipeline is {now}: rebuild it")
    components = [(name, pipe) for name, pipe in nlp.pipeline
                  if name.startswith("claimx_") and name != "claimx_paragraphs"]
    spent = dict.fromkeys((n for n, _ in components), 0.0)
    started, cpu = time.perf_counter(), time.process_time()
    count = 0
    with Path(args.output).open("w", encoding="utf-8") as out:
        for source, article, data in cached(cache):
            doc = Doc(nlp.vocab).from_bytes(data)
            for name, pipe in components:
                t = time.process_time()  # CPU time: other work on the machine does not count
                doc = pipe(doc)
                spent[name] += time.process_time() - t
            record = build_record(doc, article, model=extractor.model)
            if args.with_text:
                record["text"] = article.text
            out.write(to_jsonl(record))
            count += 1
            if args.limit and count >= args.limit:
                break
    total = time.process_time() - cpu
    print(f"{count:,} records in {time.perf_counter() - started:.1f} s ({total:.1f} s of CPU) -> {args.output}",
          file=sys.stderr)
    if args.timing:
        for name, seconds in spent.items():
            print(f"  {name:18} {seconds:8.2f} s of CPU  {seconds / total:6.1%}", file=sys.stderr)
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="parse the inputs once and keep the Docs")
    b.add_argument("inputs", nargs="+", help="files, folders or JSON Lines files, as claimx batch takes them")
    b.add_argument("-o", "--output", required=True, help="the cache folder (outside the repository)")
    b.add_argument("--model", default=None)
    b.add_argument("--published", default=None)
    b.add_argument("--n-process", type=int, default=1)
    b.add_argument("--limit", type=int, default=0)
    r = sub.add_parser("run", help="run claimx's components over a cache")
    r.add_argument("cache")
    r.add_argument("-o", "--output", required=True)
    r.add_argument("--config", default=None, help="JSON: component name -> config, as Extractor takes it")
    r.add_argument("--with-text", action="store_true", help="put the article text in each record")
    r.add_argument("--timing", action="store_true", help="each component's time")
    r.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    return build(args) if args.command == "build" else run(args)


if __name__ == "__main__":
    sys.exit(main())
