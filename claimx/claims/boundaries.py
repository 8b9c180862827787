"""Where a content starts and stops: the cuts and extensions every finder applies.

A cue's complement clause is the start; these functions carry it on over what the
parser split off ("and that ...", a colon's list, the quotation it opens) and cut
what the writer added ("..., which ...", "; ...", "..., although ..."), and say
whether a content is quoted (``content_kind``).
"""
from __future__ import annotations

import numpy
from spacy.tokens import Doc, Token

from ..docutil import Range, sentence_range, word_positions
from .syntax import (SUBJECT_DEPS, clause_mark, has_clause_mark, is_filler, is_quote_mark,
                     subtree_range, trim, word_after_colon)
from .types import Attribution, QuoteSpan, QuoteSpans
from .vocabulary import ClaimsVocabulary


def extend_over_conjoined_that(doc: Doc, span: Range) -> Range:
    """Carry the content on to the end of the sentence when it goes on with "and that ...".

    "refuted the claim that A, and B, and that C": C continues the same reported content.
    """
    start, end = span
    if end <= start or end >= len(doc):
        return span
    sent_end = sentence_range(doc, end - 1)[1]
    # Each "that" in the rest of the sentence, looked up: a walk over it per claim was quadratic
    # in a long sentence.  The last "and/or/but that" sets the end.
    thats = word_positions(doc, "that")
    first = int(numpy.searchsorted(thats, end + 1, "left"))
    for j in thats[first:int(numpy.searchsorted(thats, sent_end, "left"))].tolist():
        if doc[j - 1].lower_ in ("and", "or", "but") and doc[j].dep_ == "mark":
            end = doc[j].head.right_edge.i + 1
    return start, max(end, span[1])


def content_of(verb: Token, comp: Token, vocab: ClaimsVocabulary) -> Range:
    """The content a reporting verb governs through its complement clause."""
    start, end = subtree_range(comp)
    mark = clause_mark(comp, vocab.clause_marks)
    if mark is not None and mark.i > start:
        # Words the parser hung on the clause before its "that" belong to the frame, not the content.
        start = mark.i
    if comp.i > verb.i:
        # "a wall, which he said Mexico should pay for": the relative word before the cue is not reported.
        start = max(start, verb.i + 1)
        # Conjoined complements ("said that A and that B") belong to the same content.
        for sib in verb.rights:
            if sib.i > comp.i and sib.dep_ in ("conj", "ccomp") and has_clause_mark(sib, vocab):
                end = max(end, sib.right_edge.i + 1)
            elif sib.i > comp.i and is_hung_subordinate(sib, end, vocab):
                end = max(end, sib.right_edge.i + 1)
        start, end = extend_over_conjoined_that(verb.doc, (start, end))
        end = cut_at_parallel_cue(verb, start, end, vocab)
        end = cut_closing_relative(verb.doc, start, end, vocab)
        end = cut_at_semicolon(verb.doc, start, end)
        end = cut_closing_concession(comp, start, end, vocab)
    else:
        # "A because B, officials said": everything before the attribution's frame is
        # the content, whatever the parser hung where.
        frame = frame_start(verb)
        start = min(start, sentence_range(verb.doc, comp.i)[0])
        end = frame if frame > start else end
        start = past_paragraph_break(verb.doc, start, end)
    return trim(verb.doc, (start, end), vocab.clause_marks)


def cut_closing_relative(doc: Doc, start: int, end: int, vocab: ClaimsVocabulary) -> int:
    """ "said he backs the bill, which adds a toll": a comma-led relative clause that closes the
    content is the writer's aside about the last noun, not part of what was said."""
    last = trim(doc, (start, end), vocab.clause_marks)[1]
    for i in range(start + 1, last - 1):
        pronoun = doc[i + 1]
        clause = pronoun.head
        if doc[i].text == "," and pronoun.tag_ in ("WDT", "WP", "WP$") and clause.dep_ == "relcl" \
                and start <= clause.head.i < i and clause.right_edge.i + 1 >= last:
            return i
    return end


def cut_at_semicolon(doc: Doc, start: int, end: int) -> int:
    """ "said the delay was an accident; they heard of it only on Monday": a semicolon ends the
    reported clause, and what follows is the writer's own sentence (a quotation is widened back later)."""
    return next((i for i in range(start + 1, end) if doc[i].text == ";"), end)


def cut_closing_concession(root: Token, start: int, end: int, vocab: ClaimsVocabulary) -> int:
    """ "said the harvest was its best, although prices stayed low": a comma-led
    concession that closes the content is the writer weighing the claim, not the claim."""
    doc = root.doc
    last = trim(doc, (start, end), vocab.clause_marks)[1]
    for clause in root.rights:
        mark = clause_mark(clause, vocab.aside_marks)
        comma = clause.left_edge.i - 1
        if clause.dep_ == "advcl" and mark is not None and start < comma and doc[comma].text in (",", "—", "–", "--") \
                and clause.right_edge.i + 1 >= last:
            return comma
    return end


