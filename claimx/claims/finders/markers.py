"""Finders: words that set a source or hearsay on a clause without a cue verb.

"according to X, ..." (source markers), "In a Gazette poll, ..." (source
documents), "The firm reportedly paid ..." (hearsay adverbs).
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from ...docutil import Range, sentence_range
from ..sources import attribution_confidence, subject_of
from ..syntax import subtree_range, tokens_at, trim
from ..reading import Reading
from ..types import Attribution, Rule
from ..vocabulary import ClaimsVocabulary


def marker_attributions(reading: Reading, positions: Iterable[int] | None = None) -> list[Attribution]:
    """Source markers: "according to X, ...", "in the words of X, ..."."""
    doc, vocab, in_quote = reading.doc, reading.vocab, reading.in_quote
    found = []
    for i in (range(len(doc)) if positions is None else positions):
        if in_quote[i] >= 0:
            continue
        for phrase, cue in vocab.markers.items():
            words = phrase.split()
            n = len(words)
            if [t.lower_ for t in doc[i:i + n]] != words:
                continue
            source = marker_source(doc, i + n)
            if source is None:
                continue
            content = marker_content(doc, (i, source[1]), vocab)
            if content is None:
                continue
            found.append(Attribution(content, (i, i + n), cue.cls, source,
                                     attribution_confidence(cue, source, vocab), Rule.SOURCE_MARKER,
                                     cue_lemma=phrase, path=side(content, (i, i + n))))
    return found


def hearsay_attributions(reading: Reading, positions: Iterable[int] | None = None) -> list[Attribution]:
    """ "The firm reportedly paid the fine": an adverb that marks its clause as what others say, naming no one."""
    doc, vocab, in_quote = reading.doc, reading.vocab, reading.in_quote
    found = []
    for adverb in tokens_at(doc, positions):
        if adverb.lower_ not in vocab.hearsay_adverbs or adverb.dep_ != "advmod" or in_quote[adverb.i] >= 0:
            continue
        clause = adverb.head
        # The adverb must qualify a clause: a verb with its own subject (or one it shares in a chain).
        if clause.pos_ not in ("VERB", "AUX") or subject_of(clause) is None:
            continue
        start, end = subtree_range(clause)
        # "Reportedly, the mayor resigned": a fronted adverb is the cue, not part of what is said.
        content = trim(doc, (adverb.i + 1 if start == adverb.i else start, end), vocab.clause_marks)
        if content[1] - content[0] < 3:
            continue
        found.append(Attribution(content, (adverb.i, adverb.i + 1), "speech", None, vocab.confidences.hearsay_adverb,
                                 Rule.HEARSAY_ADVERB, cue_lemma=adverb.lower_, path="clause"))
    return found


def document_attributions(reading: Reading, positions: Iterable[int] | None = None) -> list[Attribution]:
    """ "In a Gazette poll, Ortiz led Brandt": a poll or study set as the source."""
    doc, vocab, in_quote = reading.doc, reading.vocab, reading.in_quote
    found = []
    for prep in tokens_at(doc, positions):
        if prep.lower_ != "in" or prep.dep_ != "prep" or in_quote[prep.i] >= 0:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        # Only findings "in" a document: "in the polls", not "in Ohio" or "in May".
        if obj is None or obj.lemma_.lower() not in vocab.documents:
            continue
        source = trim(doc, (obj.left_edge.i, obj.right_edge.i + 1))
        content = marker_content(doc, (prep.i, source[1]), vocab)
        # "has a lead in the polls", "slid in national polls": plural polls after the clause
        # are the race's standing, not a document that says the clause.
        if content is not None and content[0] < prep.i and obj.tag_ in ("NNS", "NNPS") \
                and obj.lemma_.lower() in vocab.standings:
            continue
        if content is not None:
            found.append(Attribution(content, (prep.i, prep.i + 1), "evidence", source,
                                     vocab.confidences.source_document, Rule.SOURCE_DOCUMENT,
                                     cue_lemma=obj.lemma_.lower(), path=side(content, (prep.i, source[1]))))
    return found


# Tokens a marker's source may run to before a comma or the clause's end: a longer stretch is no
# name.  The longest in PolNeAR's dev split is 18 words; unbounded, "according to" repeated in one
# endless sentence gave each marker a source to the sentence's end (text quadratic in its length,
# which the speakers' matching and the html view's highlights multiplied into gigabytes).
MAX_SOURCE_TOKENS = 40


def marker_source(doc: Doc, start: int) -> Range | None:
    """The noun phrase right after a marker, up to a comma or the end of the clause (None past
    ``MAX_SOURCE_TOKENS``)."""
    if start >= len(doc):
        return None
    sent_end = sentence_range(doc, start)[1]
    end = start
    while end < sent_end and not (doc[end].is_punct and doc[end].text not in ("-", "'", "’", ".", "&")) \
            and not doc[end].is_quote and not (doc[end].text == "." and end == sent_end - 1):
        end += 1
        if end - start > MAX_SOURCE_TOKENS:
            return None
    head = next((t for t in doc[start:end] if t.head.i < start or t.head.i >= end), None)
    if head is None:
        return None
    # "according to the finance director, Daniel Okafor, ...": the name belongs to the source.
    if end + 2 < sent_end and doc[end].text == "," and doc[end + 1].ent_type_ == "PERSON" \
            and doc[end + 1].ent_iob_ == "B":
        name_end = end + 1
        while name_end < sent_end and doc[name_end].ent_type_ == "PERSON" and (
                name_end == end + 1 or doc[name_end].ent_iob_ == "I"):
            name_end += 1
        if name_end < sent_end and doc[name_end].text == ",":
            end = name_end
    return trim(doc, (start, end))


def side(content: Range, phrase: Range) -> str:
    """Where the content stands from its marker phrase: "before", "after" or "around" it."""
    return "after" if content[0] >= phrase[1] else "before" if content[1] <= phrase[0] else "around"


def marker_content(doc: Doc, phrase: Range, vocab: ClaimsVocabulary) -> Range | None:
    """What a marker attributes: the rest of its sentence, on whichever side it stands."""
    sent_start, sent_end = sentence_range(doc, phrase[0])
    before = trim(doc, (sent_start, phrase[0]), vocab.clause_marks)
    after = trim(doc, (phrase[1], sent_end), vocab.clause_marks)
    if before[1] - before[0] >= 3 and after[1] - after[0] >= 3:
        return trim(doc, (sent_start, sent_end), vocab.clause_marks)
    best = after if after[1] - after[0] >= before[1] - before[0] else before
    return best if best[1] - best[0] >= 3 else None
