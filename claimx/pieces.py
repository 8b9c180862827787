"""Long bodies parsed in paragraph-aligned pieces, joined back into one Doc.

spaCy's cost per Doc is not linear in its length (time and, above all, memory:
about 4 GB for an 800,000-character Doc), and its own advice is to split long
texts.  A body longer than ``piece_chars`` is cut at paragraph breaks (else line
breaks, else spaces) into pieces of at most that size, each keeping the white space
that ends it, so the pieces' texts concatenate to exactly the body.  spaCy's
statistical components (and ``claimx_paragraphs``) run on each piece; the pieces'
Docs are joined into one Doc (``Doc.from_docs``), and claimx's own components run on
it, so speakers, anchors, quotes and events are resolved across the whole article
and every offset is one into the body, as for a Doc made whole.

A body of ``piece_chars`` characters or fewer takes the single-Doc path unchanged.
"""
from __future__ import annotations

import re

import numpy

from .paragraphs import NEWLINE, PARAGRAPH_BREAK

# Characters a piece holds at most.  Measured (benchmarks/long_shapes.py): spaCy's time and
# memory per character stay flat up to about this size; news stories are far shorter (the
# longest PolNeAR dev story is 22,068 characters), so they are never split.
DEFAULT_PIECE_CHARS = 50_000

# Within a piece's window, the last of these ends the piece, the first kind found wins:
# a paragraph break, a line break, the space after a sentence end, any space.
LINE_BREAK = re.compile(NEWLINE)
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")
SPACE = re.compile(r"\s")
CUTS = (PARAGRAPH_BREAK, LINE_BREAK, SENTENCE_END, SPACE)


def piece_bounds(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) of each piece: consecutive, covering ``text``, each at most ``size`` characters
    (plus the white space run that ends it, up to ``size`` more); one piece when the text fits."""
    if size < 1:
        raise ValueError(f"piece size must be at least 1, not {size}")
    bounds = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        bounds.append((start, end))
        start = end
    if start < len(text) or not bounds:
        bounds.append((start, len(text)))
    return bounds


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece from ``start`` ends: past the last break before ``limit`` and the white
    space after it, so the next piece starts with a word (a hard cut at ``limit`` when none)."""
    window = text[start:limit]
    for pattern in CUTS:
        last = None
        for last in pattern.finditer(window):
            pass
        if last is not None and last.end() > 0:
            end = start + last.end()
            # The whole white space run stays with the piece it ends (bounded: a run of
            # spaces longer than a piece is cut too).
            while end < len(text) and end < limit + (limit - start) and text[end].isspace():
                end += 1
            return end
    return limit


def parse(nlp, make_doc, text: str, size: int):
    """The Doc of ``text`` with spaCy's components and ``claimx_paragraphs`` run, piece by piece and
    joined; ``make_doc(piece_text)`` makes each piece's Doc (claimx's own components are not run)."""
    from spacy.tokens import Doc  # here: importing claimx does not import spaCy (nor its command line's typer)

    pipes = piece_pipes(nlp)
    docs = []
    for start, end in piece_bounds(text, size):
        doc = make_doc(text[start:end])
        for _, proc in pipes:
            doc = proc(doc)
        # Dropping each piece's tensor keeps memory to one piece's.  The rules never read it; the
        # opt-in claim scorer does, and on a long body falls back to its no-tensor features.
        doc.tensor = numpy.zeros((0, 0), dtype="float32")
        docs.append(doc)
    if len(docs) == 1:
        return docs[0]
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data", "spans"])


def piece_pipes(nlp) -> list:
    """The components run on each piece: spaCy's own and ``claimx_paragraphs`` (sentence starts
    before the parser), in pipeline order."""
    return [(name, proc) for name, proc in nlp.pipeline
            if not name.startswith("claimx_") or name == "claimx_paragraphs"]


def doc_pipes(nlp) -> list:
    """The components run on the joined Doc: claimx's own, in pipeline order."""
    piece = {name for name, _ in piece_pipes(nlp)}
    return [(name, proc) for name, proc in nlp.pipeline if name not in piece]