def past_paragraph_break(doc: Doc, start: int, end: int) -> int:
    """ "A.¶“B,” said Lee": a trailing frame after a quotation that opens its own line reports
    that quotation, whatever sentence before it the parser ran on from."""
    breaks = [t.i + 1 for t in doc[start:end - 1] if t.is_space and "\n" in t.text + t.whitespace_
              and is_quote_mark(doc[t.i + 1])]
    return breaks[-1] if breaks else start


def is_hung_subordinate(sib: Token, end: int, vocab: ClaimsVocabulary) -> bool:
    """ "said the plan failed, because costs rose": a subordinate clause right after the content
    that the parser hung on the reporting verb gives the reported reason or condition."""
    # "..., as police have said" is a source marker, and ", although ..." the writer's concession.
    mark = clause_mark(sib)
    return sib.dep_ == "advcl" and sib.left_edge.i <= end + 2 and mark is not None \
        and mark.lower_ != "as" and mark.lower_ not in vocab.aside_marks


def frame_start(verb: Token) -> int:
    """Where a trailing attribution frame (", officials said", ", said Smith") begins."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    first = subject.left_edge.i if subject is not None else verb.i
    doc = verb.doc
    while first > 0 and (doc[first - 1].is_punct or doc[first - 1].is_space):
        first -= 1
    return first


def cut_at_parallel_cue(verb: Token, start: int, end: int, vocab: ClaimsVocabulary) -> int:
    """ "said A and questioned B", "said A, insisting B": the second cue starts a claim of its own."""
    doc, cue_lemmas = verb.doc, vocab.verbs
    for i in range(start + 1, end):
        token = doc[i]
        if token.pos_ == "VERB" and token.dep_ in ("conj", "advcl") and token.tag_ in ("VBD", "VBG", "VBZ") \
                and not any(c.dep_ in SUBJECT_DEPS for c in token.children) \
                and doc[i - 1].lower_ in (",", "and", "but") and token.lemma_.lower() in cue_lemmas:
            return i - 1
        # "said A, while other voters said B": a new speaker with a cue of their own starts a new claim.
        if token.pos_ == "VERB" and token.dep_ in ("conj", "advcl") and token.tag_ in ("VBD", "VBZ", "VBP") \
                and token.lemma_.lower() in cue_lemmas and token.i != verb.i:
            subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS and c.i < token.i), None)
            opener = subject.left_edge.i - 1 if subject is not None else -1
            if opener > start and doc[opener].lower_ in vocab.clause_joiners:
                return opener - 1 if doc[opener - 1].text == "," else opener
    return end


def extend_into_opened_quote(doc: Doc, content: Range, in_quote: list[int]) -> Range:
    """ "said she remembered asking, “Why ...?”": a quotation whose opening mark the parser
    hung on the content's last word is that word's argument, and part of the content."""
    start, end = content
    i = end
    while i < len(doc) and (doc[i].is_space or doc[i].text in (",", ":")):
        i += 1
    if i >= len(doc) or not is_quote_mark(doc[i]) or in_quote[i] < 0 or not (start <= doc[i].head.i < end):
        return content
    if any(in_quote[j] == in_quote[i] for j in range(start, end)):
        return content  # the content already holds part of that quotation: the mark closes it
    close = i
    while close < len(doc) and in_quote[close] == in_quote[i]:
        close += 1
    return start, close


def end_at_closing_quote(doc: Doc, content: Range, in_quote: list[int], vocab: ClaimsVocabulary) -> Range:
    """ "saying, “Bread waits for no one,” when a customer teased him": content that opens a quotation
    ends with it; an unquoted clause after the closing mark is the writer's narration."""
    start, end = content
    first = start
    while first < end and (doc[first].is_space or doc[first].is_punct) and in_quote[first] < 0:
        first += 1
    if first >= end or in_quote[first] < 0:
        return content
    close = first
    while close < end and in_quote[close] == in_quote[first]:
        close += 1
    rest = [t for t in doc[close:end] if not is_filler(t)]
    # Only a clause the quotation does not go on into: no further quotation, no second part.
    if close >= end or not rest or any(in_quote[t.i] >= 0 for t in rest):
        return content
    # The quoted words end on their own punctuation (“…,” when): a quoted phrase that the
    # sentence goes on from ("that “top secret” files were found") is part of the content.
    last = close - 1
    while last > first and (is_quote_mark(doc[last]) or doc[last].is_space):
        last -= 1
    return trim(doc, (start, close), vocab.clause_marks) if doc[last].text in (",", ".", "?", "!") else content


def extend_over_colon(doc: Doc, content: Range, vocab: ClaimsVocabulary) -> Range:
    """ "promoted a handful of ideas: A, B and C": what follows a colon right after the content spells it out."""
    start, end = content
    colon = end
    while colon < len(doc) and (doc[colon].is_space or is_quote_mark(doc[colon])):
        colon += 1
    if colon + 1 >= len(doc) or doc[colon].text != ":":
        return content
    first, new_paragraph = word_after_colon(doc, colon)
    if first >= len(doc) or new_paragraph:
        return content
    # A quotation after the colon is an attribution of its own; a capitalised word other than a
    # name starts a new sentence that argues on ("...: Most voters disagree").
    if is_quote_mark(doc[first]) or (doc[first].is_title and doc[first].pos_ != "PROPN"):
        return content
    return trim(doc, (start, sentence_range(doc, first)[1]), vocab.clause_marks)


ASIDE_DEPS = {"relcl", "appos"}


def cut_aside(doc: Doc, head: Token, end: int) -> int:
    """Where a noun phrase's comma-led aside begins (", who ...", ", which ...", ", the former ..."), else end.

    What was praised or cited is the noun phrase; the writer's aside about it is not.
    """
    for i in range(head.i + 1, end - 1):
        nxt = doc[i + 1]
        aside = nxt if nxt.dep_ in ASIDE_DEPS else nxt.head if nxt.head.dep_ in ASIDE_DEPS and nxt.head.i > i else None
        # A list the parser hung as an apposition ("a platform, opposition to X and reforms") goes on.
        if doc[i].text == "," and aside is not None and not any(c.dep_ == "conj" for c in aside.subtree):
            return i
    return end


def goes_on_past_frame(doc: Doc, frame_end: int, end: int) -> bool:
    """ "it is wiser, she added, to wait a year": the clause resumes after ", she added,"."""
    # A conjunction or a new sentence after the frame starts something else ("A, he said, and B").
    nxt = next((t for t in doc[frame_end:end] if not t.is_space), None)
    return nxt is not None and not nxt.is_punct and nxt.dep_ != "cc" and doc[frame_end - 1].text == "," \
        and end - nxt.i > 1


def frame_gap(content: Range, verb: Token, vocab: ClaimsVocabulary) -> list[Range] | None:
    """The content's two parts when its own cue's frame interrupts it ("A, he said, B"), else None."""
    lo, hi = subtree_range(verb)
    if not (content[0] < lo and hi < content[1]):
        return None
    marks = vocab.clause_marks
    return [trim(verb.doc, (content[0], lo), marks), trim(verb.doc, (hi, content[1]), marks)]


def absorb_quotes(doc: Doc, found: list[Attribution], quotes: QuoteSpans) -> None:
    """Widen content that ends inside a quotation to the whole quotation, and set its kind."""
    for a in found:
        start, end = a.content
        for q in quotes.after(start, "inner"):
            lo, hi = q.inner
            if quotes.ordered and lo >= end:
                break  # ordered: neither this quotation nor a later one meets the content
            cue_inside = a.cue is not None and q.outer[0] <= a.cue[0] < q.outer[1]
            if cue_inside or not (start < hi and lo < end):
                continue
            start, end = min(start, lo), max(end, hi)
        a.content = (start, end)
        a.kind = content_kind(doc, a.content, quotes)


def content_kind(doc: Doc, content: Range, quotes: list[QuoteSpan]) -> str:
    """direct: all quoted; mixed: quoted and unquoted words, or a quote after "that"; else indirect."""
    start, end = content
    quoted = [False] * (end - start)
    touched = []
    ordered = isinstance(quotes, QuoteSpans) and quotes.ordered
    for q in quotes.after(start) if ordered else quotes:
        if ordered and q.outer[0] >= end:
            break  # ordered: neither this quotation nor a later one meets the content
        lo, hi = max(q.outer[0], start), min(q.outer[1], end)
        if lo < hi:
            touched.append(q)
            for i in range(lo, hi):
                quoted[i - start] = True
    if not touched:
        return "indirect"
    unquoted_words = [doc[start + k] for k, flag in enumerate(quoted)
                      if not flag and not is_filler(doc[start + k])]
    if unquoted_words:
        return "mixed"
    first = touched[0].outer[0]
    previous = first - 1
    while previous >= 0 and doc[previous].is_space:
        previous -= 1
    if previous >= 0 and doc[previous].lower_ == "that":
        return "mixed"
    return "direct"
